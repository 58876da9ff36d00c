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

/** Re-computes every record's hash in [from, to) chain by chain, in sequence order. */
export async function verifyAuditChain(c: ClientBase, range: { from?: Date; to?: Date } = {}): Promise<ChainReport> {
  const { rows } = await c.query(
    `select * from audit_record where ($1::timestamptz is null or at >= $1) and ($2::timestamptz is null or at < $2) order by chain_id, seq`,
    [range.from ?? null, range.to ?? null],
  );
  let chain = '';
  let prev = '';
  let expectedSeq = 0;
  let chains = 0;
  for (const r of rows) {
    if (r.chain_id !== chain) {
      chain = r.chain_id;
      chains += 1;
      expectedSeq = Number(r.seq);
      prev = expectedSeq === 1 ? genesisHash(chain) : r.prev_hash; // a range may start mid-chain
    }
    const seq = Number(r.seq);
    const broken = (at: number, reason: string): ChainReport => ({ ok: false, records: rows.length, chains, broken: { chainId: chain, seq: at, reason } });
    if (seq !== expectedSeq) return broken(expectedSeq, `record ${expectedSeq} is missing (found ${seq} next)`);
    if (r.prev_hash !== prev) return broken(seq, 'it does not follow the record before it (previous hash differs)');
    const content: AuditContent = {
      chainId: r.chain_id,
      seq,
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
    if (auditHash(prev, content) !== r.hash) return broken(seq, 'its content does not match its hash (changed after it was written)');
    prev = r.hash;
    expectedSeq += 1;
  }
  return { ok: true, records: rows.length, chains };
}
