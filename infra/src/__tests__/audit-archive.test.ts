// The security office's audit tools on a real database: verify the chain (and name a broken link), export a month
// to an archive that verifies on its own and continues the month before, detect any change to an archive, and
// drop a month only when its archive matches the database.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { auditHash, ensureAuditPartitions, genesisHash, provisionAuditStore, type AuditContent } from '../audit';
import { dbIdentifier, dropDatabases, provisionDatabases } from '../postgres';
import { sqlRows as sql, testAdminUrl } from '../testing';
import { run } from '../audit-cli';

const name = `t${randomBytes(4).toString('hex')}_audit`;
const dir = mkdtempSync(join(tmpdir(), 'hub-audit-'));
let urls: { writerUrl: string; readerUrl: string };
let ownerUrl: string;
const A = randomUUID();
const B = randomUUID();


/** Writes a chain the way the gateway's writer does, with chosen times. */
async function writeChain(chainId: string, times: string[]) {
  let prev = genesisHash(chainId);
  const c = new Client({ connectionString: urls.writerUrl });
  await c.connect();
  for (const [i, at] of times.entries()) {
    const content: AuditContent = {
      chainId, seq: i + 1, at, requestId: `r${i}`, principal: { kind: 'PUBLIC' }, client: {}, operation: { type: 'query', name: `Op${i}`, hash: 'h', document: '{ x }' },
      variables: null, requested: ['Query.x'], denied: [], personal: [], subgraphs: ['directory'], outcome: 'ok', errorCodes: [], durationMs: 1, responseBytes: 10,
    };
    const hash = auditHash(prev, content);
    await c.query(
      `insert into audit_record (chain_id, seq, at, request_id, principal, client, operation, variables, requested, denied, personal, subgraphs, outcome, error_codes, duration_ms, response_bytes, prev_hash, hash)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)`,
      [chainId, i + 1, at, content.requestId, content.principal, content.client, content.operation, null, content.requested, JSON.stringify(content.denied), content.personal, content.subgraphs, 'ok', [], 1, 10, prev, hash],
    );
    prev = hash;
  }
  await c.end();
}

const lines: string[] = [];
const cli = async (...args: string[]) => {
  lines.length = 0;
  const code = await run(args, (l) => lines.push(l));
  return { code, text: lines.join('\n') };
};

beforeAll(async () => {
  await provisionDatabases(testAdminUrl(), [{ name, password: 'pw' }]);
  urls = await provisionAuditStore(testAdminUrl(), { writer: 'w', reader: 'r' }, name);
  const u = new URL(testAdminUrl());
  u.pathname = `/${dbIdentifier(name)}`;
  ownerUrl = u.toString();
  const c = new Client({ connectionString: ownerUrl });
  await c.connect();
  await c.query(`set role ${dbIdentifier(name)}`);
  await ensureAuditPartitions(c, 1, new Date('2025-01-15T00:00:00Z'));
  await c.end();
  const jan = Array.from({ length: 20 }, (_, i) => new Date(Date.UTC(2025, 0, 10, 0, 0, i)).toISOString());
  const feb = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2025, 1, 3, 0, 0, i)).toISOString());
  await writeChain(A, [...jan, ...feb]);
  await writeChain(B, feb.slice(0, 5));
  process.env.HUB_AUDIT_READER_URL = urls.readerUrl;
  process.env.HUB_PG_ADMIN_URL = testAdminUrl();
  process.env.HUB_AUDIT_DB = name;
});
afterAll(async () => {
  await dropDatabases(testAdminUrl(), [name]);
});

it('verifies the whole log, or a time range, and names a record changed in the database', async () => {
  expect(await cli('verify')).toEqual({ code: 0, text: 'OK: 35 records in 2 chain(s) verify.' });
  expect((await cli('verify', '--from', '2025-02-01', '--to', '2025-03-01')).text).toMatch(/^OK: 15 records in 2 chain\(s\)/);
  await sql(ownerUrl, `update audit_record set request_id = 'forged' where chain_id = $1 and seq = 7`, [A]);
  const broken = await cli('verify');
  expect(broken.code).toBe(1);
  expect(broken.text).toBe(`BROKEN: chain ${A}, record 7 (event id ${A}:7): its content does not match its hash (changed after it was written).`);
  await sql(ownerUrl, `update audit_record set request_id = 'r6' where chain_id = $1 and seq = 7`, [A]);
  await expect(cli('verify', '--from', 'soon')).rejects.toThrow('--from must be an ISO 8601 date or date-time, got "soon"');
});

it('exports months to archives that verify alone and as a sequence, and prints the chain heads', async () => {
  const jan = await cli('export', '--month', '2025-01', '--out', dir);
  expect(jan.code).toBe(0);
  expect(jan.text).toMatch(/audit-2025-01\.jsonl\.gz: 20 records in 1 chain\(s\); archive SHA-256 [0-9a-f]{64}/);
  const [head] = await sql(urls.readerUrl, 'select hash from audit_record where chain_id = $1 and seq = 20', [A]);
  expect(jan.text).toContain(`${A}  records 1..20  head ${head.hash}`);
  expect((await cli('export', '--month', '2025-02', '--out', dir)).text).toMatch(/15 records in 2 chain/);

  expect(await cli('verify-archive', join(dir, 'audit-2025-01.jsonl.gz'))).toEqual({ code: 0, text: 'OK: 2025-01: 20 records in 1 chain(s) verify.' });
  const alone = await cli('verify-archive', join(dir, 'audit-2025-02.jsonl.gz'));
  expect(alone.text).toContain(`Anchors not checked (pass --previous with the month before): ${A}`);
  const sequence = await cli('verify-archive', join(dir, 'audit-2025-02.jsonl.gz'), '--previous', join(dir, 'audit-2025-01.jsonl.gz'));
  expect(sequence).toEqual({ code: 0, text: 'OK: 2025-02: 15 records in 2 chain(s) verify.' });
  // Months out of order do not chain.
  expect((await cli('verify-archive', join(dir, 'audit-2025-01.jsonl.gz'), '--previous', join(dir, 'audit-2025-02.jsonl.gz'))).text).toMatch(
    new RegExp(`BROKEN: chain ${A} does not continue the previous archive`),
  );
  await expect(cli('export', '--month', '2025-13')).rejects.toThrow('month must look like 2026-11, got "2025-13"');
}, 30_000);

describe('a changed archive is detected', () => {
  const file = () => join(dir, 'audit-2025-01.jsonl.gz');
  const edit = (fn: (lines: string[]) => string[]) => {
    const original = gunzipSync(readFileSync(file())).toString('utf8').trimEnd().split('\n');
    const target = join(dir, `edited-${randomBytes(3).toString('hex')}.jsonl.gz`);
    writeFileSync(target, gzipSync(`${fn(original).join('\n')}\n`));
    return target;
  };

  it('a record changed, removed, or two swapped', async () => {
    const changed = edit((l) => l.map((x, i) => (i === 5 ? x.replace('"outcome":"ok"', '"outcome":"denied"') : x)));
    expect((await cli('verify-archive', changed)).text).toBe(`BROKEN: a link is broken: chain ${A}, record 5: its content does not match its hash (changed after it was written).`);
    const removed = edit((l) => l.filter((_, i) => i !== 9));
    expect((await cli('verify-archive', removed)).text).toMatch(new RegExp(`chain ${A}, record 9: record 9 is missing`));
    const swapped = edit((l) => [l[0], l[1], l[3], l[2], ...l.slice(4)]);
    expect((await cli('verify-archive', swapped)).code).toBe(1);
    const truncated = edit((l) => l.slice(0, -1));
    expect((await cli('verify-archive', truncated)).text).toMatch(/does not end as its header says/);
  });

  it('a whole month rewritten from a forged anchor no longer continues the month before', async () => {
    const feb = join(dir, 'audit-2025-02.jsonl.gz');
    const forged = join(dir, 'forged-02.jsonl.gz');
    const l = gunzipSync(readFileSync(feb)).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(l[0]);
    header.chains.find((c: { chainId: string }) => c.chainId === A).anchor = 'f'.repeat(64);
    writeFileSync(forged, gzipSync(`${[JSON.stringify(header), ...l.slice(1)].join('\n')}\n`));
    expect((await cli('verify-archive', forged, '--previous', file())).text).toMatch(new RegExp(`chain ${A} does not continue the previous archive`));
  });
});

it('creates the coming months\' partitions (run daily by the operator)', async () => {
  expect(await cli('partitions', '--ahead', '4')).toEqual({ code: 0, text: 'Monthly partitions exist from this month to 4 month(s) ahead.' });
  const now = new Date();
  const later = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 4, 1));
  const part = `audit_record_${later.toISOString().slice(0, 7).replace('-', '')}`;
  expect(await sql(ownerUrl, 'select 1 as x from pg_tables where tablename = $1', [part])).toEqual([{ x: 1 }]);
  await expect(cli('partitions', '--ahead', 'many')).rejects.toThrow('--ahead must be a whole number');
});

it('drops a month only with an archive that matches the database; the rest still verifies', async () => {
  const refused = await cli('drop-month', '--month', '2025-01', '--archive', join(dir, 'audit-2025-02.jsonl.gz'));
  expect(refused).toMatchObject({ code: 1, text: expect.stringMatching(/^REFUSED: the archive is of 2025-02/) });
  const dropped = await cli('drop-month', '--month', '2025-01', '--archive', join(dir, 'audit-2025-01.jsonl.gz'));
  expect(dropped).toEqual({ code: 0, text: `Dropped audit_record_202501 (20 records), archived in ${join(dir, 'audit-2025-01.jsonl.gz')}.` });
  expect(await sql(urls.readerUrl, `select count(*)::int n from audit_record`)).toEqual([{ n: 15 }]);
  expect((await cli('verify')).text).toBe('OK: 15 records in 2 chain(s) verify.');
});
