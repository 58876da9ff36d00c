// No client can poison the audit log for others (issue 13, point 3): an anonymous client sending ~50 requests/s
// with a NUL or a lone surrogate in an unused variable, in the operation name and in its client headers, beside 20
// legitimate clients, through the real gateway over HTTP. Before, each poisoned record failed the INSERT of its
// whole batch: legitimate requests got 503 and the gateway logged that the store was unreachable.
import { sqlRows as sql } from '@hub/infra';
import { loadCheckpoints, verifyAuditChain } from '@hub/audit-chain';
import { Client } from 'pg';
import { startStack, type Stack } from '../stack';

let stack: Stack;
const logs: string[] = [];
beforeAll(async () => {
  stack = await startStack({ gatewayLog: (line) => logs.push(line) });
});
afterAll(() => stack?.stop());

// A fixed number of poisoned requests, ~50 per second, with the legitimate clients busy until the last is answered:
// counts, not a time window, so a loaded machine slows the test down instead of failing it.
const POISONED = 150;
const POISON = ['\u0000', '\ud800', 'x\udc00y', 'a\u0000\udbff'];

async function post(body: unknown, headers: Record<string, string> = {}) {
  const r = await fetch(`${stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  await r.arrayBuffer();
  return { status: r.status, requestId: r.headers.get('x-request-id')! };
}

it('20 legitimate clients beside a poisoning one: no legitimate 503, every poisoned request recorded, the store never reported unreachable', async () => {
  let done = false;
  const legitimate: number[] = [];
  const poisoned: { status: number; requestId: string }[] = [];
  const client = async (i: number) => {
    while (!done) {
      const r = await post(
        { query: 'query Site($c: String!) { touristSite(code: $c) { name category } }', variables: { c: 'DL-0001' } },
        { 'apollographql-client-name': `portal-${i}` },
      );
      legitimate.push(r.status);
    }
  };
  const poisoner = async () => {
    const sent: Promise<void>[] = [];
    for (let n = 0; n < POISONED; n++) {
      const bad = POISON[n % POISON.length];
      // Headers are bytes (latin1): a lone surrogate can only arrive as its UTF-8 bytes; Node refuses a NUL there itself.
      const headers = {
        'user-agent': `poison\u00ed\u00a0\u0080${n}`,
        'apollographql-client-name': `p\u00ed\u00a0\u0080`,
        'apollographql-client-version': `1.${n}`,
      };
      // In the operation name; in a variable the operation uses (refused as BAD_USER_INPUT, and recorded); in
      // variables it does not use (never stored at all).
      const body =
        n % 3 === 2
          ? {
              query: 'query Site($c: String!) { touristSite(code: $c) { name } }',
              operationName: `Site${bad}`,
              variables: { c: 'DL-0001' },
            }
          : n % 3 === 1
            ? { query: 'query Site($c: String!) { touristSite(code: $c) { name } }', variables: { c: `DL-0001${bad}` } }
            : {
                query: 'query Site($c: String!) { touristSite(code: $c) { name } }',
                variables: { c: 'DL-0001', unused: `v${bad}`, [`k${bad}`]: [{ deep: bad }] },
              };
      sent.push(post(body, headers).then((r) => void poisoned.push(r)));
      await new Promise((r) => setTimeout(r, 20)); // ~50 requests/s
    }
    await Promise.all(sent);
    done = true;
  };
  await Promise.all([...Array.from({ length: 20 }, (_, i) => client(i)), poisoner()]);

  expect(legitimate.length).toBeGreaterThan(100);
  expect(legitimate.filter((s) => s === 503)).toEqual([]);
  expect(legitimate.every((s) => s === 200)).toBe(true);
  expect(poisoned).toHaveLength(POISONED);
  expect(poisoned.filter((p) => p.status === 503)).toEqual([]);
  // Every poisoned request has exactly one record: escaped where the poison is kept (the operation name, a used
  // variable), and without the poison where it was in variables the operation does not use (they are not kept).
  const rows = await sql(
    stack.audit.readerUrl,
    'select request_id, escaped, operation, variables from audit_record where request_id = any($1)',
    [poisoned.map((p) => p.requestId)],
  );
  expect(rows).toHaveLength(poisoned.length);
  const kept = rows.filter((r) => r.operation.name !== 'Site' || r.variables?.c !== 'DL-0001');
  expect(kept.length).toBeGreaterThan(poisoned.length / 2);
  expect(kept.every((r) => r.escaped)).toBe(true);
  expect(rows.filter((r) => !r.escaped).every((r) => JSON.stringify(r.variables) === JSON.stringify({ c: 'DL-0001' }))).toBe(true);
  expect(JSON.stringify(rows)).toMatch(/\\\\u0000/);
  expect(JSON.stringify(rows)).toMatch(/\\\\ud800/);
  expect(logs.filter((l) => /unreachable/.test(l))).toEqual([]);
  // And the log still verifies, signatures included.
  const c = new Client({ connectionString: stack.audit.readerUrl });
  await c.connect();
  try {
    const loaded = await loadCheckpoints(stack.audit.checkpointDir, stack.audit.publicKey);
    expect(
      await verifyAuditChain(c, {}, { publicKey: stack.audit.publicKey, pins: loaded.pins, checkpointProblems: loaded.problems }),
    ).toMatchObject({ ok: true });
  } finally {
    await c.end();
  }
}, 20_000);
