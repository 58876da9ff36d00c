// The directory subgraph as the kit serves it. Owner: the provincial operator (dataset DIR-DANHMUC).
import { join } from 'node:path';
import { defineSubgraph, readDeclaration, readSchemaFile } from '@hub/kit';
import { entities, history } from './entities';
import { loaders } from './loaders';
import { migrations } from './migrations';
import { resolvers } from './resolvers';
import { seedAuditDataset, seedDemoAccounts, seedDirectory, seedIndicatorsDirectory } from './seed';
import { internalRoutes } from './internal';
import { directorySettings } from './config';
import { linkDeclaredDatasets } from './services';
import { SUBGRAPHS } from '@hub/schema';

export const directory = defineSubgraph({
  ...readDeclaration(join(__dirname, '..')),
  typeDefs: readSchemaFile(join(__dirname, '..')),
  resolvers,
  entities,
  migrations,
  history,
  loaders,
  seed: { demo: seedDirectory, 'demo-accounts': seedDemoAccounts, 'audit-dataset': seedAuditDataset, indicators: seedIndicatorsDirectory },
  settings: directorySettings,
  internalRoutes,
  // The catalogue follows the registry: every declared dataset linked to its subgraph, at every start.
  onStart: async (em, log) => void (await linkDeclaredDatasets(em, SUBGRAPHS, log)),
});
