// Starts one embedded PostgreSQL for the whole jest run, in a temporary folder on a free port.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const net = require('node:net');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

module.exports = async function globalSetup() {
  if (process.env.HUB_TEST_PG_ADMIN_URL) return; // an outer runner (or the developer) provides one
  require('tsx/cjs/api').register({ tsconfig: false });
  const { startEmbeddedPostgres } = require('../src/postgres.ts');
  const dir = mkdtempSync(join(tmpdir(), 'hub-test-pg-'));
  require('node:fs').chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), port: await freePort(), password: 'test' });
  process.env.HUB_TEST_PG_ADMIN_URL = server.adminUrl;
  globalThis.__HUB_TEST_PG__ = { server, dir };
};
