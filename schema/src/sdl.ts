// How a subgraph's full SDL is made: its own schema.graphql plus the shared common.graphql (and the
// Dataset and Account stubs where the subgraph does not define them). Runtime and composition both call this.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverSubgraphs, type SubgraphEntry } from './registry';

const ROOT = join(__dirname, '..');
const COMMON = readFileSync(join(ROOT, 'common.graphql'), 'utf8');
/** Entities of the directory that every subgraph refers to: a stub (key only) where a subgraph does not define them. */
const STUBS = [
  { type: 'Dataset', sdl: readFileSync(join(ROOT, 'dataset-stub.graphql'), 'utf8') },
  { type: 'Account', sdl: readFileSync(join(ROOT, 'account-stub.graphql'), 'utf8') },
];

/**
 * The shared files name federation directives by their full names (`@federation__shareable`); a subgraph that
 * imports a directive may only use its short name, so the shared text follows the subgraph's own imports.
 */
function matchImports(text: string, ownSdl: string): string {
  const link = /@link\(\s*url:\s*"https:\/\/specs\.apollo\.dev\/federation\/[^"]+"[^)]*import:\s*\[([^\]]*)\]/.exec(ownSdl);
  const imported = new Set((link?.[1] ?? '').match(/@\w+/g) ?? []);
  return text.replace(/@federation__(\w+)/g, (full, name: string) => (imported.has(`@${name}`) ? `@${name}` : full));
}

export function subgraphSdl(ownSdl: string): string {
  const stubs = STUBS.filter((s) => !new RegExp(`\\btype\\s+${s.type}\\b`).test(ownSdl)).map((s) => matchImports(s.sdl, ownSdl));
  return [ownSdl, matchImports(COMMON, ownSdl), ...stubs].join('\n');
}

export const REPO_ROOT = join(ROOT, '..');

/**
 * The subgraphs of the hub, in composition order (by port), as each declares itself in the `"hub"` block of its
 * package.json (see registry.ts).
 */
export const SUBGRAPHS: readonly SubgraphEntry[] = discoverSubgraphs(REPO_ROOT);
export const SUPERGRAPH_PATH = join(ROOT, 'supergraph.graphql');
/** The graph as clients see it (no federation internals): the contract front-end teams and codegen read. */
export const API_SCHEMA_PATH = join(ROOT, 'api.graphql');

export function readSubgraphSdl(dir: string): string {
  return subgraphSdl(readFileSync(join(REPO_ROOT, dir, 'schema.graphql'), 'utf8'));
}

export function readSupergraph(): string {
  return readFileSync(SUPERGRAPH_PATH, 'utf8');
}

/**
 * A short fingerprint of a supergraph's text (the first 16 hex digits of its SHA-256): the gateway shows the one it
 * serves on /health, and the development loop waits for the one it wrote after a reload.
 */
export function supergraphHash(supergraphSdl: string): string {
  return createHash('sha256').update(supergraphSdl).digest('hex').slice(0, 16);
}
