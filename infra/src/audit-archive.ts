// Monthly archives of the audit log. A month leaves the database as one gzip file of JSON lines: a header naming,
// for every chain, the hash its first record follows (anchor) and the hash of its last record (head), the
// fingerprint of the gateway's signing key and the signed checkpoints that cover the month, then every record as
// stored (signatures included). The archive verifies offline with the gateway's public key alone: every hash
// recomputed, every batch signature checked, runs unbroken and ending on a signed record, every record a
// checkpoint names present with its hash (so an edited and re-chained record, or a cut tail, is found). Against its
// neighbours: a month's anchors are the previous month's heads, so months cannot be dropped, replaced or reordered.
import { createHash, type KeyObject } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import {
  ChainFollower,
  contentOfRow,
  genesisHash,
  keyFingerprint,
  loadCheckpoints,
  type Checkpoint,
  type CheckpointPin,
  type SqlQuery,
} from '@hub/audit-chain';

export const ARCHIVE_FORMAT = 'hub-audit-archive/2';

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
  /** keyFingerprint of the gateway key that signed the records and checkpoints. */
  key: string;
  /** For each chain, the checkpoint naming its furthest record in the month (signed; the archive's end is checked on them). */
  checkpoints: Checkpoint[];
}

/** `2026-11` → [2026-11-01T00:00Z, 2026-12-01T00:00Z) (partitions are by UTC month). */
export function monthRange(month: string): { from: Date; to: Date } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new Error(`month must look like 2026-11, got ${JSON.stringify(month)}`);
  return { from: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)), to: new Date(Date.UTC(Number(m[1]), Number(m[2]), 1)) };
}

const PAGE = 5000;

/**
 * Writes one month of the audit log to `file`, with the checkpoints (from `trust.checkpoints`, a directory or files)
 * that cover it; returns the header (its chain heads are what to keep elsewhere) and what was wrong with the
 * checkpoints, if anything (the archive is written regardless; verify-archive reports it).
 */
export async function exportMonth(
  query: SqlQuery,
  month: string,
  file: string,
  trust: { publicKey: KeyObject | string; checkpoints?: string | string[] },
): Promise<ArchiveHeader & { sha256: string; checkpointProblems: string[] }> {
  const { from, to } = monthRange(month);
  const loaded = trust.checkpoints ? await loadCheckpoints(trust.checkpoints, trust.publicKey, { from, to }) : undefined;
  const chains = (
    await query(
      `select b.chain_id, b.lo, b.hi, b.n, f.prev_hash as anchor, l.hash as head
         from (select chain_id, min(seq) lo, max(seq) hi, count(*) n from audit_record where at >= $1 and at < $2 group by chain_id) b
         join audit_record f on f.chain_id = b.chain_id and f.seq = b.lo
         join audit_record l on l.chain_id = b.chain_id and l.seq = b.hi
        order by b.chain_id`,
      [from, to],
    )
  ).map((r) => ({
    chainId: r.chain_id,
    firstSeq: Number(r.lo),
    lastSeq: Number(r.hi),
    records: Number(r.n),
    anchor: r.anchor,
    head: r.head,
  }));
  const header: ArchiveHeader = {
    format: ARCHIVE_FORMAT,
    month,
    from: from.toISOString(),
    to: to.toISOString(),
    exportedAt: new Date().toISOString(),
    records: chains.reduce((s, c) => s + c.records, 0),
    chains,
    key: keyFingerprint(trust.publicKey),
    checkpoints: loaded?.covering ?? [],
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
      const rows = await query('select * from audit_record where chain_id = $1 and seq > $2 and seq <= $3 order by seq limit $4', [
        c.chainId,
        after,
        c.lastSeq,
        PAGE,
      ]);
      for (const r of rows) {
        await write(JSON.stringify({ ...r, seq: Number(r.seq), at: new Date(r.at).toISOString() }));
        after = Number(r.seq);
      }
      if (rows.length < PAGE) break;
    }
  }
  gzip.end();
  await finished(out);
  return { ...header, sha256: sha.digest('hex'), checkpointProblems: loaded?.problems ?? [] };
}

export interface ArchiveReport {
  ok: boolean;
  month?: string;
  records: number;
  chains: number;
  /** Chains whose anchor could not be checked (neither genesis nor a previous archive given). */
  unanchored: string[];
  /** Batch signatures verified. */
  signatures: number;
  /** Records named by a checkpoint and found with their hash. */
  checkpointed: number;
  /** Per chain, the records after the last one a checkpoint names: a cut there could not be detected. */
  unpinned: { chainId: string; fromSeq: number; toSeq: number }[];
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
 * Verifies an archive on its own, offline, with the gateway's public key; given the previous month's archive, that
 * each chain continues from it; given more checkpoints (the operator's shipped copy), against those too.
 */
export async function verifyArchive(
  file: string,
  trust: { publicKey: KeyObject | string; previous?: ArchiveHeader; checkpoints?: string | string[] },
): Promise<ArchiveReport> {
  const { previous } = trust;
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let header: ArchiveHeader | undefined;
  const followers = new Map<string, ChainFollower>();
  const pins = new Map<string, CheckpointPin>();
  const unanchored: string[] = [];
  let records = 0;
  let checkpointed = 0;
  const signatures = () => [...followers.values()].reduce((n, f) => n + f.signatures, 0);
  const fail = (problem: string, broken?: ArchiveReport['broken']): ArchiveReport => ({
    ok: false,
    month: header?.month,
    records,
    chains: header?.chains.length ?? 0,
    unanchored,
    signatures: signatures(),
    checkpointed,
    unpinned: [],
    problem,
    broken,
  });
  const pinned = (p: CheckpointPin) => `the checkpoint of ${p.checkpoint.at} (writer ${p.checkpoint.writer}, no. ${p.checkpoint.n})`;
  try {
    for await (const line of lines) {
      if (!header) {
        header = JSON.parse(line) as ArchiveHeader;
        if (header.format !== ARCHIVE_FORMAT)
          return fail(`not an audit archive of this version (format ${JSON.stringify(header.format)}, expected ${ARCHIVE_FORMAT})`);
        const fingerprint = keyFingerprint(trust.publicKey);
        if (header.key !== fingerprint)
          return fail(`the archive's records were signed by key ${header.key}, not the given public key (${fingerprint})`);
        const { from, to } = monthRange(header.month);
        for (const source of [header.checkpoints ?? [], ...(trust.checkpoints ? [trust.checkpoints] : [])]) {
          if (Array.isArray(source) && !source.length) continue;
          const loaded = await loadCheckpoints(source, trust.publicKey, { from, to });
          if (loaded.problems.length) return fail(`a checkpoint does not verify: ${loaded.problems[0]}`);
          for (const p of loaded.pins) if (!pins.has(p.chainId) || pins.get(p.chainId)!.seq < p.seq) pins.set(p.chainId, p);
        }
        for (const c of header.chains) {
          const prevHead = previous?.chains.find((p) => p.chainId === c.chainId);
          if (c.firstSeq === 1 && c.anchor !== genesisHash(c.chainId))
            return fail(`chain ${c.chainId} starts at 1 but its anchor is not the genesis hash`);
          if (prevHead && (prevHead.lastSeq !== c.firstSeq - 1 || prevHead.head !== c.anchor)) {
            return fail(
              `chain ${c.chainId} does not continue the previous archive (expected record ${prevHead.lastSeq + 1} after head ${prevHead.head.slice(0, 12)}…)`,
            );
          }
          if (c.firstSeq !== 1 && !prevHead) unanchored.push(c.chainId);
          followers.set(c.chainId, new ChainFollower(c.chainId, c.anchor, trust.publicKey));
        }
        for (const p of pins.values()) {
          if (!followers.has(p.chainId))
            return fail(`${pinned(p)} names record ${p.seq} of chain ${p.chainId}, a chain the archive does not hold`, {
              chainId: p.chainId,
              seq: p.seq,
              reason: 'its chain is missing from the archive',
            });
        }
        continue;
      }
      const r = JSON.parse(line) as Record<string, any>;
      const f = followers.get(r.chain_id);
      if (!f) return fail(`record ${r.chain_id}:${r.seq} belongs to no chain of the header`);
      const broken = f.next({ seq: Number(r.seq), prevHash: r.prev_hash, hash: r.hash, content: contentOfRow(r), signature: r.signature });
      if (broken) return fail('a link is broken', { chainId: r.chain_id, ...broken });
      const pin = pins.get(r.chain_id);
      if (pin && pin.seq === Number(r.seq)) {
        if (pin.hash !== r.hash)
          return fail('a record differs from its checkpoint', {
            chainId: r.chain_id,
            seq: pin.seq,
            reason: `it differs from ${pinned(pin)}: the chain was rewritten up to here`,
          });
        checkpointed += 1;
      }
      records += 1;
    }
  } catch (e) {
    return fail(`the archive cannot be read: ${(e as Error).message}`);
  }
  if (!header) return fail('the archive is empty');
  const unpinned: ArchiveReport['unpinned'] = [];
  for (const c of header.chains) {
    const f = followers.get(c.chainId)!;
    const pin = pins.get(c.chainId);
    if (pin && pin.seq > (f.head?.seq ?? c.firstSeq - 1)) {
      return fail(`chain ${c.chainId} was cut: ${pinned(pin)} names record ${pin.seq}, the archive ends at ${f.head?.seq ?? 'none'}`, {
        chainId: c.chainId,
        seq: pin.seq,
        reason: 'records missing at the end of the chain',
      });
    }
    if (!f.head || f.head.seq !== c.lastSeq || f.head.hash !== c.head || f.records !== c.records) {
      return fail(
        `chain ${c.chainId} does not end as its header says (records ${f.records} of ${c.records}; last ${f.head?.seq ?? 'none'} of ${c.lastSeq})`,
        {
          chainId: c.chainId,
          seq: (f.head?.seq ?? c.firstSeq - 1) + 1,
          reason: 'records missing at the end of the chain',
        },
      );
    }
    const unsigned = f.end();
    if (unsigned) return fail('a chain ends unsigned', { chainId: c.chainId, ...unsigned });
    if (!pin || pin.seq < c.lastSeq) unpinned.push({ chainId: c.chainId, fromSeq: (pin?.seq ?? c.firstSeq - 1) + 1, toSeq: c.lastSeq });
  }
  if (records !== header.records) return fail(`the header announces ${header.records} records, the archive holds ${records}`);
  return {
    ok: true,
    month: header.month,
    records,
    chains: header.chains.length,
    unanchored,
    signatures: signatures(),
    checkpointed,
    unpinned,
  };
}
