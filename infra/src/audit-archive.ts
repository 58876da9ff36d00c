// Monthly archives of the audit log. A month leaves the database as one gzip file of JSON lines: a header naming,
// for every chain, the hash its first record follows (anchor) and the hash of its last record (head), then every
// record as stored. The archive verifies on its own (every hash recomputed, runs unbroken, heads as announced), and
// against its neighbours: a month's anchors are the previous month's heads, so months cannot be dropped, replaced
// or reordered unnoticed once the heads are kept outside the database (printed at export for the security office).
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { ChainFollower, contentOfRow, genesisHash, type SqlQuery } from './audit';

export const ARCHIVE_FORMAT = 'hub-audit-archive/1';

export interface ArchiveChain {
  chainId: string;
  firstSeq: number;
  lastSeq: number;
  records: number;
  /** The previous hash of the first record: genesis for a chain starting here, else the head of the month before. */
  anchor: string;
  /** The hash of the last record. */
  head: string;
}

export interface ArchiveHeader {
  format: string;
  month: string;
  from: string;
  to: string;
  exportedAt: string;
  records: number;
  chains: ArchiveChain[];
}

/** `2026-11` → [2026-11-01T00:00Z, 2026-12-01T00:00Z) (partitions are by UTC month). */
export function monthRange(month: string): { from: Date; to: Date } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new Error(`month must look like 2026-11, got ${JSON.stringify(month)}`);
  return { from: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)), to: new Date(Date.UTC(Number(m[1]), Number(m[2]), 1)) };
}

const PAGE = 5000;

/** Writes one month of the audit log to `file`; returns the header (its chain heads are what to keep elsewhere). */
export async function exportMonth(query: SqlQuery, month: string, file: string): Promise<ArchiveHeader & { sha256: string }> {
  const { from, to } = monthRange(month);
  const chains = (
    await query(
      `select b.chain_id, b.lo, b.hi, b.n, f.prev_hash as anchor, l.hash as head
         from (select chain_id, min(seq) lo, max(seq) hi, count(*) n from audit_record where at >= $1 and at < $2 group by chain_id) b
         join audit_record f on f.chain_id = b.chain_id and f.seq = b.lo
         join audit_record l on l.chain_id = b.chain_id and l.seq = b.hi
        order by b.chain_id`,
      [from, to],
    )
  ).map((r) => ({ chainId: r.chain_id, firstSeq: Number(r.lo), lastSeq: Number(r.hi), records: Number(r.n), anchor: r.anchor, head: r.head }));
  const header: ArchiveHeader = {
    format: ARCHIVE_FORMAT,
    month,
    from: from.toISOString(),
    to: to.toISOString(),
    exportedAt: new Date().toISOString(),
    records: chains.reduce((s, c) => s + c.records, 0),
    chains,
  };
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  const sha = createHash('sha256');
  gzip.on('data', (chunk: Buffer) => sha.update(chunk));
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await new Promise<void>((r) => gzip.once('drain', () => r()));
  };
  await write(JSON.stringify(header));
  for (const c of chains) {
    let after = c.firstSeq - 1;
    for (;;) {
      const rows = await query('select * from audit_record where chain_id = $1 and seq > $2 and seq <= $3 order by seq limit $4', [c.chainId, after, c.lastSeq, PAGE]);
      for (const r of rows) {
        await write(JSON.stringify({ ...r, seq: Number(r.seq), at: new Date(r.at).toISOString() }));
        after = Number(r.seq);
      }
      if (rows.length < PAGE) break;
    }
  }
  gzip.end();
  await finished(out);
  return { ...header, sha256: sha.digest('hex') };
}

export interface ArchiveReport {
  ok: boolean;
  month?: string;
  records: number;
  chains: number;
  /** Chains whose anchor could not be checked (neither genesis nor a previous archive given). */
  unanchored: string[];
  problem?: string;
  broken?: { chainId: string; seq: number; reason: string };
}

/** Reads an archive's header only. */
export async function readArchiveHeader(file: string): Promise<ArchiveHeader> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return JSON.parse(line) as ArchiveHeader;
  }
  throw new Error(`${file} is empty`);
}

/**
 * Verifies an archive on its own, and, given the previous month's archive, that each chain continues from it.
 */
export async function verifyArchive(file: string, previous?: ArchiveHeader): Promise<ArchiveReport> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let header: ArchiveHeader | undefined;
  const followers = new Map<string, ChainFollower>();
  const unanchored: string[] = [];
  let records = 0;
  const fail = (problem: string, broken?: ArchiveReport['broken']): ArchiveReport => ({
    ok: false, month: header?.month, records, chains: header?.chains.length ?? 0, unanchored, problem, broken,
  });
  try {
    for await (const line of lines) {
      if (!header) {
        header = JSON.parse(line) as ArchiveHeader;
        if (header.format !== ARCHIVE_FORMAT) return fail(`not an audit archive (format ${JSON.stringify(header.format)})`);
        for (const c of header.chains) {
          const prevHead = previous?.chains.find((p) => p.chainId === c.chainId);
          if (c.firstSeq === 1 && c.anchor !== genesisHash(c.chainId)) return fail(`chain ${c.chainId} starts at 1 but its anchor is not the genesis hash`);
          if (prevHead && (prevHead.lastSeq !== c.firstSeq - 1 || prevHead.head !== c.anchor)) {
            return fail(`chain ${c.chainId} does not continue the previous archive (expected record ${prevHead.lastSeq + 1} after head ${prevHead.head.slice(0, 12)}…)`);
          }
          if (c.firstSeq !== 1 && !prevHead) unanchored.push(c.chainId);
          followers.set(c.chainId, new ChainFollower(c.chainId, c.anchor));
        }
        continue;
      }
      const r = JSON.parse(line) as Record<string, any>;
      const f = followers.get(r.chain_id);
      if (!f) return fail(`record ${r.chain_id}:${r.seq} belongs to no chain of the header`);
      const broken = f.next({ seq: Number(r.seq), prevHash: r.prev_hash, hash: r.hash, content: contentOfRow(r) });
      if (broken) return fail('a link is broken', { chainId: r.chain_id, ...broken });
      records += 1;
    }
  } catch (e) {
    return fail(`the archive cannot be read: ${(e as Error).message}`);
  }
  if (!header) return fail('the archive is empty');
  for (const c of header.chains) {
    const f = followers.get(c.chainId)!;
    if (!f.head || f.head.seq !== c.lastSeq || f.head.hash !== c.head || f.records !== c.records) {
      return fail(`chain ${c.chainId} does not end as its header says (records ${f.records} of ${c.records}; last ${f.head?.seq ?? 'none'} of ${c.lastSeq})`, {
        chainId: c.chainId,
        seq: (f.head?.seq ?? c.firstSeq - 1) + 1,
        reason: 'records missing at the end of the chain',
      });
    }
  }
  if (records !== header.records) return fail(`the header announces ${header.records} records, the archive holds ${records}`);
  return { ok: true, month: header.month, records, chains: header.chains.length, unanchored };
}
