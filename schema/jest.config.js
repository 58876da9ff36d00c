// Shared preset (by path: @hub/infra depends on this package, so it cannot be a dependency of it).
module.exports = require('../infra/jest-preset');
