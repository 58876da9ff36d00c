// `npm start`: the whole hub on one machine. Starts PostgreSQL (embedded, or the external one configured),
// provisions a database and role per subgraph, starts every subgraph (migrations and demo data on first run)
// and the gateway, each as its own process on its own port, and prints where to go. Ctrl-C stops it all.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync, type WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { SUBGRAPHS, REPO_ROOT } from '@hub/schema';
import { generateContextKeyPair } from './keys';
import { externalPostgres, provisionDatabases, startEmbeddedPostgres, type PgServer } from './postgres';

const started = Date.now();

const env = z
  .object({
    HUB_DATA_DIR: z.string().default(join(REPO_ROOT, '.data')),
    HUB_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    HUB_PG_ADMIN_URL: z.string().url().optional(),
    HUB_GATEWAY_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
    HUB_SUBGRAPH_BASE_PORT: z.coerce.number().int().min(1).max(65000).default(4101),
    HUB_SEED: z.enum(['none', 'demo']).default('demo'),
  })
  .safeParse(process.env);
if (!env.success) {
  console.error(`Invalid configuration:\n${env.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  process.exit(2);
}
const config = env.data;
const dataDir = resolve(config.HUB_DATA_DIR);
const logDir = join(dataDir, 'logs');
mkdirSync(logDir, { recursive: true });

/** Passwords are made on first start and kept under .data/ (mode 600), so a second start reuses the data. */
function secrets(): { postgres: string; roles: Record<string, string> } {
  const file = join(dataDir, 'credentials.json');
  const current = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { postgres: randomBytes(18).toString('base64url'), roles: {} };
  for (const s of SUBGRAPHS) current.roles[s.name] ??= randomBytes(18).toString('base64url');
  current.roles.audit ??= randomBytes(18).toString('base64url');
  writeFileSync(file, JSON.stringify(current, null, 2), { mode: 0o600 });
  return current;
}

/** The gateway's context-token key pair, made on first start: the gateway signs, subgraphs verify. */
function contextKeys(): { privateKeyFile: string; publicKeyFile: string } {
  const dir = join(dataDir, 'keys');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const privateKeyFile = join(dir, 'context-signing.key.pem');
  const publicKeyFile = join(dir, 'context-signing.pub.pem');
  if (!existsSync(privateKeyFile) || !existsSync(publicKeyFile)) {
    const pair = generateContextKeyPair();
    writeFileSync(privateKeyFile, pair.privateKey, { mode: 0o600 });
    writeFileSync(publicKeyFile, pair.publicKey, { mode: 0o644 });
  }
  return { privateKeyFile, publicKeyFile };
}

const children: { name: string; proc: ChildProcess; log: WriteStream }[] = [];
let pg: PgServer | undefined;
let stopping = false;

/** Runs a service with tsx; its JSON log goes to .data/logs/<name>.log, warnings and errors also to the terminal. */
function spawnService(name: string, entry: string, extraEnv: Record<string, string>): ChildProcess {
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const proc = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', entry], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [proc.stdout!, proc.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      log.write(`${line}\n`);
      let level = 50;
      try {
        level = JSON.parse(line).level ?? 30;
      } catch {
        /* not JSON: show it */
      }
      if (level >= 40) process.stderr.write(`[${name}] ${line}\n`);
    });
  }
  proc.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[${name}] exited (${signal ?? code}); see ${join(logDir, `${name}.log`)}. Stopping the hub.`);
      void shutdown(1);
    }
  });
  children.push({ name, proc, log });
  return proc;
}

async function waitHealthy(name: string, url: string, timeoutMs = 60000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (stopping) throw new Error('stopping');
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

async function shutdown(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the hub…');
  await Promise.all(
    children.map(
      ({ proc }) =>
        new Promise<void>((res) => {
          if (proc.exitCode !== null || proc.signalCode !== null) return res();
          const force = setTimeout(() => proc.kill('SIGKILL'), 10000);
          proc.once('exit', () => {
            clearTimeout(force);
            res();
          });
          proc.kill('SIGTERM');
        }),
    ),
  );
  for (const c of children) c.log.end();
  if (pg) await pg.stop().catch(() => undefined);
  console.log('Stopped.');
  process.exit(code);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  const keys = secrets();
  const signing = contextKeys();
  if (config.HUB_PG_ADMIN_URL) {
    pg = externalPostgres(config.HUB_PG_ADMIN_URL);
    console.log(`Using external PostgreSQL at ${pg.host}:${pg.port}`);
  } else {
    const pgLog = createWriteStream(join(logDir, 'postgres.log'), { flags: 'a' });
    pg = await startEmbeddedPostgres({
      dataDir: join(dataDir, 'pg'),
      port: config.HUB_PG_PORT,
      password: keys.postgres,
      onLog: (line) => pgLog.write(line.endsWith('\n') ? line : `${line}\n`),
    });
    console.log(`PostgreSQL (embedded) on 127.0.0.1:${pg.port}, data in ${join(dataDir, 'pg')}`);
  }
  const urls = await provisionDatabases(pg.adminUrl, [
    ...SUBGRAPHS.map((s) => ({ name: s.name, password: keys.roles[s.name] })),
    { name: 'audit', password: keys.roles.audit },
  ]);

  const subgraphUrls: Record<string, string> = {};
  SUBGRAPHS.forEach((s, i) => {
    const port = config.HUB_SUBGRAPH_BASE_PORT + i;
    subgraphUrls[s.name] = `http://127.0.0.1:${port}/graphql`;
    spawnService(s.name, join(s.dir, 'src/main.ts'), {
      PORT: String(port),
      HUB_DB_URL: process.env[`HUB_DB_URL_${s.name.replace(/-/g, '_').toUpperCase()}`] ?? urls[s.name],
      HUB_SEED: config.HUB_SEED,
      HUB_MIGRATE: '1',
      HUB_CONTEXT_PUBLIC_KEY_FILE: signing.publicKeyFile,
    });
  });
  await Promise.all(SUBGRAPHS.map((s) => waitHealthy(s.name, subgraphUrls[s.name].replace(/\/graphql$/, '/health'))));

  spawnService('gateway', 'gateway/src/main.ts', {
    PORT: String(config.HUB_GATEWAY_PORT),
    HUB_CONTEXT_PRIVATE_KEY_FILE: signing.privateKeyFile,
    // The demo lets anyone browse the schema in the explorer; a production gateway leaves this off.
    HUB_PUBLIC_INTROSPECTION: process.env.HUB_PUBLIC_INTROSPECTION ?? '1',
    ...Object.fromEntries(SUBGRAPHS.map((s) => [`HUB_SUBGRAPH_URL_${s.name.replace(/-/g, '_').toUpperCase()}`, subgraphUrls[s.name]])),
  });
  const gateway = `http://127.0.0.1:${config.HUB_GATEWAY_PORT}`;
  await waitHealthy('gateway', `${gateway}/health`);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
The provincial data hub is ready in ${seconds} s.

  GraphQL endpoint   ${gateway}/graphql
  Explorer           ${gateway}/explorer
  Health             ${gateway}/health
  Subgraphs          ${SUBGRAPHS.map((s) => `${s.name} ${subgraphUrls[s.name]}`).join(', ')}
  Logs               ${logDir}

Try it:
  curl -s ${gateway}/graphql -H 'content-type: application/json' \\
    -d '{"query":"{ touristSites(first: 3) { nodes { name commune { name ancestors { name } } } } }"}'

Press Ctrl-C to stop everything.`);
}

main().catch(async (e) => {
  if (!stopping) console.error(`The hub could not start: ${e instanceof Error ? e.message : e}`);
  await shutdown(1);
});
