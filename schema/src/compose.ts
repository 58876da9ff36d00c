// Composes schema/supergraph.graphql from the subgraphs' SDL files (never from live services), and writes beside it
// schema/api.graphql, the API schema clients see (no join__/link__ internals): the client contract, read by codegen
// and by front-end teams. Fails on any composition error, on any field without a classification and on any type,
// field, argument, input field or enum value without a description.
//   npm run compose          write the supergraph
//   npm run compose:check    fail if the checked-in supergraph is stale
import { writeFileSync, existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { classificationMap, unclassifiedFields, unmarkedSecrets } from './classification';
import { subgraphOfCoordinates } from './policy';
import { missingDescriptions } from './descriptions';
import { Supergraph } from '@apollo/federation-internals';
import { printSchema } from 'graphql';
import { API_SCHEMA_PATH, readSubgraphSdl, SUBGRAPHS, SUPERGRAPH_PATH, REPO_ROOT } from './sdl';

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
  // Every type, field, argument, input field and enum value clients see is described, like every field classified.
  for (const m of missingDescriptions(supergraphSdl)) {
    errors.push(`${m.subgraphs.join(', ') || 'supergraph'}: ${m.coordinate} has no description`);
  }
  return { supergraphSdl, errors, hints: result.hints.map((h) => h.toString()) };
}

const API_HEADER =
  '# The graph as clients see it: the API schema of schema/supergraph.graphql, written by `npm run compose`; do not\n' +
  '# edit. Front-end teams and codegen read this file (or introspect the gateway, which answers the same schema).\n\n';

/** The API schema of a supergraph, printed: what clients see, federation's own types and directives left out. */
export function apiSchemaOf(supergraphSdl: string): string {
  return API_HEADER + printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema()) + '\n';
}

function main(): void {
  const check = process.argv.includes('--check');
  const result = compose();
  if (result.errors.length || !result.supergraphSdl) {
    console.error(`Composition failed with ${result.errors.length} error(s):`);
    for (const e of result.errors) console.error(`  - ${e}`);
    process.exit(1);
  }
  const outputs: [string, string][] = [
    [SUPERGRAPH_PATH, result.supergraphSdl],
    [API_SCHEMA_PATH, apiSchemaOf(result.supergraphSdl)],
  ];
  if (check) {
    const stale = outputs.filter(([file, text]) => (existsSync(file) ? readFileSync(file, 'utf8') : '') !== text);
    for (const [file] of stale) console.error(`${relative(REPO_ROOT, file)} is stale: run \`npm run compose\` and commit the result.`);
    if (stale.length) process.exit(1);
    console.log(`${outputs.map(([f]) => relative(REPO_ROOT, f)).join(' and ')} are up to date (${SUBGRAPHS.length} subgraphs).`);
    return;
  }
  for (const [file, text] of outputs) writeFileSync(file, text);
  console.log(`Wrote ${outputs.map(([f]) => relative(REPO_ROOT, f)).join(' and ')} from ${SUBGRAPHS.length} subgraphs.`);
}

if (require.main === module) main();
