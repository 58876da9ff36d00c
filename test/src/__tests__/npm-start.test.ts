// `npm start` as a newcomer runs it: embedded PostgreSQL, every subgraph, the gateway, demo data; ready with
// the time printed; Ctrl-C stops everything and leaves no PostgreSQL behind; a second start reuses the data.
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, SUBGRAPHS } from '@hub/schema';
import { freePortRun } from '@hub/infra/ports';

const dataDir = mkdtempSync(join(tmpdir(), 'hub-start-'));
chmodSync(dataDir, 0o755);
let base: number;
const env: NodeJS.ProcessEnv = { ...process.env, HUB_DATA_DIR: dataDir };
delete env.HUB_TEST_PG_ADMIN_URL;

beforeAll(async () => {
  base = await freePortRun(10 + SUBGRAPHS.length);
  Object.assign(env, { HUB_PG_PORT: String(base), HUB_GATEWAY_PORT: String(base + 1), HUB_SUBGRAPH_BASE_PORT: String(base + 10) });
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function start(): Promise<{ proc: ChildProcess; output: () => string; seconds: number }> {
  const proc = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'infra/src/dev.ts'], { cwd: REPO_ROOT, env });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 60 s:\n${out}`)), 60000);
    proc.stdout!.on('data', () => {
      const m = /ready in ([\d.]+) s/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, output: () => out, seconds: Number(m[1]) });
      }
    });
    proc.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
}

function stop(proc: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    proc.once('exit', (code) => resolve(code));
    proc.kill('SIGINT');
  });
}

const postgresRunning = () => {
  try {
    return (
      execSync(`ps -eo args | grep -F -- "-D ${join(dataDir, 'pg')}" | grep -v grep`)
        .toString()
        .trim().length > 0
    );
  } catch {
    return false;
  }
};

async function siteCount(): Promise<number> {
  const r = await fetch(`http://127.0.0.1:${base + 1}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ touristSites(first: 1) { totalCount nodes { commune { name } } } }' }),
  });
  const body = (await r.json()) as { data: { touristSites: { totalCount: number; nodes: { commune: { name: string } }[] } } };
  expect(body.data.touristSites.nodes[0].commune.name).toBeTruthy();
  return body.data.touristSites.totalCount;
}

it('starts the whole hub, prints where to go, stops cleanly, and restarts on the same data', async () => {
  const first = await start();
  expect(first.output()).toContain(`http://127.0.0.1:${base + 1}/graphql`);
  expect(first.output()).toContain('/explorer');
  expect(first.output()).toContain(`http://127.0.0.1:${base + 1}/console`);
  expect(first.seconds).toBeLessThan(30);
  const sites = await siteCount();
  expect(sites).toBeGreaterThan(0);
  // Every subgraph in one Node process (the default, to spare memory), each with its own port and its own log.
  const serving = execSync(`ps --ppid ${first.proc.pid} -o args=`)
    .toString()
    .split('\n')
    .filter((a) => a.includes('subgraphs/kit/src/bin/serve.ts'));
  expect(serving).toHaveLength(1);
  expect(serving[0].split('serve.ts ')[1].trim().split(/\s+/)).toEqual(SUBGRAPHS.map((x) => x.name));
  for (const sg of SUBGRAPHS) expect(readFileSync(join(dataDir, 'logs', `${sg.name}.log`), 'utf8')).toContain(`"service":"${sg.name}"`);
  const securityConsole = await fetch(`http://127.0.0.1:${base + 1}/console`);
  expect(securityConsole.status).toBe(200);
  expect(await securityConsole.text()).toContain('/console/assets/console-');
  expect(await stop(first.proc)).toBe(0);
  expect(postgresRunning()).toBe(false);
  expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

  const second = await start();
  expect(await siteCount()).toBe(sites); // the demo data was not loaded twice
  expect(await stop(second.proc)).toBe(0);
  expect(postgresRunning()).toBe(false);
}, 150000);
