// No write takes effect without its record: a mutation's intent is committed to the audit store before any
// subgraph is called, and if it cannot be, nothing is executed (503). Tried with the writer's INSERT privilege
// revoked, and with its connections cut every 250 ms during 1,000 editors' writes.
import { sqlRows as sql } from '@hub/infra';
import { startStack, type Stack } from '../stack';

let stack: Stack;
let editor: string;
let writerRole: string;
beforeAll(async () => {
  stack = await startStack();
  editor = (await stack.signIn('vhttdl.editor')).body.access_token;
  writerRole = decodeURIComponent(new URL(stack.audit.writerUrl).username);
});
afterAll(() => stack?.stop());

const UPDATE =
  'mutation U($c: String!, $v: Int!, $d: String!) { updateTouristSite(code: $c, input: { description: $d }, expectedVersion: $v, reason: "Kiểm thử nhật ký") { version } }';

async function post(query: string, variables: Record<string, unknown>, token?: string) {
  const r = await fetch(`${stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await r.text();
  return { status: r.status, requestId: r.headers.get('x-request-id')!, body: JSON.parse(text) as any };
}

const versionOf = async (code: string) =>
  (await stack.query(`{ touristSite(code: "${code}") { version } }`)).data.touristSite.version as number;
/** Read from the subgraph's own database: while the audit store refuses, the gateway answers nothing. */
const storedVersion = async (code: string) =>
  (await sql(stack.dbUrls['culture-tourism'], 'select version from tourist_site where code = $1', [code]))[0].version as number;
const changesOf = async (code: string) =>
  sql(
    stack.dbUrls['culture-tourism'],
    "select h.request_id from hub_change h join tourist_site t on h.entity_id = t.id::text where h.entity = 'TouristSite' and t.code = $1",
    [code],
  );

it('refuses a mutation whose intent cannot be recorded, and the write does not take effect', async () => {
  const code = 'DL-0003';
  const v = await versionOf(code);
  const before = (await changesOf(code)).length;
  await sql(stack.audit.superuserUrl, `revoke insert on audit_record from ${writerRole}`);
  try {
    for (let i = 0; i < 2; i++) {
      const r = await post(UPDATE, { c: code, v, d: `Mô tả ${i}` }, editor);
      expect(r.status).toBe(503);
      expect(r.body.errors[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', serviceName: 'audit' });
      expect(r.body.data).toBeUndefined();
    }
    // The subgraph was never asked: no new version, nothing in its history.
    expect(await storedVersion(code)).toBe(v);
    expect(await changesOf(code)).toHaveLength(before);
  } finally {
    await sql(stack.audit.superuserUrl, `grant insert on audit_record to ${writerRole}`);
  }
  // With the privilege back, the same write goes through and its intent and outcome are both recorded.
  let r = await post(UPDATE, { c: code, v, d: 'Mô tả sau khi khôi phục' }, editor);
  for (let i = 0; i < 20 && r.status === 503; i++) {
    await new Promise((res) => setTimeout(res, 100));
    r = await post(UPDATE, { c: code, v, d: 'Mô tả sau khi khôi phục' }, editor);
  }
  expect(r.status).toBe(200);
  expect(r.body.data.updateTouristSite.version).toBe(v + 1);
  expect((await changesOf(code)).map((c) => c.request_id)).toEqual(expect.arrayContaining([r.requestId]));
  expect(await changesOf(code)).toHaveLength(before + 1);
  const recs = await sql(stack.audit.readerUrl, 'select outcome, seq, chain_id from audit_record where request_id = $1 order by at, seq', [
    r.requestId,
  ]);
  expect(recs.map((x) => x.outcome)).toEqual(['intent', 'ok']);
});

it('under connection cuts during 1,000 writes, every change in the history has its intent, and every answered request its record', async () => {
  const codes = (await stack.query('{ touristSites(first: 8) { nodes { code } } }')).data.touristSites.nodes.map(
    (n: { code: string }) => n.code,
  ) as string[];
  expect(codes.length).toBe(8);
  const started = new Date();
  let stop = false;
  let cuts = 0;
  const cutter = (async () => {
    while (!stop) {
      await new Promise((res) => setTimeout(res, 250));
      const r = await sql(
        stack.audit.superuserUrl,
        'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where usename = $1',
        [writerRole],
      );
      cuts += r[0].n;
    }
  })();
  const answered: string[] = [];
  const all: { status: number; requestId: string }[] = [];
  let writes = 0;
  // One worker per site, so that optimistic concurrency never conflicts between workers.
  await Promise.all(
    codes.map(async (code) => {
      let v = await versionOf(code);
      while (writes < 1000) {
        writes += 1;
        const r = await post(UPDATE, { c: code, v, d: `Lần ghi ${writes}` }, editor);
        all.push(r);
        if (r.status === 200 && r.body.data?.updateTouristSite) {
          answered.push(r.requestId);
          v = r.body.data.updateTouristSite.version;
        } else {
          // A 503 after the intent: the write may or may not have happened; read the version again.
          for (;;) {
            const q = await post(`{ touristSite(code: "${code}") { version } }`, {});
            all.push(q);
            if (q.status === 200) {
              answered.push(q.requestId);
              v = q.body.data.touristSite.version;
              break;
            }
          }
        }
      }
    }),
  );
  stop = true;
  await cutter;
  expect(cuts).toBeGreaterThan(0);
  expect(all.some((r) => r.status === 503)).toBe(true);

  // Join the history of every site with the audit store: each change has the intent of its request.
  const changes = await sql(
    stack.dbUrls['culture-tourism'],
    "select request_id from hub_change where entity = 'TouristSite' and at >= $1",
    [started],
  );
  expect(changes.length).toBeGreaterThan(500);
  const ids = changes.map((c) => c.request_id as string);
  const intents = await sql(
    stack.audit.readerUrl,
    "select distinct request_id from audit_record where outcome = 'intent' and request_id = any($1)",
    [ids],
  );
  const withIntent = new Set(intents.map((r) => r.request_id));
  expect(ids.filter((id) => !withIntent.has(id))).toEqual([]);
  // Every answered request has its outcome record.
  const outcomes = await sql(
    stack.audit.readerUrl,
    "select distinct request_id from audit_record where outcome <> 'intent' and request_id = any($1)",
    [answered],
  );
  const recorded = new Set(outcomes.map((r) => r.request_id));
  expect(answered.filter((id) => !recorded.has(id))).toEqual([]);
}, 240_000);
