// `serve <name>`: runs any subgraph of the registry as its own process (what `npm start` and the deployment files
// start). The subgraph's package is found by its declared name and its `definition` export is served; a package
// holds no start-up code of its own.
import { SUBGRAPHS } from '@hub/schema';
import type { SubgraphDefinition } from '../subgraph';
import { runSubgraph } from '../subgraph';

const name = process.argv[2];
const entry = SUBGRAPHS.find((s) => s.name === name);
if (!entry) {
  process.stderr.write(`serve: give the name of a subgraph of the registry (${SUBGRAPHS.map((s) => s.name).join(', ')}), got ${JSON.stringify(name)}\n`);
  process.exit(2);
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the registry names the package at run time
const { definition } = require(entry.package) as { definition?: SubgraphDefinition<any, any> };
if (!definition) {
  process.stderr.write(`serve: ${entry.package} does not export a "definition"\n`);
  process.exit(2);
}
// The kit's settings and the subgraph's own are parsed from the environment here, once, before it starts.
runSubgraph(definition, process.env);
