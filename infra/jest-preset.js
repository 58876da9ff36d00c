// The hub's jest preset: SWC transform (fast, no type-check: `npm run typecheck` does that), the
// `development` export condition so workspace packages resolve to their TypeScript sources, and one
// embedded PostgreSQL per jest run (test files create their own databases on it).
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['development', 'node', 'require', 'default'] },
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  testMatch: ['**/src/**/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  globalSetup: path.join(__dirname, 'jest/global-setup.js'),
  globalTeardown: path.join(__dirname, 'jest/global-teardown.js'),
  reporters: ['default', path.join(__dirname, 'jest/summary-reporter.js')],
  testTimeout: 60000,
  maxWorkers: 1,
};
