// `serve <name>`: runs any subgraph of the registry as its own process (what `npm start` and the deployment files
// start). The subgraph's folder is found by its declared name and assembled by path (folder.ts); a package holds no
// start-up code of its own.
import { join } from 'node:path';
import { REPO_ROOT, SUBGRAPHS } from '@hub/schema';
import { loadSubgraph } from '../folder';
import { runSubgraph } from '../subgraph';

const name = process.argv[2];
const entry = SUBGRAPHS.find((s) => s.name === name);
if (!entry) {
  process.stderr.write(
    `serve: give the name of a subgraph of the registry (${SUBGRAPHS.map((s) => s.name).join(', ')}), got ${JSON.stringify(name)}\n`,
  );
  process.exit(2);
}
let definition: ReturnType<typeof loadSubgraph>;
try {
  definition = loadSubgraph(join(REPO_ROOT, entry.dir));
} catch (e) {
  process.stderr.write(`serve: ${(e as Error).message}\n`);
  process.exit(2);
}
// The kit's settings and the subgraph's own are parsed from the environment here, once, before it starts.
runSubgraph(definition, process.env);
