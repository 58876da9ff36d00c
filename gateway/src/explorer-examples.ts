// The explorer's example tabs: a first tab across two subgraphs, then each subgraph's own example, its
// `explorer.graphql` (one operation, comments first), found through the registry: a department writes its own, and
// `subgraph:new` scaffolds one. A test validates every tab against the supergraph's API schema and checks that each
// subgraph of the registry has one, so an example never drifts from the graph.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, SUBGRAPHS } from '@hub/schema';

export interface ExampleTab {
  query: string;
  variables?: string;
}

/** A subgraph's example, relative to its folder. */
export const EXAMPLE_FILE = 'explorer.graphql';

const FIRST = `# Tourist sites of Cao Bằng with the commune each lies in: culture-tourism and the directory, one query.
# Press the run button (or Ctrl-Enter). Open the Docs panel (book icon) to browse every type and field.
query Sites {
  touristSites(first: 5, filter: { category: SPECIAL_NATIONAL_RELIC }) {
    totalCount
    nodes {
      code
      name
      commune { code name ancestors { name } }
      provenance { dataset { code owner { name } } retrievedAt }
    }
  }
}
`;

/** The tabs, in order: the first one, then one per subgraph that has an example (registry order). */
export function explorerExamples(root = REPO_ROOT, subgraphs = SUBGRAPHS): ExampleTab[] {
  const own = subgraphs
    .map((s) => join(root, s.dir, EXAMPLE_FILE))
    .filter((file) => existsSync(file))
    .map((file) => ({ query: readFileSync(file, 'utf8') }));
  return [{ query: FIRST }, ...own];
}
