// Composes schema/supergraph.graphql from the subgraphs' SDL files (never from live services).
// Fails on any composition error and on any field without a classification.
//   npm run compose          write the supergraph
//   npm run compose:check    fail if the checked-in supergraph is stale
import { writeFileSync, existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { classificationMap, unclassifiedFields, unmarkedSecrets } from './classification';
import { subgraphOfCoordinates } from './policy';
import { readSubgraphSdl, SUBGRAPHS, SUPERGRAPH_PATH, REPO_ROOT } from './sdl';

export interface ComposeResult {
  supergraphSdl?: string;
  errors: string[];
  hints: string[];
}

export interface SubgraphSource {
  name: string;
  sdl: string;
  url: string;
}

/** Default URLs written in the supergraph (each subgraph's declared port); the gateway overrides them from its configuration. */
export function defaultSubgraphUrl(port: number): string {
  return `http://127.0.0.1:${port}/graphql`;
}

export function defaultSources(): SubgraphSource[] {
  return SUBGRAPHS.map((s) => ({ name: s.name, sdl: readSubgraphSdl(s.dir), url: defaultSubgraphUrl(s.port) }));
}

export function compose(sources: SubgraphSource[] = defaultSources()): ComposeResult {
  const errors: string[] = [];
  const services = [];
  for (const s of sources) {
    let typeDefs;
    try {
      typeDefs = parse(s.sdl);
    } catch (e) {
      errors.push(`${s.name}: SDL does not parse: ${(e as Error).message}`);
      continue;
    }
    for (const coordinate of unclassifiedFields(typeDefs)) {
      errors.push(`${s.name}: ${coordinate} has no @classified(level: …) on the field or its type`);
    }
    for (const coordinate of unmarkedSecrets(typeDefs)) {
      errors.push(`${s.name}: ${coordinate} looks like a secret but is not marked @sensitive (the audit log would keep its value)`);
    }
    services.push({ name: s.name, typeDefs, url: s.url });
  }
  if (errors.length) return { errors, hints: [] };
  const result = composeServices(services);
  if (result.errors) {
    return { errors: result.errors.map((e) => e.message), hints: [] };
  }
  const supergraphSdl = result.supergraphSdl;
  // Defence in depth: the composed graph itself must carry a classification for every field.
  const composed = parse(supergraphSdl);
  for (const coordinate of unclassifiedFields(composed)) {
    errors.push(`supergraph: ${coordinate} lost its classification in composition`);
  }
  for (const coordinate of unmarkedSecrets(composed)) {
    errors.push(`supergraph: ${coordinate} lost its @sensitive marker in composition`);
  }
  // Restricted and personal data need one owner: the policy asks who owns a field to decide who may read it.
  // PUBLIC and INTERNAL rules ask nobody's ownership, so shared types (Change, PageInfo) may carry them.
  const owners = subgraphOfCoordinates(composed);
  for (const [coordinate, level] of classificationMap(composed)) {
    if ((level === 'RESTRICTED' || level === 'PERSONAL') && !owners.has(coordinate)) {
      errors.push(`supergraph: ${coordinate} is ${level} but served by several subgraphs; only a field with one owner can be ${level}`);
    }
  }
  return { supergraphSdl, errors, hints: result.hints.map((h) => h.toString()) };
}

function main(): void {
  const check = process.argv.includes('--check');
  const result = compose();
  if (result.errors.length || !result.supergraphSdl) {
    console.error(`Composition failed with ${result.errors.length} error(s):`);
    for (const e of result.errors) console.error(`  - ${e}`);
    process.exit(1);
  }
  const where = relative(REPO_ROOT, SUPERGRAPH_PATH);
  if (check) {
    const current = existsSync(SUPERGRAPH_PATH) ? readFileSync(SUPERGRAPH_PATH, 'utf8') : '';
    if (current !== result.supergraphSdl) {
      console.error(`${where} is stale: run \`npm run compose\` and commit the result.`);
      process.exit(1);
    }
    console.log(`${where} is up to date (${SUBGRAPHS.length} subgraphs).`);
    return;
  }
  writeFileSync(SUPERGRAPH_PATH, result.supergraphSdl);
  console.log(`Wrote ${where} from ${SUBGRAPHS.length} subgraphs.`);
}

if (require.main === module) main();
