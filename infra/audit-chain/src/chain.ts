// The audit chain: records are hash-chained (each names the hash of the one before) so that changing, deleting or
// reordering one is detected by verifyAuditChain, which names the first broken link. The link is public (anyone
// can recompute it); what the database's superuser cannot recompute is the gateway's Ed25519 signature on the last
// record of every batch and on its checkpoints (kept outside the database), so an edited and re-chained record
// breaks every later signature, and a truncated tail no longer matches the last checkpoint. The store itself (roles,
// table, monthly partitions) is @hub/infra's audit-store.
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** The hashed content of one record, as the writer builds it and the verifier rebuilds it from the table. */
export interface AuditContent {
  chainId: string;
  seq: number;
  at: string;
  requestId: string;
  principal: Record<string, unknown>;
  client: Record<string, unknown>;
  operation: Record<string, unknown>;
  variables: unknown;
  requested: string[];
  denied: unknown[];
  personal: string[];
  subgraphs: string[];
  outcome: string;
  errorCodes: string[];
  durationMs: number;
  responseBytes: number;
  /**
   * Set when some string of the record (a key or a value, at any depth) held a code point PostgreSQL cannot store (NUL,
   * a lone surrogate), written instead as its `\uXXXX` text. Hashed only when set, so older records keep their hash.
   */
  escaped?: true;
  /**
   * Set on the minimal record that stands for one the store refused (a data error that escaping did not cure): the
   * request keeps its record (request id, principal, outcome) and this says why the rest is missing.
   */
  unstorable?: string;
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

export function genesisHash(chainId: string): string {
  return createHash('sha256').update(`hub-audit-genesis:${chainId}`).digest('hex');
}

export function auditHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}

/** What the gateway signs for a record: its hash, under a prefix no checkpoint (canonical JSON, `{`) can start with. */
const recordMessage = (hash: string) => Buffer.from(`hub-audit-record/1\n${hash}`);

/** The gateway's Ed25519 signature (base64) of the record whose hash is `hash` (the last of each batch). */
export function signRecordHash(privateKey: KeyObject, hash: string): string {
  return sign(null, recordMessage(hash), privateKey).toString('base64');
}

export function recordSignatureValid(publicKey: KeyObject, hash: string, signature: string): boolean {
  try {
    return verify(null, recordMessage(hash), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** A public key as a KeyObject (PEM accepted); Ed25519 only, the one kind the gateway signs with. */
export function auditPublicKey(key: KeyObject | string): KeyObject {
  const k = typeof key === 'string' ? createPublicKey(key) : key.type === 'private' ? createPublicKey(key) : key;
  if (k.asymmetricKeyType !== 'ed25519') throw new Error(`the audit signing key must be Ed25519, got ${k.asymmetricKeyType}`);
  return k;
}

/** `sha256:<hex>` of the public key's DER (SPKI): names the key in checkpoints and archives. */
export function keyFingerprint(key: KeyObject | string): string {
  const der = auditPublicKey(key).export({ type: 'spki', format: 'der' });
  return `sha256:${createHash('sha256').update(der).digest('hex')}`;
}

/**
 * A record a signed checkpoint names: a chain's head when the checkpoint was written, or the last record of a month
 * the chain left. The record must be in the store with this hash; everything before it in its chain is then pinned
 * by the links.
 */
export interface CheckpointPin {
  chainId: string;
  seq: number;
  hash: string;
  /** The record's time (its month is where it lives). */
  at: string;
  /** Which checkpoint named it: the writer (a gateway process), its number and time. */
  checkpoint: { writer: string; n: number; at: string };
}

/** What verification trusts beyond the links: the gateway's public key, and the heads its checkpoints pin. */
export interface ChainTrust {
  /** The gateway's Ed25519 public key (PEM or KeyObject). Without it only the links are checked (`signatures: null`). */
  publicKey?: KeyObject | string;
  /** From loadCheckpoints: per chain, the furthest record a valid checkpoint names. */
  pins?: CheckpointPin[];
  /** Problems loadCheckpoints found in the checkpoints themselves (a bad signature, a gap); the first breaks the report. */
  checkpointProblems?: string[];
}

export interface ChainReport {
  ok: boolean;
  records: number;
  chains: number;
  /** The first broken link, named by chain and sequence number. */
  broken?: { chainId: string; seq: number; reason: string };
  /** What is wrong beyond any one record (a checkpoint that does not verify). */
  problem?: string;
  /** Batch signatures verified; null when no public key was given (links only). */
  signatures: number | null;
  /** Checkpointed heads found in the store with their hash (each pins its chain up to there). */
  checkpointed: number;
  /** Mutations whose intent is recorded with no later record of the same request: their outcome is unknown. */
  outcomeUnknown: number;
}

/** Runs one SQL statement with `$n` parameters and returns its rows (a pg client, pool, or an adapter). */
export type SqlQuery = (sql: string, params: unknown[]) => Promise<Record<string, any>[]>;

/** What verification needs of a pg client or pool (so this package does not depend on pg). */
export interface SqlClient {
  query(sql: string, params: unknown[]): Promise<{ rows: Record<string, any>[] }>;
}

export const sqlOf =
  (c: SqlClient): SqlQuery =>
  async (sql, params) =>
    (await c.query(sql, params)).rows;

/** The hashed content of a stored row. */
export function contentOfRow(r: Record<string, any>): AuditContent {
  return {
    chainId: r.chain_id,
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    requestId: r.request_id,
    principal: r.principal,
    client: r.client,
    operation: r.operation,
    variables: r.variables,
    requested: r.requested,
    denied: r.denied,
    personal: r.personal,
    subgraphs: r.subgraphs,
    outcome: r.outcome,
    errorCodes: r.error_codes,
    durationMs: r.duration_ms,
    responseBytes: r.response_bytes,
    escaped: r.escaped ? true : undefined,
    unstorable: r.unstorable ?? undefined,
  };
}

/**
 * Follows one chain's records in sequence order and checks each link; `anchor` is the hash the first record must
 * follow (the genesis hash when the chain starts at 1; otherwise the first record's own previous hash is trusted,
 * or the head of an earlier archive when one is given). With the gateway's public key, every signature is checked
 * and the chain must end on a signed record (each batch ends with one): re-chaining after an edit breaks the next
 * signature, and records cut from the end other than whole batches leave an unsigned end.
 */
export class ChainFollower {
  private prev: string | undefined;
  private expectedSeq: number | undefined;
  /** The first record of the current batch, not yet closed by a signature. */
  private unsignedFrom: number | undefined;
  private readonly publicKey: KeyObject | undefined;
  records = 0;
  signatures = 0;
  head: { seq: number; hash: string; signed: boolean } | undefined;

  constructor(
    readonly chainId: string,
    anchor?: string,
    publicKey?: KeyObject | string,
  ) {
    this.prev = anchor;
    this.publicKey = publicKey ? auditPublicKey(publicKey) : undefined;
  }

  /** Checks the next record; returns the broken link (the record it names, and why) if there is one. */
  next(r: {
    seq: number;
    prevHash: string;
    hash: string;
    content: AuditContent;
    signature?: string | null;
  }): { seq: number; reason: string } | undefined {
    if (this.expectedSeq === undefined) {
      this.expectedSeq = r.seq;
      this.prev ??= r.seq === 1 ? genesisHash(this.chainId) : r.prevHash;
    }
    if (r.seq !== this.expectedSeq) return { seq: this.expectedSeq, reason: `record ${this.expectedSeq} is missing (found ${r.seq} next)` };
    if (r.prevHash !== this.prev) return { seq: r.seq, reason: 'it does not follow the record before it (previous hash differs)' };
    if (auditHash(this.prev, r.content) !== r.hash)
      return { seq: r.seq, reason: 'its content does not match its hash (changed after it was written)' };
    if (this.publicKey) {
      if (r.signature) {
        if (!recordSignatureValid(this.publicKey, r.hash, r.signature)) {
          const from = this.unsignedFrom ?? r.seq;
          return {
            seq: r.seq,
            reason: `its signature does not match its hash: ${from === r.seq ? 'it was' : `a record of its batch (${from}..${r.seq}) was`} changed and the chain recomputed, or the signature is not the gateway's`,
          };
        }
        this.signatures += 1;
        this.unsignedFrom = undefined;
      } else {
        this.unsignedFrom ??= r.seq;
      }
    }
    this.prev = r.hash;
    this.expectedSeq += 1;
    this.records += 1;
    this.head = { seq: r.seq, hash: r.hash, signed: Boolean(r.signature) };
    return undefined;
  }

  /** After the chain's last record: with a key, the chain must end on a signed record. */
  end(): { seq: number; reason: string } | undefined {
    if (!this.publicKey || !this.head || this.unsignedFrom === undefined) return undefined;
    return {
      seq: this.head.seq,
      reason: `the chain ends on records ${this.unsignedFrom}..${this.head.seq}, which no signature covers (every batch ends with a signed record): records were removed from the end or a signature was stripped`,
    };
  }
}

const PAGE = 5000;

const monthOf = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);

/**
 * Re-computes the hash of every record of the chains that have records in [from, to), from the first such record
 * of each chain to its last, whatever their timestamps (a record's time is when its request started, its place in
 * the chain when it was committed, so a time window alone could cut a chain). Pages through the rows, so memory
 * stays flat whatever the range. With `trust`: every batch signature, and every checkpointed head in the range
 * (each must be in the store with its hash, so a rewritten, re-chained or truncated tail up to the last checkpoint is
 * named). Heads of months no longer in the store (dropped after archiving) are checked in their archive instead.
 */
export async function verifyAuditChain(
  db: SqlClient | SqlQuery,
  range: { from?: Date | null; to?: Date | null } = {},
  trust: ChainTrust = {},
): Promise<ChainReport> {
  const query = typeof db === 'function' ? db : sqlOf(db);
  const from = range.from ?? null;
  const to = range.to ?? null;
  const bounds = await query(
    `select chain_id, min(seq) as lo, max(seq) as hi from audit_record
      where ($1::timestamptz is null or at >= $1) and ($2::timestamptz is null or at < $2) group by chain_id order by chain_id`,
    [from, to],
  );
  const [{ n: outcomeUnknown }] = await query(
    `select count(*)::int n from audit_record i
      where i.outcome = 'intent' and ($1::timestamptz is null or i.at >= $1) and ($2::timestamptz is null or i.at < $2)
        and not exists (select 1 from audit_record o where o.request_id = i.request_id and o.outcome <> 'intent')`,
    [from, to],
  );
  const [{ oldest }] = await query('select min(at) as oldest from audit_record', []);
  const keep = (p: CheckpointPin) => {
    const at = new Date(p.at);
    if (from && at < from) return false;
    if (to && at >= to) return false;
    // A month before the oldest one the store holds was dropped after archiving: its archive answers for it.
    return !oldest || monthOf(at) >= monthOf(new Date(oldest));
  };
  const pins = new Map<string, CheckpointPin>();
  for (const p of (trust.pins ?? []).filter(keep)) {
    const q = pins.get(p.chainId);
    if (!q || p.seq > q.seq) pins.set(p.chainId, p);
  }
  const base = { chains: bounds.length, signatures: trust.publicKey ? 0 : null, checkpointed: 0, outcomeUnknown };
  let records = 0;
  const report = (extra: Partial<ChainReport> = {}): ChainReport => ({ ok: !extra.broken && !extra.problem, records, ...base, ...extra });
  if (trust.checkpointProblems?.length) return report({ problem: trust.checkpointProblems[0] });
  const pinned = (p: CheckpointPin) => `the checkpoint of ${p.checkpoint.at} (writer ${p.checkpoint.writer}, no. ${p.checkpoint.n})`;
  for (const b of bounds) {
    const follower = new ChainFollower(b.chain_id, undefined, trust.publicKey);
    const pin = pins.get(b.chain_id);
    pins.delete(b.chain_id);
    const fail = (broken: { seq: number; reason: string }) => {
      records += follower.records;
      if (base.signatures !== null) base.signatures += follower.signatures;
      return report({ broken: { chainId: b.chain_id, ...broken } });
    };
    let after = Number(b.lo) - 1;
    for (;;) {
      const rows = await query('select * from audit_record where chain_id = $1 and seq > $2 and seq <= $3 order by seq limit $4', [
        b.chain_id,
        after,
        b.hi,
        PAGE,
      ]);
      for (const r of rows) {
        const seq = Number(r.seq);
        const broken = follower.next({ seq, prevHash: r.prev_hash, hash: r.hash, content: contentOfRow(r), signature: r.signature });
        if (broken) return fail(broken);
        if (pin && pin.seq === seq) {
          if (pin.hash !== r.hash) return fail({ seq, reason: `it differs from ${pinned(pin)}: the chain was rewritten up to here` });
          base.checkpointed += 1;
        }
        after = seq;
      }
      if (rows.length < PAGE) break;
    }
    if (follower.head && follower.head.seq !== Number(b.hi))
      return fail({ seq: follower.head.seq + 1, reason: `record ${follower.head.seq + 1} is missing` });
    const unsigned = follower.end();
    if (unsigned) return fail(unsigned);
    if (pin && pin.seq > Number(b.hi)) {
      return fail({ seq: pin.seq, reason: `it is missing, but ${pinned(pin)} names it: the chain was cut after record ${b.hi}` });
    }
    if (pin && pin.seq < Number(b.lo)) {
      return fail({
        seq: pin.seq,
        reason: `it is missing, but ${pinned(pin)} names it: the chain's records up to ${Number(b.lo) - 1} were removed`,
      });
    }
    records += follower.records;
    if (base.signatures !== null) base.signatures += follower.signatures;
  }
  // A checkpointed chain with no record left at all.
  for (const pin of pins.values()) {
    return report({
      broken: {
        chainId: pin.chainId,
        seq: pin.seq,
        reason: `it is missing, and so is every record of its chain, but ${pinned(pin)} names it`,
      },
    });
  }
  return report();
}
