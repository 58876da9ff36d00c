// After a crash, every answered request has its record: a gateway process is killed (SIGKILL, no shutdown) in the
// middle of a load; every response a client received names a request whose record is in the store, and the chain
// the dead process wrote still verifies.
import { envVar } from '@hub/schema';
import { freePortRun } from '@hub/infra/ports';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { REPO_ROOT } from '@hub/schema';
import { verifyAuditChain } from '@hub/audit-chain';
import { startStack, type Stack } from '../stack';

let stack: Stack;
let gateway: ChildProcess;
let url: string;

beforeAll(async () => {
  stack = await startStack();
  const dir = mkdtempSync(join(tmpdir(), 'hub-crash-'));
  writeFileSync(join(dir, 'context.pem'), stack.keys.privateKey, { mode: 0o600 });
  writeFileSync(join(dir, 'session.pem'), stack.sessionPrivateKey, { mode: 0o600 });
  const port = await freePortRun(1);
  url = `http://127.0.0.1:${port}`;
  gateway = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', 'gateway/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      LOG_LEVEL: 'silent',
      HUB_CONTEXT_PRIVATE_KEY_FILE: join(dir, 'context.pem'),
      HUB_SESSION_PRIVATE_KEY_FILE: join(dir, 'session.pem'),
      HUB_AUDIT_DB_URL: stack.audit.writerUrl,
      HUB_AUDIT_SIGNING_KEY_FILE: stack.audit.signingKeyFile,
      HUB_AUDIT_CHECKPOINT_DIR: stack.audit.checkpointDir,
      ...Object.fromEntries(Object.entries(stack.subgraphs).map(([n, s]) => [envVar('HUB_SUBGRAPH_URL', n), s.url])),
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/health/live`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the gateway process did not start');
}, 60_000);
afterAll(async () => {
  if (gateway.exitCode === null && gateway.signalCode === null) gateway.kill('SIGKILL');
  await stack?.stop();
});

it('every response released before SIGKILL has a committed record', async () => {
  const answered: string[] = [];
  let failures = 0;
  let dead = false;
  const client = async (i: number) => {
    while (!dead) {
      try {
        const r = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: i % 3 ? '{ touristSites(first: 2) { totalCount } }' : '{ accommodation(code: "LT-0001") { name ownerName } }',
          }),
        });
        await r.text();
        if (r.status === 200) answered.push(r.headers.get('x-request-id')!);
      } catch {
        failures += 1;
        if (dead) return;
      }
    }
  };
  const load = Promise.all(Array.from({ length: 20 }, (_, i) => client(i)));
  while (answered.length < 150) await new Promise((r) => setTimeout(r, 20));
  gateway.kill('SIGKILL');
  await new Promise((r) => gateway.once('exit', r));
  dead = true;
  await load;

  const c = new Client({ connectionString: stack.audit.readerUrl });
  await c.connect();
  const { rows } = await c.query('select request_id from audit_record where request_id = any($1)', [answered]);
  const recorded = new Set(rows.map((r) => r.request_id));
  expect(answered.filter((id) => !recorded.has(id))).toEqual([]);
  expect(failures).toBeGreaterThan(0); // the crash did cut requests in flight
  // Every batch it committed ends on a signed record, SIGKILL or not.
  expect(await verifyAuditChain(c, {}, { publicKey: stack.audit.publicKey })).toMatchObject({ ok: true });
  await c.end();
}, 60_000);
