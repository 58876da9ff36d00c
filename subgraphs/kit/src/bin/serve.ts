// `serve <name> [<name>…]`: runs subgraphs of the registry (what `npm start` and the deployment files start). The
// subgraph's folder is found by its declared name and assembled by path (folder.ts); a package holds no start-up
// code of its own. One name: one subgraph, configured by the process's environment (a container's way). Several
// names: all of them in this one process (the embedded hub's way, to spare memory), each configured by the
// process's environment overlaid with its own, the JSON object in `HUB_SERVE_ENV_<NAME>` (its PORT, HUB_DB_URL…).
import { join } from 'node:path';
import { envVar, REPO_ROOT, SUBGRAPHS } from '@hub/schema';
import { loadSubgraph } from '../folder';
import { runSubgraph, runSubgraphs } from '../subgraph';

const names = process.argv.slice(2);
const unknown = names.filter((n) => !SUBGRAPHS.some((s) => s.name === n));
if (!names.length || unknown.length || new Set(names).size !== names.length) {
  process.stderr.write(
    `serve: give the names of subgraphs of the registry (${SUBGRAPHS.map((s) => s.name).join(', ')}), each once; got ${JSON.stringify(names)}\n`,
  );
  process.exit(2);
}

/** The environment of one subgraph of several: the process's, overlaid with HUB_SERVE_ENV_<NAME>. */
function envOf(name: string): Record<string, string | undefined> {
  const variable = envVar('HUB_SERVE_ENV', name);
  const own = process.env[variable];
  if (!own) {
    process.stderr.write(`serve: ${name} runs beside others but ${variable} is not set (a JSON object of its environment)\n`);
    process.exit(2);
  }
  try {
    const parsed = JSON.parse(own) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return { ...process.env, ...(parsed as Record<string, string>) };
  } catch (e) {
    process.stderr.write(`serve: ${variable} must be a JSON object of environment variables (${(e as Error).message})\n`);
    process.exit(2);
  }
}

const definitions = names.map((name) => {
  try {
    return loadSubgraph(join(REPO_ROOT, SUBGRAPHS.find((s) => s.name === name)!.dir));
  } catch (e) {
    process.stderr.write(`serve: ${(e as Error).message}\n`);
    process.exit(2);
  }
});
// The kit's settings and the subgraph's own are parsed from the environment here, once, before it starts.
if (definitions.length === 1) runSubgraph(definitions[0], process.env);
else runSubgraphs(definitions.map((def, i) => ({ def, env: envOf(names[i]) })));
