// The hub's one registry of subgraphs, discovered from the folders: every package under `subgraphs/` whose
// package.json carries a `"hub"` block is a subgraph, declared there once (name, the sector database it serves, its
// owner when it was created, where its database comes from, its port). Composition, the runner, the gateway's
// configuration and the tests iterate this list; nothing else names the subgraphs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a subgraph's database comes from: its own (provisioned for it), or the audit store read with the reader role. */
export type SubgraphDatabase = 'own' | 'audit-store';

export interface SubgraphEntry {
  /** Service name, as in the supergraph (`culture-tourism`). */
  name: string;
  /** Folder, relative to the repository root (`subgraphs/culture-tourism`). */
  dir: string;
  /** npm package name (`@hub/culture-tourism`). */
  package: string;
  /** Catalogue code of the sector database it serves (`CSDL-VHTTDL`). */
  dataset: string;
  /**
   * The database's name for the catalogue (`Cơ sở dữ liệu Giao thông`), when the directory does not have the dataset
   * yet and creates it; the code stands for it when none is given.
   */
  datasetName?: string;
  /** Code of the agency that owned the database when the subgraph was created (today's owner is the directory's). */
  owner: string;
  database: SubgraphDatabase;
  /** Its port when the hub runs on one machine (`npm start`): fixed, never derived from a list position. */
  port: number;
}

/** The lowest port a subgraph may declare; runners that move the subgraphs elsewhere keep each one's offset from it. */
export const FIRST_SUBGRAPH_PORT = 4101;

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const CODE = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;

/**
 * Reads every `subgraphs/<folder>/package.json` with a `"hub"` block, in port order. Fails with every problem found
 * (a missing or malformed field, a name or port used twice, a name that is not the folder's), each naming its file.
 */
export function discoverSubgraphs(root: string): SubgraphEntry[] {
  const base = join(root, 'subgraphs');
  const problems: string[] = [];
  const out: SubgraphEntry[] = [];
  for (const folder of readdirSync(base).sort()) {
    const file = join(base, folder, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; hub?: Record<string, unknown> };
    const hub = pkg.hub;
    if (!hub) continue;
    const where = `subgraphs/${folder}/package.json "hub"`;
    const text = (key: string, pattern: RegExp, what: string) => {
      const v = hub[key];
      if (typeof v !== 'string' || !pattern.test(v)) problems.push(`${where}: "${key}" must be ${what}, got ${JSON.stringify(v)}`);
      return String(v);
    };
    const name = text('name', NAME, 'a kebab-case service name');
    if (name !== folder) problems.push(`${where}: "name" must be the folder's name (${folder}), got ${JSON.stringify(name)}`);
    const dataset = text('dataset', CODE, 'a dataset code such as CSDL-VHTTDL');
    const owner = text('owner', CODE, 'an agency code such as SVHTTDL');
    const datasetName = hub.datasetName;
    if (datasetName !== undefined && (typeof datasetName !== 'string' || !datasetName.trim() || datasetName.length > 200))
      problems.push(`${where}: "datasetName" must be the database's name (1 to 200 characters), got ${JSON.stringify(datasetName)}`);
    const database = hub.database ?? 'own';
    if (database !== 'own' && database !== 'audit-store')
      problems.push(`${where}: "database" must be "own" or "audit-store", got ${JSON.stringify(database)}`);
    const port = hub.port;
    if (!Number.isInteger(port) || (port as number) < FIRST_SUBGRAPH_PORT || (port as number) > 4999) {
      problems.push(`${where}: "port" must be a whole number from ${FIRST_SUBGRAPH_PORT} to 4999, got ${JSON.stringify(port)}`);
    }
    if (typeof pkg.name !== 'string') problems.push(`subgraphs/${folder}/package.json: "name" is missing`);
    out.push({
      name,
      dir: `subgraphs/${folder}`,
      package: String(pkg.name),
      dataset,
      ...(typeof datasetName === 'string' && datasetName.trim() ? { datasetName: datasetName.trim() } : {}),
      owner,
      database: database as SubgraphDatabase,
      port: port as number,
    });
  }
  for (const key of ['name', 'port', 'dataset'] as const) {
    const seen = new Map<unknown, string>();
    for (const s of out) {
      const other = seen.get(s[key]);
      if (other) problems.push(`${s.dir}/package.json "hub": "${key}" ${JSON.stringify(s[key])} is already declared by ${other}`);
      seen.set(s[key], s.dir);
    }
  }
  if (problems.length)
    throw new Error(`The subgraph registry has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return out.sort((a, b) => a.port - b.port);
}

/**
 * A subgraph's setting in the environment: `envVar('HUB_SUBGRAPH_URL', 'culture-tourism')` is
 * `HUB_SUBGRAPH_URL_CULTURE_TOURISM`. The one rule for every per-subgraph variable.
 */
export const envVar = (prefix: string, name: string): string => `${prefix}_${name.replace(/-/g, '_').toUpperCase()}`;

/** The port of `entry` when the subgraphs start from `basePort` instead of FIRST_SUBGRAPH_PORT (tests, benchmarks). */
export const portFrom = (entry: Pick<SubgraphEntry, 'port'>, basePort: number): number => basePort + entry.port - FIRST_SUBGRAPH_PORT;
