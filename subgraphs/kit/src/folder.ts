// A department's subgraph is a folder the kit understands: it finds each part by its path, so a package holds no
// wiring of its own (no definition, main or index file):
//   package.json        the "hub" block: name, dataset, owner, database, port (the registry reads the same block)
//   schema.graphql      the SDL
//   src/resolvers/      exports `resolvers`                                   (required)
//   src/entities/       exports `entities` and, when any is tracked, `history` (absent: no entities)
//   src/migrations/     exports `migrations`                                  (absent: none)
//   src/loaders.ts      exports `loaders`                                     (absent: none)
//   src/seed/           exports `seed`: one step, or named steps              (absent: no demo data)
//   src/service.ts      exports any of `settings`, `internalRoutes`, `onStart` (absent: none)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readDeclaration, readSchemaFile, type SubgraphDefinition } from './subgraph';

/** The parts a folder may hold, with the export each must have when present; `required` parts must be there. */
const PARTS = [
  { path: 'resolvers', exports: ['resolvers'], required: true },
  { path: 'entities', exports: ['entities', 'history'], required: false },
  { path: 'migrations', exports: ['migrations'], required: false },
  { path: 'loaders', exports: ['loaders'], required: false },
  { path: 'seed', exports: ['seed'], required: false },
  { path: 'service', exports: ['settings', 'internalRoutes', 'onStart'], required: false },
] as const;

/** `dir/src/<part>` while the kit runs from its TypeScript sources (tsx, jest), `dir/dist/<part>` once built. */
function partPath(dir: string, part: string): string | undefined {
  const fromSource = __filename.endsWith('.ts');
  const base = join(dir, fromSource ? 'src' : 'dist', part);
  const candidates = fromSource ? [`${base}.ts`, join(base, 'index.ts')] : [`${base}.js`, join(base, 'index.js')];
  return candidates.some((c) => existsSync(c)) ? base : undefined;
}

const loaded = new Map<string, SubgraphDefinition<any, any>>();

/**
 * The subgraph in the package folder `dir`, assembled from its parts. Fails naming every part that is missing or
 * does not export what it must. Loaded once per folder and process.
 */
export function loadSubgraph(dir: string): SubgraphDefinition<any, any> {
  const hit = loaded.get(dir);
  if (hit) return hit;
  const problems: string[] = [];
  const found: Record<string, unknown> = {};
  for (const part of PARTS) {
    const path = partPath(dir, part.path);
    if (!path) {
      if (part.required) problems.push(`src/${part.path} is missing: it must export ${part.exports.map((e) => `"${e}"`).join(' and ')}`);
      continue;
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the parts are found by path at run time
    const mod = require(path) as Record<string, unknown>;
    const present = part.exports.filter((e) => mod[e] !== undefined);
    if (!present.length) problems.push(`src/${part.path} exports none of ${part.exports.map((e) => `"${e}"`).join(', ')}`);
    for (const e of present) found[e] = mod[e];
  }
  if (problems.length) throw new Error(`${dir} is not a subgraph the kit can serve:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const def = {
    ...readDeclaration(dir),
    typeDefs: readSchemaFile(dir),
    resolvers: found.resolvers,
    entities: found.entities ?? [],
    history: found.history,
    migrations: found.migrations ?? [],
    loaders: found.loaders ?? {},
    seed: found.seed,
    settings: found.settings,
    internalRoutes: found.internalRoutes,
    onStart: found.onStart,
  } as SubgraphDefinition<any, any>;
  loaded.set(dir, def);
  return def;
}
