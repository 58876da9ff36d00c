// `GET /metrics`: Prometheus metrics for the operator's scraper on the same host (process, event loop, audit
// commits); other hosts get 404, as for any unknown path.
import express, { type Router } from 'express';
import type { Registry } from 'prom-client';

export function metricsRoute(metrics: Registry): Router {
  const router = express.Router();
  router.get('/metrics', async (req, res, next) => {
    if (!isLoopback(req.socket.remoteAddress)) return next();
    res.type(metrics.contentType).send(await metrics.metrics());
  });
  return router;
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
