// The culture-tourism subgraph as the kit serves it. Owner: Sở VHTTDL (dataset CSDL-VHTTDL).
import { join } from 'node:path';
import { defineSubgraph, readDeclaration, readSchemaFile } from '@hub/kit';
import { entities, history } from './entities';
import { loaders } from './loaders';
import { migrations } from './migrations';
import { resolvers } from './resolvers';
import { seedCultureTourism } from './seed';

export const cultureTourism = defineSubgraph({
  ...readDeclaration(join(__dirname, '..')),
  typeDefs: readSchemaFile(join(__dirname, '..')),
  resolvers,
  entities,
  migrations,
  history,
  loaders,
  seed: seedCultureTourism,
});
