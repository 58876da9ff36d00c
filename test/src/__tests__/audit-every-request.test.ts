// Every request to /graphql leaves exactly one audit record, whatever refuses it: the HTTP layer (CSRF, methods,
// malformed bodies, sizes), authentication, batching, parsing, validation, limits, or nothing at all. A request
// refused before GraphQL runs is recorded as `rejected` with the reason it was refused.
import { sqlRows as sql } from '@hub/infra';
import { startStack, type Stack } from '../stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

interface Kind {
  name: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
  outcome: string;
}

const json = { 'content-type': 'application/json' };
const q = JSON.stringify({ query: '{ __typename }' });
const KINDS: Kind[] = [
  { name: 'a valid query', headers: json, body: q, status: 200, outcome: 'ok' },
  { name: 'text/plain (CSRF)', headers: { 'content-type': 'text/plain' }, body: q, status: 400, outcome: 'rejected' },
  {
    name: 'a form POST (CSRF)',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'query=%7B__typename%7D',
    status: 400,
    outcome: 'rejected',
  },
  {
    name: 'multipart (CSRF)',
    headers: { 'content-type': 'multipart/form-data; boundary=x' },
    body: '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--x--\r\n',
    status: 400,
    outcome: 'rejected',
  },
  { name: 'no content type', body: q, status: 400, outcome: 'rejected' },
  { name: 'GET without the preflight header', method: 'GET', path: '/graphql?query=%7B__typename%7D', status: 400, outcome: 'rejected' },
  {
    name: 'GET with the preflight header',
    method: 'GET',
    path: '/graphql?query=%7B__typename%7D',
    headers: { 'apollo-require-preflight': 'true' },
    status: 200,
    outcome: 'ok',
  },
  { name: 'query as a number', headers: json, body: '{"query": 1}', status: 400, outcome: 'rejected' },
  { name: 'an empty object', headers: json, body: '{}', status: 400, outcome: 'rejected' },
  {
    name: 'variables as a string',
    headers: json,
    body: JSON.stringify({ query: '{ __typename }', variables: 'x' }),
    status: 400,
    outcome: 'rejected',
  },
  {
    name: 'operationName as a number',
    headers: json,
    body: JSON.stringify({ query: '{ __typename }', operationName: 5 }),
    status: 400,
    outcome: 'rejected',
  },
  { name: 'PUT', method: 'PUT', headers: json, body: q, status: 405, outcome: 'rejected' },
  { name: 'PATCH', method: 'PATCH', headers: json, body: q, status: 405, outcome: 'rejected' },
  { name: 'DELETE', method: 'DELETE', headers: json, status: 405, outcome: 'rejected' },
  { name: 'DELETE without a content type (CSRF)', method: 'DELETE', status: 400, outcome: 'rejected' },
  { name: 'OPTIONS', method: 'OPTIONS', status: 400, outcome: 'rejected' },
  { name: 'HEAD', method: 'HEAD', status: 400, outcome: 'rejected' },
  {
    name: 'a JSON body over 1 MB',
    headers: json,
    body: JSON.stringify({ query: '{ __typename }', variables: { x: 'x'.repeat(1_100_000) } }),
    status: 413,
    outcome: 'rejected',
  },
  {
    name: 'a text body over 1 MB',
    headers: { 'content-type': 'text/plain' },
    body: 'x'.repeat(1_100_000),
    status: 400,
    outcome: 'rejected',
  },
  { name: 'a body that is not JSON', headers: json, body: '{"not json', status: 400, outcome: 'rejected' },
  { name: 'a batch', headers: json, body: JSON.stringify([{ query: '{ __typename }' }]), status: 400, outcome: 'rejected' },
  { name: 'a bad token', headers: { ...json, authorization: 'Bearer not.a.token' }, body: q, status: 401, outcome: 'rejected' },
  {
    name: 'a query that does not parse',
    headers: json,
    body: JSON.stringify({ query: '{ touristSites(' }),
    status: 400,
    outcome: 'rejected',
  },
  {
    name: 'an operation name the document does not have',
    headers: json,
    body: JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }),
    status: 400,
    outcome: 'rejected',
  },
  {
    name: 'a mutation name the document does not have',
    headers: json,
    body: JSON.stringify({ query: 'mutation A { changePassword(currentPassword: "x", newPassword: "y") }', operationName: 'B' }),
    status: 400,
    outcome: 'rejected',
  },
  {
    name: 'a query that does not validate',
    headers: json,
    body: JSON.stringify({ query: '{ noSuchField }' }),
    status: 400,
    outcome: 'rejected',
  },
];

it.each(KINDS)('$name: answered $status, and exactly one record', async (k) => {
  const r = await fetch(`${stack.gateway.url}${k.path ?? '/graphql'}`, { method: k.method ?? 'POST', headers: k.headers, body: k.body });
  const text = await r.text();
  expect(r.status).toBe(k.status);
  // Nothing internal reaches the caller.
  expect(text).not.toMatch(/at [\w.]+ \(|node_modules|\.ts:\d+/);
  const id = r.headers.get('x-request-id');
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  const rows = await sql(stack.audit.readerUrl, 'select outcome, error_codes, operation from audit_record where request_id = $1', [id]);
  expect(rows).toHaveLength(1);
  expect(rows[0].outcome).toBe(k.outcome);
  if (k.outcome === 'rejected') expect(rows[0].error_codes.length).toBeGreaterThan(0);
});

it('keeps the reason a request was refused before GraphQL ran', async () => {
  const r = await fetch(`${stack.gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: q });
  const [rec] = await sql(stack.audit.readerUrl, 'select operation, error_codes, client from audit_record where request_id = $1', [
    r.headers.get('x-request-id'),
  ]);
  expect(rec.operation.refused).toMatch(/CSRF|preflight|content-type/i);
  expect(rec.error_codes).toEqual(['BAD_REQUEST']);
  expect(rec.client.ip).toMatch(/127\.0\.0\.1/);
});

it('answers 503 instead of a refusal it cannot record', async () => {
  const writerRole = decodeURIComponent(new URL(stack.audit.writerUrl).username);
  await sql(stack.audit.superuserUrl, `revoke insert on audit_record from ${writerRole}`);
  try {
    const r = await fetch(`${stack.gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: q });
    expect(r.status).toBe(503);
    expect((await r.json()).errors[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', serviceName: 'audit' });
  } finally {
    await sql(stack.audit.superuserUrl, `grant insert on audit_record to ${writerRole}`);
  }
});

it('lets security staff find refused requests and sign-in attempts: by kind, by the username tried, with the reason', async () => {
  await fetch(`${stack.gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: q });
  const tried = `no.such.user.${Date.now()}`;
  const signIn = await stack.signIn(tried, 'wrong-password-123');
  expect(signIn.status).toBe(400);
  const auditor = (await stack.signIn('security.auditor')).body.access_token as string;
  const EVENTS =
    'query($f: AuditEventFilter) { auditEvents(filter: $f, first: 50) { edges { node { operationType operationName method refused outcome errorCodes principal { username } client { ip } } } } }';
  const signIns = await stack.query(EVENTS, { f: { operationType: 'sign-in', username: tried } }, auditor);
  expect(signIns.errors).toBeUndefined();
  expect(signIns.data.auditEvents.edges.map((e: any) => e.node)).toEqual([
    expect.objectContaining({
      operationType: 'sign-in',
      operationName: 'password',
      outcome: 'REJECTED',
      principal: { username: tried },
      client: { ip: expect.stringMatching(/127\.0\.0\.1/) },
    }),
  ]);
  const refused = await stack.query(EVENTS, { f: { operationType: 'none', outcome: ['REJECTED'] } }, auditor);
  const csrf = refused.data.auditEvents.edges.map((e: any) => e.node).find((n: any) => /CSRF/i.test(n.refused ?? ''));
  expect(csrf).toMatchObject({ operationType: null, method: 'POST', errorCodes: ['BAD_REQUEST'] });
  // The CSV export takes the same filter.
  const csv = await (
    await fetch(`${stack.gateway.url}/audit/events.csv?operationType=sign-in&username=${encodeURIComponent(tried)}`, {
      headers: { authorization: `Bearer ${auditor}` },
    })
  ).text();
  expect(csv.trim().split('\n')).toHaveLength(2);
  expect(csv).toContain(tried);
});
