// How the gateway talks to a subgraph: request id and the subgraph's own context token forwarded, and a failure
// to reach the subgraph turned into one clear error naming the service (no URL, socket error or response body
// reaches the client).
//
// Requests go through undici's connection pool (keep-alive, no retries: a retry of a slow subgraph doubles the load
// on it exactly when it is struggling). Apollo's default fetcher (make-fetch-happen) builds an HTTP agent that
// inspects a stack trace on every request; the profile showed it as the largest cost in the gateway.
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { Agent } from 'undici';
import { serviceUnavailable } from '@hub/schema';
import { CONTEXT_HEADER } from '@hub/kit/context-token';
import type { Logger } from 'pino';
import type { HubGatewayContext } from './context';

/** A fetch-shaped function over an undici pool: what RemoteGraphQLDataSource reads of a response, read once. */
export function poolFetcher(agent: Agent): Fetcher {
  return async (url, init) => {
    const target = new URL(url);
    const res = await agent.request({
      origin: target.origin,
      path: `${target.pathname}${target.search}`,
      method: (init?.method ?? 'GET') as 'POST',
      headers: init?.headers,
      body: init?.body,
    });
    const text = await res.body.text();
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response: FetcherResponse = {
      bodyUsed: false,
      url,
      redirected: false,
      status: res.statusCode,
      ok: res.statusCode >= 200 && res.statusCode < 300,
      statusText: '',
      headers,
      text: async () => text,
      json: async () => JSON.parse(text),
      arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
      clone: () => response,
    };
    return response;
  };
}

export class HubDataSource extends RemoteGraphQLDataSource<HubGatewayContext> {
  private readonly agent: Agent;

  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly log: Logger,
    timeoutMs: number,
  ) {
    super({ url });
    this.agent = new Agent({ headersTimeout: timeoutMs, bodyTimeout: timeoutMs, connections: 128, keepAliveTimeout: 30_000 });
    this.fetcher = poolFetcher(this.agent);
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<HubGatewayContext>): Promise<void> {
    if (!context?.contextToken) return; // health checks and schema loading carry no request context
    request.http?.headers.set('x-request-id', context.requestId);
    (context.subgraphs ??= new Set()).add(this.serviceName);
    request.http?.headers.set(CONTEXT_HEADER, await context.contextToken(this.serviceName));
  }

  /** Closes the pooled connections (the gateway's shutdown). */
  close(): Promise<void> {
    return this.agent.close();
  }

  override didEncounterError(error: Error): never {
    this.log.warn({ service: this.serviceName, err: { message: error.message, name: error.name } }, 'subgraph request failed');
    throw serviceUnavailable(this.serviceName);
  }
}
