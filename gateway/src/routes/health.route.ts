// `GET /health`: the gateway and every subgraph it calls (200 when all answer, 503 naming those that do not);
// `GET /health/live`: the gateway process alone, for a liveness probe. Both name the supergraph served (its hash,
// `supergraphHash` of @hub/schema), which changes when a reload (SIGHUP) swaps a new one in.
import express, { type Router } from 'express';

export function healthRoute(urls: Record<string, string>, supergraph: string): Router {
  const router = express.Router();
  router.get('/health', async (_req, res) => {
    const subgraphs = Object.fromEntries(
      await Promise.all(
        Object.entries(urls).map(async ([name, url]) => {
          const started = Date.now();
          try {
            const r = await fetch(url.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(2000) });
            return [name, { status: r.ok ? 'ok' : 'unavailable', latencyMs: Date.now() - started }] as const;
          } catch {
            return [name, { status: 'unavailable', latencyMs: Date.now() - started }] as const;
          }
        }),
      ),
    );
    const allOk = Object.values(subgraphs).every((s) => s.status === 'ok');
    res.status(allOk ? 200 : 503).json({ status: allOk ? 'ok' : 'degraded', service: 'gateway', supergraph, subgraphs });
  });
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway', supergraph });
  });
  return router;
}
