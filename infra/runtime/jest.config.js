// The hub's preset without its embedded PostgreSQL (nothing here touches a database). Required by path: @hub/infra
// depends on this package, so a dependency back on it would make a cycle.
const { globalSetup: _setup, globalTeardown: _teardown, ...preset } = require('../jest-preset');
module.exports = preset;
