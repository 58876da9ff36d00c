// The GraphQL explorer (GraphiQL), served entirely from this gateway: its scripts and styles come from the
// npm packages, so it works on a network with no internet access. Its page script (gateway/explorer/boot.js) adds
// a sign-in panel that puts a token from /auth/token in the request headers, and opens one tab per example
// (explorer-examples.ts: each subgraph's explorer.graphql), together covering every subgraph.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import express, { type Router } from 'express';
import { explorerExamples } from '../explorer-examples';

/** gateway/explorer, from src/routes (tsx, jest) and dist/routes (built) alike. */
const BOOT = join(__dirname, '..', '..', 'explorer', 'boot.js');

const asset = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);

const ASSETS: Record<string, string> = {
  'react.js': asset('react', 'umd/react.production.min.js'),
  'react-dom.js': asset('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.js': asset('graphiql', 'graphiql.min.js'),
  'graphiql.css': asset('graphiql', 'graphiql.min.css'),
};

function page(): string {
  return `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Provincial data hub · GraphQL explorer</title>
  <link rel="stylesheet" href="explorer/assets/graphiql.css">
  <style>
    body { margin: 0; height: 100vh; } #explorer { height: 100vh; }
    .hub-signin { display: flex; flex-direction: column; gap: 12px; font-size: 14px; }
    .hub-signin label { display: flex; flex-direction: column; gap: 4px; }
    .hub-signin input { font: inherit; padding: 6px 8px; border: 1px solid hsla(var(--color-neutral), 0.3); border-radius: 4px; background: transparent; color: inherit; }
    .hub-signin-error { color: hsl(var(--color-error)); }
  </style>
</head>
<body>
  <div id="explorer">Loading the explorer…</div>
  <script src="explorer/assets/react.js"></script>
  <script src="explorer/assets/react-dom.js"></script>
  <script src="explorer/assets/graphiql.js"></script>
  <script src="explorer/assets/explorer.js"></script>
</body>
</html>`;
}

function bootScript(endpoint: string): string {
  const config = { endpoint, tokenUrl: '/auth/token', examples: explorerExamples() };
  return `window.HUB_EXPLORER = ${JSON.stringify(config)};\n${readFileSync(BOOT, 'utf8')}`;
}

/** Mounted at the gateway root: `/` and `/explorer` show the explorer, `/explorer/assets/*` its files. */
export function explorerRouter(endpoint = '/graphql'): Router {
  const router = express.Router();
  const html = page();
  const boot = bootScript(endpoint);
  router.get(['/', '/explorer'], (_req, res) => {
    res
      .type('html')
      .set(
        'Content-Security-Policy',
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      )
      .send(html);
  });
  router.get('/explorer/assets/explorer.js', (_req, res) => {
    res.type('application/javascript').send(boot);
  });
  router.get('/explorer/assets/:file', (req, res) => {
    const file = ASSETS[req.params.file];
    if (!file) {
      res.status(404).end();
      return;
    }
    res.sendFile(file, { maxAge: '1d' });
  });
  return router;
}
