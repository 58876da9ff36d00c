// Peer (1) of the gateway benchmark: vanilla @apollo/gateway on @apollo/server, as a province would run it without
// the hub: no policy, no audit. The only addition is the header the sealed subgraphs demand (a valid context token
// for a PUBLIC caller, given by the benchmark), set the way Apollo documents for any header.
//   PORT, SUPERGRAPH (file), CONTEXT_TOKEN
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';

const env = process.env;
const token = env.CONTEXT_TOKEN!;

async function main(): Promise<void> {
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(env.SUPERGRAPH!, 'utf8'),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource({
        url,
        willSendRequest({ request }) {
          request.http?.headers.set('x-hub-context', token);
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: Number(env.PORT), host: '127.0.0.1' } });
  console.log(`ready ${url}`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
