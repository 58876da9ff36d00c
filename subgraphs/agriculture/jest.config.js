// Shared preset: SWC transform, the 'development' export condition, one embedded PostgreSQL per run.
module.exports = require('@hub/infra/jest-preset');
