// Every request leaves exactly one committed, hash-chained record, rejected ones included; secrets never reach
// the store; with the store down the gateway answers 503 and resumes by itself when it returns.
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { verifyAuditChain } from '@hub/audit-chain';
import { sqlRows as sql } from '@hub/infra';
import { startStack, type Stack } from '../stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const records = (requestId: string) => sql(stack.audit.readerUrl, 'select * from audit_record where request_id = $1', [requestId]);

async function post(body: string, headers: Record<string, string> = {}) {
  const r = await fetch(`${stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: r.status, requestId: r.headers.get('x-request-id')!, body: await r.text() };
}

it('records what was asked, denied and called, for an answered request', async () => {
  const r = await post(
    JSON.stringify({
      query: 'query Lodging($c: String!) { accommodation(code: $c) { name ownerName commune { name } } }',
      variables: { c: 'LT-0005' },
    }),
    {
      'apollographql-client-name': 'tourism-portal',
      'user-agent': 'jest',
    },
  );
  expect(r.status).toBe(200);
  const [rec] = await records(r.requestId);
  expect(rec).toMatchObject({
    outcome: 'partial',
    principal: { kind: 'PUBLIC' },
    client: { name: 'tourism-portal', userAgent: 'jest' },
    operation: { type: 'query', name: 'Lodging', hash: expect.any(String) },
    variables: { c: 'LT-0005' },
    error_codes: ['FORBIDDEN'],
    subgraphs: ['culture-tourism', 'directory'],
    personal: [],
  });
  expect(rec.requested).toEqual(
    expect.arrayContaining(['Query.accommodation', 'AccommodationEstablishment.ownerName', 'AdministrativeUnit.name']),
  );
  expect(rec.denied).toEqual([
    {
      coordinate: 'AccommodationEstablishment.ownerName',
      path: ['accommodation', 'ownerName'],
      reason: expect.stringMatching(/^PERSONAL/),
    },
  ]);
  expect(rec.response_bytes).toBeGreaterThan(0);
});

it('notes personal data read, and masks passwords wherever they appear', async () => {
  const editor = (await stack.signIn('vhttdl.editor')).body.access_token;
  const read = await post(JSON.stringify({ query: '{ accommodation(code: "LT-0005") { ownerName } }' }), {
    authorization: `Bearer ${editor}`,
  });
  const [rec] = await records(read.requestId);
  expect(rec.personal).toEqual(['AccommodationEstablishment.ownerName']);
  expect(rec.principal).toMatchObject({ kind: 'ACCOUNT', agency: 'SVHTTDL', roles: ['DATA_EDITOR', 'OFFICIAL'] });

  const admin = (await stack.signIn('vhttdl.admin')).body.access_token;
  const secret = 'Very-Secret-Password-42';
  await post(
    JSON.stringify({
      query: 'mutation($i: CreateAccountInput!) { createAccount(input: $i) { username } }',
      variables: { i: { username: 'audit.case', displayName: 'X', agencyCode: 'SVHTTDL', roles: ['OFFICIAL'], password: secret } },
    }),
    { authorization: `Bearer ${admin}` },
  );
  await post(JSON.stringify({ query: `mutation { changePassword(currentPassword: "${secret}", newPassword: "${secret}-2") }` }), {
    authorization: `Bearer ${admin}`,
  });
  const dump = JSON.stringify(await sql(stack.audit.readerUrl, 'select * from audit_record'));
  expect(dump).not.toContain(secret);
  expect(dump).toContain('[masked]');
});

it('records large variables by size, digest and masked beginning: no secret in any form', async () => {
  const secret = 'Very-Secret-Password-43';
  // Variables the operation does not declare are not kept at all; large declared ones by their digest.
  const codes = Array.from({ length: 12_000 }, (_, i) => `C${String(i).padStart(5, '0')}`);
  const variables = { password: secret, c: 'DL-0001', codes };
  const r = await post(
    JSON.stringify({
      query:
        'query Big($c: String!, $codes: [String!]) { touristSite(code: $c) { name } touristSites(filter: { communeCodes: $codes }) { totalCount } }',
      variables,
    }),
  );
  expect(r.status).toBe(200);
  const [rec] = await records(r.requestId);
  const maskedJson = JSON.stringify({ c: 'DL-0001', codes });
  expect(rec.variables).toEqual({
    truncated: true,
    bytes: Buffer.byteLength(maskedJson),
    sha256: createHash('sha256').update(maskedJson).digest('hex'),
    head: maskedJson.slice(0, 4096),
  });
  expect(JSON.stringify(rec)).not.toContain(secret);
});

it('keeps exactly one record per request under concurrent load, rejected requests included, and the chain verifies', async () => {
  const bodies = [
    JSON.stringify({ query: '{ touristSites(first: 5) { nodes { name commune { name } } } }' }),
    JSON.stringify({ query: '{ accommodations(first: 3) { nodes { name licenceNumber } } }' }),
    JSON.stringify({ query: '{ touristSites(' }),
    JSON.stringify([{ query: '{ __typename }' }]),
    JSON.stringify({ query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ')} }` }),
    '{"not json',
  ];
  const results = await Promise.all(
    Array.from({ length: 240 }, (_, i) => post(bodies[i % bodies.length], i % 7 === 0 ? { authorization: 'Bearer not.a.token' } : {})),
  );
  const statuses = new Set(results.map((r) => r.status));
  expect([...statuses].sort()).toEqual([200, 400, 401]);
  const ids = results.map((r) => r.requestId);
  const rows = await sql(stack.audit.readerUrl, 'select request_id, outcome from audit_record where request_id = any($1)', [ids]);
  expect(rows).toHaveLength(ids.length);
  expect(new Set(rows.map((r) => r.request_id)).size).toBe(ids.length);
  expect(new Set(rows.map((r) => r.outcome))).toEqual(new Set(['ok', 'partial', 'rejected']));
  const c = new Client({ connectionString: stack.audit.readerUrl });
  await c.connect();
  expect(await verifyAuditChain(c)).toMatchObject({ ok: true });
  await c.end();
  // The operator's view of the same: records committed and how long responses waited for them.
  const metrics = await (await fetch(`${stack.gateway.url}/metrics`)).text();
  expect(Number(/^hub_audit_records_total (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(ids.length);
  expect(Number(/^hub_audit_commit_wait_seconds_count (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(ids.length);
});

it('answers 503 while the audit store is unreachable, leaves no answered request unrecorded, and resumes by itself', async () => {
  const writerRole = (
    await sql(stack.audit.superuserUrl, "select rolname from pg_roles where rolname like '%_audit_writer' and rolname like $1", [
      `%${new URL(stack.audit.superuserUrl).pathname.slice(1)}%`,
    ])
  )[0].rolname;
  const q = JSON.stringify({ query: '{ touristSite(code: "DL-0001") { name } }' });
  const during: { status: number; requestId: string }[] = [];
  // The store goes away in the middle of a load: the writer's role can no longer log in, its sessions are cut.
  const load = (async () => {
    for (let i = 0; i < 30; i++) during.push(...(await Promise.all([post(q), post(q), post(q)])));
  })();
  await new Promise((r) => setTimeout(r, 100));
  await sql(stack.audit.superuserUrl, `alter role ${writerRole} nologin`);
  await sql(stack.audit.superuserUrl, 'select pg_terminate_backend(pid) from pg_stat_activity where usename = $1', [writerRole]);
  await load;
  const down = await post(q);
  expect(down.status).toBe(503);
  expect(JSON.parse(down.body).errors[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', serviceName: 'audit' });
  expect(during.some((r) => r.status === 503)).toBe(true);

  await sql(stack.audit.superuserUrl, `alter role ${writerRole} login`);
  const back = await post(q);
  expect(back.status).toBe(200);

  const answered = [...during, back].filter((r) => r.status === 200).map((r) => r.requestId);
  const recorded = await sql(stack.audit.readerUrl, 'select request_id from audit_record where request_id = any($1)', [answered]);
  expect(recorded).toHaveLength(answered.length);
  const c = new Client({ connectionString: stack.audit.readerUrl });
  await c.connect();
  expect(await verifyAuditChain(c)).toMatchObject({ ok: true });
  await c.end();
});
