// The security office's audit tools on a real database: verify the chain (and name a broken link), export a month
// to an archive that verifies offline with the public key alone and continues the month before, detect any change
// to an archive (an edit re-chained and re-headed, a cut tail), and drop a month only when it is closed and its
// archive verifies and matches the database.
import { createPrivateKey, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import {
  auditHash,
  CheckpointLog,
  contentOfRow,
  genesisHash,
  signRecordHash,
  type AuditContent,
  type CheckpointHead,
} from '@hub/audit-chain';
import { ensureAuditPartitions, provisionAuditStore } from '../audit-store';
import { generateAuditSigningKeyPair } from '../keys';
import { dbIdentifier, dropDatabases, provisionDatabases } from '../postgres';
import { sqlRows as sql, testAdminUrl } from '../testing';
import { run } from '../audit-cli';

const name = `t${randomBytes(4).toString('hex')}_audit`;
const dir = mkdtempSync(join(tmpdir(), 'hub-audit-'));
let urls: { writerUrl: string; readerUrl: string };
let ownerUrl: string;
const A = randomUUID();
const B = randomUUID();
const keys = generateAuditSigningKeyPair();
const signingKey = createPrivateKey(keys.privateKey);
const publicKeyFile = join(dir, 'audit-signing.pub.pem');
const checkpointDir = join(dir, 'checkpoints');
/** The heads the gateway would have checkpointed. */
const heads: CheckpointHead[] = [];

/** Writes a chain the way the gateway's writer does, with chosen times, one record per batch (each signed). */
async function writeChain(chainId: string, times: string[]) {
  let prev = genesisHash(chainId);
  const c = new Client({ connectionString: urls.writerUrl });
  await c.connect();
  for (const [i, at] of times.entries()) {
    const content: AuditContent = {
      chainId,
      seq: i + 1,
      at,
      requestId: `r${i}`,
      principal: { kind: 'PUBLIC' },
      client: {},
      operation: { type: 'query', name: `Op${i}`, hash: 'h', document: '{ x }' },
      variables: null,
      requested: ['Query.x'],
      denied: [],
      personal: [],
      subgraphs: ['directory'],
      outcome: 'ok',
      errorCodes: [],
      durationMs: 1,
      responseBytes: 10,
    };
    const hash = auditHash(prev, content);
    await c.query(
      `insert into audit_record (chain_id, seq, at, request_id, principal, client, operation, variables, requested, denied, personal, subgraphs, outcome, error_codes, duration_ms, response_bytes, prev_hash, hash, signature)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19)`,
      [
        chainId,
        i + 1,
        at,
        content.requestId,
        content.principal,
        content.client,
        content.operation,
        null,
        content.requested,
        JSON.stringify(content.denied),
        content.personal,
        content.subgraphs,
        'ok',
        [],
        1,
        10,
        prev,
        hash,
        signRecordHash(signingKey, hash),
      ],
    );
    // The writer pins a month's last record when its chain moves on to the next month, and the head at the end.
    if (i === times.length - 1 || times[i + 1].slice(0, 7) !== at.slice(0, 7)) heads.push({ chainId, seq: i + 1, hash, at });
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
  writeFileSync(publicKeyFile, keys.publicKey);
  await new CheckpointLog(checkpointDir, randomUUID(), signingKey).append(heads, 35);
  process.env.HUB_AUDIT_PUBLIC_KEY_FILE = publicKeyFile;
  process.env.HUB_AUDIT_CHECKPOINT_DIR = checkpointDir;
  process.env.HUB_AUDIT_READER_URL = urls.readerUrl;
  process.env.HUB_PG_ADMIN_URL = testAdminUrl();
  process.env.HUB_AUDIT_DB = name;
});
afterAll(async () => {
  await dropDatabases(testAdminUrl(), [name]);
});

it('verifies the whole log, or a time range, and names a record changed in the database', async () => {
  const ok = await cli('verify');
  expect(ok.code).toBe(0);
  expect(lines).toEqual([
    'OK: 35 records in 2 chain(s) verify.',
    expect.stringMatching(/^  Signatures: 35 batch signature\(s\) verify with key sha256:[0-9a-f]{64}\.$/),
    expect.stringMatching(/^  Checkpoints: 1 read from .*, latest .*; 2 checkpointed head\(s\) found\./),
  ]);
  expect((await cli('verify', '--from', '2025-02-01', '--to', '2025-03-01')).text).toMatch(/^OK: 15 records in 2 chain\(s\)/);
  await sql(ownerUrl, `update audit_record set request_id = 'forged' where chain_id = $1 and seq = 7`, [A]);
  const broken = await cli('verify');
  expect(broken.code).toBe(1);
  expect(broken.text).toBe(
    `BROKEN: chain ${A}, record 7 (event id ${A}:7): its content does not match its hash (changed after it was written).`,
  );
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

  expect(await cli('verify-archive', join(dir, 'audit-2025-01.jsonl.gz'))).toEqual({
    code: 0,
    text: 'OK: 2025-01: 20 records in 1 chain(s) verify.',
  });
  expect(jan.text).toContain('1 checkpoint(s) included');
  const alone = await cli('verify-archive', join(dir, 'audit-2025-02.jsonl.gz'));
  expect(alone.text).toContain(`Anchors not checked (pass --previous with the month before): ${A}`);
  const sequence = await cli('verify-archive', join(dir, 'audit-2025-02.jsonl.gz'), '--previous', join(dir, 'audit-2025-01.jsonl.gz'));
  expect(sequence).toEqual({ code: 0, text: 'OK: 2025-02: 15 records in 2 chain(s) verify.' });
  // Months out of order do not chain.
  expect(
    (await cli('verify-archive', join(dir, 'audit-2025-01.jsonl.gz'), '--previous', join(dir, 'audit-2025-02.jsonl.gz'))).text,
  ).toMatch(new RegExp(`BROKEN: chain ${A} does not continue the previous archive`));
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
    expect((await cli('verify-archive', changed)).text).toBe(
      `BROKEN: a link is broken: chain ${A}, record 5: its content does not match its hash (changed after it was written).`,
    );
    const removed = edit((l) => l.filter((_, i) => i !== 9));
    expect((await cli('verify-archive', removed)).text).toMatch(new RegExp(`chain ${A}, record 9: record 9 is missing`));
    const swapped = edit((l) => [l[0], l[1], l[3], l[2], ...l.slice(4)]);
    expect((await cli('verify-archive', swapped)).code).toBe(1);
    const truncated = edit((l) => l.slice(0, -1));
    expect((await cli('verify-archive', truncated)).text).toMatch(
      new RegExp(`chain ${A} was cut: the checkpoint of .* names record 20, the archive ends at 19`),
    );
  });

  /** What a superuser with the archive in hand would do: edit, recompute every later hash, and fix the header. */
  const rechain = (l: string[], change: (r: Record<string, any>) => Record<string, any>, keep = (_: number) => true) => {
    const header = JSON.parse(l[0]);
    const rows = l
      .slice(1)
      .map((x) => JSON.parse(x))
      .filter((r) => keep(r.seq));
    let prev = rows[0].prev_hash;
    const out: Record<string, any>[] = rows.map((r: Record<string, any>) => {
      const edited = change(r);
      const hash = auditHash(prev, contentOfRow(edited));
      const row = { ...edited, prev_hash: prev, hash };
      prev = hash;
      return row;
    });
    const chain = header.chains[0];
    Object.assign(chain, { lastSeq: out[out.length - 1].seq, records: out.length, head: prev });
    header.records = out.length;
    return [JSON.stringify(header), ...out.map((r) => JSON.stringify(r))];
  };

  it('a record edited, every later hash recomputed and the header fixed: the next signature no longer matches', async () => {
    const forged = edit((l) => rechain(l, (r) => (r.seq === 5 ? { ...r, outcome: 'denied' } : r)));
    expect((await cli('verify-archive', forged)).text).toBe(
      `BROKEN: a link is broken: chain ${A}, record 5: its signature does not match its hash: it was changed and the chain recomputed, or the signature is not the gateway's.`,
    );
  });

  it('the newest 3 records cut and the header fixed: the checkpoint names the real end', async () => {
    const cut = edit((l) =>
      rechain(
        l,
        (r) => r,
        (seq) => seq <= 17,
      ),
    );
    expect((await cli('verify-archive', cut)).text).toMatch(
      new RegExp(`BROKEN: chain ${A} was cut: the checkpoint of .* names record 20, the archive ends at 17`),
    );
    // Without its checkpoints (stripped from the header too) the cut is not detectable, and the report says so.
    const stripped = edit((l) => {
      const [h, ...rest] = rechain(
        l,
        (r) => r,
        (seq) => seq <= 17,
      );
      return [JSON.stringify({ ...JSON.parse(h), checkpoints: [] }), ...rest];
    });
    expect(await cli('verify-archive', stripped, '--checkpoints', join(dir, 'none'))).toEqual({
      code: 0,
      text: `OK: 2025-01: 17 records in 1 chain(s) verify.\n  Not covered by a checkpoint (a cut there is not detectable): chain ${A}, records 1..17`,
    });
    // The operator's shipped copy of the checkpoints still finds it.
    expect((await cli('verify-archive', stripped, '--checkpoints', checkpointDir)).text).toMatch(
      /was cut: .* names record 20, the archive ends at 17/,
    );
  });

  it('verifies offline: the file and the public key, no database, no hub', async () => {
    const saved = { ...process.env };
    process.env.HUB_AUDIT_READER_URL = 'postgres://nobody:none@127.0.0.1:1/none';
    process.env.HUB_DATA_DIR = join(dir, 'no-hub-here');
    delete process.env.HUB_AUDIT_CHECKPOINT_DIR;
    delete process.env.HUB_AUDIT_PUBLIC_KEY_FILE;
    try {
      expect(await cli('verify-archive', file(), '--public-key', publicKeyFile)).toEqual({
        code: 0,
        text: 'OK: 2025-01: 20 records in 1 chain(s) verify.',
      });
      const otherKey = join(dir, 'other.pub.pem');
      writeFileSync(otherKey, generateAuditSigningKeyPair().publicKey);
      expect((await cli('verify-archive', file(), '--public-key', otherKey)).text).toMatch(
        /^BROKEN: the archive's records were signed by key sha256:\w+, not the given public key/,
      );
      await expect(cli('verify-archive', file())).rejects.toThrow(/no audit public key at .*: pass --public-key FILE/);
    } finally {
      Object.assign(process.env, saved);
    }
  });

  it('a whole month rewritten from a forged anchor no longer continues the month before', async () => {
    const feb = join(dir, 'audit-2025-02.jsonl.gz');
    const forged = join(dir, 'forged-02.jsonl.gz');
    const l = gunzipSync(readFileSync(feb)).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(l[0]);
    header.chains.find((c: { chainId: string }) => c.chainId === A).anchor = 'f'.repeat(64);
    writeFileSync(forged, gzipSync(`${[JSON.stringify(header), ...l.slice(1)].join('\n')}\n`));
    expect((await cli('verify-archive', forged, '--previous', file())).text).toMatch(
      new RegExp(`chain ${A} does not continue the previous archive`),
    );
  });
});

it("creates the coming months' partitions (run daily by the operator)", async () => {
  expect(await cli('partitions', '--ahead', '4')).toEqual({
    code: 0,
    text: 'Monthly partitions exist from this month to 4 month(s) ahead.',
  });
  const now = new Date();
  const later = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 4, 1));
  const part = `audit_record_${later.toISOString().slice(0, 7).replace('-', '')}`;
  expect(await sql(ownerUrl, 'select 1 as x from pg_tables where tablename = $1', [part])).toEqual([{ x: 1 }]);
  await expect(cli('partitions', '--ahead', 'many')).rejects.toThrow('--ahead must be a whole number');
});

it('refuses to drop a month that is not closed: the current one and the next, whatever the archive; nothing dropped', async () => {
  const now = new Date();
  const month = (add: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + add, 1)).toISOString().slice(0, 7);
  // A record of this month, and its archive, as the bug report had it.
  await writeChain(randomUUID(), [now.toISOString()]);
  const exported = await cli('export', '--month', month(0), '--out', dir);
  expect(exported.code).toBe(0);
  const before = await sql(urls.readerUrl, 'select count(*)::int n from audit_record');
  for (const m of [month(0), month(1)]) {
    const refused = await cli('drop-month', '--month', m, '--archive', join(dir, `audit-${month(0)}.jsonl.gz`));
    expect(refused).toEqual({
      code: 1,
      text: `REFUSED: ${m} is not closed (only a month that ended more than 60 minutes ago may be dropped); nothing dropped.`,
    });
  }
  expect(await sql(urls.readerUrl, 'select count(*)::int n from audit_record')).toEqual(before);
  const part = `audit_record_${month(0).replace('-', '')}`;
  expect(await sql(ownerUrl, 'select 1 as x from pg_tables where tablename = $1', [part])).toEqual([{ x: 1 }]);
});

it('recovers records that fell into the default partition: creating their month moves them, and they still verify', async () => {
  // A month with no partition (as after a month was wrongly dropped): its records land in the default partition,
  // which used to make creating the month's partition fail (and the hub refuse to start).
  const chain = randomUUID();
  await writeChain(chain, [new Date(Date.UTC(2025, 5, 2)).toISOString(), new Date(Date.UTC(2025, 5, 3)).toISOString()]);
  expect(await sql(ownerUrl, 'select count(*)::int n from audit_record_default where chain_id = $1', [chain])).toEqual([{ n: 2 }]);
  const c = new Client({ connectionString: ownerUrl });
  await c.connect();
  await c.query(`set role ${dbIdentifier(name)}`);
  expect(await ensureAuditPartitions(c, 0, new Date('2025-06-15T00:00:00Z'))).toEqual({ created: ['audit_record_202506'], moved: 2 });
  await c.end();
  expect(await sql(ownerUrl, 'select count(*)::int n from audit_record_202506 where chain_id = $1', [chain])).toEqual([{ n: 2 }]);
  expect(await sql(ownerUrl, 'select count(*)::int n from audit_record_default')).toEqual([{ n: 0 }]);
  expect((await cli('verify', '--from', '2025-06-01', '--to', '2025-07-01')).text).toMatch(/^OK: 2 records in 1 chain\(s\) verify/);
});

it('drops a month only with an archive that matches the database; the rest still verifies', async () => {
  const refused = await cli('drop-month', '--month', '2025-01', '--archive', join(dir, 'audit-2025-02.jsonl.gz'));
  expect(refused).toMatchObject({ code: 1, text: expect.stringMatching(/^REFUSED: the archive is of 2025-02/) });
  const dropped = await cli('drop-month', '--month', '2025-01', '--archive', join(dir, 'audit-2025-01.jsonl.gz'));
  expect(dropped).toEqual({
    code: 0,
    text: `Dropped audit_record_202501 (20 records), archived in ${join(dir, 'audit-2025-01.jsonl.gz')}.`,
  });
  expect(await sql(urls.readerUrl, `select count(*)::int n from audit_record where at < '2025-03-01'`)).toEqual([{ n: 15 }]);
  // The January head the checkpoint names is checked in its archive now, not in the store.
  expect((await cli('verify')).text).toMatch(/^OK: 18 records in 4 chain\(s\) verify\./);
});
