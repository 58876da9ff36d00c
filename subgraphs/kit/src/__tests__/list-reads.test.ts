import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { EntityMetadata } from '@mikro-orm/core';
import { GraphQLError, parse, type GraphQLResolveInfo } from 'graphql';
import { compiledExecution } from '../executor';
import { markReads, reads, selectedProperties } from '../selection';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { sites(first: Int): SiteConnection! site: Site fails: Site count: Int }
  type Site @key(fields: "code") { code: String! name: String! commune: Unit location: Geo score: Int note: String }
  type Unit @key(fields: "code") { code: String! }
  type Geo { latitude: Float! longitude: Float! }
  type SiteEdge { cursor: String! node: Site! }
  type PageInfo { hasNextPage: Boolean! }
  type SiteConnection { nodes: [Site!]! edges: [SiteEdge!]! pageInfo: PageInfo! totalCount: Int! }
`);

const meta = {
  primaryKeys: ['id'],
  versionProperty: 'version',
  properties: Object.fromEntries(
    ['id', 'version', 'code', 'name', 'communeCode', 'latitude', 'longitude', 'note'].map((p) => [p, { kind: 'scalar' }]),
  ),
} as unknown as EntityMetadata<any>;

describe('what a list read selects', () => {
  let seen: (string[] | undefined)[] = [];
  const resolvers = {
    Query: {
      sites: (_: unknown, __: unknown, ___: unknown, info: GraphQLResolveInfo) => {
        seen.push(selectedProperties(info, meta, ['code']));
        return { nodes: [], edges: () => [], pageInfo: { hasNextPage: false }, totalCount: () => 0 };
      },
    },
    Site: {
      commune: reads(['communeCode'], (s: { communeCode: string }) => ({ code: s.communeCode })),
      location: reads(['latitude', 'longitude'], (s: { latitude: number; longitude: number }) => s),
      // No `reads`, and no property of that name: the read falls back to every column.
      score: () => 1,
    },
  };
  const schema = buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]);
  markReads(schema, resolvers as never);
  const server = new ApolloServer({ gateway: compiledExecution(schema) });
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  const run = async (query: string) => {
    seen = [];
    const r = await server.executeOperation({ query });
    if (r.body.kind !== 'single') throw new Error('not a single result');
    expect(r.body.singleResult.errors).toBeUndefined();
    return seen[0];
  };

  it('reads the asked properties, what their resolvers declare and the sort key, and nothing else', async () => {
    expect((await run('{ sites { nodes { name commune { code } } } }'))!.sort()).toEqual(['code', 'communeCode', 'name']);
  });

  it('follows edges.node, fragments and inline fragments', async () => {
    const got = await run(
      '{ sites { edges { node { ...F } } nodes { ... on Site { location { latitude } } } } } fragment F on Site { note }',
    );
    expect(got!.sort()).toEqual(['code', 'latitude', 'longitude', 'note']);
  });

  it('reads every column when an asked field neither is a property nor says what it reads', async () => {
    expect(await run('{ sites { nodes { name score } } }')).toBeUndefined();
  });
});

const settleAfter = (ms: number, i: number) =>
  new Promise((resolve, reject) =>
    setTimeout(
      () => (ms < 0 ? reject(new GraphQLError(`item ${i} failed`)) : resolve({ code: `S${i}`, name: `Site ${i}` })),
      Math.abs(ms) - 1,
    ),
  );

describe('compiled execution', () => {
  const typeDefs2 = parse(`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Query { report: Report! site(code: String!): Site unexpected: Int sites(plan: [Int!]!): [Site] strict(plan: [Int!]!): [Site!] }
    type Report { total: Int! lazy: Int! later: String! rows: [Row!]! }
    type Row { n: Int! label: String }
    type Site @key(fields: "code") { code: String! name: String! broken: String }
  `);
  const schema = buildSubgraphSchema([
    {
      typeDefs: typeDefs2,
      resolvers: {
        Query: {
          // As resolvers build them: a function called only when asked, a loader's promise as a value.
          report: () => ({
            total: 3,
            lazy: () => 7,
            later: Promise.resolve('soon'),
            rows: () => [{ n: 1, label: Promise.resolve('one') }],
          }),
          site: (_: unknown, { code }: { code: string }) => ({ code, name: `Site ${code}` }),
          unexpected: () => {
            throw new Error('boom');
          },
          // One promise per item: a positive number resolves after that many ms, a negative one rejects after -n ms.
          sites: (_: unknown, { plan }: { plan: number[] }) => plan.map(settleAfter),
          strict: (_: unknown, { plan }: { plan: number[] }) => plan.map(settleAfter),
        },
        Site: {
          broken: () => {
            throw new GraphQLError('not allowed here', { extensions: { code: 'FORBIDDEN' } });
          },
        },
      } as never,
    },
  ]);
  const server = new ApolloServer({ gateway: compiledExecution(schema) });
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  const single = async (query: string, variables?: Record<string, unknown>) => {
    const r = await server.executeOperation({ query, variables });
    if (r.body.kind !== 'single') throw new Error('not a single result');
    return r.body.singleResult;
  };

  it('calls function-valued properties and awaits promises, as graphql-js does', async () => {
    const r = await single('{ report { total lazy later rows { n label } } }');
    expect(r).toEqual({ data: { report: { total: 3, lazy: 7, later: 'soon', rows: [{ n: 1, label: 'one' }] } } });
  });

  it('answers partially with the error at its path', async () => {
    const r = await single('query($c: String!) { site(code: $c) { code name broken } }', { c: 'S1' });
    expect(r.data).toEqual({ site: { code: 'S1', name: 'Site S1', broken: null } });
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0]).toMatchObject({ message: 'not allowed here', path: ['site', 'broken'], extensions: { code: 'FORBIDDEN' } });
  });

  it('resolves _entities and keeps one compiled document per operation name', async () => {
    const doc = 'query A { a: site(code: "1") { code } } query B { b: site(code: "2") { name } }';
    expect((await server.executeOperation({ query: doc, operationName: 'A' })).body).toMatchObject({
      singleResult: { data: { a: { code: '1' } } },
    });
    expect((await server.executeOperation({ query: doc, operationName: 'B' })).body).toMatchObject({
      singleResult: { data: { b: { name: 'Site 2' } } },
    });
    const e = await single('{ _entities(representations: [{ __typename: "Site", code: "X" }]) { ... on Site { code } } }');
    expect(e.errors).toBeUndefined();
  });

  it('keeps every list item at its index whichever settles first, a failed one as null with its error there', async () => {
    for (const plan of [
      [20, -1],
      [20, -1, 1],
      [1, 20, -1],
      [-1, 20],
      [20, -1, 10, -30],
    ]) {
      const r = await single('query($p: [Int!]!) { sites(plan: $p) { code } }', { p: plan });
      expect(r.data!.sites).toEqual(plan.map((ms, i) => (ms < 0 ? null : { code: `S${i}` })));
      const failed = plan.flatMap((ms, i) => (ms < 0 ? [i] : []));
      expect(r.errors!.map((e) => e.path).sort()).toEqual(failed.map((i) => ['sites', i]));
      expect(r.errors!.map((e) => e.message).sort()).toEqual(failed.map((i) => `item ${i} failed`));
    }
    // A non-null item that fails nulls its list, as graphql-js does.
    const strict = await single('{ strict(plan: [20, -1]) { code } }');
    expect(strict.data).toEqual({ strict: null });
    expect(strict.errors).toMatchObject([{ path: ['strict', 1], message: 'item 1 failed' }]);
  });

  it('refuses a bad variable before anything runs, naming it', async () => {
    const r = await single('query($c: String!) { site(code: $c) { code } }', { c: 5 });
    expect(r.data).toBeUndefined();
    expect(r.errors![0].message).toMatch(/\$c/);
    expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('keeps the data around an unexpected error, which the subgraph masks at its path', async () => {
    const r = await single('{ report { total } unexpected }');
    expect(r.data).toEqual({ report: { total: 3 }, unexpected: null });
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0]).toMatchObject({ path: ['unexpected'], message: 'boom' });
  });
});
