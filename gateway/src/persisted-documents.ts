// Persisted documents: the operations an app registers ahead of time, as a manifest the operator installs
// (HUB_PERSISTED_DOCUMENTS). Two formats are read, those Apollo and Hive use: Apollo's persisted query manifest
// (`{ "format": "apollo-persisted-query-manifest", "version": 1, "operations": [{ "id", "name", "type", "body" }] }`)
// and a map of id to document (`{ "<id>": "<document>" }`, graphql-codegen's and Hive's app deployments). A request
// names one by `documentId` (GraphQL over HTTP), or by `extensions.persistedQuery.sha256Hash` (Apollo's clients).
// With HUB_PERSISTED_ONLY=public, anonymous callers may run registered documents only: a document they send as text
// runs if it is one of them, character for character.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';

export interface PersistedDocument {
  readonly id: string;
  readonly body: string;
}

export interface PersistedDocuments {
  /** A registered document by its id. */
  byId(id: string): PersistedDocument | undefined;
  /** The registered document with this exact text, if any (by its SHA-256). */
  byText(text: string): PersistedDocument | undefined;
  readonly size: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Reads the manifests; every problem is named with its file and the document's id, and nothing is half loaded. */
export function loadPersistedDocuments(files: readonly string[]): PersistedDocuments {
  const byId = new Map<string, PersistedDocument>();
  const byHash = new Map<string, PersistedDocument>();
  const problems: string[] = [];
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      problems.push(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not JSON (${(e as Error).message})`}`);
      continue;
    }
    const entries = manifestEntries(json);
    if (typeof entries === 'string') {
      problems.push(`${file}: ${entries}`);
      continue;
    }
    for (const [id, body] of entries) {
      if (typeof id !== 'string' || !id || typeof body !== 'string' || !body.trim()) {
        problems.push(`${file}: each document needs a non-empty id and body (id ${JSON.stringify(id)})`);
        continue;
      }
      try {
        parse(body);
      } catch (e) {
        problems.push(`${file}: document ${id} is not GraphQL: ${(e as Error).message}`);
        continue;
      }
      const known = byId.get(id);
      if (known && known.body !== body) {
        problems.push(`${file}: id ${id} is registered twice with different documents`);
        continue;
      }
      const doc = { id, body };
      byId.set(id, doc);
      byHash.set(sha256(body), doc);
    }
  }
  if (problems.length)
    throw new Error(
      `Persisted documents (HUB_PERSISTED_DOCUMENTS): ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  return { byId: (id) => byId.get(id), byText: (text) => byHash.get(sha256(text)), size: byId.size };
}

/** The [id, body] pairs of a manifest in either format, or what is wrong with it. */
function manifestEntries(json: unknown): [unknown, unknown][] | string {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return 'must be a JSON object';
  const o = json as Record<string, unknown>;
  if (o.format !== undefined) {
    if (o.format !== 'apollo-persisted-query-manifest' || o.version !== 1)
      return 'an Apollo manifest must have "format": "apollo-persisted-query-manifest" and "version": 1';
    if (!Array.isArray(o.operations)) return 'an Apollo manifest must have "operations": [...]';
    return o.operations.map((op) => [(op as { id?: unknown })?.id, (op as { body?: unknown })?.body]);
  }
  return Object.entries(o);
}

export const NO_PERSISTED_DOCUMENTS: PersistedDocuments = { byId: () => undefined, byText: () => undefined, size: 0 };
