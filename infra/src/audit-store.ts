// The audit store: one PostgreSQL database (`hub_audit`) where the gateway may only INSERT and readers may only
// SELECT, with monthly partitions that allow retention by month. What is in a record, and how the chain of records is
// verified, is @hub/audit-chain's.
import { Client, type ClientBase } from 'pg';
import { databaseUrl, dbIdentifier, externalPostgres } from './postgres';

const monthStart = (d: Date, add = 0) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1));
const ym = (d: Date) => `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

/**
 * Creates partitions for the current month and the next `ahead` months (the owner runs this, e.g. daily; the hub at
 * every start). Records that arrived while their month had no partition are in the default partition, which would
 * make creating it fail (and the hub refuse to start): they are moved into the new partition in one transaction,
 * as stored (their hashes and signatures unchanged), so the chains still verify.
 */
export async function ensureAuditPartitions(c: ClientBase, ahead = 2, now = new Date()): Promise<{ created: string[]; moved: number }> {
  const created: string[] = [];
  let moved = 0;
  for (let i = 0; i <= ahead; i++) {
    const from = monthStart(now, i);
    const to = monthStart(now, i + 1);
    const name = `audit_record_${ym(from)}`;
    const [{ exists }] = (await c.query('select to_regclass($1) is not null as exists', [name])).rows;
    if (exists) continue;
    const range = `for values from ('${from.toISOString()}') to ('${to.toISOString()}')`;
    const [{ n }] = (await c.query('select count(*)::int n from audit_record_default where at >= $1 and at < $2', [from, to])).rows;
    if (!n) {
      await c.query(`create table if not exists ${name} partition of audit_record ${range}`);
    } else {
      await c.query('begin');
      try {
        await c.query(`create table ${name} (like audit_record including defaults including constraints)`);
        await c.query(`insert into ${name} select * from audit_record_default where at >= $1 and at < $2`, [from, to]);
        await c.query('delete from audit_record_default where at >= $1 and at < $2', [from, to]);
        await c.query(`alter table audit_record attach partition ${name} ${range}`);
        await c.query('commit');
      } catch (e) {
        await c.query('rollback');
        throw e;
      }
      moved += n;
    }
    created.push(name);
  }
  return { created, moved };
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
    for (const [role, pw] of [
      [AUDIT_WRITER, passwords.writer],
      [AUDIT_READER, passwords.reader],
    ] as const) {
      const exists = await admin.query('select 1 from pg_roles where rolname = $1', [role]);
      await admin.query(
        `${exists.rowCount ? 'alter' : 'create'} role ${role} with login nosuperuser nocreatedb nocreaterole password '${pw.replace(/'/g, "''")}'`,
      );
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
    // Added with the signed chain (issue 13); on the parent, so every partition has them.
    await c.query(`alter table audit_record
      add column if not exists signature text,
      add column if not exists escaped boolean not null default false,
      add column if not exists unstorable text`);
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
