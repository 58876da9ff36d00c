// The GraphQL explorer (GraphiQL), served entirely from this gateway: its scripts and styles come from the
// npm packages, so it works on a network with no internet access.
import { dirname, join } from 'node:path';
import express, { type Router } from 'express';

const asset = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);

const ASSETS: Record<string, string> = {
  'react.js': asset('react', 'umd/react.production.min.js'),
  'react-dom.js': asset('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.js': asset('graphiql', 'graphiql.min.js'),
  'graphiql.css': asset('graphiql', 'graphiql.min.css'),
};

export const EXAMPLE_QUERY = `# Tourist sites of Cao Bằng with the commune each lies in (two subgraphs, one query)
query Sites {
  touristSites(first: 5, filter: { category: SPECIAL_NATIONAL_RELIC }) {
    totalCount
    nodes {
      code
      name
      commune { code name ancestors { name } }
      provenance { dataset { code owner { name } } retrievedAt }
    }
  }
}
`;

function page(): string {
  return `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Provincial data hub · GraphQL explorer</title>
  <link rel="stylesheet" href="explorer/assets/graphiql.css">
  <style>body { margin: 0; height: 100vh; } #explorer { height: 100vh; }</style>
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
  return `(function () {
  var fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
  var root = ReactDOM.createRoot(document.getElementById('explorer'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultQuery: ${JSON.stringify(EXAMPLE_QUERY)},
    defaultHeaders: '{}',
    headerEditorEnabled: true,
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: 'headers'
  }));
})();`;
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
