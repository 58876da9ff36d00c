// What a saved file asks of the development loop (the loop itself runs in test/src/__tests__/dev-loop.test.ts).
import { classify, plan, type Change } from '../dev-loop';

const REGISTRY = [
  { name: 'directory', dir: 'subgraphs/directory' },
  { name: 'culture-tourism', dir: 'subgraphs/culture-tourism' },
];

it('tells a schema from code, shared code from a subgraph, and ignores what no service runs', () => {
  expect(classify('subgraphs/culture-tourism/schema.graphql', REGISTRY)).toMatchObject({
    kind: 'subgraph',
    name: 'culture-tourism',
    schema: true,
  });
  for (const file of ['src/resolvers/query.ts', 'src/migrations/Migration20260101.ts', 'src/seed/index.ts'])
    expect(classify(`subgraphs/culture-tourism/${file}`, REGISTRY)).toMatchObject({
      kind: 'subgraph',
      schema: false,
      file: `subgraphs/culture-tourism/${file}`,
    });
  expect(classify('subgraphs/kit/src/orm.ts', REGISTRY)).toMatchObject({ kind: 'kit' });
  expect(classify('schema/src/policy/rules.ts', REGISTRY)).toMatchObject({ kind: 'schema-code' });
  expect(classify('gateway/src/gateway.ts', REGISTRY)).toMatchObject({ kind: 'gateway' });
  for (const ignored of [
    'subgraphs/culture-tourism/src/__generated__/resolvers-types.ts',
    'subgraphs/culture-tourism/src/__tests__/sites.test.ts',
    'subgraphs/kit/src/__tests__/seed-steps.test.ts',
    'subgraphs/culture-tourism/package.json',
    'subgraphs/culture-tourism/src/resolvers/.query.ts.swp',
    'subgraphs/culture-tourism/src/resolvers/query.ts~',
    'subgraphs/culture-tourism/src/resolvers/4913',
    'subgraphs/transport/src/index.ts', // not in the registry this loop started with
    'schema/supergraph.graphql', // what composition writes
    'gateway/console/src/main.tsx',
  ])
    expect(classify(ignored, REGISTRY)).toBeUndefined();
});

it('restarts the subgraphs a change touches, every subgraph for shared code, and the gateway for its own or the schema package', () => {
  const files = (...names: string[]) => names.map((f) => classify(f, REGISTRY)).filter((c): c is Change => !!c);
  expect(plan(files('subgraphs/culture-tourism/schema.graphql', 'subgraphs/culture-tourism/src/resolvers/query.ts'), REGISTRY)).toEqual({
    schemas: ['culture-tourism'],
    subgraphs: ['culture-tourism'],
    gateway: 'reload-if-changed',
  });
  expect(plan(files('subgraphs/directory/src/service.ts'), REGISTRY)).toEqual({
    schemas: [],
    subgraphs: ['directory'],
    gateway: 'reload-if-changed',
  });
  expect(plan(files('subgraphs/kit/src/orm.ts'), REGISTRY)).toEqual({
    schemas: [],
    subgraphs: ['directory', 'culture-tourism'],
    gateway: 'reload-if-changed',
  });
  expect(plan(files('schema/src/classification.ts'), REGISTRY)).toEqual({
    schemas: [],
    subgraphs: ['directory', 'culture-tourism'],
    gateway: 'restart',
  });
  expect(plan(files('gateway/src/limits.ts'), REGISTRY)).toEqual({ schemas: [], subgraphs: [], gateway: 'restart' });
});
