// Where an outage left nulls: fields of the unavailable subgraph, and fields whose selection reaches it.
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { unavailablePaths } from '../unavailable-paths';

const schema = buildSchema(`
  type Query { sites(first: Int): [Site!]! site: Site counts: [Int] thing: Thing }
  type Site { code: String! name: String commune: Unit visitors: [Int] }
  type Unit { code: String! name: String! }
  interface Thing { id: ID! }
  type Bridge implements Thing { id: ID! unit: Unit }
`);
// The directory serves Unit's fields; everything else is culture-tourism's.
const directory = (c: string) => c.startsWith('Unit.');
const run = (q: string, data: unknown, max?: number) => {
  const doc = parse(q);
  return unavailablePaths(schema, doc, doc.definitions[0] as OperationDefinitionNode, data, directory, max);
};

it('finds each null whose selection reaches the unavailable subgraph, through aliases and fragments', () => {
  const data = {
    list: [
      { code: 'A', commune: null },
      { code: 'B', commune: { code: '01', name: 'X' } },
      { code: 'C', commune: null },
    ],
  };
  expect(run('{ list: sites { code ...F } } fragment F on Site { commune { name } }', data).paths).toEqual([
    ['list', 0, 'commune'],
    ['list', 2, 'commune'],
  ]);
  // A null the subgraph has nothing to do with is left alone.
  expect(run('{ site { code name } }', { site: { code: 'A', name: null } }).paths).toEqual([]);
  expect(run('{ site { name } counts }', { site: null, counts: [1, null] }).paths).toEqual([]);
});

it('follows abstract types by __typename, and caps the list with how many more', () => {
  expect(run('{ thing { __typename ... on Bridge { unit { name } } } }', { thing: { __typename: 'Bridge', unit: null } }).paths).toEqual([
    ['thing', 'unit'],
  ]);
  const many = { sites: Array.from({ length: 70 }, () => ({ commune: null })) };
  const r = run('{ sites { commune { code } } }', many, 50);
  expect(r.paths).toHaveLength(50);
  expect(r.more).toBe(20);
  expect(r.paths[49]).toEqual(['sites', 49, 'commune']);
});
