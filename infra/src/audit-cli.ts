// `npm run audit -- <command>`: the security office's tools for the audit log.
//   verify [--from ISO] [--to ISO]                      re-compute the chain, name the first broken link
//   export --month YYYY-MM [--out DIR]                  write the month to an archive; prints its chain heads
//   verify-archive FILE [--previous FILE]               verify an archive alone, and its continuity with the month before
//   drop-month --month YYYY-MM --archive FILE           after checking the archive against the database, drop the partition
//   partitions [--ahead N]                              create the monthly partitions of this month and the N next (default 3)
// The database: HUB_AUDIT_READER_URL (and HUB_PG_ADMIN_URL for drop-month; HUB_AUDIT_DB names the audit database
// if not `audit`), or the `npm start` hub in .data/.
// Exit status: 0 when everything verifies, 1 when something is broken, 2 on bad usage.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { REPO_ROOT } from '@hub/schema';
import { ensureAuditPartitions, sqlOf, verifyAuditChain } from './audit';
import { exportMonth, monthRange, readArchiveHeader, verifyArchive } from './audit-archive';
import { dbIdentifier } from './postgres';

function localHub(): { readerUrl: string; adminUrl: string } | undefined {
  const dir = process.env.HUB_DATA_DIR ?? join(REPO_ROOT, '.data');
  const file = join(dir, 'credentials.json');
  if (!existsSync(file)) return undefined;
  const secrets = JSON.parse(readFileSync(file, 'utf8'));
  const port = process.env.HUB_PG_PORT ?? '54329';
  const db = auditDb();
  return {
    readerUrl: `postgres://${db}_reader:${encodeURIComponent(secrets.roles.auditReader)}@127.0.0.1:${port}/${db}`,
    adminUrl: `postgres://postgres:${encodeURIComponent(secrets.postgres)}@127.0.0.1:${port}/postgres`,
  };
}

function databaseUrl(kind: 'reader' | 'admin'): string {
  const url = kind === 'reader' ? process.env.HUB_AUDIT_READER_URL : process.env.HUB_PG_ADMIN_URL;
  const local = localHub();
  const found = url ?? (kind === 'reader' ? local?.readerUrl : local?.adminUrl);
  if (!found) throw new Usage(`set ${kind === 'reader' ? 'HUB_AUDIT_READER_URL' : 'HUB_PG_ADMIN_URL'}, or run this next to a hub started with npm start`);
  return found;
}

class Usage extends Error {}

const auditDb = () => dbIdentifier(process.env.HUB_AUDIT_DB ?? 'audit');

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  try {
    await c.connect();
  } catch (e) {
    throw new Usage(`cannot reach the audit database (${(e as Error).message}); is the hub running?`);
  }
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const instant = (v: string | undefined, name: string): Date | undefined => {
  if (v === undefined) return undefined;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new Usage(`--${name} must be an ISO 8601 date or date-time, got ${JSON.stringify(v)}`);
  return d;
};

export async function run(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { ahead: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, month: { type: 'string' }, out: { type: 'string' }, previous: { type: 'string' }, archive: { type: 'string' } },
  });
  switch (command) {
    case 'verify': {
      const from = instant(values.from, 'from');
      const to = instant(values.to, 'to');
      const report = await withClient(databaseUrl('reader'), (c) => verifyAuditChain(c, { from, to }));
      if (report.ok) {
        out(`OK: ${report.records} records in ${report.chains} chain(s) verify${from || to ? ` (${from?.toISOString() ?? 'start'} to ${to?.toISOString() ?? 'now'})` : ''}.`);
        return 0;
      }
      out(`BROKEN: chain ${report.broken!.chainId}, record ${report.broken!.seq} (event id ${report.broken!.chainId}:${report.broken!.seq}): ${report.broken!.reason}.`);
      return 1;
    }
    case 'export': {
      if (!values.month) throw new Usage('export needs --month YYYY-MM');
      try {
        monthRange(values.month);
      } catch (e) {
        throw new Usage((e as Error).message);
      }
      const file = join(values.out ?? process.cwd(), `audit-${values.month}.jsonl.gz`);
      const header = await withClient(databaseUrl('reader'), (c) => exportMonth(sqlOf(c), values.month!, file));
      out(`Wrote ${file}: ${header.records} records in ${header.chains.length} chain(s); archive SHA-256 ${header.sha256}.`);
      out('Chain heads (keep these outside the database, e.g. in the signed monthly report):');
      for (const c of header.chains) out(`  ${c.chainId}  records ${c.firstSeq}..${c.lastSeq}  head ${c.head}`);
      return 0;
    }
    case 'verify-archive': {
      const file = positionals[0];
      if (!file) throw new Usage('verify-archive needs the archive file');
      const previous = values.previous ? await readArchiveHeader(values.previous) : undefined;
      const report = await verifyArchive(file, previous);
      if (!report.ok) {
        out(`BROKEN: ${report.problem}${report.broken ? `: chain ${report.broken.chainId}, record ${report.broken.seq}: ${report.broken.reason}` : ''}.`);
        return 1;
      }
      out(`OK: ${report.month}: ${report.records} records in ${report.chains} chain(s) verify.`);
      if (report.unanchored.length) out(`  Anchors not checked (pass --previous with the month before): ${report.unanchored.join(', ')}`);
      return 0;
    }
    case 'drop-month': {
      if (!values.month || !values.archive) throw new Usage('drop-month needs --month YYYY-MM and --archive FILE (made by export)');
      const { from } = monthRange(values.month);
      const report = await verifyArchive(values.archive);
      if (!report.ok || report.month !== values.month) {
        out(`REFUSED: the archive ${report.ok ? `is of ${report.month}` : `does not verify (${report.problem})`}; nothing dropped.`);
        return 1;
      }
      const header = await readArchiveHeader(values.archive);
      const partition = `audit_record_${from.toISOString().slice(0, 7).replace('-', '')}`;
      const admin = new URL(databaseUrl('admin'));
      admin.pathname = `/${auditDb()}`;
      return withClient(admin.toString(), async (c) => {
        // The archive must hold exactly what the partition holds: same chains, same last hashes, same counts.
        const { rows } = await c.query(`select chain_id, count(*)::int n, max(seq) hi from ${partition} group by chain_id order by chain_id`);
        for (const r of rows) {
          const a = header.chains.find((x) => x.chainId === r.chain_id);
          const head = await c.query(`select hash from ${partition} where chain_id = $1 and seq = $2`, [r.chain_id, r.hi]);
          if (!a || a.records !== r.n || a.head !== head.rows[0].hash) {
            out(`REFUSED: the archive does not match the database for chain ${r.chain_id}; nothing dropped.`);
            return 1;
          }
        }
        if (rows.length !== header.chains.length) {
          out('REFUSED: the archive names chains the database does not hold for that month; nothing dropped.');
          return 1;
        }
        await c.query(`set role ${auditDb()}`);
        await c.query(`alter table audit_record detach partition ${partition}`);
        await c.query(`drop table ${partition}`);
        out(`Dropped ${partition} (${header.records} records), archived in ${values.archive}.`);
        return 0;
      });
    }
    case 'partitions': {
      const ahead = Number(values.ahead ?? 3);
      if (!Number.isInteger(ahead) || ahead < 0 || ahead > 24) throw new Usage('--ahead must be a whole number of months from 0 to 24');
      const admin = new URL(databaseUrl('admin'));
      admin.pathname = `/${auditDb()}`;
      await withClient(admin.toString(), async (c) => {
        await c.query(`set role ${auditDb()}`);
        await ensureAuditPartitions(c, ahead);
      });
      out(`Monthly partitions exist from this month to ${ahead} month(s) ahead.`);
      return 0;
    }
    default:
      throw new Usage('commands: partitions [--ahead N] | verify [--from --to] | export --month YYYY-MM [--out DIR] | verify-archive FILE [--previous FILE] | drop-month --month YYYY-MM --archive FILE');
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e instanceof Usage ? `audit: ${e.message}` : `audit: ${(e as Error).message}`);
      process.exit(e instanceof Usage ? 2 : 1);
    },
  );
}
