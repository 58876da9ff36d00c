// The audit store is @hub/infra's (the gateway writes it, this subgraph only selects): the subgraph maps none of
// its tables, it reads them with SQL into row types of its own.
import { schemaDrift } from '@hub/kit/testing';
import { join } from 'node:path';
import { loadSubgraph } from '@hub/kit';

const audit = loadSubgraph(join(__dirname, '../..'));

it('declares no table of a database it does not own', async () => {
  expect(await schemaDrift(audit)).toEqual([]);
});
