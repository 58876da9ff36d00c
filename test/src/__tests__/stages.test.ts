// The gateway's stages through the real gateway: a request refused at any stage (its budget spent, a token that is
// not valid, too deep, too costly, nothing it may read) is recorded by the audit-record stage and logged, and goes
// through no stage after the one that refused it: no subgraph is asked anything.
import { sqlRows as sql } from '@hub/infra';
import { startStack, type Stack } from '../stack';

let stack: Stack;
const logs: string[] = [];
beforeAll(async () => {
  stack = await startStack({
    // Each test comes from its own address (X-Forwarded-For): the budget of 3 requests is its own.
    gatewayEnv: { HUB_TRUST_PROXY: 'loopback', HUB_GRAPHQL_RATE_PER_ADDRESS: '3' },
    gatewayLog: (line) => logs.push(line),
  });
});
afterAll(() => stack?.stop());

let next = 0;
/** A fresh client address (TEST-NET-3). */
const address = () => `203.0.113.${++next}`;
const subgraphRequests = () => Object.values(stack.subgraphs).reduce((n, s) => n + s.stats.requests, 0);

async function post(query: string, from: string, headers: Record<string, string> = {}) {
  const before = subgraphRequests();
  const r = await fetch(`${stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from, ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await r.json()) as { errors?: { message: string; extensions: { code: string } }[] };
  const requestId = r.headers.get('x-request-id')!;
  const records = await sql(
    stack.audit.readerUrl,
    'select outcome, error_codes, subgraphs, denied, operation from audit_record where request_id = $1',
    [requestId],
  );
  const logged = logs.map((l) => JSON.parse(l)).filter((l) => l.requestId === requestId && l.msg === 'graphql request');
  return {
    status: r.status,
    codes: body.errors?.map((e) => e.extensions.code),
    message: body.errors?.[0]?.message,
    records,
    logged,
    fetched: subgraphRequests() - before,
  };
}

const SITE = '{ touristSite(code: "DL-0001") { name commune { name } } }';

it('goes through every stage when nothing refuses: fetched from the subgraphs, recorded with them, logged', async () => {
  const r = await post(SITE, address());
  expect(r.status).toBe(200);
  expect(r.fetched).toBe(2);
  expect(r.records).toEqual([expect.objectContaining({ outcome: 'ok', subgraphs: ['culture-tourism', 'directory'] })]);
  expect(r.logged).toEqual([expect.objectContaining({ status: 200, operationName: null })]);
});

it('refused by rate-limit (request phase): recorded and logged, never fetched', async () => {
  const from = address();
  for (let i = 0; i < 3; i++) expect((await post('{ __typename }', from)).status).toBe(200);
  const r = await post(SITE, from);
  expect(r).toMatchObject({ status: 429, codes: ['RATE_LIMITED'], fetched: 0 });
  expect(r.records).toEqual([expect.objectContaining({ outcome: 'rejected', error_codes: ['RATE_LIMITED'], subgraphs: [] })]);
  expect(r.records[0].operation.refused).toMatch(/^Too many requests from this address/);
  expect(r.logged).toEqual([expect.objectContaining({ status: 429, errors: ['RATE_LIMITED'] })]);
});

it('refused by authenticate (request phase): recorded, never fetched', async () => {
  const r = await post(SITE, address(), { authorization: 'Bearer not.a.token' });
  expect(r).toMatchObject({ status: 401, codes: ['UNAUTHENTICATED'], fetched: 0 });
  expect(r.records).toEqual([expect.objectContaining({ outcome: 'rejected', error_codes: ['UNAUTHENTICATED'] })]);
});

it('refused by limits, too deep (operation phase): recorded with its own code, never fetched', async () => {
  const deep = `{ administrativeUnit(code: "04") { ${'children { '.repeat(13)}name${' }'.repeat(13)} } }`;
  const r = await post(deep, address());
  expect(r).toMatchObject({
    status: 400,
    codes: ['MAX_DEPTH_LIMIT'],
    message: expect.stringMatching(/^Query depth limit of 12 exceeded, found 15\.$/),
    fetched: 0,
  });
  expect(r.records).toEqual([expect.objectContaining({ outcome: 'rejected', error_codes: ['MAX_DEPTH_LIMIT'], subgraphs: [] })]);
});

it('refused by limits, too costly (operation phase): recorded with what it asked, never fetched', async () => {
  const r = await post(
    'query Costly { administrativeUnits(first: 1000) { nodes { children { children { children { name } } } } } }',
    address(),
  );
  expect(r).toMatchObject({
    status: 400,
    codes: ['COST_ESTIMATED_TOO_EXPENSIVE'],
    message: expect.stringMatching(/^Query cost \d+ exceeds the limit/),
    fetched: 0,
  });
  expect(r.records).toEqual([
    expect.objectContaining({ outcome: 'rejected', error_codes: ['COST_ESTIMATED_TOO_EXPENSIVE'], subgraphs: [] }),
  ]);
  expect(r.records[0].operation).toMatchObject({ type: 'query', name: 'Costly', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
});

it('refused by policy-prune, nothing left to read (execution phase): recorded with what was denied, never fetched', async () => {
  const r = await post('{ accommodation(code: "LT-0001") { licenceNumber ownerName } }', address());
  expect(r).toMatchObject({ status: 403, codes: ['FORBIDDEN', 'FORBIDDEN'], fetched: 0 });
  expect(r.records).toEqual([expect.objectContaining({ outcome: 'denied', subgraphs: [] })]);
  expect(r.records[0].denied.map((d: { coordinate: string }) => d.coordinate).sort()).toEqual([
    'AccommodationEstablishment.licenceNumber',
    'AccommodationEstablishment.ownerName',
  ]);
});
