// Records each package's jest totals so `npm test` can print one closing line for the whole repository.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join, basename } = require('node:path');

const DIR = join(__dirname, '..', '..', 'node_modules', '.cache', 'hub-test-results');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(
      join(DIR, `${basename(this.rootDir)}.json`),
      JSON.stringify({
        passed: results.numPassedTests,
        failed: results.numFailedTests,
        skipped: results.numPendingTests + results.numTodoTests,
      }),
    );
  }
}

module.exports = SummaryReporter;
module.exports.DIR = DIR;
