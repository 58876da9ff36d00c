// The explorer's example tabs are valid operations of today's graph and, together, ask every subgraph.
import { Supergraph } from '@apollo/federation-internals';
import { parse, TypeInfo, validate, visit, visitWithTypeInfo } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSupergraph, REPO_ROOT, SUBGRAPHS, subgraphOfCoordinates } from '@hub/schema';
import { EXAMPLE_FILE, explorerExamples } from '../explorer-examples';

const EXAMPLES = explorerExamples();

const sdl = readSupergraph();
const api = Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
const owner = subgraphOfCoordinates(parse(sdl));

it.each(EXAMPLES.map((e, i) => [i, e.query.split('\n')[0]]))('example %i (%s) is valid against the API schema', (i) => {
  expect(validate(api, parse(EXAMPLES[i as number].query)).map((e) => e.message)).toEqual([]);
});

it('has an example in every subgraph of the registry, and together they ask every subgraph', () => {
  expect(EXAMPLES).toHaveLength(1 + SUBGRAPHS.length);
  for (const s of SUBGRAPHS)
    expect(EXAMPLES.some((e) => e.query === readFileSync(join(REPO_ROOT, s.dir, EXAMPLE_FILE), 'utf8'))).toBe(true);
  const asked = new Set<string>();
  for (const e of EXAMPLES) {
    const info = new TypeInfo(api);
    visit(
      parse(e.query),
      visitWithTypeInfo(info, {
        Field(node) {
          const parent = info.getParentType();
          const graph = parent && owner.get(`${parent.name}.${node.name.value}`);
          if (graph) asked.add(graph);
        },
      }),
    );
  }
  expect([...asked].sort()).toEqual(SUBGRAPHS.map((s) => s.name).sort());
});
