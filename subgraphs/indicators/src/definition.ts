// The indicators subgraph as the kit serves it. Owner: the owner of dataset KTXH-CHITIEU (Sở Tài chính since 2025).
import { join } from 'node:path';
import { defineSubgraph, readDeclaration, readSchemaFile } from '@hub/kit';
import { entities, history } from './entities';
import { loaders } from './loaders';
import { migrations } from './migrations';
import { resolvers } from './resolvers';
import { seedCatalogue, seedUnits, seedValues } from './seed';

export const indicators = defineSubgraph({
  ...readDeclaration(join(__dirname, '..')),
  typeDefs: readSchemaFile(join(__dirname, '..')),
  resolvers,
  entities,
  migrations,
  history,
  loaders,
  seed: { catalogue: seedCatalogue, units: seedUnits, values: seedValues },
});
