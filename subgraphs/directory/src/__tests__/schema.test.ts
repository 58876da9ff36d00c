// The entities describe exactly the tables the migrations make: the schema changes only by migrations.
import { schemaDrift } from '@hub/kit/testing';
import { directory } from '../definition';

it('has entities that match the tables its migrations make', async () => {
  expect(await schemaDrift(directory)).toEqual([]);
});
