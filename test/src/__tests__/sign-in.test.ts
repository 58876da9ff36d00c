// Sign-in under attack, end to end through the real gateway: failed passwords throttle for a while (per username
// and per address, shared by replicas) and never lock anyone out; every failure says the same and costs the same;
// budgets on /auth/token and /graphql answer 429 with Retry-After; refresh tokens rotate in families and a reuse
// revokes the family; every attempt leaves exactly one audit record, and without it no token leaves.
import { sqlRows as sql } from '@hub/infra';
import { Account, DEMO_PASSWORD } from '@hub/directory';
import { startStack, type Stack } from '../stack';

jest.setTimeout(120_000);

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    gatewayEnv: {
      // The client address is taken from X-Forwarded-For (set by each test), so tests do not share budgets.
      HUB_TRUST_PROXY: 'loopback',
      HUB_TOKEN_RATE_PER_ADDRESS: '150',
      HUB_GRAPHQL_RATE_PER_PRINCIPAL: '30',
      HUB_GRAPHQL_RATE_PER_ADDRESS: '60',
    },
  });
});
afterAll(() => stack?.stop());

const FAILED = { error: 'invalid_grant', error_description: 'wrong username or password, or the account cannot sign in now' };
let next = 0;
/** A fresh client address (TEST-NET-3). */
const address = () => `203.0.113.${++next}`;

interface TokenAnswer {
  status: number;
  body: any;
  headers: Headers;
  requestId: string;
  ms: number;
}

async function tokenCall(init: { body?: string; from: string; contentType?: string; method?: string; url?: string }): Promise<TokenAnswer> {
  const started = performance.now();
  const r = await fetch(`${init.url ?? stack.gateway.url}/auth/token`, {
    method: init.method ?? 'POST',
    headers: { 'content-type': init.contentType ?? 'application/json', 'x-forwarded-for': init.from },
    body: init.body,
  });
  const text = await r.text();
  const ms = performance.now() - started;
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: r.status, body, headers: r.headers, requestId: r.headers.get('x-request-id')!, ms };
}

const password = (username: string, pw: string, from: string, url?: string) =>
  tokenCall({ body: JSON.stringify({ grant_type: 'password', username, password: pw }), from, url });
const refresh = (token: string, from: string) =>
  tokenCall({ body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: token }), from });
const directorySql = (text: string, params: unknown[] = []) => sql(stack.dbUrls.directory, text, params);
/** As if the waits had passed: the throttle's clock is the database's. */
const waitsPass = () =>
  directorySql(`update sign_in_throttle set blocked_until = now() - interval '1 second' where blocked_until is not null`);
const forgetFailures = () => directorySql('delete from sign_in_throttle');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function graphql(query: string, from: string, token?: string) {
  const r = await fetch(`${stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: r.status, headers: r.headers, requestId: r.headers.get('x-request-id')!, body: (await r.json()) as any };
}

describe('failed passwords', () => {
  it('no longer lock an account or end its sessions: further attempts wait, longer each time, and the wait passes by itself', async () => {
    const from = address();
    const live = await password('sxd.admin', DEMO_PASSWORD, address());
    expect(live.status).toBe(200);
    for (let i = 0; i < 5; i++)
      expect(await password('sxd.admin', `wrong-password-${i}`, from)).toMatchObject({ status: 400, body: FAILED });
    // The right password is refused too while the username waits, with the time to wait.
    const waiting = await password('sxd.admin', DEMO_PASSWORD, address());
    expect(waiting.status).toBe(429);
    expect(waiting.body).toEqual({ error: 'too_many_requests', error_description: expect.stringMatching(/try again in \d+ s/) });
    const first = Number(waiting.headers.get('retry-after'));
    expect(first).toBeGreaterThanOrEqual(1);
    expect(first).toBeLessThanOrEqual(30);
    // The account is untouched: still ACTIVE, its token and its refresh token work.
    const me = await graphql('{ me { username status } }', address(), live.body.access_token);
    expect(me.body.data.me).toEqual({ username: 'sxd.admin', status: 'ACTIVE' });
    expect((await refresh(live.body.refresh_token, address())).status).toBe(200);
    expect((await directorySql(`select status from account where username = 'sxd.admin'`))[0].status).toBe('ACTIVE');

    await waitsPass();
    expect(await password('sxd.admin', 'wrong-again', from)).toMatchObject({ status: 400, body: FAILED });
    const second = Number((await password('sxd.admin', DEMO_PASSWORD, from)).headers.get('retry-after'));
    expect(second).toBeGreaterThan(30);
    expect(second).toBeLessThanOrEqual(60);

    await waitsPass();
    expect((await password('sxd.admin', DEMO_PASSWORD, from)).status).toBe(200);
    // A success forgets the username's failures.
    expect((await password('sxd.admin', 'one-more-typo', from)).status).toBe(400);
    expect((await password('sxd.admin', DEMO_PASSWORD, from)).status).toBe(200);
  });

  it('throttle a username the same way whether or not it exists', async () => {
    const answers: TokenAnswer[] = [];
    for (const username of ['vhttdl.editor', 'no.such.person']) {
      const from = address();
      for (let i = 0; i < 5; i++) expect((await password(username, `guess-${i}-guess`, from)).body).toEqual(FAILED);
      answers.push(await password(username, 'guess-6-guess', address()));
    }
    const [known, unknown] = answers;
    expect(known.status).toBe(429);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(Math.abs(Number(unknown.headers.get('retry-after')) - Number(known.headers.get('retry-after')))).toBeLessThanOrEqual(2);
    await forgetFailures();
  });

  it('get one answer, after one password check of the same cost, for an unknown user, a wrong password and a disabled account', async () => {
    const em = stack.subgraphs.directory.orm.em.fork();
    await em.nativeUpdate(Account, { username: 'vp.approver' }, { status: 'DISABLED', statusReason: 'test' });
    const kinds: Record<string, [string, string]> = {
      'unknown user': ['nobody.here', 'whatever-password'],
      'wrong password': ['sxd.official', 'not-the-password'],
      'disabled, right password': ['vp.approver', DEMO_PASSWORD],
      'disabled, wrong password': ['vp.approver', 'not-the-password'],
    };
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
    for (let round = 0; round < 7; round++) {
      for (const [kind, [u, pw]] of Object.entries(kinds)) {
        await forgetFailures();
        const r = await password(u, pw, address());
        expect({ kind, status: r.status, body: r.body }).toEqual({ kind, status: 400, body: FAILED });
        if (round > 0) times[kind].push(r.ms);
      }
    }
    await em.nativeUpdate(Account, { username: 'vp.approver' }, { status: 'ACTIVE', statusReason: null });
    const medians = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(median(v) * 10) / 10]));
    console.log('sign-in failure medians (ms):', JSON.stringify(medians));
    const values = Object.values(medians);
    // Loose on purpose (a shared machine): before, a disabled account answered without any password check.
    expect(Math.max(...values) / Math.min(...values)).toBeLessThan(2);
  });

  it('are counted across gateway replicas, per username and per client address', async () => {
    const replica = await stack.startReplica();
    const from = address();
    for (let i = 0; i < 5; i++) {
      const via = i % 2 ? replica.url : stack.gateway.url;
      expect((await password('sxd.official', `replica-guess-${i}`, from, via)).status).toBe(400);
    }
    expect((await password('sxd.official', DEMO_PASSWORD, address(), replica.url)).status).toBe(429);
    // One address guessing many usernames: 50 failures (a NAT of hundreds of users stays below), then it waits.
    const flood = address();
    for (let i = 0; i < 50; i++) {
      const via = i % 2 ? replica.url : stack.gateway.url;
      expect((await password(`guess.${i}`, 'some-password', flood, via)).status).toBe(400);
    }
    const blocked = await password('vhttdl.admin', DEMO_PASSWORD, flood, replica.url);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toBe('too_many_requests');
    expect((await password('vhttdl.admin', DEMO_PASSWORD, address(), stack.gateway.url)).status).toBe(200);
    await forgetFailures();
  });

  it('from a flood of unknown usernames at one address hardly slow a legitimate sign-in from another', async () => {
    const legit = async () => (await password('vhttdl.official', DEMO_PASSWORD, address())).ms;
    const before: number[] = [];
    for (let i = 0; i < 6; i++) before.push(await legit());
    const flood = address();
    const answers: Promise<TokenAnswer>[] = [];
    const floodStarted = Date.now();
    // 22 attempts a second for 6 s, as in the issue.
    const timer = setInterval(() => answers.push(password(`flood.${answers.length}`, 'x-password-x', flood)), 45);
    await new Promise((r) => setTimeout(r, 3500));
    const during: number[] = [];
    while (answers.length < 132) during.push(await legit());
    clearInterval(timer);
    const statuses = (await Promise.all(answers)).map((a) => a.status);
    console.log(
      `legitimate sign-in, median ms: ${median(before).toFixed(1)} alone, ${median(during).toFixed(1)} during the flood (${during.length} sign-ins); flood answers: ${statuses.filter((s) => s === 400).length} checked, ${statuses.filter((s) => s === 429).length} refused (429)`,
    );
    // 50 free failures, then the address waits 5 s (HUB_SIGNIN_ADDRESS_BASE_DELAY_SECONDS) before one more is checked:
    // on a loaded machine the flood outlasts that wait and one more attempt is checked, as designed.
    const waitsElapsed = Math.floor((Date.now() - floodStarted) / 5000);
    expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(50 + waitsElapsed);
    expect(median(during)).toBeLessThan(3 * median(before) + 50);
    await forgetFailures();
  });
});

describe('refresh tokens', () => {
  it('rotate within a family; reusing a rotated one revokes the whole family and no other', async () => {
    const from = address();
    const signIn = await password('vhttdl.editor', DEMO_PASSWORD, from);
    const other = await password('vhttdl.editor', DEMO_PASSWORD, from);
    for (const r of [signIn, other]) {
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('pragma')).toBe('no-cache');
    }
    const r1 = signIn.body.refresh_token;
    const second = await refresh(r1, from);
    expect(second.status).toBe(200);
    const third = await refresh(second.body.refresh_token, from);
    expect(third.status).toBe(200);
    // A thief replays the first token: refused, and every token of its family stops, the newest one included.
    const replay = await refresh(r1, from);
    expect(replay).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(replay.headers.get('cache-control')).toBe('no-store');
    expect(replay.headers.get('pragma')).toBe('no-cache');
    expect((await refresh(third.body.refresh_token, from)).status).toBe(400);
    // The other sign-in is another family, untouched.
    expect((await refresh(other.body.refresh_token, from)).status).toBe(200);
  });
});

describe('budgets', () => {
  it('/auth/token answers 429 with Retry-After and an OAuth-style body past the budget of an address', async () => {
    const from = address();
    const answers = await Promise.all(Array.from({ length: 150 }, () => tokenCall({ body: '{}', from })));
    expect(answers.every((a) => a.status === 400)).toBe(true);
    const over = await tokenCall({ body: '{}', from });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(over.body).toEqual({ error: 'too_many_requests', error_description: expect.stringMatching(/try again in \d+ s/) });
    expect(over.headers.get('cache-control')).toBe('no-store');
    // Another address is not affected.
    expect((await tokenCall({ body: '{}', from: address() })).status).toBe(400);
  });

  it('/graphql answers 429 past the budget of an account, whatever its addresses, and records it', async () => {
    const token = (await password('vhttdl.admin', DEMO_PASSWORD, address())).body.access_token;
    for (let i = 0; i < 30; i++) expect((await graphql('{ __typename }', address(), token)).status).toBe(200);
    const over = await graphql('{ __typename }', address(), token);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(over.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    const [rec] = await sql(stack.audit.readerUrl, 'select outcome, error_codes, principal from audit_record where request_id = $1', [
      over.requestId,
    ]);
    expect(rec).toMatchObject({ outcome: 'rejected', error_codes: ['RATE_LIMITED'], principal: { kind: 'ACCOUNT' } });
  });

  it('/graphql answers 429 past the budget of an address, anonymous callers included', async () => {
    const from = address();
    const answers = await Promise.all(Array.from({ length: 60 }, () => graphql('{ __typename }', from)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const over = await graphql('{ __typename }', from);
    expect(over.status).toBe(429);
    expect(over.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect((await graphql('{ __typename }', address())).status).toBe(200);
  });
});

describe('the audit of sign-in', () => {
  it('records every attempt exactly once: who was tried, from where, the outcome and why, never a password or token', async () => {
    await forgetFailures();
    const secret = 'Secret-Password-For-Audit-7';
    const kinds: {
      kind: string;
      call: () => Promise<TokenAnswer>;
      status: number;
      outcome: string;
      codes: string[];
      username?: string;
      grant: string | null;
    }[] = [];
    const add = (
      kind: string,
      call: () => Promise<TokenAnswer>,
      status: number,
      outcome: string,
      codes: string[],
      grant: string | null,
      username?: string,
    ) => kinds.push({ kind, call, status, outcome, codes, grant, username });
    const ok = await password('sxd.official', DEMO_PASSWORD, address());
    const rotated = await refresh(ok.body.refresh_token, address());
    const em = stack.subgraphs.directory.orm.em.fork();
    await em.nativeUpdate(Account, { username: 'vp.approver' }, { status: 'DISABLED', statusReason: 'test' });
    const throttledFrom = address();
    for (let i = 0; i < 5; i++) await password('audit.target', secret, throttledFrom);
    const flood = address();
    await Promise.all(Array.from({ length: 150 }, () => tokenCall({ body: '{}', from: flood })));
    add('success', () => password('sxd.official', DEMO_PASSWORD, address()), 200, 'ok', [], 'password', 'sxd.official');
    add(
      'wrong password',
      () => password('sxd.official', secret, address()),
      400,
      'rejected',
      ['invalid_grant', 'WRONG_PASSWORD'],
      'password',
      'sxd.official',
    );
    add(
      'unknown user',
      () => password('no.one', secret, address()),
      400,
      'rejected',
      ['invalid_grant', 'UNKNOWN_USERNAME'],
      'password',
      'no.one',
    );
    add(
      'disabled',
      () => password('vp.approver', DEMO_PASSWORD, address()),
      400,
      'rejected',
      ['invalid_grant', 'ACCOUNT_DISABLED'],
      'password',
      'vp.approver',
    );
    add(
      'throttled',
      () => password('audit.target', secret, address()),
      429,
      'rejected',
      ['too_many_requests', 'THROTTLED_USERNAME'],
      'password',
      'audit.target',
    );
    add('refresh ok', () => refresh(rotated.body.refresh_token, address()), 200, 'ok', [], 'refresh_token', 'sxd.official');
    add(
      'refresh unknown',
      () => refresh('not-a-refresh-token', address()),
      400,
      'rejected',
      ['invalid_grant', 'UNKNOWN_TOKEN'],
      'refresh_token',
    );
    add(
      'refresh reused',
      () => refresh(ok.body.refresh_token, address()),
      400,
      'rejected',
      ['invalid_grant', 'REUSED'],
      'refresh_token',
      'sxd.official',
    );
    add(
      'malformed body',
      () => tokenCall({ body: '{"grant_type": "password", ', from: address() }),
      400,
      'rejected',
      ['invalid_request', 'MALFORMED_BODY'],
      null,
    );
    add(
      'wrong content type',
      () =>
        tokenCall({
          body: `grant_type=password&username=sxd.official&password=${secret}`,
          contentType: 'application/x-www-form-urlencoded',
          from: address(),
        }),
      400,
      'rejected',
      ['invalid_request', 'WRONG_CONTENT_TYPE'],
      null,
    );
    add(
      'missing fields',
      () => tokenCall({ body: JSON.stringify({ grant_type: 'password', username: 'sxd.official' }), from: address() }),
      400,
      'rejected',
      ['invalid_request', 'MISSING_PARAMETERS'],
      'password',
      'sxd.official',
    );
    add('over the budget', () => password('sxd.official', secret, flood), 429, 'rejected', ['too_many_requests', 'RATE_LIMITED'], null);
    add('GET', () => tokenCall({ method: 'GET', from: address() }), 405, 'rejected', ['invalid_request', 'METHOD_NOT_ALLOWED'], null);
    const answers: TokenAnswer[] = [];
    for (const k of kinds) {
      const a = await k.call();
      expect({ kind: k.kind, status: a.status }).toEqual({ kind: k.kind, status: k.status });
      answers.push(a);
    }
    await em.nativeUpdate(Account, { username: 'vp.approver' }, { status: 'ACTIVE', statusReason: null });
    const ids = answers.map((a) => a.requestId);
    const rows = await sql(
      stack.audit.readerUrl,
      'select request_id, outcome, error_codes, principal, client, operation from audit_record where request_id = any($1)',
      [ids],
    );
    kinds.forEach((k, i) => {
      const mine = rows.filter((r) => r.request_id === ids[i]);
      expect({ kind: k.kind, records: mine.length }).toEqual({ kind: k.kind, records: 1 });
      expect({
        kind: k.kind,
        outcome: mine[0].outcome,
        codes: mine[0].error_codes,
        username: mine[0].principal.username,
        type: mine[0].operation.type,
        grant: mine[0].operation.name,
      }).toEqual({
        kind: k.kind,
        outcome: k.outcome,
        codes: k.codes,
        username: k.username,
        type: 'sign-in',
        grant: k.grant,
      });
      expect(mine[0].client.ip).toMatch(/^203\.0\.113\./);
    });
    expect(rows.find((r) => r.request_id === ids[0]).principal).toMatchObject({ kind: 'ACCOUNT', agency: 'SXD' });
    const dump = JSON.stringify(await sql(stack.audit.readerUrl, 'select * from audit_record'));
    for (const s of [secret, DEMO_PASSWORD, ok.body.refresh_token, rotated.body.refresh_token]) expect(dump).not.toContain(s);
    await forgetFailures();
  });

  it('answers 503 and releases no token when the record cannot be committed', async () => {
    const writerRole = (
      await sql(stack.audit.superuserUrl, "select rolname from pg_roles where rolname like '%_audit_writer' and rolname like $1", [
        `%${new URL(stack.audit.superuserUrl).pathname.slice(1)}%`,
      ])
    )[0].rolname;
    await sql(stack.audit.superuserUrl, `revoke insert on audit_record from ${writerRole}`);
    try {
      const r = await password('sxd.official', DEMO_PASSWORD, address());
      expect(r.status).toBe(503);
      expect(JSON.stringify(r.body)).not.toMatch(/access_token|refresh_token/);
    } finally {
      await sql(stack.audit.superuserUrl, `grant insert on audit_record to ${writerRole}`);
    }
    let back = await password('sxd.official', DEMO_PASSWORD, address());
    for (let i = 0; i < 20 && back.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      back = await password('sxd.official', DEMO_PASSWORD, address());
    }
    expect(back.status).toBe(200);
  });
});
