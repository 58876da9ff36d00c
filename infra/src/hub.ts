// The whole hub as a process tree: PostgreSQL (embedded, or external by admin URL), a database and role per
// subgraph, every subgraph on its own port (each in its own Node process, or all in one: `subgraphProcesses`) and
// the gateway in its own. Used by `npm start`
// and by the benchmarks; stop() stops the services first and PostgreSQL last. The development loop (dev-loop.ts)
// restarts one service at a time (same port, same environment) and has the gateway reload its supergraph, while
// PostgreSQL and the other services keep running.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync, type WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { envVar, portFrom, SUBGRAPHS, REPO_ROOT } from '@hub/schema';
import { generateAuditSigningKeyPair, generateContextKeyPair, generateHistoryKey } from './keys';
import { externalPostgres, provisionDatabases, startEmbeddedPostgres, type PgServer } from './postgres';
import { provisionAuditStore } from './audit-store';

export interface HubOptions {
  dataDir: string;
  pgPort: number;
  pgAdminUrl?: string;
  gatewayPort: number;
  subgraphBasePort: number;
  seed: 'none' | 'demo';
  /** A ready database URL per subgraph name, overriding provisioning. */
  dbUrls?: Record<string, string>;
  /** Extra arguments for every service's node process (a profiler's `--cpu-prof`, say). */
  nodeArgs?: string[];
  /** Extra environment for the gateway. */
  gatewayEnv?: Record<string, string>;
  /** Extra environment for every subgraph (HUB_MAX_PAGE_SIZE for a benchmark's large pages, say). */
  subgraphEnv?: Record<string, string>;
  /**
   * `each` (the default): every subgraph in its own Node process, as deployed (one per container). `shared`: all of
   * them in one process (`serve a b c…`), each on its own port with its own database, to spare memory on a small
   * machine: `npm start`'s default. Its log still has one file per subgraph; a restart restarts them all.
   */
  subgraphProcesses?: 'each' | 'shared';
  /** Every log line of every service (JSON), for the caller to show or not. */
  onLine?: (service: string, line: string) => void;
  /** Called if a service exits while the hub is not stopping it (nor restarting it: `restart` reports that itself). */
  onExit?: (service: string, code: number | null, signal: NodeJS.Signals | null) => void;
}

export interface Hub {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  logDir: string;
  pg: PgServer;
  /** The audit store as security staff read it (SELECT only). */
  auditReaderUrl: string;
  /** The audit store as the gateway writes it (INSERT only). */
  auditWriterUrl: string;
  /** Process id of each running service, by name (benchmarks read their memory). */
  pids(): Record<string, number>;
  /** Starts another gateway process on `port` with extra environment (benchmarks compare gateways). */
  startGateway(name: string, port: number, env?: Record<string, string>): Promise<string>;
  /**
   * Stops one service (SIGTERM, waiting for it to exit) and starts it again on the same port with the same
   * environment (a subgraph migrates and runs its seed steps not yet applied as it starts); resolves once it answers
   * /health, with the milliseconds it took, or rejects naming its log if it exits or does not answer first.
   */
  restart(name: string): Promise<number>;
  /**
   * Has the gateway `name` read its supergraph file again (SIGHUP) and waits until its /health/live names the
   * supergraph of hash `supergraph`; resolves with the milliseconds it took, or rejects (the gateway kept the old one).
   */
  reloadGateway(supergraph: string, name?: string): Promise<number>;
  stop(): Promise<void>;
}

export async function startHub(opts: HubOptions): Promise<Hub> {
  const dataDir = resolve(opts.dataDir);
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const secrets = loadSecrets(dataDir);
  const keys = signingKeys(dataDir, 'context-signing');
  const sessionKeys = signingKeys(dataDir, 'session-signing');
  // The gateway signs audit batches and checkpoints (Ed25519); verifiers get the public key only.
  const auditKeys = signingKeys(dataDir, 'audit-signing', generateAuditSigningKeyPair);
  const auditCheckpointDir = join(dataDir, 'audit-checkpoints');
  const children: Child[] = [];
  let stopping = false;
  let pg: PgServer | undefined;

  /**
   * `entry`: the script and its arguments (`['gateway/src/main.ts']`, `['subgraphs/kit/src/bin/serve.ts', name]`);
   * `healthUrls`: where it answers once ready; `members`: the services it runs when it runs several (their JSON log
   * lines go to each one's own file, by the line's `service`). A restart spawns the same again.
   */
  const logs = new Map<string, WriteStream>();
  const logOf = (name: string) => {
    if (!logs.has(name)) logs.set(name, createWriteStream(join(logDir, `${name}.log`), { flags: 'a' }));
    return logs.get(name)!;
  };
  const spawnService = (
    name: string,
    entry: string[],
    env: Record<string, string>,
    healthUrls: string[],
    members: string[] = [name],
  ): Child => {
    const previous = children.find((c) => c.name === name);
    const log = logOf(name);
    const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--conditions=development', '--import', 'tsx', ...entry], {
      cwd: REPO_ROOT,
      // The services run as deployed (graphql-js skips its development-mode checks, a tenth of the CPU of a large
      // input), under `npm start`, the tests and the benchmarks alike; an explicit NODE_ENV in `env` still wins.
      env: { ...process.env, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [proc.stdout!, proc.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        const service = members.length > 1 ? memberOf(line, members) : name;
        (service === name ? log : logOf(service)).write(`${line}\n`);
        opts.onLine?.(service, line);
        for (const listen of child.listeners) listen(line);
      });
    }
    const child: Child = { name, members, entry, env, healthUrls, proc, log, restarting: false, listeners: new Set() };
    proc.on('exit', (code, signal) => {
      if (!stopping && !child.restarting) opts.onExit?.(name, code, signal);
    });
    if (previous) children[children.indexOf(previous)] = child;
    else children.push(child);
    return child;
  };
  const childNamed = (name: string): Child => {
    const child = children.find((c) => c.name === name) ?? children.find((c) => c.members.includes(name));
    if (!child) throw new Error(`no service named ${name} (${children.map((c) => c.name).join(', ')})`);
    return child;
  };

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all(children.map(({ proc }) => stopProcess(proc)));
    for (const l of logs.values()) l.end();
    if (pg) await pg.stop().catch(() => undefined);
  };

  const restart = async (name: string): Promise<number> => {
    const started = Date.now();
    const old = childNamed(name);
    old.restarting = true;
    await stopProcess(old.proc);
    if (stopping) throw new Error('stopping');
    const child = spawnService(old.name, old.entry, old.env, old.healthUrls, old.members);
    // Until it answers, an exit is this restart's failure, reported by it, not the caller's onExit.
    child.restarting = true;
    try {
      await Promise.all(
        child.healthUrls.map((url, i) =>
          waitHealthy(
            child.members[i] ?? child.name,
            url,
            logDir,
            () => stopping,
            60000,
            () => exitOf(child.proc),
          ),
        ),
      );
    } finally {
      child.restarting = false;
    }
    if (exitOf(child.proc)) opts.onExit?.(child.name, child.proc.exitCode, child.proc.signalCode);
    return Date.now() - started;
  };

  const reloadGateway = async (supergraph: string, name = 'gateway'): Promise<number> => {
    const started = Date.now();
    const child = childNamed(name);
    const live = child.healthUrls[0].replace(/\/health$/, '/health/live');
    // The gateway logs why it kept the old supergraph: no need to wait for the deadline then.
    let refused: string | undefined;
    const listen = (line: string) => {
      if (line.includes('supergraph reload failed')) refused = line;
    };
    child.listeners.add(listen);
    child.proc.kill('SIGHUP');
    const until = Date.now() + 30000;
    let served: string | undefined;
    try {
      while (Date.now() < until && !stopping && !exitOf(child.proc) && !refused) {
        try {
          const r = await fetch(live, { signal: AbortSignal.timeout(1000) });
          served = ((await r.json()) as { supergraph?: string }).supergraph;
          if (served === supergraph) return Date.now() - started;
        } catch {
          /* answering again in a moment */
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      child.listeners.delete(listen);
    }
    if (refused) throw new Error(`${name} kept the supergraph it had: ${refused}`);
    throw new Error(`${name} still serves supergraph ${served ?? '(no answer)'}, not ${supergraph}: see ${join(logDir, `${name}.log`)}`);
  };

  try {
    if (opts.pgAdminUrl) {
      pg = externalPostgres(opts.pgAdminUrl);
    } else {
      const pgLog = createWriteStream(join(logDir, 'postgres.log'), { flags: 'a' });
      pg = await startEmbeddedPostgres({
        dataDir: join(dataDir, 'pg'),
        port: opts.pgPort,
        password: secrets.postgres,
        onLog: (line) => pgLog.write(line.endsWith('\n') ? line : `${line}\n`),
      });
    }
    const urls = await provisionDatabases(pg.adminUrl, [
      ...SUBGRAPHS.filter((s) => s.database === 'own').map((s) => ({ name: s.name, password: secrets.roles[s.name] })),
      { name: 'audit', password: secrets.roles.audit },
    ]);

    const auditStore = await provisionAuditStore(pg.adminUrl, { writer: secrets.roles.auditWriter, reader: secrets.roles.auditReader });
    const subgraphUrls: Record<string, string> = {};
    const subgraphEnv: Record<string, Record<string, string>> = {};
    for (const s of SUBGRAPHS) {
      // Each subgraph keeps its declared port's offset from the base: a port never depends on a list position.
      const port = portFrom(s, opts.subgraphBasePort);
      subgraphUrls[s.name] = `http://127.0.0.1:${port}/graphql`;
      subgraphEnv[s.name] = {
        PORT: String(port),
        HUB_DB_URL: opts.dbUrls?.[s.name] ?? (s.database === 'audit-store' ? auditStore.readerUrl : urls[s.name]),
        HUB_SEED: opts.seed,
        HUB_MIGRATE: '1',
        HUB_CONTEXT_PUBLIC_KEY_FILE: keys.publicKeyFile,
        HUB_HISTORY_KEY_FILE: historyKeyFile(dataDir, s.name),
        ...(s.database === 'audit-store'
          ? { HUB_AUDIT_PUBLIC_KEY_FILE: auditKeys.publicKeyFile, HUB_AUDIT_CHECKPOINT_DIR: auditCheckpointDir }
          : {}),
        ...opts.subgraphEnv,
      };
    }
    const healthOf = (name: string) => subgraphUrls[name].replace(/\/graphql$/, '/health');
    if (opts.subgraphProcesses === 'shared') {
      const names = SUBGRAPHS.map((s) => s.name);
      spawnService(
        'subgraphs',
        ['subgraphs/kit/src/bin/serve.ts', ...names],
        Object.fromEntries(names.map((n) => [envVar('HUB_SERVE_ENV', n), JSON.stringify(subgraphEnv[n])])),
        names.map(healthOf),
        names,
      );
    } else {
      for (const s of SUBGRAPHS) spawnService(s.name, ['subgraphs/kit/src/bin/serve.ts', s.name], subgraphEnv[s.name], [healthOf(s.name)]);
    }
    await Promise.all(
      SUBGRAPHS.map((s) => waitHealthy(s.name, subgraphUrls[s.name].replace(/\/graphql$/, '/health'), logDir, () => stopping)),
    );

    const startGateway = async (name: string, port: number, env: Record<string, string> = {}) => {
      const url = `http://127.0.0.1:${port}`;
      spawnService(
        name,
        ['gateway/src/main.ts'],
        {
          PORT: String(port),
          HUB_CONTEXT_PRIVATE_KEY_FILE: keys.privateKeyFile,
          HUB_SESSION_PRIVATE_KEY_FILE: sessionKeys.privateKeyFile,
          HUB_AUDIT_DB_URL: auditStore.writerUrl,
          HUB_AUDIT_SIGNING_KEY_FILE: auditKeys.privateKeyFile,
          HUB_AUDIT_CHECKPOINT_DIR: auditCheckpointDir,
          ...Object.fromEntries(SUBGRAPHS.map((s) => [envVar('HUB_SUBGRAPH_URL', s.name), subgraphUrls[s.name]])),
          ...opts.gatewayEnv,
          ...env,
        },
        [`${url}/health`],
      );
      await waitHealthy(name, `${url}/health`, logDir, () => stopping);
      return url;
    };
    const gatewayUrl = await startGateway('gateway', opts.gatewayPort);
    // A process that runs several subgraphs is named by each of them.
    const pids = () =>
      Object.fromEntries(
        children.filter((c) => c.proc.pid && c.proc.exitCode === null).flatMap((c) => c.members.map((m) => [m, c.proc.pid!] as const)),
      );
    return {
      gatewayUrl,
      subgraphUrls,
      logDir,
      pg,
      auditReaderUrl: auditStore.readerUrl,
      auditWriterUrl: auditStore.writerUrl,
      pids,
      startGateway,
      restart,
      reloadGateway,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

interface Child {
  name: string;
  /** The services it runs: itself, or the subgraphs of a shared process. */
  members: string[];
  entry: string[];
  env: Record<string, string>;
  healthUrls: string[];
  proc: ChildProcess;
  log: WriteStream;
  /** Stopped by a restart, or starting again in one: its exit is not the caller's to hear of. */
  restarting: boolean;
  /** Who else reads its log lines for now (a reload waiting for its outcome). */
  listeners: Set<(line: string) => void>;
}

/** The service a log line of a shared process is from: its JSON `service`, or the process itself. */
function memberOf(line: string, members: string[]): string {
  const m = /"service":"([^"]+)"/.exec(line);
  return m && members.includes(m[1]) ? m[1] : 'subgraphs';
}

/** How a process ended, if it has ("exit code 1", "SIGKILL"). */
const exitOf = (proc: ChildProcess): string | undefined =>
  proc.exitCode !== null ? `exit code ${proc.exitCode}` : (proc.signalCode ?? undefined);

/** SIGTERM, then SIGKILL after 10 s; resolves once the process has exited. */
function stopProcess(proc: ChildProcess): Promise<void> {
  return new Promise<void>((res) => {
    if (exitOf(proc)) return res();
    const force = setTimeout(() => proc.kill('SIGKILL'), 10000);
    proc.once('exit', () => {
      clearTimeout(force);
      res();
    });
    proc.kill('SIGTERM');
  });
}

/** Passwords are made on first start and kept under the data folder (mode 600), so a restart reuses the data. */
function loadSecrets(dataDir: string): { postgres: string; roles: Record<string, string> } {
  const file = join(dataDir, 'credentials.json');
  const current = existsSync(file)
    ? JSON.parse(readFileSync(file, 'utf8'))
    : { postgres: randomBytes(18).toString('base64url'), roles: {} };
  for (const s of SUBGRAPHS) if (s.database === 'own') current.roles[s.name] ??= randomBytes(18).toString('base64url');
  current.roles.audit ??= randomBytes(18).toString('base64url');
  current.roles.auditWriter ??= randomBytes(18).toString('base64url');
  current.roles.auditReader ??= randomBytes(18).toString('base64url');
  writeFileSync(file, JSON.stringify(current, null, 2), { mode: 0o600 });
  return current;
}

/**
 * The gateway's key pairs, made on first start: `context-signing` (the gateway signs context tokens, subgraphs
 * verify), `session-signing` (the gateway signs sign-in tokens and publishes the public key as JWKS) and
 * `audit-signing` (Ed25519: the gateway signs audit batches and checkpoints; the CLI and the audit subgraph verify).
 */
function signingKeys(dataDir: string, name: string, generate = generateContextKeyPair): { privateKeyFile: string; publicKeyFile: string } {
  const dir = join(dataDir, 'keys');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const privateKeyFile = join(dir, `${name}.key.pem`);
  const publicKeyFile = join(dir, `${name}.pub.pem`);
  if (!existsSync(privateKeyFile) || !existsSync(publicKeyFile)) {
    const pair = generate();
    writeFileSync(privateKeyFile, pair.privateKey, { mode: 0o600 });
    writeFileSync(publicKeyFile, pair.publicKey, { mode: 0o644 });
  }
  return { privateKeyFile, publicKeyFile };
}

/**
 * A subgraph's change-history key, made on first start (mode 600): losing it makes the PERSONAL values already in
 * its history unreadable, so it is kept with the data, like the signing keys.
 */
function historyKeyFile(dataDir: string, subgraph: string): string {
  const dir = join(dataDir, 'keys');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `history-${subgraph}.key`);
  if (!existsSync(file)) writeFileSync(file, `${generateHistoryKey()}\n`, { mode: 0o600 });
  return file;
}

async function waitHealthy(
  name: string,
  url: string,
  logDir: string,
  stopping: () => boolean,
  timeoutMs = 60000,
  exited: () => string | undefined = () => undefined,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (stopping()) throw new Error('stopping');
    const how = exited();
    if (how) throw new Error(`${name} exited (${how}) before it answered ${url}; see ${join(logDir, `${name}.log`)}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${name} did not become healthy within ${timeoutMs / 1000} s; see ${join(logDir, `${name}.log`)}`);
}
