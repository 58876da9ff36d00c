// The audit store on a real PostgreSQL: append-only by privileges, hash-chained and signed, tampering by the
// database's superuser detected and named (edits re-chained, a cut tail), one poisoned record isolated.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { Client } from 'pg';
import { generateAuditSigningKeyPair, provisionAuditStore, provisionDatabases, dropDatabases, testAdminUrl } from '@hub/infra';
import { auditHash, checkpointFile, contentOfRow, loadCheckpoints, verifyAuditChain, type ChainTrust } from '@hub/audit-chain';
import { AuditWriter, type AuditInput } from '../audit';

const name = `a${randomBytes(3).toString('hex')}`;
let urls: { writerUrl: string; readerUrl: string; ownerDb: string };
let writer: AuditWriter;
const keys = generateAuditSigningKeyPair();
const checkpointDir = mkdtempSync(join(tmpdir(), 'hub-checkpoints-'));
/** Everything the writers log, to show what they did (and did not) say. */
const logged: { level: number; msg: string }[] = [];
const log = pino({ level: 'debug' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
/** What verify trusts: the public key, and the pins of the checkpoints written so far. */
const trust = async (): Promise<ChainTrust> => {
  const loaded = await loadCheckpoints(checkpointDir, keys.publicKey);
  return { publicKey: keys.publicKey, pins: loaded.pins, checkpointProblems: loaded.problems };
};
const verifyAll = async () => asReader(async (c) => verifyAuditChain(c, {}, await trust()));
const superuser = () => {
  const u = new URL(testAdminUrl());
  u.pathname = `/${urls.ownerDb}`;
  return new Client({ connectionString: u.toString() });
};

beforeAll(async () => {
  await provisionDatabases(testAdminUrl(), [{ name, password: 'owner-pw' }]);
  urls = await provisionAuditStore(testAdminUrl(), { writer: 'w-pw', reader: 'r-pw' }, name);
  writer = new AuditWriter(urls.writerUrl, log, { signingKey: keys.privateKey, checkpointDir, checkpointIntervalMs: 3_600_000 });
});
afterAll(async () => {
  await writer?.close();
  const c = new Client({ connectionString: testAdminUrl() });
  await c.connect();
  await dropDatabases(testAdminUrl(), [name]);
  await c.query(`drop role if exists hub_${name}_writer`);
  await c.query(`drop role if exists hub_${name}_reader`);
  await c.end();
});

const record = (i: number): AuditInput => ({
  requestId: `r-${i}`,
  principal: { kind: 'PUBLIC' },
  client: { ip: '127.0.0.1', userAgent: 'test' },
  operation: { type: 'query', name: null, hash: `h${i}`, document: '{ __typename }' },
  variables: { code: 'LT-0001' },
  requested: ['Query.touristSites', 'TouristSite.name'],
  denied: [],
  personal: [],
  subgraphs: ['culture-tourism'],
  outcome: 'ok',
  errorCodes: [],
  durationMs: 1.5 + i,
  responseBytes: 100 + i,
});

async function asReader<T>(f: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: urls.readerUrl });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

it('commits concurrent appends in a few batches, shared by its two chains (lanes), both of which verify', async () => {
  await Promise.all(Array.from({ length: 200 }, (_, i) => writer.append(record(i))));
  const report = await verifyAll();
  expect(report).toMatchObject({ ok: true, records: 200, chains: 2, outcomeUnknown: 0 });
  // One signature per batch: at least one per chain, fewer than one per record.
  expect(report.signatures).toBeGreaterThanOrEqual(2);
  expect(report.signatures).toBeLessThan(200);
  const perChain = await asReader(
    async (c) => (await c.query('select chain_id, count(*)::int n from audit_record group by chain_id')).rows,
  );
  expect(perChain.map((r) => r.n).sort()).toEqual([100, 100]);
});

it('is append-only: the writer cannot read, change or delete; the reader cannot write', async () => {
  const w = new Client({ connectionString: urls.writerUrl });
  await w.connect();
  for (const sql of [
    'select * from audit_record',
    "update audit_record set outcome = 'x'",
    'delete from audit_record',
    'truncate audit_record',
  ]) {
    await expect(w.query(sql)).rejects.toThrow(/permission denied/);
  }
  await w.end();
  await asReader(async (c) => {
    await expect(c.query("update audit_record set outcome = 'x'")).rejects.toThrow(/permission denied/);
    await expect(c.query('delete from audit_record')).rejects.toThrow(/permission denied/);
  });
});

describe('tampering by a database superuser is detected, naming the record', () => {
  const chainOf = () => writer.chainIds[0];

  it('a changed record', async () => {
    const su = superuser();
    await su.connect();
    await su.query(`update audit_record set outcome = 'denied' where chain_id = $1 and seq = 57`, [chainOf()]);
    const report = await asReader((c) => verifyAuditChain(c));
    expect(report.ok).toBe(false);
    expect(report.broken).toMatchObject({ chainId: chainOf(), seq: 57, reason: expect.stringMatching(/content does not match/) });
    await su.query(`update audit_record set outcome = 'ok' where chain_id = $1 and seq = 57`, [chainOf()]);
    expect((await asReader((c) => verifyAuditChain(c))).ok).toBe(true);
    await su.end();
  });

  it('a deleted record', async () => {
    const su = superuser();
    await su.connect();
    const { rows } = await su.query(`delete from audit_record where chain_id = $1 and seq = 80 returning *`, [chainOf()]);
    const report = await asReader((c) => verifyAuditChain(c));
    expect(report.broken).toMatchObject({ seq: 80, reason: expect.stringMatching(/missing/) });
    const r = rows[0];
    const cols = Object.keys(r);
    await su.query(
      `insert into audit_record (${cols.join(',')}) values (${cols.map((_, i) => `$${i + 1}`).join(',')})`,
      cols.map((k) => (['principal', 'client', 'operation', 'variables', 'denied'].includes(k) ? JSON.stringify(r[k]) : r[k])),
    );
    expect((await asReader((c) => verifyAuditChain(c))).ok).toBe(true);
    await su.end();
  });

  it('two records swapped', async () => {
    const su = superuser();
    await su.connect();
    for (const [from, to] of [
      [10, -10],
      [11, 10],
      [-10, 11],
    ]) {
      await su.query(`update audit_record set seq = $3 where chain_id = $1 and seq = $2`, [chainOf(), from, to]);
    }
    const report = await asReader((c) => verifyAuditChain(c));
    expect(report.broken).toMatchObject({ seq: 10 });
    for (const [from, to] of [
      [10, -10],
      [11, 10],
      [-10, 11],
    ]) {
      await su.query(`update audit_record set seq = $3 where chain_id = $1 and seq = $2`, [chainOf(), from, to]);
    }
    expect((await asReader((c) => verifyAuditChain(c))).ok).toBe(true);
    await su.end();
  });
});

describe('the database superuser cannot rewrite history unnoticed', () => {
  const chainOf = () => writer.chainIds[0];

  it('an edited record with every later hash recomputed (re-chained) breaks the next batch signature', async () => {
    const su = superuser();
    await su.connect();
    const { rows } = await su.query('select * from audit_record where chain_id = $1 and seq >= 40 order by seq', [chainOf()]);
    const saved = rows.map((r) => ({ seq: r.seq, prev: r.prev_hash, hash: r.hash }));
    // The attack: change record 40, then recompute its hash and every later link so that each follows the one before.
    await su.query(`update audit_record set outcome = 'denied' where chain_id = $1 and seq = 40`, [chainOf()]);
    let prev = rows[0].prev_hash as string;
    for (const r of rows) {
      const hash = auditHash(prev, contentOfRow({ ...r, outcome: Number(r.seq) === 40 ? 'denied' : r.outcome }));
      await su.query('update audit_record set prev_hash = $3, hash = $4 where chain_id = $1 and seq = $2', [chainOf(), r.seq, prev, hash]);
      prev = hash;
    }
    // The links alone (all the old chain had) still verify ...
    expect(await asReader((c) => verifyAuditChain(c))).toMatchObject({ ok: true });
    // ... the signatures do not: the first signed record from 40 on no longer matches.
    const report = await verifyAll();
    expect(report.ok).toBe(false);
    expect(report.broken).toMatchObject({ chainId: chainOf(), reason: expect.stringMatching(/signature does not match its hash/) });
    expect(report.broken!.seq).toBeGreaterThanOrEqual(40);
    for (const r of saved)
      await su.query('update audit_record set prev_hash = $3, hash = $4 where chain_id = $1 and seq = $2', [
        chainOf(),
        r.seq,
        r.prev,
        r.hash,
      ]);
    await su.query(`update audit_record set outcome = 'ok' where chain_id = $1 and seq = 40`, [chainOf()]);
    expect(await verifyAll()).toMatchObject({ ok: true });
    await su.end();
  });

  it('a stripped signature leaves the chain ending on unsigned records', async () => {
    const su = superuser();
    await su.connect();
    const [last] = (await su.query('select seq, signature from audit_record where chain_id = $1 order by seq desc limit 1', [chainOf()]))
      .rows;
    await su.query('update audit_record set signature = null where chain_id = $1 and seq = $2', [chainOf(), last.seq]);
    expect((await verifyAll()).broken).toMatchObject({ chainId: chainOf(), reason: expect.stringMatching(/no signature covers/) });
    await su.query('update audit_record set signature = $3 where chain_id = $1 and seq = $2', [chainOf(), last.seq, last.signature]);
    expect(await verifyAll()).toMatchObject({ ok: true });
    await su.end();
  });

  it('deleting the newest 3 records of a chain (whole batches) is found against the last checkpoint', async () => {
    // Three batches of one record each on the same lane: cutting them leaves a chain that ends on a signed record.
    const one = new AuditWriter(urls.writerUrl, log, {
      signingKey: keys.privateKey,
      checkpointDir,
      checkpointIntervalMs: 3_600_000,
      lanes: 1,
    });
    for (let i = 0; i < 10; i++) await one.append(record(5000 + i));
    const checkpoint = await one.checkpoint();
    expect(checkpoint).toMatchObject({ writer: one.writerId, heads: [{ chainId: one.chainIds[0], seq: 10 }] });
    expect(await verifyAll()).toMatchObject({ ok: true });
    const su = superuser();
    await su.connect();
    const { rows } = await su.query('delete from audit_record where chain_id = $1 and seq > 7 returning *', [one.chainIds[0]]);
    expect(rows).toHaveLength(3);
    // Without the checkpoint, the shorter chain still verifies, signatures included ...
    expect(await asReader((c) => verifyAuditChain(c, {}, { publicKey: keys.publicKey }))).toMatchObject({ ok: true });
    // ... the checkpoint names record 10.
    const report = await verifyAll();
    expect(report.ok).toBe(false);
    expect(report.broken).toMatchObject({
      chainId: one.chainIds[0],
      seq: 10,
      reason: expect.stringMatching(/it is missing, but the checkpoint of .* names it: the chain was cut after record 7/),
    });
    for (const r of rows) {
      const cols = Object.keys(r);
      await su.query(
        `insert into audit_record (${cols.join(',')}) values (${cols.map((_, i) => `$${i + 1}`).join(',')})`,
        cols.map((k) => (['principal', 'client', 'operation', 'variables', 'denied'].includes(k) ? JSON.stringify(r[k]) : r[k])),
      );
    }
    expect(await verifyAll()).toMatchObject({ ok: true });
    await su.end();
    await one.close();
  });

  it('writes checkpoints as signed, linked, fsynced lines; a changed or removed line is named', async () => {
    await writer.checkpoint();
    await writer.checkpoint();
    const file = checkpointFile(checkpointDir, writer.writerId);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    const [a, b] = lines.slice(-2).map((l) => JSON.parse(l));
    expect(b).toMatchObject({
      format: 'hub-audit-checkpoint/1',
      n: a.n + 1,
      heads: expect.arrayContaining([expect.objectContaining({ chainId: writer.chainIds[0] })]),
    });
    const other = mkdtempSync(join(tmpdir(), 'hub-checkpoints-'));
    const forged = { ...b, heads: b.heads.map((h: { seq: number }) => ({ ...h, seq: h.seq - 1 })) };
    writeFileSync(join(other, 'audit-checkpoints-x.jsonl'), `${[...lines.slice(0, -1), JSON.stringify(forged)].join('\n')}\n`);
    expect((await loadCheckpoints(other, keys.publicKey)).problems).toEqual([
      expect.stringMatching(/line \d+: its signature does not verify/),
    ]);
    writeFileSync(join(other, 'audit-checkpoints-x.jsonl'), `${[...lines.slice(0, -2), lines[lines.length - 1]].join('\n')}\n`);
    expect((await loadCheckpoints(other, keys.publicKey)).problems).toEqual([expect.stringMatching(/does not follow checkpoint/)]);
    const report = await asReader(async (c) => {
      const loaded = await loadCheckpoints(other, keys.publicKey);
      return verifyAuditChain(c, {}, { publicKey: keys.publicKey, pins: loaded.pins, checkpointProblems: loaded.problems });
    });
    expect(report).toMatchObject({ ok: false, problem: expect.stringMatching(/does not follow checkpoint/) });
    // Another key's checkpoints are not this gateway's.
    expect((await loadCheckpoints(checkpointDir, generateAuditSigningKeyPair().publicKey)).problems[0]).toMatch(/not the given public key/);
  });

  it('counts intents without an outcome as outcome unknown, not as broken', async () => {
    await writer.append({ ...record(7000), requestId: 'intent-done', outcome: 'intent' });
    await writer.append({ ...record(7001), requestId: 'intent-done', outcome: 'ok' });
    await writer.append({ ...record(7002), requestId: 'intent-open', outcome: 'intent' });
    expect(await verifyAll()).toMatchObject({ ok: true, outcomeUnknown: 1 });
  });
});

describe('one record cannot poison its batch', () => {
  const bad = ['\u0000', '\ud800', 'a\udc00b', 'x\u0000\ud83d'];
  const poisoned = (i: number): AuditInput => ({
    ...record(i),
    operation: { type: 'query', name: `Op${bad[i % 4]}`, hash: 'h', document: '{ __typename }' },
    client: { ip: '127.0.0.1', userAgent: `agent${bad[(i + 1) % 4]}`, name: `client${bad[(i + 2) % 4]}`, version: '1\u0000' },
    variables: { unused: `v${bad[(i + 3) % 4]}`, [`key${bad[i % 4]}`]: [{ deep: '\u0000' }] },
  });
  const unreachable = () => logged.filter((l) => /unreachable/.test(l.msg));

  it('a NUL or lone surrogate anywhere is escaped before the record joins a batch: all 20 commit, the chains verify', async () => {
    // One lane: the first record commits alone, the next 20 wait together and go in one INSERT.
    const one = new AuditWriter(urls.writerUrl, log, { signingKey: keys.privateKey, lanes: 1 });
    const first = one.append(record(8000));
    const batch = Array.from({ length: 20 }, (_, i) => (i === 7 ? poisoned(8001 + i) : record(8001 + i)));
    const results = await Promise.allSettled([first, ...batch.map((r) => one.append(r))]);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const rows = await asReader(
      async (c) => (await c.query('select * from audit_record where chain_id = $1 order by seq', [one.chainIds[0]])).rows,
    );
    expect(rows).toHaveLength(21);
    expect(new Set(rows.slice(1).map((r) => r.at.toISOString())).size).toBe(1); // one batch
    const stored = rows.find((r) => r.request_id === 'r-8008');
    expect(stored).toMatchObject({
      escaped: true,
      operation: { name: 'Op\\u0000' },
      client: { userAgent: 'agent\\ud800', name: 'clienta\\udc00b', version: '1\\u0000' },
      variables: { unused: 'vx\\u0000\\ud83d', 'key\\u0000': [{ deep: '\\u0000' }] },
    });
    expect(rows.filter((r) => r.escaped)).toHaveLength(1);
    expect(await verifyAll()).toMatchObject({ ok: true });
    expect(unreachable()).toEqual([]);
    await one.close();
  });

  it('a record the store still refuses for its data is replaced by a minimal one; the rest of its batch commits', async () => {
    const one = new AuditWriter(urls.writerUrl, log, { signingKey: keys.privateKey, lanes: 1 });
    const first = one.append(record(9000));
    // An integer the column cannot hold: PostgreSQL refuses it (22003), whatever the escaping.
    const batch = Array.from({ length: 20 }, (_, i) => (i === 11 ? { ...record(9001 + i), responseBytes: 3e9 } : record(9001 + i)));
    const results = await Promise.allSettled([first, ...batch.map((r) => one.append(r))]);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const rows = await asReader(
      async (c) => (await c.query('select * from audit_record where chain_id = $1 order by seq', [one.chainIds[0]])).rows,
    );
    expect(rows.map((r) => r.request_id)).toEqual(Array.from({ length: 21 }, (_, i) => `r-${9000 + i}`));
    const standIn = rows.find((r) => r.request_id === 'r-9012');
    expect(standIn).toMatchObject({
      outcome: 'ok',
      principal: { kind: 'PUBLIC' },
      response_bytes: 0,
      unstorable: 'record could not be stored as sent (PostgreSQL error 22003)',
    });
    expect(rows.filter((r) => r.unstorable)).toHaveLength(1);
    expect(await verifyAll()).toMatchObject({ ok: true });
    expect(unreachable()).toEqual([]);
    expect(logged.some((l) => /refused by the store for its data/.test(l.msg))).toBe(true);
    expect(one.healthy).toBe(true);
    await one.close();
  });
});

describe('connections', () => {
  const writerBackends = async () => {
    const su = superuser();
    await su.connect();
    try {
      return (await su.query(`select pid from pg_stat_activity where usename = $1`, [`hub_${name}_writer`])).rows.map(
        (r) => r.pid as number,
      );
    } finally {
      await su.end();
    }
  };

  it("keeps one connection per lane, the same ones through bursts and idle spells (no reconnecting inside a response's wait)", async () => {
    await Promise.all(Array.from({ length: 20 }, (_, j) => writer.append(record(1000 + j))));
    const first = (await writerBackends()).sort();
    expect(first).toHaveLength(2);
    // Longer than a connection pool's usual idle timeout (pg's: 10 s), which would close one and reopen it later.
    await new Promise((r) => setTimeout(r, 11_000));
    for (let i = 0; i < 20; i++) await writer.append(record(2000 + i));
    await Promise.all(Array.from({ length: 20 }, (_, j) => writer.append(record(2100 + j))));
    expect((await writerBackends()).sort()).toEqual(first);
  }, 30_000);

  it('replaces a connection the server closed, and the chains still verify', async () => {
    const before = await writerBackends();
    const su = superuser();
    await su.connect();
    await su.query('select pg_terminate_backend(pid) from unnest($1::int[]) pid', [before]);
    await su.end();
    // The writer hears of the closed connections and opens new ones for the next batches.
    for (let i = 0; i < 50 && (await writerBackends()).some((p) => before.includes(p)); i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    await Promise.all(Array.from({ length: 10 }, (_, i) => writer.append(record(3000 + i))));
    const after = await writerBackends();
    expect(after).toHaveLength(2);
    expect(after.some((p) => before.includes(p))).toBe(false);
    expect(await verifyAll()).toMatchObject({ ok: true });
  });
});
