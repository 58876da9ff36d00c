// How the gateway talks to a subgraph: request id and the subgraph's own context token forwarded, and a failure
// to reach the subgraph turned into one clear error naming the service (no URL, socket error or response body
// reaches the client).
//
// Requests go through undici's connection pool (keep-alive, no retries: a retry of a slow subgraph doubles the load
// on it exactly when it is struggling). Apollo's default fetcher (make-fetch-happen) builds an HTTP agent that
// inspects a stack trace on every request; the profile showed it as the largest cost in the gateway.
//
// Entity fetches send each distinct representation once: a list of 10,000 records in 161 communes asks the directory
// for 161 communes, not 10,000 (the gateway's query plan sends one representation per occurrence), and the answer is
// spread back over the occurrences before the gateway merges it.
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { Agent } from 'undici';
import { serviceUnavailable } from '@hub/schema';
import { CONTEXT_HEADER } from '@hub/runtime/context-token';
import type { Logger } from 'pino';

/** What a request's calls to subgraphs carry (the subgraph-fetch stage makes one per request). */
export interface SubgraphCalls {
  requestId: string;
  /** The context token for this request's calls to `subgraph`: it names the caller and what they may read there. */
  contextToken(subgraph: string): Promise<string>;
  /** Notes that the request called `subgraph`. */
  called(subgraph: string): void;
}

/** A fetch-shaped function over an undici pool: what RemoteGraphQLDataSource reads of a response, read once. */
function poolFetcher(agent: Agent): Fetcher {
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

const END = Symbol('representation');
type Trie = Map<unknown, Trie | number>;

/**
 * The distinct representations, and for each original one the index of its distinct copy. The usual flat ones
 * (`{ __typename, code }`) are told apart by a trie over their properties' names and values in order, without
 * building a key; anything nested by its JSON. On a list's 10,000 representations a third of the time of
 * JSON.stringify keys. Two representations listing the same properties in another order count as distinct (as their
 * JSON would): they are only asked twice.
 */
export function dedupeRepresentations(representations: readonly unknown[]): { unique: unknown[]; indexOf: number[] } {
  const root: Trie = new Map();
  const byJson = new Map<string, number>();
  const unique: unknown[] = [];
  const indexOf = new Array<number>(representations.length);
  const add = (r: unknown) => unique.push(r) - 1;
  for (let i = 0; i < representations.length; i++) {
    const r = representations[i] as Record<string, unknown>;
    let node: Trie | undefined = root;
    if (r !== null && typeof r === 'object') {
      for (const name in r) {
        const v = r[name];
        if (v !== null && typeof v === 'object') {
          node = undefined;
          break;
        }
        let values = node.get(name) as Trie | undefined;
        if (!values) node.set(name, (values = new Map()));
        let next = values.get(v) as Trie | undefined;
        if (!next) values.set(v, (next = new Map()));
        node = next;
      }
    } else node = undefined;
    if (node) {
      let u = node.get(END) as number | undefined;
      if (u === undefined) node.set(END, (u = add(r)));
      indexOf[i] = u;
    } else {
      const key = JSON.stringify(r);
      let u = byJson.get(key);
      if (u === undefined) byJson.set(key, (u = add(r)));
      indexOf[i] = u;
    }
  }
  return { unique, indexOf };
}

/**
 * A subgraph's answer to the distinct representations, as if it had been asked for every occurrence: `_entities`
 * in the original order (occurrences of one representation share its answer), and each error about `_entities[u]`
 * repeated for every occurrence of u.
 */
export function spreadEntities(response: GatewayGraphQLResponse, indexOf: readonly number[]): GatewayGraphQLResponse {
  const entities = response.data?._entities;
  const data = Array.isArray(entities) ? { ...response.data, _entities: indexOf.map((u) => entities[u] ?? null) } : response.data;
  let errors = response.errors;
  if (errors?.some((e) => e.path?.[0] === '_entities' && typeof e.path[1] === 'number')) {
    const occurrences = new Map<number, number[]>();
    indexOf.forEach((u, i) => occurrences.set(u, [...(occurrences.get(u) ?? []), i]));
    errors = errors.flatMap((e) =>
      e.path?.[0] === '_entities' && typeof e.path[1] === 'number'
        ? (occurrences.get(e.path[1]) ?? []).map((i) => ({ ...e, path: ['_entities', i, ...e.path!.slice(2)] }))
        : [e],
    );
  }
  return { ...response, data, errors };
}

export class HubDataSource extends RemoteGraphQLDataSource<SubgraphCalls> {
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

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<SubgraphCalls>): Promise<void> {
    if (!context?.contextToken) return; // health checks and schema loading carry no request context
    request.http?.headers.set('x-request-id', context.requestId);
    context.called(this.serviceName);
    request.http?.headers.set(CONTEXT_HEADER, await context.contextToken(this.serviceName));
  }

  override async process(options: GraphQLDataSourceProcessOptions<SubgraphCalls>): Promise<GatewayGraphQLResponse> {
    const representations = options.request.variables?.representations;
    if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION || !Array.isArray(representations) || representations.length < 2) {
      return super.process(options);
    }
    const { unique, indexOf } = dedupeRepresentations(representations);
    if (unique.length === representations.length) return super.process(options);
    const request = { ...options.request, variables: { ...options.request.variables, representations: unique } };
    return spreadEntities(await super.process({ ...options, request }), indexOf);
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
