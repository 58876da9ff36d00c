// A department's subgraph in one command: `subgraph:new` run in a temporary copy of the repository scaffolds a
// package that passes its own tests, composes, starts with the hub and answers through the gateway, and nothing
// outside its folder changes except what the command regenerates (the supergraph). The copy shares this checkout's
// installed packages (one link per package) except the hub's own, which point into the copy.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '@hub/schema';
import { copyTree, linkModules, SKIP } from '../repo-copy';

const run = promisify(execFile);
jest.setTimeout(600_000);

function fingerprints(root: string, dir = root, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) fingerprints(root, p, out);
    else out.set(relative(root, p), createHash('sha1').update(readFileSync(p)).digest('hex'));
  }
  return out;
}

let copy: string;
beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'hub-scaffold-'));
  copyTree(REPO_ROOT, copy);
  linkModules(copy);
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const tsx = () => join(copy, 'node_modules/.bin/tsx');
const inCopy = (args: string[], cwd = copy, env: Record<string, string> = {}) =>
  run(args[0], args.slice(1), { cwd, env: { ...process.env, ...env }, maxBuffer: 1 << 24 });

it('scaffolds a subgraph that passes its tests, composes, starts and answers through the gateway, editing nothing else', async () => {
  const before = fingerprints(copy);
  // Bad input first: every problem named, nothing written.
  const bad = await inCopy([
    tsx(),
    '--conditions=development',
    'subgraphs/kit/src/cli/new-subgraph.ts',
    'Transport',
    '--dataset',
    'lower-case',
    '--no-install',
  ]).then(
    () => null,
    (e: { code: number; stderr: string }) => e,
  );
  expect(bad?.code).toBe(1);
  expect(bad?.stderr).toMatch(/the name must be kebab-case/);
  expect(bad?.stderr).toMatch(/--dataset must be a catalogue code/);
  expect(fingerprints(copy)).toEqual(before);

  const made = await inCopy([
    tsx(),
    '--conditions=development',
    'subgraphs/kit/src/cli/new-subgraph.ts',
    'transport',
    '--dataset',
    'GTVT-CAUDUONG',
    '--owner',
    'SXD',
    '--entity',
    'Road',
    '--no-install',
  ]);
  expect(made.stdout).toMatch(/subgraphs\/transport: \d+ files written/);

  // Outside the new folder only what the command regenerates changed: the supergraph, the API schema, the clients'
  // generated types (each of those only if the new subgraph's types reach it).
  const after = fingerprints(copy);
  const changed = [...after.keys()].filter((f) => !f.startsWith('subgraphs/transport/') && after.get(f) !== before.get(f)).sort();
  const regenerated = [
    'gateway/console/src/__generated__/graph-inputs.ts',
    'schema/api.graphql',
    'schema/supergraph.graphql',
    'test/client-example/src/__generated__/gql.ts',
    'test/client-example/src/__generated__/graphql.ts',
    'test/client-example/src/__generated__/index.ts',
  ];
  expect(changed.filter((f) => !regenerated.includes(f))).toEqual([]);
  expect(changed).toEqual(expect.arrayContaining(['schema/api.graphql', 'schema/supergraph.graphql']));
  await inCopy([tsx(), '--conditions=development', 'schema/src/codegen.ts', '--check']);
  await inCopy([tsx(), '--conditions=development', 'schema/src/compose.ts', '--check']);
  expect([...after.keys()].filter((f) => f.startsWith('subgraphs/transport/src/__generated__/'))).toHaveLength(1);
  expect(readFileSync(join(copy, 'schema/supergraph.graphql'), 'utf8')).toMatch(/TRANSPORT.*url: "http:\/\/127\.0\.0\.1:\d+\/graphql"/);

  // Its own tests pass: typecheck first, then its contract tests on a fresh embedded PostgreSQL.
  await inCopy([join(copy, 'node_modules/.bin/tsc'), '-p', 'tsconfig.json', '--noEmit'], join(copy, 'subgraphs/transport'));
  const tests = await inCopy([join(copy, 'node_modules/.bin/jest'), '--ci'], join(copy, 'subgraphs/transport'));
  expect(`${tests.stdout}${tests.stderr}`).toMatch(/Tests:\s+4 passed, 4 total/);

  // The whole hub, started from the copy, serves it: the directory resolves its communes (today's and as of the
  // record's date), the policy classifies it.
  writeFileSync(
    join(copy, 'scaffold-check.ts'),
    `import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub } from '@hub/infra';
import { freePortRun } from '@hub/infra/ports';
(async () => {
  const base = await freePortRun(20);
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-scaffold-run-'));
  chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as its own user
  const hub = await startHub({ dataDir, pgPort: base, gatewayPort: base + 1, subgraphBasePort: base + 10, seed: 'demo', gatewayEnv: { LOG_LEVEL: 'warn' }, subgraphEnv: { LOG_LEVEL: 'warn' } });
  try {
    const ask = async (query: string) => (await fetch(hub.gatewayUrl + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })).json();
    const list = await ask('{ roads(first: 5) { totalCount nodes { code name commune { code name } communeOnRecord { code name validOn parent { code } } } } }');
    const note = await ask('{ road(code: "GTVT-0001") { name note } }');
    const owner = await ask('{ dataset(code: "GTVT-CAUDUONG") { code subgraph } }');
    process.stdout.write(JSON.stringify({ list, note, owner }));
  } finally {
    await hub.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
})().catch((e) => { console.error(e); process.exit(1); });
`,
  );
  const answer = await inCopy([tsx(), '--conditions=development', 'scaffold-check.ts']);
  const { list, note, owner } = JSON.parse(answer.stdout) as { list: any; note: any; owner: any };
  expect(list.errors).toBeUndefined();
  expect(list.data.roads.totalCount).toBe(3);
  // Made on 2024-03-15 in Phong Châu of district 047 (01438), merged into Đàm Thủy of the province (01435) in 2025.
  expect(list.data.roads.nodes[0]).toEqual({
    code: 'GTVT-0001',
    name: 'Bản ghi mẫu một',
    commune: { code: '01435', name: 'Xã Đàm Thủy' },
    communeOnRecord: { code: '01438', name: 'Xã Phong Châu', validOn: '2024-03-15', parent: { code: '047' } },
  });
  expect(list.data.roads.nodes[1].communeOnRecord).toMatchObject({ code: '01426', validOn: '2025-09-01' });
  expect(list.data.roads.nodes[2].communeOnRecord).toBeNull();
  expect(note.data.road).toEqual({ name: 'Bản ghi mẫu một', note: null });
  expect(note.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  expect(owner.data?.dataset ?? owner).toMatchObject({ code: 'GTVT-CAUDUONG', subgraph: 'transport' });
});
