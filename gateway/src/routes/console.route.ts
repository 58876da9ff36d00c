// `GET /console`, the security console's page, and `/console/assets/*`, its bundle (console.ts), served from memory.
import { randomBytes } from 'node:crypto';
import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { consoleCsp, consolePage, defaultCacheDir, sharedBundle, type ConsoleBundle } from '../console';

/**
 * Mounted at the gateway root: `GET /console` is the page, `/console/assets/console-<hash>.{js,css}` its files.
 * Starts the bundle at once, in the background.
 */
export function consoleRouter(opts: { cacheDir?: string; log?: Logger } = {}): Router {
  const cacheDir = opts.cacheDir ?? defaultCacheDir();
  const log = opts.log;
  let ready = sharedBundle(cacheDir, log);
  ready.then(
    (b) => log?.info({ ms: b.ms, fromCache: b.fromCache, jsBytes: b.js.length, cssBytes: b.css.length }, 'security console ready'),
    (e: unknown) => log?.error({ err: e }, 'security console could not be bundled'),
  );
  const bundle = () => {
    ready = ready.catch(() => sharedBundle(cacheDir, log));
    return ready;
  };

  const router = express.Router();
  router.get('/console', async (_req, res) => {
    let b: ConsoleBundle;
    try {
      b = await bundle();
    } catch {
      res.status(503).type('text').set('Retry-After', '5').send('The security console could not be built; see the gateway log.');
      return;
    }
    const nonce = randomBytes(16).toString('base64');
    res
      .type('html')
      .set('Content-Security-Policy', consoleCsp(nonce))
      .set('Cache-Control', 'no-store')
      .set('Referrer-Policy', 'no-referrer')
      .set('X-Content-Type-Options', 'nosniff')
      .set('X-Frame-Options', 'DENY')
      .send(consolePage(`console-${b.key.slice(0, 16)}`, nonce));
  });
  router.get('/console/assets/:file', async (req, res) => {
    const m = /^console-([0-9a-f]{16})\.(js|css)$/.exec(req.params.file);
    let b: ConsoleBundle | undefined;
    try {
      b = await bundle();
    } catch {
      b = undefined;
    }
    if (!m || !b || m[1] !== b.key.slice(0, 16)) {
      res.status(404).end();
      return;
    }
    const kind = m[2] as 'js' | 'css';
    const gzip = /\bgzip\b/.test(req.header('accept-encoding') ?? '');
    res
      .type(kind === 'js' ? 'application/javascript; charset=utf-8' : 'text/css; charset=utf-8')
      .set('Cache-Control', 'public, max-age=31536000, immutable')
      .set('X-Content-Type-Options', 'nosniff')
      .set('Vary', 'Accept-Encoding');
    if (gzip) res.set('Content-Encoding', 'gzip');
    res.send(gzip ? b.gzip[kind] : b[kind]);
  });
  return router;
}
