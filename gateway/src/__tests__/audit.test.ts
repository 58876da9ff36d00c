// The audit store on a real PostgreSQL: append-only by privileges, hash-chained, tampering detected and named.
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { Client } from 'pg';
import { provisionDatabases, dropDatabases, testAdminUrl } from '@hub/infra';
import { provisionAuditStore, verifyAuditChain } from '@hub/infra/audit';
import { AuditWriter, type AuditInput } from '../audit';

const name = `a${randomBytes(3).toString('hex')}`;
let urls: { writerUrl: string; readerUrl: string; ownerDb: string };
let writer: AuditWriter;
const superuser = () => {
  const u = new URL(testAdminUrl());
  u.pathname = `/${urls.ownerDb}`;
  return new Client({ connectionString: u.toString() });
};

beforeAll(async () => {
  await provisionDatabases(testAdminUrl(), [{ name, password: 'owner-pw' }]);
  urls = await provisionAuditStore(testAdminUrl(), { writer: 'w-pw', reader: 'r-pw' }, name);
  writer = new AuditWriter(urls.writerUrl, pino({ level: 'silent' }));
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
  const report = await asReader((c) => verifyAuditChain(c));
  expect(report).toEqual({ ok: true, records: 200, chains: 2 });
  const perChain = await asReader(async (c) => (await c.query('select chain_id, count(*)::int n from audit_record group by chain_id')).rows);
  expect(perChain.map((r) => r.n).sort()).toEqual([100, 100]);
});

it('is append-only: the writer cannot read, change or delete; the reader cannot write', async () => {
  const w = new Client({ connectionString: urls.writerUrl });
  await w.connect();
  for (const sql of ['select * from audit_record', "update audit_record set outcome = 'x'", 'delete from audit_record', 'truncate audit_record']) {
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
    await su.query(`insert into audit_record (${cols.join(',')}) values (${cols.map((_, i) => `$${i + 1}`).join(',')})`, cols.map((k) => (['principal', 'client', 'operation', 'variables', 'denied'].includes(k) ? JSON.stringify(r[k]) : r[k])));
    expect((await asReader((c) => verifyAuditChain(c))).ok).toBe(true);
    await su.end();
  });

  it('two records swapped', async () => {
    const su = superuser();
    await su.connect();
    for (const [from, to] of [[10, -10], [11, 10], [-10, 11]]) {
      await su.query(`update audit_record set seq = $3 where chain_id = $1 and seq = $2`, [chainOf(), from, to]);
    }
    const report = await asReader((c) => verifyAuditChain(c));
    expect(report.broken).toMatchObject({ seq: 10 });
    for (const [from, to] of [[10, -10], [11, 10], [-10, 11]]) {
      await su.query(`update audit_record set seq = $3 where chain_id = $1 and seq = $2`, [chainOf(), from, to]);
    }
    expect((await asReader((c) => verifyAuditChain(c))).ok).toBe(true);
    await su.end();
  });
});

describe('connections', () => {
  const writerBackends = async () => {
    const su = superuser();
    await su.connect();
    try {
      return (await su.query(`select pid from pg_stat_activity where usename = $1`, [`hub_${name}_writer`])).rows.map((r) => r.pid as number);
    } finally {
      await su.end();
    }
  };

  it('keeps one connection per lane, the same ones through bursts and idle spells (no reconnecting inside a response\'s wait)', async () => {
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
    expect(await asReader((c) => verifyAuditChain(c))).toMatchObject({ ok: true, chains: 2 });
  });
});
