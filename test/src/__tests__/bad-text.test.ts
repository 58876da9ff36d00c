// Text the hub cannot store (a NUL, a lone UTF-16 surrogate) or that is too long is the caller's bad input: a 400
// BAD_USER_INPUT naming the argument or input field, nothing written, and the request recorded like any other,
// never a 503 or an internal error.
import { sqlRows as sql } from '@hub/infra';
import { startStack, type Stack } from '../stack';

let stack: Stack;
let admin: string;
let editor: string;
beforeAll(async () => {
  stack = await startStack();
  admin = (await stack.signIn('vhttdl.admin')).body.access_token;
  editor = (await stack.signIn('vhttdl.editor')).body.access_token;
});
afterAll(() => stack?.stop());

async function post(body: unknown, token: string) {
  const r = await fetch(`${stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: r.status, requestId: r.headers.get('x-request-id')!, body: JSON.parse(await r.text()) as any };
}

const CREATE = 'mutation($i: CreateAccountInput!) { createAccount(input: $i) { username } }';
const account = (username: string, displayName: string) => ({
  username,
  displayName,
  agencyCode: 'SVHTTDL',
  roles: ['OFFICIAL'],
  password: 'a-long-enough-password',
});
const accounts = (username: string) => sql(stack.dbUrls.directory, 'select id from account where username = $1', [username]);

it.each([
  ['a NUL character', 'bad.nul', 'Nguyễn\u0000Văn A', /NUL character/],
  ['a lone surrogate', 'bad.surrogate', 'Nguyễn \ud800 Văn A', /lone UTF-16 surrogate/],
  ['900 KB of text', 'bad.long', 'x'.repeat(900_000), /at most 100000 are accepted/],
  ['a display name over 200 characters', 'bad.name', 'Nguyễn Văn '.repeat(30), /at most 200 characters/],
])('refuses %s in input.displayName, naming it, and writes nothing', async (_what, username, displayName, message) => {
  const r = await post({ query: CREATE, variables: { i: account(username, displayName) } }, admin);
  expect(r.body.errors).toHaveLength(1);
  expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.displayName' });
  expect(r.body.errors[0].message).toMatch(message);
  expect(r.body.errors[0].message).not.toMatch(/sql|insert|postgres|at .*\.ts/i);
  expect(await accounts(username)).toHaveLength(0);
  // Recorded like any other request, with the code (refused by the gateway: rejected; by the directory, after the
  // intent: partial, the mutation's field null).
  const recs = await sql(
    stack.audit.readerUrl,
    "select outcome, error_codes from audit_record where request_id = $1 and outcome <> 'intent'",
    [r.requestId],
  );
  expect(recs).toHaveLength(1);
  expect(recs[0].error_codes).toEqual(['BAD_USER_INPUT']);
});

it('names the field inside nested inputs and inline literals, and the reason of a write', async () => {
  const v = (await stack.query('{ touristSite(code: "DL-0004") { version } }')).data.touristSite.version;
  const nul = await post(
    {
      query:
        'mutation($v: Int!, $d: String) { updateTouristSite(code: "DL-0004", input: { name: "Tên", description: $d }, expectedVersion: $v, reason: "r") { version } }',
      variables: { v, d: 'a\u0000b' },
    },
    editor,
  );
  expect(nul.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.description' });
  const reason = await post(
    {
      query:
        'mutation($v: Int!, $r: String) { updateTouristSite(code: "DL-0004", input: { name: "Tên mới" }, expectedVersion: $v, reason: $r) { version } }',
      variables: { v, r: 'lý do '.repeat(500) },
    },
    editor,
  );
  expect(reason.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
  expect((await stack.query('{ touristSite(code: "DL-0004") { version } }')).data.touristSite.version).toBe(v);
  // A variable the operation does not use is not looked at (and not stored).
  const unused = await post({ query: '{ touristSite(code: "DL-0004") { version } }', variables: { junk: 'a\u0000b' } }, editor);
  expect(unused.status).toBe(200);
  expect(unused.body.errors).toBeUndefined();
});

it('refuses too long agreement texts naming the field', async () => {
  const sxdAdmin = (await stack.signIn('sxd.admin')).body.access_token;
  const r = await post(
    {
      query: 'mutation($i: SharingAgreementRequest!) { requestSharingAgreement(input: $i) { id } }',
      variables: {
        i: {
          providerCode: 'SVHTTDL',
          coordinates: ['AccommodationEstablishment.annualRevenue'],
          includesPersonalData: false,
          purpose: 'Quy hoạch',
          legalBasis: 'Công văn 1/SXD',
          usage: 'x'.repeat(9000),
          validFrom: '2026-01-01',
          validTo: '2026-12-31',
        },
      },
    },
    sxdAdmin,
  );
  expect(r.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.usage' });
});
