// Reading the operator's manifests: both formats, every problem named with its file and id, nothing half loaded.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPersistedDocuments } from '../persisted-documents';

const dir = mkdtempSync(join(tmpdir(), 'hub-manifest-'));
const file = (name: string, json: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof json === 'string' ? json : JSON.stringify(json));
  return p;
};

it('reads an Apollo manifest and a map of id to document, by id and by exact text', () => {
  const docs = loadPersistedDocuments([
    file('a.json', {
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: 'abc', name: 'A', type: 'query', body: '{ a }' }],
    }),
    file('b.json', { 'app~1~b': '{ b }' }),
  ]);
  expect(docs.size).toBe(2);
  expect(docs.byId('abc')?.body).toBe('{ a }');
  expect(docs.byText('{ b }')?.id).toBe('app~1~b');
  expect(docs.byText('{ b } ')).toBeUndefined();
});

it('names every problem at once', () => {
  expect(() =>
    loadPersistedDocuments([
      join(dir, 'missing.json'),
      file('bad.json', '{ not json'),
      file('wrong.json', { format: 'other', version: 2 }),
      file('docs.json', { x: '{ broken', y: '' }),
      file('twice.json', { x: '{ c }' }),
    ]),
  ).toThrow(
    /5 problem\(s\)[\s\S]*missing\.json: no such file[\s\S]*bad\.json: not JSON[\s\S]*wrong\.json: an Apollo manifest must have[\s\S]*document x is not GraphQL[\s\S]*non-empty id and body \(id "y"\)/,
  );
});
