// No secret is ever stored, whatever the variable that carries it is called: masking is decided by the schema
// (`@sensitive` and PERSONAL arguments and input fields), followed through renamed variables, nested inputs,
// inline literals and aliases; variables the operation does not use are not kept. Afterwards the audit store, the
// CSV export, the monthly archive and the gateway's logs are searched for every secret: none holds any.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Client } from 'pg';
import { sqlRows as sql } from '@hub/infra';
import { sqlOf } from '@hub/audit-chain';
import { exportMonth } from '@hub/infra/audit-archive';
import { DEMO_PASSWORD } from '@hub/directory';
import { startStack, type Stack } from '../stack';

let stack: Stack;
const logs: string[] = [];
beforeAll(async () => {
  stack = await startStack({ gatewayLog: (line) => logs.push(line) });
});
afterAll(() => stack?.stop());

/** Each case carries its own secret, so that a leak names the case. */
const secret = (name: string) => `S3cret-${name}-${Math.random().toString(36).slice(2, 10)}`;

async function post(body: unknown, token?: string) {
  const r = await fetch(`${stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: r.status, requestId: r.headers.get('x-request-id')!, body: (await r.json()) as any };
}

const recordsOf = (requestId: string) =>
  sql(stack.audit.readerUrl, 'select * from audit_record where request_id = $1 order by seq', [requestId]);

it('stores none of the secrets sent under any name, in the store, the CSV export, the archive or the logs', async () => {
  const admin = (await stack.signIn('vhttdl.admin')).body.access_token as string;
  const secrets: Record<string, string> = {};
  const cases: { name: string; body: (s: string) => unknown; token?: string }[] = [
    // Renamed variables: nothing in their names says "password".
    {
      name: 'renamed',
      body: (s) => ({
        query: 'mutation C($a: String!, $b: String!) { changePassword(currentPassword: $a, newPassword: $b) }',
        variables: { a: s, b: `${s}-new` },
      }),
    },
    // A password inside an input object, under an innocent variable name.
    {
      name: 'nested',
      body: (s) => ({
        query: 'mutation N($x: CreateAccountInput!) { createAccount(input: $x) { username } }',
        variables: { x: { username: 'secret.nested', displayName: 'Trần Thị B', agencyCode: 'SVHTTDL', roles: ['OFFICIAL'], password: s } },
      }),
    },
    // A variable placed into the secret field of an inline input object.
    {
      name: 'inline-object',
      body: (s) => ({
        query:
          'mutation I($u: String!, $q: String!) { createAccount(input: { username: $u, displayName: "X Y", agencyCode: "SVHTTDL", roles: [OFFICIAL], password: $q }) { username } }',
        variables: { u: 'secret.inline', q: s },
      }),
    },
    // Literals written in the document itself.
    { name: 'literal', body: (s) => ({ query: `mutation { changePassword(currentPassword: "${s}", newPassword: """${s}-block""") }` }) },
    // A default value in the document.
    {
      name: 'default',
      body: (s) => ({ query: `mutation D($p: String! = "${s}") { changePassword(currentPassword: $p, newPassword: "n3w-Password-123") }` }),
    },
    // An unused variable carrying a password (and one the operation does not declare at all).
    {
      name: 'unused',
      body: (s) => ({ query: 'query U($c: String!) { touristSite(code: $c) { name } }', variables: { c: 'DL-0001', password: s, p: s } }),
    },
    // Aliases change nothing.
    {
      name: 'alias',
      body: (s) => ({
        query: 'mutation A($v: String!) { first: changePassword(currentPassword: $v, newPassword: $v) }',
        variables: { v: s },
      }),
    },
  ];
  const requestIds: Record<string, string> = {};
  for (const c of cases) {
    secrets[c.name] = secret(c.name);
    const r = await post(c.body(secrets[c.name]), c.token ?? admin);
    requestIds[c.name] = r.requestId;
  }
  // Personal values are masked like secrets: the owner's name of a household establishment (PERSONAL).
  const editor = (await stack.signIn('vhttdl.editor')).body.access_token as string;
  const site = await post({ query: '{ accommodation(code: "LT-0005") { version } }' }, editor);
  const owner = `Nguyễn Văn ${secret('owner')}`;
  secrets.owner = owner;
  const w = await post(
    {
      query:
        'mutation W($k: String!, $i: AccommodationUpdate!, $v: Int!, $r: String) { updateAccommodation(code: $k, input: $i, expectedVersion: $v, reason: $r) { version } }',
      variables: { k: 'LT-0005', i: { ownerName: owner }, v: site.body.data.accommodation.version, r: 'Cập nhật chủ hộ' },
    },
    editor,
  );
  expect(w.body.errors).toBeUndefined();
  requestIds.owner = w.requestId;

  // What the records keep instead: the variables' shape with the secrets masked, and only the declared variables.
  expect((await recordsOf(requestIds.renamed)).map((r) => r.variables)).toEqual([
    { a: '[masked]', b: '[masked]' },
    { a: '[masked]', b: '[masked]' },
  ]);
  const nested = await recordsOf(requestIds.nested);
  expect(nested.at(-1)!.variables).toEqual({
    x: { username: 'secret.nested', displayName: 'Trần Thị B', agencyCode: 'SVHTTDL', roles: ['OFFICIAL'], password: '[masked]' },
  });
  expect((await recordsOf(requestIds['inline-object'])).at(-1)!.variables).toEqual({ u: 'secret.inline', q: '[masked]' });
  expect((await recordsOf(requestIds.unused)).at(-1)!.variables).toEqual({ c: 'DL-0001' });
  expect((await recordsOf(requestIds.alias)).at(-1)!.variables).toEqual({ v: '[masked]' });
  // updateAccommodation is classified PERSONAL as a whole (its input may name the owner): every argument is masked.
  expect((await recordsOf(requestIds.owner)).at(-1)!.variables).toEqual({ k: '[masked]', i: '[masked]', v: '[masked]', r: '[masked]' });
  // The stored document keeps its shape with the literals hidden, and the hash of what was sent.
  const literal = (await recordsOf(requestIds.literal)).at(-1)!;
  expect(literal.operation.document).toContain('changePassword(currentPassword: "", newPassword: "")');
  expect(literal.operation.hash).toMatch(/^[0-9a-f]{64}$/);

  // The audit store, read as its superuser sees it.
  const store = JSON.stringify(await sql(stack.audit.superuserUrl, 'select * from audit_record'));
  // The CSV export an auditor downloads.
  const auditor = (await stack.signIn('security.auditor')).body.access_token as string;
  const csv = await (await fetch(`${stack.gateway.url}/audit/events.csv`, { headers: { authorization: `Bearer ${auditor}` } })).text();
  expect(csv.split('\n').length).toBeGreaterThan(cases.length);
  // This month's archive.
  const file = join(mkdtempSync(join(tmpdir(), 'hub-archive-')), 'month.jsonl.gz');
  const c = new Client({ connectionString: stack.audit.readerUrl });
  await c.connect();
  await exportMonth(sqlOf(c), new Date().toISOString().slice(0, 7), file, {
    publicKey: stack.audit.publicKey,
    checkpoints: stack.audit.checkpointDir,
  });
  await c.end();
  const archive = gunzipSync(readFileSync(file)).toString('utf8');
  expect(archive).toContain(requestIds.renamed);
  const gatewayLogs = logs.join('\n');
  expect(gatewayLogs).toContain(requestIds.renamed);

  for (const [name, s] of Object.entries(secrets)) {
    for (const [where, text] of Object.entries({ store, csv, archive, gatewayLogs })) {
      expect(`${name} in ${where}: ${text.includes(s) || text.includes(s.split(' ').at(-1)!)}`).toBe(`${name} in ${where}: false`);
    }
  }
  // Passwords are not stored in any form: not even the demo password's hash-like traces appear.
  expect(store).not.toContain(DEMO_PASSWORD);
});
