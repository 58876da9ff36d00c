// How the gateway talks to a subgraph: request id and the subgraph's own context token forwarded, and a failure
// to reach the subgraph turned into one clear error naming the service (no URL, socket error or response body
// reaches the client).
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { serviceUnavailable } from '@hub/schema';
import { CONTEXT_HEADER } from '@hub/kit/context-token';
import type { Logger } from 'pino';
import type { HubGatewayContext } from './context';

export class HubDataSource extends RemoteGraphQLDataSource<HubGatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly log: Logger,
    timeoutMs: number,
  ) {
    super({ url });
    // The default fetcher is make-fetch-happen; its `defaults` adds a timeout and turns off retries (a retry of a
    // slow subgraph doubles the load on it exactly when it is struggling).
    type Fetcher = RemoteGraphQLDataSource['fetcher'];
    const base = this.fetcher as unknown as { defaults(o: object): Fetcher };
    this.fetcher = base.defaults({ timeout: timeoutMs, retry: false });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<HubGatewayContext>): Promise<void> {
    if (!context?.contextToken) return; // health checks and schema loading carry no request context
    request.http?.headers.set('x-request-id', context.requestId);
    (context.subgraphs ??= new Set()).add(this.serviceName);
    request.http?.headers.set(CONTEXT_HEADER, await context.contextToken(this.serviceName));
  }

  override didEncounterError(error: Error): never {
    this.log.warn({ service: this.serviceName, err: { message: error.message, name: error.name } }, 'subgraph request failed');
    throw serviceUnavailable(this.serviceName);
  }
}
