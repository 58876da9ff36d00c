// The audit subgraph as the kit serves it. Owner: the operator's security office (TTCDS), dataset NK-TRUYCAP.
// Its database is the audit store, reached with the reader role: no migrations, no seed, SELECT only.
import { join } from 'node:path';
import { defineSubgraph, readDeclaration, readSchemaFile } from '@hub/kit';
import { auditSettings } from './config';
import { csvRoute } from './csv';
import { resolvers } from './resolvers';

export const audit = defineSubgraph({
  ...readDeclaration(join(__dirname, '..')),
  typeDefs: readSchemaFile(join(__dirname, '..')),
  resolvers,
  migrations: [],
  loaders: {},
  internalRoutes: (router, deps) => csvRoute(router, deps),
  // The chain is verified with the gateway's public key: without it the subgraph does not start.
  settings: auditSettings,
});
