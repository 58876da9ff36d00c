// A reload (SIGHUP in the process; `reload()` here) swaps a gateway built from the supergraph file as it is now in
// behind the same HTTP server; a supergraph that cannot be loaded is logged and the old one keeps serving.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { generateContextKeyPair } from '@hub/infra';
import { envVar, SUBGRAPHS, SUPERGRAPH_PATH, supergraphHash } from '@hub/schema';
import { compose, defaultSources } from '@hub/schema/compose';
import { gatewayConfig } from '../config';
import { startGateway, type RunningGateway } from '../gateway';

jest.setTimeout(60_000);

const dir = mkdtempSync(join(tmpdir(), 'hub-reload-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text, { mode: 0o600 });
  return join(dir, name);
};
const supergraphPath = join(dir, 'supergraph.graphql');
const original = readFileSync(SUPERGRAPH_PATH, 'utf8');
const lines: string[] = [];
let gateway: RunningGateway;

beforeAll(async () => {
  writeFileSync(supergraphPath, original);
  const key = generateContextKeyPair().privateKey;
  const config = gatewayConfig({
    PORT: '0',
    HUB_SUPERGRAPH_PATH: supergraphPath,
    HUB_CONTEXT_PRIVATE_KEY_FILE: file('context.pem', key),
    HUB_SESSION_PRIVATE_KEY_FILE: file('session.pem', key),
    HUB_AUDIT: 'off',
    HUB_PUBLIC_INTROSPECTION: '1',
    // No subgraph runs: introspection is answered by the gateway alone (port 9 refuses every connection).
    ...Object.fromEntries(SUBGRAPHS.map((s) => [envVar('HUB_SUBGRAPH_URL', s.name), 'http://127.0.0.1:9/graphql'])),
  });
  gateway = await startGateway(config, pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }));
});

afterAll(async () => {
  await gateway?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const siteFields = async (): Promise<string[]> => {
  const r = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __type(name: "TouristSite") { fields { name } } }' }),
  });
  const body = (await r.json()) as { data: { __type: { fields: { name: string }[] } } };
  return body.data.__type.fields.map((f) => f.name);
};
const healthHash = async () => ((await (await fetch(`${gateway.url}/health/live`)).json()) as { supergraph: string }).supergraph;

it('serves a new supergraph after a reload, and keeps the old one when the new one cannot be loaded', async () => {
  expect(await healthHash()).toBe(supergraphHash(original));
  expect(await siteFields()).not.toContain('reloadProbe');

  // A field added to culture-tourism, composed as `npm run compose` would.
  const sources = defaultSources().map((s) =>
    s.name === 'culture-tourism'
      ? {
          ...s,
          sdl: s.sdl.replace(
            /(type TouristSite @key\(fields: "code"\) @classified\(level: PUBLIC\) \{\n)/,
            '$1  """A field the reload test adds."""\n  reloadProbe: String @classified(level: PUBLIC)\n',
          ),
        }
      : s,
  );
  const composed = compose(sources);
  expect(composed.errors).toEqual([]);
  writeFileSync(supergraphPath, composed.supergraphSdl!);
  // The same URL answers before and after: the HTTP server (and its port) stays; only what is behind it changes.
  expect(await gateway.reload()).toBe(true);
  expect(await healthHash()).toBe(supergraphHash(composed.supergraphSdl!));
  expect(gateway.supergraph()).toBe(supergraphHash(composed.supergraphSdl!));
  expect(await siteFields()).toContain('reloadProbe');
  expect(lines.some((l) => /"msg":"supergraph reloaded"/.test(l))).toBe(true);

  // Not GraphQL, then GraphQL that is no supergraph: each logged, the last good supergraph still served.
  for (const bad of ['type Query {', 'type Query { hello: String }']) {
    lines.length = 0;
    writeFileSync(supergraphPath, bad);
    expect(await gateway.reload()).toBe(false);
    expect(lines.some((l) => /supergraph reload failed: the gateway keeps serving the supergraph it had/.test(l))).toBe(true);
    expect(await healthHash()).toBe(supergraphHash(composed.supergraphSdl!));
    expect(await siteFields()).toContain('reloadProbe');
  }

  // A file that is gone is the same: logged, nothing swapped.
  rmSync(supergraphPath);
  expect(await gateway.reload()).toBe(false);
  expect(await siteFields()).toContain('reloadProbe');
});

it('answers requests that arrive during a reload, from one gateway or the other', async () => {
  writeFileSync(supergraphPath, original);
  const during = Promise.all([gateway.reload(), ...Array.from({ length: 5 }, () => siteFields())]);
  const [swapped, ...answers] = await during;
  expect(swapped).toBe(true);
  for (const a of answers) expect(a).toContain('code');
  expect(await siteFields()).not.toContain('reloadProbe');
});
