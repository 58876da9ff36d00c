// The entities describe exactly the tables the migrations make: the schema changes only by migrations.
import { schemaDrift } from '@hub/kit/testing';
import { join } from 'node:path';
import { loadSubgraph } from '@hub/kit';

const directory = loadSubgraph(join(__dirname, '../..'));

it('has entities that match the tables its migrations make', async () => {
  expect(await schemaDrift(directory)).toEqual([]);
});
