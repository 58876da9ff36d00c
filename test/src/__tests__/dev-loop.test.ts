// `npm run dev` in a temporary copy of the repository: a field added to a subgraph's schema and resolvers answers
// through the gateway after the loop's codegen, composition, restart of that subgraph and reload of the gateway,
// while PostgreSQL, the gateway's process and the other subgraphs keep theirs; a schema that does not compose is
// printed and changes nothing. The real tree is never edited.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, SUBGRAPHS } from '@hub/schema';
import { freePortRun } from '@hub/infra/ports';
import { copyTree, linkModules } from '../repo-copy';

jest.setTimeout(120_000);

let copy: string;
let dataDir: string;
let base: number;
let dev: ChildProcess | undefined;
let output = '';

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), 'hub-dev-loop-'));
  copyTree(REPO_ROOT, copy);
  linkModules(copy);
  dataDir = mkdtempSync(join(tmpdir(), 'hub-dev-loop-data-'));
  chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as its own user
  base = await freePortRun(10);
});

afterAll(async () => {
  if (dev && dev.exitCode === null) {
    const exited = new Promise((r) => dev!.once('exit', r));
    dev.kill('SIGINT');
    await exited;
  }
  rmSync(copy, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

/** Resolves with the first match of `pattern` in what the loop printed after `from`. */
function printed(pattern: RegExp, from: number, timeoutMs = 60_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = pattern.exec(output.slice(from));
      if (!m) return false;
      clearInterval(timer);
      clearTimeout(limit);
      resolve(m);
      return true;
    };
    const timer = setInterval(check, 50);
    const limit = setTimeout(() => {
      clearInterval(timer);
      reject(new Error(`no ${pattern} within ${timeoutMs / 1000} s; printed:\n${output.slice(from)}`));
    }, timeoutMs);
    check();
  });
}

/** The process id of each service (the dev process's children) and PostgreSQL's postmaster. */
function pids(): Record<string, number> {
  const out: Record<string, number> = {};
  const ps = execFileSync('ps', ['--ppid', String(dev!.pid), '-o', 'pid=,args=']).toString();
  for (const line of ps.trim().split('\n')) {
    const [pid, ...args] = line.trim().split(/\s+/);
    const cmd = args.join(' ');
    const sub = / subgraphs\/kit\/src\/bin\/serve\.ts (\S+)/.exec(cmd);
    if (sub) out[sub[1]] = Number(pid);
    else if (cmd.includes('gateway/src/main.ts')) out.gateway = Number(pid);
  }
  out.postgres = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return out;
}

async function ask(query: string): Promise<{ data?: any; errors?: any[] }> {
  const r = await fetch(`http://127.0.0.1:${base + 1}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await r.json()) as { data?: any; errors?: any[] };
}

const schemaFile = () => join(copy, 'subgraphs/culture-tourism/schema.graphql');
const resolversFile = () => join(copy, 'subgraphs/culture-tourism/src/resolvers/tourist-site.ts');
/** Adds `field` (its description and SDL) first in TouristSite. */
const addField = (sdl: string, description: string, field: string) =>
  sdl.replace(/(type TouristSite @key\(fields: "code"\) @classified\(level: PUBLIC\) \{\n)/, `$1  """${description}"""\n  ${field}\n`);

it('restarts only the changed subgraph and reloads the gateway; a schema that does not compose changes nothing', async () => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HUB_DATA_DIR: dataDir,
    HUB_PG_PORT: String(base),
    HUB_GATEWAY_PORT: String(base + 1),
    HUB_SUBGRAPH_BASE_PORT: String(base + 2),
    LOG_LEVEL: 'warn',
  };
  delete env.HUB_TEST_PG_ADMIN_URL;
  dev = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'infra/src/dev.ts', '--watch'], { cwd: copy, env });
  dev.stdout!.on('data', (d) => (output += d));
  dev.stderr!.on('data', (d) => (output += d));
  await printed(/\[dev\] watching \d+ folders/, 0);
  const before = pids();
  expect(Object.keys(before).sort()).toEqual([...SUBGRAPHS.map((s) => s.name), 'gateway', 'postgres'].sort());
  expect((await ask('{ touristSites(first: 1) { nodes { code } } }')).data.touristSites.nodes[0].code).toBe('DL-0001');

  // A new field, classified and described, and its resolver: saved together, one change.
  let at = output.length;
  const sdl = readFileSync(schemaFile(), 'utf8');
  const withNote = addField(sdl, 'A note the development loop test adds.', 'devLoopNote: String @classified(level: PUBLIC)');
  writeFileSync(
    resolversFile(),
    readFileSync(resolversFile(), 'utf8').replace(
      'export const TouristSite: TouristSiteResolvers<Ctx> = {\n',
      'export const TouristSite: TouristSiteResolvers<Ctx> = {\n  devLoopNote: (s) => `note for ${s.code}`,\n',
    ),
  );
  writeFileSync(schemaFile(), withNote);
  const line = await printed(
    /\[dev\] culture-tourism: (?:[^\n]*)→ composed \(\d+ subgraphs\) → restarted in ([\d.]+) s → gateway reloaded in ([\d.]+) s\n/,
    at,
  );
  console.log(`dev loop: ${line[0].trim()}`);
  const note = await ask('{ touristSites(first: 1) { nodes { code devLoopNote } } }');
  expect(note.errors).toBeUndefined();
  expect(note.data.touristSites.nodes[0]).toEqual({ code: 'DL-0001', devLoopNote: 'note for DL-0001' });
  // The generated types were refreshed for the subgraph, and the supergraph on disk carries the field.
  expect(readFileSync(join(copy, 'subgraphs/culture-tourism/src/__generated__/resolvers-types.ts'), 'utf8')).toContain('devLoopNote');
  expect(readFileSync(join(copy, 'schema/supergraph.graphql'), 'utf8')).toContain('devLoopNote');

  const after = pids();
  expect(after['culture-tourism']).not.toBe(before['culture-tourism']);
  const kept = (p: Record<string, number>) => Object.fromEntries(Object.entries(p).filter(([n]) => n !== 'culture-tourism'));
  expect(kept(after)).toEqual(kept(before));

  // A field of a type no subgraph defines does not compose: the error is printed with the file, nothing restarts,
  // and the gateway still serves the supergraph it had (the field added before still answers).
  at = output.length;
  writeFileSync(schemaFile(), addField(withNote, 'A field of a type that is nowhere.', 'devLoopBroken: NoSuchType'));
  const failure = await printed(/composition failed \(subgraphs\/culture-tourism\/schema\.graphql\)[^\n]*\n(?:\s+- [^\n]*\n)+/, at);
  expect(failure[0]).toMatch(/- \[culture-tourism\] Unknown type NoSuchType/);
  console.log(`dev loop: ${failure[0].trim()}`);
  expect((await ask('{ touristSites(first: 1) { nodes { devLoopNote } } }')).data.touristSites.nodes[0].devLoopNote).toBe(
    'note for DL-0001',
  );
  expect(pids()).toEqual(after);
  expect(readFileSync(join(copy, 'schema/supergraph.graphql'), 'utf8')).not.toContain('devLoopBroken');

  const exited = new Promise<number | null>((r) => dev!.once('exit', r));
  dev.kill('SIGINT');
  expect(await exited).toBe(0);
});
