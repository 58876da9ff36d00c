// A subgraph's Prometheus metrics (prom-client, as the gateway's): the process's own (event loop, memory, GC),
// SQL statements sent, GraphQL requests by outcome and their duration, errors by registry code.
import type { ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface SubgraphMetrics {
  registry: Registry;
  /** Counts and times every GraphQL request, and counts its errors by code. */
  plugin: ApolloServerPlugin;
}

export function subgraphMetrics(
  subgraph: string,
  stats: { sqlStatements: number; requests: number },
  /** Called with each request's operation as it arrives (tests watch what the gateway sends). */
  onOperation?: (op: { query?: string; variables?: Record<string, unknown> }) => void,
): SubgraphMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ subgraph });
  collectDefaultMetrics({ register: registry, prefix: 'hub_subgraph_' });
  new Counter({
    name: 'hub_sql_statements_total',
    help: "SQL statements sent to this subgraph's database.",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(stats.sqlStatements);
    },
  });
  new Counter({
    name: 'hub_graphql_requests_total',
    help: 'GraphQL requests received.',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(stats.requests);
    },
  });
  const duration = new Histogram({
    name: 'hub_graphql_request_duration_seconds',
    help: 'Time from a GraphQL request received to its answer ready, by operation type.',
    labelNames: ['operation'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'hub_graphql_errors_total',
    help: 'Errors in GraphQL answers, by registry code.',
    labelNames: ['code'],
    registers: [registry],
  });
  const plugin: ApolloServerPlugin = {
    async requestDidStart({ request }) {
      stats.requests += 1;
      onOperation?.({ query: request.query, variables: request.variables });
      const end = duration.startTimer();
      return {
        async willSendResponse({ operation, errors: errs }) {
          end({ operation: operation?.operation ?? 'none' });
          for (const e of errs ?? []) errors.inc({ code: String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
        },
      };
    },
  };
  return { registry, plugin };
}
