// Shared preset: SWC transform, the 'development' export condition, one embedded PostgreSQL per run. Only src/: the
// packages nested here (runtime/, audit-chain/) run their own tests.
module.exports = { ...require('@hub/infra/jest-preset'), roots: ['<rootDir>/src'] };
