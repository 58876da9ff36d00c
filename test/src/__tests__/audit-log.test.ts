// Security staff read the audit log through the graph: only AUDITORs, every read of it recorded too; filters,
// pages, one event with what was denied and why, statistics by group, chain verification naming a tampered record,
// and a streamed CSV export of a filtered range.
import { Client } from 'pg';
import { startStack, type Stack } from '../stack';

let stack: Stack;
let auditor: string;
let editor: string;
beforeAll(async () => {
  // A checkpoint every second, so that verification has some to check against.
  stack = await startStack({ gatewayEnv: { HUB_AUDIT_CHECKPOINT_SECONDS: '1' } });
  auditor = (await stack.signIn('security.auditor')).body.access_token;
  editor = (await stack.signIn('vhttdl.editor')).body.access_token;
  // Traffic: allowed, partly denied (PUBLIC asks for a personal field), rejected (bad token), a personal read.
  await stack.query('query Sites { touristSites(first: 2) { totalCount } }');
  await stack.query('query Lodging { accommodation(code: "LT-0005") { name ownerName } }');
  await stack.query('{ touristSites { totalCount } }', undefined, 'not-a-token');
  await stack.query('query OwnerRead { accommodation(code: "LT-0005") { ownerName } }', undefined, editor);
});
afterAll(() => stack?.stop());

const EVENT_FIELDS = `id seq at requestId outcome operationName operationType document variables requested personal subgraphs errorCodes
  durationMs responseBytes hash previousHash denied { coordinate path reason } principal { kind accountId agencyCode roles account { username } }
  client { name userAgent }`;

/** Rows of an export: each starts with an event id (documents inside quoted cells span several lines). */
const csvRows = (text: string) => (text.match(/^\uFEFF?[0-9a-f-]{36}:\d+,/gm) ?? []).length;

async function events(filter: Record<string, unknown> = {}, first = 50, after?: string) {
  const r = await stack.query(
    `query Events($f: AuditEventFilter, $first: Int, $after: String) { auditEvents(filter: $f, first: $first, after: $after) { edges { cursor node { ${EVENT_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
    { f: filter, first, after },
    auditor,
  );
  expect(r.errors).toBeUndefined();
  return r.data.auditEvents as { edges: { node: any }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
}

it('is for AUDITORs only: PUBLIC, officials and even the system admin are refused, and the refusal is recorded', async () => {
  const q = '{ auditEvents(first: 1) { edges { node { id } } } }';
  const anon = await stack.query(q);
  expect(anon.status).toBe(403);
  expect(anon.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Query.auditEvents' });
  for (const user of ['vhttdl.official', 'admin']) {
    const token = (await stack.signIn(user)).body.access_token;
    const r = await stack.query(q, undefined, token);
    expect(r.status).toBe(403);
    expect(r.errors?.[0].extensions?.reason).toMatch(/AUDITOR/);
  }
  const denied = await events({ deniedOnly: true, coordinate: 'Query.auditEvents' });
  expect(denied.edges.length).toBeGreaterThanOrEqual(3);
  expect(denied.edges.every((e) => e.node.outcome === 'DENIED')).toBe(true);
});

it("lists events newest first with who, what, what was denied and why; an auditor's own reads are recorded", async () => {
  const all = await events({}, 100);
  const lodging = all.edges.map((e) => e.node).find((n) => n.operationName === 'Lodging')!;
  expect(lodging).toMatchObject({
    outcome: 'PARTIAL',
    operationType: 'query',
    principal: { kind: 'PUBLIC', accountId: null, account: null },
    denied: [
      { coordinate: 'AccommodationEstablishment.ownerName', path: 'accommodation.ownerName', reason: expect.stringMatching(/^PERSONAL/) },
    ],
    errorCodes: ['FORBIDDEN'],
    subgraphs: ['culture-tourism'],
  });
  expect(lodging.document).toContain('accommodation(code: "")'); // literals never kept
  const times = all.edges.map((e) => Date.parse(e.node.at));
  expect([...times].sort((a, b) => b - a)).toEqual(times);
  // The first listing is itself an event now.
  const again = await events({ operationName: 'Events' });
  expect(again.edges.length).toBeGreaterThanOrEqual(1);
  expect(again.edges[0].node.principal).toMatchObject({ kind: 'ACCOUNT', roles: ['AUDITOR'], account: { username: 'security.auditor' } });
});

it('filters by outcome, account, agency, coordinate, personal data and time, and pages without gaps or repeats', async () => {
  const rejected = await events({ outcome: ['REJECTED'] });
  expect(rejected.edges.length).toBeGreaterThanOrEqual(1);
  expect(rejected.edges.every((e) => e.node.outcome === 'REJECTED' && e.node.errorCodes.includes('UNAUTHENTICATED'))).toBe(true);

  const personal = await events({ personalOnly: true });
  expect(personal.edges.map((e) => e.node.operationName)).toContain('OwnerRead');
  expect(personal.edges.every((e) => e.node.personal.length > 0)).toBe(true);

  const svh = await events({ agency: 'SVHTTDL' });
  expect(svh.edges.length).toBeGreaterThanOrEqual(1);
  expect(svh.edges.every((e) => e.node.principal.agencyCode === 'SVHTTDL')).toBe(true);
  const accountId = svh.edges[0].node.principal.accountId;
  expect((await events({ account: accountId })).edges.every((e) => e.node.principal.accountId === accountId)).toBe(true);

  const byCoordinate = await events({ coordinate: 'Query.touristSites' });
  expect(byCoordinate.edges.every((e) => e.node.requested.includes('Query.touristSites'))).toBe(true);
  expect(byCoordinate.edges.length).toBeGreaterThanOrEqual(1);

  expect((await events({ to: '2020-01-01T00:00:00Z' })).edges).toEqual([]);

  // Paging while new events arrive (each page request is one): a fixed upper bound keeps the pages stable.
  const to = new Date().toISOString();
  const everything = (await events({ to }, 200)).edges.map((e) => e.node.id);
  const paged: string[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await events({ to }, 3, after);
    paged.push(...page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(paged).toEqual(everything);
  expect(paged.length).toBeGreaterThan(6);

  // The connection has what every connection of the graph has: nodes beside edges, and the total of all pages.
  const shaped = await stack.query(
    'query($f: AuditEventFilter) { auditEvents(filter: $f, first: 2) { totalCount nodes { id } edges { node { id } } } }',
    { f: { to } },
    auditor,
  );
  expect(shaped.errors).toBeUndefined();
  expect(shaped.data.auditEvents.totalCount).toBe(everything.length);
  expect(shaped.data.auditEvents.nodes.map((n: { id: string }) => n.id)).toEqual(everything.slice(0, 2));
  expect(shaped.data.auditEvents.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(everything.slice(0, 2));
});

it('opens one event by id, and names bad arguments', async () => {
  const [first] = (await events({ operationName: 'Lodging' })).edges;
  const r = await stack.query(
    'query($id: ID!) { auditEvent(id: $id) { id operationName denied { reason } hash } }',
    { id: first.node.id },
    auditor,
  );
  expect(r.data.auditEvent).toMatchObject({ id: first.node.id, operationName: 'Lodging', hash: first.node.hash });
  const bad = await stack.query('{ auditEvent(id: "x") { id } }', undefined, auditor);
  expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
  const badCursor = await stack.query('{ auditEvents(after: "nope") { edges { cursor } } }', undefined, auditor);
  expect(badCursor.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  const badCoord = await stack.query('{ auditEvents(filter: { coordinate: "drop table" }) { edges { cursor } } }', undefined, auditor);
  expect(badCoord.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.coordinate' });
});

it('counts requests, denials, personal reads and failures by agency, coordinate, subgraph and day', async () => {
  const from = new Date(Date.now() - 86_400_000).toISOString();
  const to = new Date(Date.now() + 86_400_000).toISOString();
  const stats = async (groupBy: string) => {
    const r = await stack.query(
      'query($from: DateTime!, $to: DateTime!, $g: AccessGroupBy!) { accessStatistics(from: $from, to: $to, groupBy: $g) { key requests denied personalReads failed accounts } }',
      { from, to, g: groupBy },
      auditor,
    );
    expect(r.errors).toBeUndefined();
    return r.data.accessStatistics as {
      key: string;
      requests: number;
      denied: number;
      personalReads: number;
      failed: number;
      accounts: number;
    }[];
  };
  // A mutation leaves two records, its intent and its outcome: one request.
  const wrote = await stack.query(
    'mutation { updateTouristSite(code: "DL-9999", input: { name: "X" }, expectedVersion: 1, reason: "thử") { name } }',
    undefined,
    editor,
  );
  expect(wrote.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const c = new Client({ connectionString: stack.audit.readerUrl });
  await c.connect();
  const { rows } = await c.query(
    `select count(distinct request_id)::int as n, count(distinct request_id) filter (where cardinality(personal) > 0)::int as p,
            count(*)::int as records from audit_record`,
  );
  await c.end();
  const byDay = await stats('DAY');
  // Statistics are counted before the query that asks for them is recorded.
  expect(byDay.reduce((s, r) => s + r.requests, 0)).toBe(rows[0].n);
  expect(byDay.reduce((s, r) => s + r.personalReads, 0)).toBe(rows[0].p);
  // The log holds mutations (an intent record and an outcome record each): requests are fewer than records.
  expect(rows[0].records).toBeGreaterThan(rows[0].n);
  const byAgency = await stats('AGENCY');
  expect(byAgency.find((r) => r.key === 'PUBLIC')).toMatchObject({ accounts: 0 });
  expect(byAgency.find((r) => r.key === 'SVHTTDL')!.personalReads).toBeGreaterThanOrEqual(1);
  const byCoordinate = await stats('COORDINATE');
  expect(byCoordinate.find((r) => r.key === 'AccommodationEstablishment.ownerName')!.denied).toBeGreaterThanOrEqual(1);
  expect((await stats('SUBGRAPH')).map((r) => r.key)).toEqual(expect.arrayContaining(['culture-tourism', 'audit']));
  expect((await stats('MONTH')).length).toBeGreaterThanOrEqual(1);
  const bad = await stack.query(
    '{ accessStatistics(from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z", groupBy: DAY) { key } }',
    undefined,
    auditor,
  );
  expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
});

it('exports a filtered range as streamed CSV, recorded before it is sent, and refuses non-auditors', async () => {
  const url = `${stack.gateway.url}/audit/events.csv?deniedOnly=true`;
  const refused = await fetch(url, { headers: { authorization: `Bearer ${editor}` } });
  expect(refused.status).toBe(403);
  expect(((await refused.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
  expect((await fetch(url)).status).toBe(401);
  expect((await fetch(url, { headers: { authorization: 'Bearer junk' } })).status).toBe(401);

  const r = await fetch(url, { headers: { authorization: `Bearer ${auditor}` } });
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toMatch(/text\/csv/);
  expect(r.headers.get('content-disposition')).toMatch(/attachment/);
  const text = (await r.text()).replace(/^\uFEFF/, '');
  expect(text).toMatch(/^id,at,requestId,principalKind/);
  const rows = csvRows(text);
  const denied = await events({ deniedOnly: true }, 200);
  // The export's own record is not denied; every denied event before it is in the file.
  expect(rows).toBe(denied.edges.filter((e) => e.node.operationName !== 'Events').length);
  expect(text).toContain('AccommodationEstablishment.ownerName: PERSONAL');

  const exports = await events({ operationName: 'auditEvents.csv' });
  expect(exports.edges.map((e) => e.node.outcome)).toEqual(expect.arrayContaining(['OK', 'DENIED', 'REJECTED']));
  expect(exports.edges.find((e) => e.node.outcome === 'OK')!.node.variables).toBe(JSON.stringify({ deniedOnly: 'true' }));

  const bad = await fetch(`${stack.gateway.url}/audit/events.csv?from=yesterday`, { headers: { authorization: `Bearer ${auditor}` } });
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as any).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.from' });
});

it('streams a large export page by page', async () => {
  // 5,000 more requests' worth of records straight through the writer's table would need the writer role; the
  // gateway makes them instead, cheaply: a rejected request is one record.
  const n = 1200;
  for (let i = 0; i < n; i += 100) {
    await Promise.all(
      Array.from({ length: 100 }, () =>
        fetch(`${stack.gateway.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
          body: '{}',
        }),
      ),
    );
  }
  const r = await fetch(`${stack.gateway.url}/audit/events.csv?outcome=REJECTED`, { headers: { authorization: `Bearer ${auditor}` } });
  let text = '';
  let chunks = 0;
  const decoder = new TextDecoder();
  for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) {
    chunks += 1;
    text += decoder.decode(chunk, { stream: true });
  }
  expect(csvRows(text)).toBeGreaterThanOrEqual(n);
  expect(chunks).toBeGreaterThan(1);
});

it('verifies the chain, its signatures and checkpoints, and names a record a superuser changed', async () => {
  const verify = () =>
    stack.query(
      '{ verifyAuditChain { ok records chains signatures checkpoints latestCheckpoint checkpointed outcomeUnknown problem brokenLink { chainId seq eventId reason } } }',
      undefined,
      auditor,
    );
  await new Promise((r) => setTimeout(r, 1100)); // at least one checkpoint
  const ok = await verify();
  expect(ok.data.verifyAuditChain).toMatchObject({ ok: true, brokenLink: null, problem: null, outcomeUnknown: 0 });
  expect(ok.data.verifyAuditChain.signatures).toBeGreaterThan(0);
  expect(ok.data.verifyAuditChain.checkpoints).toBeGreaterThan(0);
  expect(ok.data.verifyAuditChain.checkpointed).toBeGreaterThan(0);
  expect(Date.parse(ok.data.verifyAuditChain.latestCheckpoint)).toBeGreaterThan(Date.now() - 60_000);
  expect([1, 2]).toContain(ok.data.verifyAuditChain.chains); // one gateway: its two lanes
  expect(ok.data.verifyAuditChain.records).toBeGreaterThan(1200);
  const su = new Client({ connectionString: stack.audit.superuserUrl });
  await su.connect();
  await su.query(`update audit_record set outcome = 'ok' where seq = 3`);
  const broken = await verify();
  expect(broken.data.verifyAuditChain).toMatchObject({
    ok: false,
    brokenLink: { seq: 3, reason: expect.stringMatching(/content does not match/) },
  });
  expect(broken.data.verifyAuditChain.brokenLink.eventId).toMatch(/:3$/);
  await su.end();
});

it('the audit subgraph itself refuses a valid context token without the AUDITOR role (second line)', async () => {
  const { contextSigner } = await import('@hub/runtime/context-token');
  const sign = await contextSigner(stack.keys.privateKey);
  const ask = async (roles: string[]) => {
    const r = await fetch(stack.subgraphs.audit.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-context': await sign({ sub: 'someone', agency: 'TTCDS', roles }) },
      body: JSON.stringify({ query: '{ verifyAuditChain { ok } }' }),
    });
    return (await r.json()) as any;
  };
  const refused = await ask(['SYSTEM_ADMIN']);
  expect(refused.data.verifyAuditChain).toBeNull();
  expect(refused.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Query.verifyAuditChain' });
  const allowed = await ask(['AUDITOR']);
  expect(allowed.errors).toBeUndefined();
  expect(typeof allowed.data.verifyAuditChain.ok).toBe('boolean');
});

it('tells departments which clients and agencies used each field, and which fields nobody used', async () => {
  const from = new Date(Date.now() - 3600_000).toISOString();
  const to = new Date(Date.now() + 60_000).toISOString();
  for (let i = 0; i < 2; i++) {
    const r = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollographql-client-name': 'usage-probe', 'apollographql-client-version': '2.0' },
      body: JSON.stringify({ query: '{ touristSites(first: 1) { nodes { name } } }' }),
    });
    expect(r.status).toBe(200);
  }
  const q = `query($from: DateTime!, $to: DateTime!) {
    fieldUsage(from: $from, to: $to, coordinates: ["Query.touristSites", "TouristSite.name"]) {
      coordinate requests lastUsed clients { name version requests lastUsed } agencies { agency requests }
    }
    unusedFields(from: $from, to: $to, subgraph: "culture-tourism")
  }`;
  const res = await stack.query(q, { from, to }, editor);
  expect(res.errors).toBeUndefined();
  const sites = res.data.fieldUsage.find((u: { coordinate: string }) => u.coordinate === 'Query.touristSites');
  expect(sites.requests).toBeGreaterThanOrEqual(2);
  expect(sites.clients).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'usage-probe', version: '2.0', requests: 2 })]));
  expect(sites.agencies).toEqual(expect.arrayContaining([expect.objectContaining({ agency: 'PUBLIC' })]));
  expect(res.data.fieldUsage.map((u: { coordinate: string }) => u.coordinate).sort()).toEqual(['Query.touristSites', 'TouristSite.name']);
  expect(res.data.unusedFields).not.toContain('Query.touristSites');
  expect(res.data.unusedFields).toContain('Mutation.updateAccommodation');
  expect(res.data.unusedFields.every((c: string) => /^[A-Z]\w*\.\w+$/.test(c) && !c.startsWith('Query._'))).toBe(true);

  // Anonymous callers and officials without an administrative or editing role may not read it; a bad subgraph is named.
  expect((await stack.query(q, { from, to })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  const bad = await stack.query(
    '{ unusedFields(from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z", subgraph: "nope") }',
    undefined,
    auditor,
  );
  expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'subgraph' });
});
