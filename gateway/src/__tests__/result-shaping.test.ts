// The hub's result shaping answers exactly as @apollo/gateway's own on the same operation and input: the same
// data (fields asked, aliases, __typename, nulls bubbled up) and the same errors at the same paths.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { REPO_ROOT } from '@hub/schema';
import { computeResponse } from '../result-shaping';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const apollo = require('@apollo/gateway/dist/resultShaping') as {
  computeResponse: typeof computeResponse;
  hubOriginal?: typeof computeResponse;
};
const original = apollo.hubOriginal ?? apollo.computeResponse;

const api = Supergraph.build(readFileSync(join(REPO_ROOT, 'schema/supergraph.graphql'), 'utf8')).apiSchema();
const small = buildSchema(`
  type Query { things: [Thing!]! named: Named first: Thing! maybe: Thing }
  interface Named { name: String! }
  type Place implements Named { name: String! code: ID! }
  type Person implements Named { name: String! age: Int }
  union Thing = Place | Person
  enum Level { LOW HIGH }
  type Extra { level: Level }
`);

function both(schema: Schema, query: string, input: Record<string, unknown> | null, variables?: Record<string, unknown>) {
  const operation = operationFromDocument(schema, parse(query), { validate: true });
  const run = (f: typeof computeResponse) => {
    const r = f({ operation, variables, input: input && structuredClone(input), introspectionHandling: () => ({ introspected: true }) });
    return JSON.parse(
      JSON.stringify({ data: r.data, errors: r.errors.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code })) }),
    );
  };
  const mine = run(computeResponse);
  expect(mine).toEqual(run(original));
  return mine;
}

const accommodation = (i: number) => ({
  code: `LT-${i}`,
  name: `Nhà nghỉ ${i}`,
  type: 'HOTEL',
  rooms: 10 + i,
  extra: 'not asked',
  commune: { __typename: 'AdministrativeUnit', code: `0${i}`, name: `Xã ${i}`, parent: i % 2 ? null : { code: '04', name: 'Cao Bằng' } },
});

describe('result shaping', () => {
  it('keeps only the fields asked, under their aliases, with __typename filled in', () => {
    const r = both(
      api,
      `query($n: Int!, $withRooms: Boolean!) { __typename list: accommodations(first: $n) { nodes { __typename c: code name rooms @include(if: $withRooms)
        commune { ... on AdministrativeUnit { code } ...U parent { name kind: __typename } } type @skip(if: true) } } }
        fragment U on AdministrativeUnit { name }`,
      // The merged answers hold values under their response names (the aliases), as the subgraph fetches wrote them.
      { __typename: 'Query', list: { nodes: [1, 2].map((i) => ({ ...accommodation(i), c: `LT-${i}` })) } },
      { n: 2, withRooms: false },
    );
    expect(r.data.list.nodes[1]).toEqual({
      __typename: 'AccommodationEstablishment',
      c: 'LT-2',
      name: 'Nhà nghỉ 2',
      commune: { code: '02', name: 'Xã 2', parent: { name: 'Cao Bằng', kind: 'AdministrativeUnit' } },
    });
  });

  it('bubbles a null up to the nearest nullable field and reports it at its path', () => {
    const nodes = [accommodation(1), { ...accommodation(2), name: null }];
    const r = both(api, '{ accommodations(first: 2) { nodes { code name } } }', { accommodations: { nodes } });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].path).toEqual(['accommodations', 'nodes', 1, 'name']);
  });

  it('reports invalid leaf values, enum values and __typename, as Apollo does', () => {
    both(api, '{ accommodations(first: 3) { nodes { code type rooms } } }', {
      accommodations: {
        nodes: [
          { ...accommodation(1), type: 'CASTLE' },
          { ...accommodation(2), rooms: 1.5 },
          { ...accommodation(3), code: 7 },
        ],
      },
    });
    both(api, '{ accommodations(first: 1) { nodes { commune { code } } } }', {
      accommodations: { nodes: [{ commune: { __typename: 'Nope', code: '1' } }] },
    });
  });

  it('applies fragments by the __typename of each value (interfaces and unions)', () => {
    const things = [
      { __typename: 'Place', name: 'Pác Bó', code: 'PB' },
      { __typename: 'Person', name: 'An', age: 30 },
    ];
    const r = both(
      small,
      `query($x: Boolean = true) { things { __typename ... on Named { name } ... on Place @include(if: $x) { code } ... on Person { age } }
        named { name } maybe { ... on Person { age } } }`,
      { things, named: { __typename: 'Place', name: 'Pác Bó', code: 'PB' }, maybe: null },
    );
    expect(r.data.things).toEqual([
      { __typename: 'Place', name: 'Pác Bó', code: 'PB' },
      { __typename: 'Person', name: 'An', age: 30 },
    ]);
    both(small, '{ first { ... on Person { name } } }', { first: null });
  });

  it('answers introspection fields through the handler and passes an absent input through', () => {
    both(api, '{ __schema { queryType { name } } accommodations(first: 1) { totalCount } }', { accommodations: { totalCount: 3 } });
    expect(both(api, '{ __typename }', null).data).toBeNull();
  });
});

describe('result shaping output objects', () => {
  it('keeps an alias named __proto__ as an own property, never as the prototype', () => {
    const r = both(api, '{ accommodations(first: 1) { nodes { __proto__: code } } }', {
      accommodations: { nodes: [{ ['__proto__']: 'LT-1' }] },
    });
    const operation = operationFromDocument(api, parse('{ accommodations(first: 1) { nodes { __proto__: code } } }'), { validate: true });
    const input = JSON.parse('{"accommodations":{"nodes":[{"__proto__":"LT-1"}]}}');
    const node = (computeResponse({ operation, input, introspectionHandling: () => null }).data as any).accommodations.nodes[0];
    expect(Object.keys(node)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(Object.getPrototypeOf(node))).toBeNull();
    expect(r).toBeDefined();
  });
});
