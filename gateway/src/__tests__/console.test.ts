// The security console's bundle and its routes: built by esbuild in memory, cached on disk by a hash of the
// sources, served with a strict CSP, and nothing referenced from another host.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import express from 'express';
import { bundleConsole, consoleSourceKey } from '../console';
import { consoleRouter } from '../routes/console.route';

const tmp = mkdtempSync(join(tmpdir(), 'hub-console-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('console bundle', () => {
  it('is keyed by the sources, built once and then read from the cache', async () => {
    const cacheDir = join(tmp, 'bundle');
    expect(consoleSourceKey()).toMatch(/^[0-9a-f]{64}$/);
    expect(consoleSourceKey()).toBe(consoleSourceKey());
    const built = await bundleConsole(cacheDir);
    expect(built.fromCache).toBe(false);
    expect(built.js.length).toBeGreaterThan(100_000);
    expect(built.css.toString()).toContain('--mantine-');
    // No web fonts or scripts from another host.
    expect(built.css.toString()).not.toMatch(/url\(\s*['"]?(https?:)?\/\//);
    expect(built.js.toString()).not.toMatch(/<script[^>]+src=["']https?:/);
    expect(readdirSync(cacheDir)).toEqual([built.key]);
    const again = await bundleConsole(cacheDir);
    expect(again.fromCache).toBe(true);
    expect(again.js.equals(built.js)).toBe(true);
    expect(gunzipSync(again.gzip.js).equals(built.js)).toBe(true);
  });
});

describe('console routes', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const app = express();
    // A cache of its own: the first request arrives before the bundle is ready and waits for it.
    app.use(consoleRouter({ cacheDir: join(tmp, 'routes') }));
    server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves the page with a strict CSP and a fresh style nonce each time', async () => {
    const r = await fetch(`${base}/console`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const html = await r.text();
    const nonce = /name="csp-nonce" content="([^"]+)"/.exec(html)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain(`'nonce-${nonce}'`);
    expect(html).not.toMatch(/<script>/); // no inline script
    const second = await fetch(`${base}/console`);
    expect(second.headers.get('content-security-policy')).not.toBe(csp);

    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((ref) => !ref.startsWith('data:'));
    expect(refs).toHaveLength(2);
    for (const ref of refs) {
      expect(ref).toMatch(/^\/console\/assets\/console-[0-9a-f]{16}\.(js|css)$/);
      const asset = await fetch(`${base}${ref}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(ref.endsWith('.js') ? /javascript/ : /text\/css/);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
    }
  });

  it('answers 404 for any other asset name', async () => {
    expect((await fetch(`${base}/console/assets/console-0000000000000000.js`)).status).toBe(404);
    expect((await fetch(`${base}/console/assets/..%2Fpackage.json`)).status).toBe(404);
  });
});
