// `npm run audit -- <command>`: the security office's tools for the audit log.
//   verify [--from ISO] [--to ISO]                      re-compute the chain, check signatures and checkpoints, name the first broken link
//   export --month YYYY-MM [--out DIR]                  write the month to an archive with its checkpoints; prints its chain heads
//   verify-archive FILE [--previous FILE]               verify an archive offline (public key only), and its continuity with the month before
//   drop-month --month YYYY-MM --archive FILE           only for a closed month whose archive verifies and matches the database: drop the partition
//   partitions [--ahead N]                              create the monthly partitions of this month and the N next (default 3)
// Every command that verifies takes --public-key FILE (the gateway's audit signing public key) and --checkpoints DIR
// (the gateway's checkpoint directory, or the operator's shipped copy); next to an `npm start` hub both default to
// its .data/ (keys/audit-signing.pub.pem, audit-checkpoints/), else HUB_AUDIT_PUBLIC_KEY_FILE and HUB_AUDIT_CHECKPOINT_DIR.
// The database: HUB_AUDIT_READER_URL (and HUB_PG_ADMIN_URL for drop-month; HUB_AUDIT_DB names the audit database
// if not `audit`), or the `npm start` hub in .data/.
// Exit status: 0 when everything verifies, 1 when something is broken or refused, 2 on bad usage.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { z } from 'zod';
import { ConfigError, defineConfig, parseConfig, port, url } from '@hub/runtime';
import { REPO_ROOT } from '@hub/schema';
import { auditPublicKey, keyFingerprint, loadCheckpoints, sqlOf, verifyAuditChain } from '@hub/audit-chain';
import { exportMonth, monthRange, readArchiveHeader, verifyArchive } from './audit-archive';
import { ensureAuditPartitions } from './audit-store';
import { dbIdentifier } from './postgres';

/** A month may be dropped this long after it ended at the earliest: gateways' clocks may differ by minutes. */
export const CLOSED_AFTER_MS = 60 * 60 * 1000;

/** The CLI's environment, read at every run; next to an `npm start` hub everything defaults to its .data/. */
const cliSettings = defineConfig({
  vars: {
    HUB_DATA_DIR: z.string().default(join(REPO_ROOT, '.data')),
    HUB_AUDIT_PUBLIC_KEY_FILE: z.string().optional(),
    HUB_AUDIT_CHECKPOINT_DIR: z.string().optional(),
    HUB_AUDIT_READER_URL: url('a postgres:// URL of the audit store as its reader').optional(),
    HUB_PG_ADMIN_URL: url('a postgres:// URL of a PostgreSQL superuser').optional(),
    HUB_PG_PORT: port(54329, { min: 1 }),
    HUB_AUDIT_DB: z.string().default('audit'),
  },
  build: (c) => ({
    dataDir: c.HUB_DATA_DIR,
    publicKeyFile: c.HUB_AUDIT_PUBLIC_KEY_FILE ?? join(c.HUB_DATA_DIR, 'keys', 'audit-signing.pub.pem'),
    checkpointDir: c.HUB_AUDIT_CHECKPOINT_DIR ?? join(c.HUB_DATA_DIR, 'audit-checkpoints'),
    readerUrl: c.HUB_AUDIT_READER_URL,
    adminUrl: c.HUB_PG_ADMIN_URL,
    pgPort: c.HUB_PG_PORT,
    auditDb: dbIdentifier(c.HUB_AUDIT_DB),
  }),
});
type CliConfig = ReturnType<typeof cliSettings.build>;

/** The gateway's audit signing public key (PEM): --public-key, HUB_AUDIT_PUBLIC_KEY_FILE, or the local hub's. */
function publicKeyOf(flag: string | undefined, config: CliConfig): string {
  const file = flag ?? config.publicKeyFile;
  if (!existsSync(file)) throw new Usage(`no audit public key at ${file}: pass --public-key FILE (the gateway's audit signing public key)`);
  const pem = readFileSync(file, 'utf8');
  try {
    auditPublicKey(pem);
  } catch (e) {
    throw new Usage(`${file} is not the audit signing public key: ${(e as Error).message}`);
  }
  return pem;
}

/** The checkpoint directory: --checkpoints, HUB_AUDIT_CHECKPOINT_DIR, or the local hub's. */
const checkpointsOf = (flag: string | undefined, config: CliConfig): string => flag ?? config.checkpointDir;

function localHub(config: CliConfig): { readerUrl: string; adminUrl: string } | undefined {
  const file = join(config.dataDir, 'credentials.json');
  if (!existsSync(file)) return undefined;
  const secrets = JSON.parse(readFileSync(file, 'utf8'));
  const db = config.auditDb;
  return {
    readerUrl: `postgres://${db}_reader:${encodeURIComponent(secrets.roles.auditReader)}@127.0.0.1:${config.pgPort}/${db}`,
    adminUrl: `postgres://postgres:${encodeURIComponent(secrets.postgres)}@127.0.0.1:${config.pgPort}/postgres`,
  };
}

function databaseUrl(kind: 'reader' | 'admin', config: CliConfig): string {
  const url = kind === 'reader' ? config.readerUrl : config.adminUrl;
  const local = localHub(config);
  const found = url ?? (kind === 'reader' ? local?.readerUrl : local?.adminUrl);
  if (!found)
    throw new Usage(
      `set ${kind === 'reader' ? 'HUB_AUDIT_READER_URL' : 'HUB_PG_ADMIN_URL'}, or run this next to a hub started with npm start`,
    );
  return found;
}

class Usage extends Error {}

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

export async function run(
  argv: string[],
  out: (line: string) => void = console.log,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const config = parseConfig(env, cliSettings);
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      ahead: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      month: { type: 'string' },
      out: { type: 'string' },
      previous: { type: 'string' },
      archive: { type: 'string' },
      'public-key': { type: 'string' },
      checkpoints: { type: 'string' },
    },
  });
  switch (command) {
    case 'verify': {
      const from = instant(values.from, 'from');
      const to = instant(values.to, 'to');
      const publicKey = publicKeyOf(values['public-key'], config);
      const dir = checkpointsOf(values.checkpoints, config);
      const loaded = await loadCheckpoints(dir, publicKey, { from, to });
      const report = await withClient(databaseUrl('reader', config), (c) =>
        verifyAuditChain(c, { from, to }, { publicKey, pins: loaded.pins, checkpointProblems: loaded.problems }),
      );
      if (!report.ok) {
        if (report.broken)
          out(
            `BROKEN: chain ${report.broken.chainId}, record ${report.broken.seq} (event id ${report.broken.chainId}:${report.broken.seq}): ${report.broken.reason}.`,
          );
        else out(`BROKEN: ${report.problem}.`);
        return 1;
      }
      out(
        `OK: ${report.records} records in ${report.chains} chain(s) verify${from || to ? ` (${from?.toISOString() ?? 'start'} to ${to?.toISOString() ?? 'now'})` : ''}.`,
      );
      out(`  Signatures: ${report.signatures} batch signature(s) verify with key ${keyFingerprint(publicKey)}.`);
      out(
        loaded.checkpoints
          ? `  Checkpoints: ${loaded.checkpoints} read from ${dir}, latest ${loaded.latest}; ${report.checkpointed} checkpointed head(s) found. Records committed after the latest checkpoint are covered by signatures only (a cut there is not detectable).`
          : `  Checkpoints: none in ${dir}: a chain cut after a signed batch would not be detected.`,
      );
      if (report.outcomeUnknown)
        out(`  Outcome unknown: ${report.outcomeUnknown} mutation intent(s) with no outcome record (not a broken link).`);
      return 0;
    }
    case 'export': {
      if (!values.month) throw new Usage('export needs --month YYYY-MM');
      try {
        monthRange(values.month);
      } catch (e) {
        throw new Usage((e as Error).message);
      }
      const file = join(values.out ?? process.cwd(), `audit-${values.month}.jsonl.gz`);
      const publicKey = publicKeyOf(values['public-key'], config);
      const header = await withClient(databaseUrl('reader', config), (c) =>
        exportMonth(sqlOf(c), values.month!, file, { publicKey, checkpoints: checkpointsOf(values.checkpoints, config) }),
      );
      out(`Wrote ${file}: ${header.records} records in ${header.chains.length} chain(s); archive SHA-256 ${header.sha256}.`);
      out(`  Signed with key ${header.key}; ${header.checkpoints.length} checkpoint(s) included.`);
      for (const p of header.checkpointProblems) out(`  WARNING: ${p}`);
      out('Chain heads (keep these outside the database, e.g. in the signed monthly report):');
      for (const c of header.chains) out(`  ${c.chainId}  records ${c.firstSeq}..${c.lastSeq}  head ${c.head}`);
      return 0;
    }
    case 'verify-archive': {
      const file = positionals[0];
      if (!file) throw new Usage('verify-archive needs the archive file');
      const publicKey = publicKeyOf(values['public-key'], config);
      const previous = values.previous ? await readArchiveHeader(values.previous) : undefined;
      // Offline: the archive and the public key (and the operator's checkpoints when given), no database.
      const report = await verifyArchive(file, { publicKey, previous, checkpoints: values.checkpoints });
      if (!report.ok) {
        out(
          `BROKEN: ${report.problem}${report.broken ? `: chain ${report.broken.chainId}, record ${report.broken.seq}: ${report.broken.reason}` : ''}.`,
        );
        return 1;
      }
      out(`OK: ${report.month}: ${report.records} records in ${report.chains} chain(s) verify.`);
      if (report.unanchored.length) out(`  Anchors not checked (pass --previous with the month before): ${report.unanchored.join(', ')}`);
      for (const u of report.unpinned)
        out(`  Not covered by a checkpoint (a cut there is not detectable): chain ${u.chainId}, records ${u.fromSeq}..${u.toSeq}`);
      return 0;
    }
    case 'drop-month': {
      if (!values.month || !values.archive) throw new Usage('drop-month needs --month YYYY-MM and --archive FILE (made by export)');
      let range: { from: Date; to: Date };
      try {
        range = monthRange(values.month);
      } catch (e) {
        throw new Usage((e as Error).message);
      }
      // Closed: strictly before the current UTC month, ended long enough ago that no gateway still stamps it.
      if (range.to.getTime() + CLOSED_AFTER_MS > Date.now()) {
        out(
          `REFUSED: ${values.month} is not closed (only a month that ended more than ${CLOSED_AFTER_MS / 60_000} minutes ago may be dropped); nothing dropped.`,
        );
        return 1;
      }
      const publicKey = publicKeyOf(values['public-key'], config);
      const report = await verifyArchive(values.archive, { publicKey, checkpoints: checkpointsOf(values.checkpoints, config) });
      if (!report.ok || report.month !== values.month) {
        out(`REFUSED: the archive ${report.ok ? `is of ${report.month}` : `does not verify (${report.problem})`}; nothing dropped.`);
        return 1;
      }
      const header = await readArchiveHeader(values.archive);
      const partition = `audit_record_${range.from.toISOString().slice(0, 7).replace('-', '')}`;
      const admin = new URL(databaseUrl('admin', config));
      admin.pathname = `/${config.auditDb}`;
      return withClient(admin.toString(), async (c) => {
        const [{ exists }] = (await c.query('select to_regclass($1) is not null as exists', [partition])).rows;
        if (!exists) {
          out(`REFUSED: there is no partition ${partition}; nothing dropped.`);
          return 1;
        }
        // Every record of the month must be in its partition (none left in the default one) ...
        const [{ all, held }] = (
          await c.query(
            `select (select count(*)::int from audit_record where at >= $1 and at < $2) all, (select count(*)::int from ${partition}) held`,
            [range.from, range.to],
          )
        ).rows;
        if (all !== held) {
          out(
            `REFUSED: ${all - held} record(s) of ${values.month} are outside ${partition} (in the default partition: run partitions first); nothing dropped.`,
          );
          return 1;
        }
        // ... verify in the database as they do in the archive, signatures included ...
        const inDb = await verifyAuditChain(c, range, { publicKey });
        if (!inDb.ok) {
          out(
            `REFUSED: ${values.month} does not verify in the database (${inDb.broken ? `chain ${inDb.broken.chainId}, record ${inDb.broken.seq}: ${inDb.broken.reason}` : inDb.problem}); nothing dropped.`,
          );
          return 1;
        }
        // ... and be exactly what the archive holds: same chains, from the same anchor to the same head, same counts.
        const { rows } = await c.query(
          `select b.chain_id, b.lo, b.hi, b.n, f.prev_hash anchor, l.hash head
             from (select chain_id, min(seq) lo, max(seq) hi, count(*)::int n from ${partition} group by chain_id) b
             join ${partition} f on f.chain_id = b.chain_id and f.seq = b.lo
             join ${partition} l on l.chain_id = b.chain_id and l.seq = b.hi order by b.chain_id`,
        );
        for (const r of rows) {
          const a = header.chains.find((x) => x.chainId === r.chain_id);
          if (
            !a ||
            a.records !== r.n ||
            a.firstSeq !== Number(r.lo) ||
            a.lastSeq !== Number(r.hi) ||
            a.anchor !== r.anchor ||
            a.head !== r.head
          ) {
            out(`REFUSED: the archive does not match the database for chain ${r.chain_id}; nothing dropped.`);
            return 1;
          }
        }
        if (rows.length !== header.chains.length) {
          out('REFUSED: the archive names chains the database does not hold for that month; nothing dropped.');
          return 1;
        }
        await c.query(`set role ${config.auditDb}`);
        await c.query(`alter table audit_record detach partition ${partition}`);
        await c.query(`drop table ${partition}`);
        out(`Dropped ${partition} (${header.records} records), archived in ${values.archive}.`);
        return 0;
      });
    }
    case 'partitions': {
      const ahead = Number(values.ahead ?? 3);
      if (!Number.isInteger(ahead) || ahead < 0 || ahead > 24) throw new Usage('--ahead must be a whole number of months from 0 to 24');
      const admin = new URL(databaseUrl('admin', config));
      admin.pathname = `/${config.auditDb}`;
      const { moved } = await withClient(admin.toString(), async (c) => {
        await c.query(`set role ${config.auditDb}`);
        return ensureAuditPartitions(c, ahead);
      });
      out(`Monthly partitions exist from this month to ${ahead} month(s) ahead.`);
      if (moved) out(`  Moved ${moved} record(s) from the default partition into their month's partition (as stored: they still verify).`);
      return 0;
    }
    default:
      throw new Usage(
        'commands: partitions [--ahead N] | verify [--from --to] | export --month YYYY-MM [--out DIR] | verify-archive FILE [--previous FILE] | drop-month --month YYYY-MM --archive FILE; ' +
          'verify, export, verify-archive and drop-month take [--public-key FILE] [--checkpoints DIR]',
      );
  }
}

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`audit: ${(e as Error).message}`);
      process.exit(e instanceof Usage || e instanceof ConfigError ? 2 : 1);
    },
  );
}
