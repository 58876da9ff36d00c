// Registered operations (persisted documents) through the real gateway: an app's manifest installed by the operator,
// required of anonymous callers (HUB_PERSISTED_ONLY=public); the document's id in the audit record; automatic
// persisted queries still working for signed-in callers.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack, type Stack } from '../stack';

const SITES = 'query PortalSites { touristSites(first: 2) { nodes { code name } } }';
const UNIT = 'query PortalUnit { administrativeUnit(code: "04") { name } }';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

let stack: Stack;
let official: string;
let auditor: string;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-persisted-'));
  const apollo = join(dir, 'portal.json');
  writeFileSync(
    apollo,
    JSON.stringify({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: sha(SITES), name: 'PortalSites', type: 'query', body: SITES }],
    }),
  );
  const hive = join(dir, 'hive.json');
  writeFileSync(hive, JSON.stringify({ 'portal~1.0~unit': UNIT }));
  stack = await startStack({ gatewayEnv: { HUB_PERSISTED_DOCUMENTS: `${apollo},${hive}`, HUB_PERSISTED_ONLY: 'public' } });
  official = (await stack.signIn('vhttdl.official')).body.access_token;
  auditor = (await stack.signIn('security.auditor')).body.access_token;
});
afterAll(() => stack?.stop());

const post = async (body: unknown, token?: string) => {
  const r = await fetch(`${stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as { data?: any; errors?: { message: string; extensions?: any }[] } };
};

it('runs a registered document for anonymous callers by its id, by its hash, or as its exact text', async () => {
  for (const body of [
    { documentId: sha(SITES) },
    { extensions: { persistedQuery: { version: 1, sha256Hash: sha(SITES) } } },
    { query: SITES },
    { documentId: 'portal~1.0~unit' },
  ]) {
    const r = await post(body);
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data).toBeTruthy();
  }
});

it('refuses anything else from anonymous callers, and records the attempt', async () => {
  const other = await post({ query: '{ touristSites(first: 50) { nodes { code name address } } }' });
  expect(other.status).toBe(400);
  expect(other.body.errors?.[0]).toMatchObject({
    message: expect.stringMatching(/runs only registered operations for callers who are not signed in/),
    extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' },
  });
  // A changed character is another document.
  expect((await post({ query: `${SITES} ` })).body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
  const unknown = await post({ documentId: 'nope' });
  expect(unknown).toMatchObject({ status: 400, body: { errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] } });
  expect((await post({ documentId: 42 })).body.errors?.[0].extensions.code).toBe('BAD_REQUEST');

  const events = await post(
    { query: '{ auditEvents(first: 20, filter: { outcome: [REJECTED] }) { nodes { errorCodes principal { kind } } } }' },
    auditor,
  );
  expect(events.body.data.auditEvents.nodes).toEqual(
    expect.arrayContaining([expect.objectContaining({ errorCodes: ['PERSISTED_QUERY_NOT_IN_LIST'], principal: { kind: 'PUBLIC' } })]),
  );
});

it('keeps the registered document id in the audit record; a client cannot set it', async () => {
  await post({ documentId: 'portal~1.0~unit' });
  await post({ query: SITES, extensions: { hubPersistedDocument: 'forged' } });
  const events = await post({ query: '{ auditEvents(first: 30) { nodes { operationName documentId } } }' }, auditor);
  const byName = (n: string) => events.body.data.auditEvents.nodes.filter((e: { operationName: string }) => e.operationName === n);
  expect(byName('PortalUnit')[0].documentId).toBe('portal~1.0~unit');
  expect(byName('PortalSites').every((e: { documentId: string }) => e.documentId === sha(SITES))).toBe(true);
  expect(events.body.data.auditEvents.nodes.some((e: { documentId: string | null }) => e.documentId === 'forged')).toBe(false);
});

it('lets signed-in callers send any operation, and automatic persisted queries still work for them', async () => {
  const q = '{ accommodations(first: 1) { nodes { code licenceNumber } } }';
  expect((await post({ query: q }, official)).body.errors).toBeUndefined();
  const hash = sha(q);
  const first = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, official);
  expect(first.body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  expect(
    (await post({ query: q, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, official)).body.errors,
  ).toBeUndefined();
  const again = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, official);
  expect(again.body.errors).toBeUndefined();
  expect(again.body.data.accommodations.nodes).toHaveLength(1);
});
