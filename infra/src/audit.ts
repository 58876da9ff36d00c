// The audit store: one PostgreSQL database (`hub_audit`) where the gateway may only INSERT and readers may only
// SELECT; records are hash-chained (each names the hash of the one before) so that changing, deleting or
// reordering one is detected by verifyAuditChain, which names the first broken link. Monthly partitions allow
// retention by month.
import { createHash } from 'node:crypto';
import { Client, type ClientBase } from 'pg';
import { databaseUrl, dbIdentifier, externalPostgres } from './postgres';


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

const monthStart = (d: Date, add = 0) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1));
const ym = (d: Date) => `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

/** Creates partitions for the current month and the next `ahead` months (the owner runs this, e.g. daily). */
export async function ensureAuditPartitions(c: ClientBase, ahead = 2, now = new Date()): Promise<void> {
  for (let i = 0; i <= ahead; i++) {
    const from = monthStart(now, i);
    const to = monthStart(now, i + 1);
    await c.query(
      `create table if not exists audit_record_${ym(from)} partition of audit_record for values from ('${from.toISOString()}') to ('${to.toISOString()}')`,
    );
  }
}

/**
 * Roles, table and privileges of the audit database (already created by provisionDatabases as `audit`).
 * Idempotent. Returns the writer's and the reader's connection URLs.
 */
export async function provisionAuditStore(
  adminUrl: string,
  passwords: { writer: string; reader: string },
  name = 'audit',
): Promise<{ writerUrl: string; readerUrl: string; ownerDb: string }> {
  const db = dbIdentifier(name);
  const AUDIT_WRITER = `${db}_writer`;
  const AUDIT_READER = `${db}_reader`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const [role, pw] of [[AUDIT_WRITER, passwords.writer], [AUDIT_READER, passwords.reader]] as const) {
      const exists = await admin.query('select 1 from pg_roles where rolname = $1', [role]);
      await admin.query(`${exists.rowCount ? 'alter' : 'create'} role ${role} with login nosuperuser nocreatedb nocreaterole password '${pw.replace(/'/g, "''")}'`);
      await admin.query(`grant connect on database ${db} to ${role}`);
    }
  } finally {
    await admin.end();
  }
  const u = new URL(adminUrl);
  u.pathname = `/${db}`;
  const c = new Client({ connectionString: u.toString() });
  await c.connect();
  try {
    await c.query(`set role ${db}`);
    await c.query(`create table if not exists audit_record (
      chain_id uuid not null,
      seq bigint not null,
      at timestamptz not null,
      request_id text not null,
      principal jsonb not null,
      client jsonb not null,
      operation jsonb not null,
      variables jsonb,
      requested text[] not null,
      denied jsonb not null,
      personal text[] not null,
      subgraphs text[] not null,
      outcome text not null,
      error_codes text[] not null,
      duration_ms double precision not null,
      response_bytes integer not null,
      prev_hash text not null,
      hash text not null,
      primary key (chain_id, seq, at)
    ) partition by range (at)`);
    await c.query('create table if not exists audit_record_default partition of audit_record default');
    await ensureAuditPartitions(c);
    await c.query('create index if not exists audit_record_at on audit_record (at)');
    // Append-only by privileges: the writer inserts, the reader selects, nobody else gets anything.
    await c.query(`revoke all on audit_record from public, ${AUDIT_WRITER}, ${AUDIT_READER}`);
    await c.query(`grant insert on audit_record to ${AUDIT_WRITER}`);
    await c.query(`grant select on audit_record to ${AUDIT_READER}`);
    await c.query(`grant usage on schema public to ${AUDIT_WRITER}, ${AUDIT_READER}`);
  } finally {
    await c.end();
  }
  const server = externalPostgres(adminUrl);
  const url = (role: string, pw: string) => databaseUrl(server, { name, password: pw }).replace(`//${db}:`, `//${role}:`);
  return { writerUrl: url(AUDIT_WRITER, passwords.writer), readerUrl: url(AUDIT_READER, passwords.reader), ownerDb: db };
}

export interface ChainReport {
  ok: boolean;
  records: number;
  chains: number;
  /** The first broken link, named by chain and sequence number. */
  broken?: { chainId: string; seq: number; reason: string };
}

/** Runs one SQL statement with `$n` parameters and returns its rows (a pg client, pool, or an adapter). */
export type SqlQuery = (sql: string, params: unknown[]) => Promise<Record<string, any>[]>;

export const sqlOf = (c: Pick<ClientBase, 'query'>): SqlQuery => async (sql, params) => (await c.query(sql, params)).rows;

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
  };
}

/**
 * Follows one chain's records in sequence order and checks each link; `anchor` is the hash the first record must
 * follow (the genesis hash when the chain starts at 1; otherwise the first record's own previous hash is trusted,
 * or the head of an earlier archive when one is given).
 */
export class ChainFollower {
  private prev: string | undefined;
  private expectedSeq: number | undefined;
  records = 0;
  head: { seq: number; hash: string } | undefined;

  constructor(
    readonly chainId: string,
    anchor?: string,
  ) {
    this.prev = anchor;
  }

  /** Checks the next record; returns the broken link (the record it names, and why) if there is one. */
  next(r: { seq: number; prevHash: string; hash: string; content: AuditContent }): { seq: number; reason: string } | undefined {
    if (this.expectedSeq === undefined) {
      this.expectedSeq = r.seq;
      this.prev ??= r.seq === 1 ? genesisHash(this.chainId) : r.prevHash;
    }
    if (r.seq !== this.expectedSeq) return { seq: this.expectedSeq, reason: `record ${this.expectedSeq} is missing (found ${r.seq} next)` };
    if (r.prevHash !== this.prev) return { seq: r.seq, reason: 'it does not follow the record before it (previous hash differs)' };
    if (auditHash(this.prev, r.content) !== r.hash) return { seq: r.seq, reason: 'its content does not match its hash (changed after it was written)' };
    this.prev = r.hash;
    this.expectedSeq += 1;
    this.records += 1;
    this.head = { seq: r.seq, hash: r.hash };
    return undefined;
  }
}

const PAGE = 5000;

/**
 * Re-computes the hash of every record of the chains that have records in [from, to), from the first such record
 * of each chain to its last, whatever their timestamps (a record's time is when its request started, its place in
 * the chain when it was committed, so a time window alone could cut a chain). Pages through the rows, so memory
 * stays flat whatever the range.
 */
export async function verifyAuditChain(db: Pick<ClientBase, 'query'> | SqlQuery, range: { from?: Date | null; to?: Date | null } = {}): Promise<ChainReport> {
  const query = typeof db === 'function' ? db : sqlOf(db);
  const bounds = await query(
    `select chain_id, min(seq) as lo, max(seq) as hi from audit_record
      where ($1::timestamptz is null or at >= $1) and ($2::timestamptz is null or at < $2) group by chain_id order by chain_id`,
    [range.from ?? null, range.to ?? null],
  );
  let records = 0;
  for (const b of bounds) {
    const follower = new ChainFollower(b.chain_id);
    let after = Number(b.lo) - 1;
    for (;;) {
      const rows = await query(
        'select * from audit_record where chain_id = $1 and seq > $2 and seq <= $3 order by seq limit $4',
        [b.chain_id, after, b.hi, PAGE],
      );
      for (const r of rows) {
        const seq = Number(r.seq);
        const broken = follower.next({ seq, prevHash: r.prev_hash, hash: r.hash, content: contentOfRow(r) });
        if (broken) return { ok: false, records: records + follower.records, chains: bounds.length, broken: { chainId: b.chain_id, ...broken } };
        after = seq;
      }
      if (rows.length < PAGE) break;
    }
    if (follower.head && follower.head.seq !== Number(b.hi)) {
      return { ok: false, records: records + follower.records, chains: bounds.length, broken: { chainId: b.chain_id, seq: follower.head.seq + 1, reason: `record ${follower.head.seq + 1} is missing` } };
    }
    records += follower.records;
  }
  return { ok: true, records, chains: bounds.length };
}
