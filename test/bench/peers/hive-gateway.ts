// Peer (3) of the gateway benchmark: Hive Gateway (@graphql-hive/gateway-runtime) on Node's HTTP server, on the
// same supergraph. The only addition is the header the sealed subgraphs demand (a valid context token for a PUBLIC
// caller, given by the benchmark), through Hive Gateway's own header configuration.
//   PORT, SUPERGRAPH (file), CONTEXT_TOKEN
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';

const env = process.env;
const token = env.CONTEXT_TOKEN!;

const gateway = createGatewayRuntime({
  supergraph: readFileSync(env.SUPERGRAPH!, 'utf8'),
  propagateHeaders: { fromClientToSubgraphs: () => ({ 'x-hub-context': token }) },
  // Identical concurrent subgraph requests would be sent once: the load repeats one query, so that would do less
  // work than the other two gateways. Off, like theirs.
  transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
  logging: false,
  maskedErrors: false,
});
const server = createServer(gateway);
server.listen(Number(env.PORT), '127.0.0.1', () => console.log(`ready http://127.0.0.1:${env.PORT}/graphql`));
const stop = () => server.close(() => void Promise.resolve(gateway.dispose()).then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
