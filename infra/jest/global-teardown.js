const { rmSync } = require('node:fs');

module.exports = async function globalTeardown() {
  const held = globalThis.__HUB_TEST_PG__;
  if (!held) return;
  await held.server.stop();
  rmSync(held.dir, { recursive: true, force: true });
};
