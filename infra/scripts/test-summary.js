// `--reset` clears the per-package results before a run; without it, prints the repository's closing line.
const { existsSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { DIR } = require('../jest/summary-reporter');

if (process.argv.includes('--reset')) {
  rmSync(DIR, { recursive: true, force: true });
} else {
  const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.json')) : [];
  const sum = { passed: 0, failed: 0, skipped: 0 };
  for (const f of files) {
    const r = JSON.parse(readFileSync(join(DIR, f), 'utf8'));
    for (const k of Object.keys(sum)) sum[k] += r[k];
  }
  console.log(`\n${files.length} packages tested`);
  console.log(`tests: ${sum.passed} passed, ${sum.failed} failed, ${sum.skipped} skipped`);
  if (sum.failed > 0 || files.length === 0) process.exit(1);
}
