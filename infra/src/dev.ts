// `npm start`: the whole hub on one machine (see hub.ts), with the demo data, and where to go printed.
// Ctrl-C stops every service, then PostgreSQL.
// `npm run dev` (`--watch`): the same hub, and the development loop (dev-loop.ts) restarting what a saved file
// touches; a service that exits then is reported and started again by the next change, the hub keeps running.
import { join } from 'node:path';
import { z } from 'zod';
import { defineConfig, flag, parseConfig, port, url } from '@hub/runtime';
import { envVar, SUBGRAPHS, REPO_ROOT } from '@hub/schema';
import { startDevLoop } from './dev-loop';
import { startHub, type Hub } from './hub';

const started = Date.now();
const watchMode = process.argv.includes('--watch');

const devSettings = defineConfig({
  vars: {
    HUB_DATA_DIR: z.string().default(join(REPO_ROOT, '.data')),
    HUB_PG_PORT: port(54329, { min: 1 }),
    HUB_PG_ADMIN_URL: url('a postgres:// URL of a superuser (or a role with CREATEROLE and CREATEDB)').optional(),
    HUB_GATEWAY_PORT: port(4000, { min: 1 }),
    HUB_SUBGRAPH_BASE_PORT: port(4101, { min: 1, max: 65000 }),
    HUB_SEED: z.enum(['none', 'demo'], { message: 'must be none or demo' }).default('demo'),
    // The demo lets anyone browse the schema in the explorer; a production gateway leaves this off.
    HUB_PUBLIC_INTROSPECTION: flag(true),
    // A front-end team's dev server on this machine (Vite's default port) may call the demo gateway.
    HUB_CORS_ORIGINS: z.string().default('http://localhost:5173,http://127.0.0.1:5173'),
    // Every subgraph in one Node process (the default, to spare memory) or each in its own, as deployed. The
    // development loop (--watch) always runs each in its own, so that a change restarts only the subgraph it is in.
    HUB_SUBGRAPH_PROCESSES: z.enum(['shared', 'each'], { message: 'must be shared or each' }).default('shared'),
    // A database managed elsewhere for one subgraph (HUB_DB_URL_CULTURE_TOURISM), instead of one provisioned here.
    ...Object.fromEntries(
      SUBGRAPHS.map((s) => [envVar('HUB_DB_URL', s.name), url(`a postgres:// URL of the ${s.name} subgraph's database`).optional()]),
    ),
  },
  build: (c) => ({
    dataDir: c.HUB_DATA_DIR,
    pgPort: c.HUB_PG_PORT,
    pgAdminUrl: c.HUB_PG_ADMIN_URL,
    gatewayPort: c.HUB_GATEWAY_PORT,
    subgraphBasePort: c.HUB_SUBGRAPH_BASE_PORT,
    seed: c.HUB_SEED,
    publicIntrospection: c.HUB_PUBLIC_INTROSPECTION,
    corsOrigins: c.HUB_CORS_ORIGINS,
    subgraphProcesses: c.HUB_SUBGRAPH_PROCESSES,
    /** Databases managed elsewhere, by subgraph name. */
    dbUrls: Object.fromEntries(
      SUBGRAPHS.flatMap((s) => {
        const dbUrl = (c as unknown as Record<string, string | undefined>)[envVar('HUB_DB_URL', s.name)];
        return dbUrl ? [[s.name, dbUrl]] : [];
      }),
    ),
  }),
});

let config: ReturnType<typeof devSettings.build>;
try {
  config = parseConfig(process.env, devSettings);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}

let hub: Hub | undefined;
let loop: { close(): void } | undefined;
let stopping = false;

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  loop?.close();
  console.log('\nStopping the hub…');
  await hub?.stop();
  console.log('Stopped.');
  process.exit(code);
}

/** Warnings and errors of any service also go to the terminal; everything is in .data/logs. */
function showImportant(service: string, line: string): void {
  let level = 50;
  try {
    level = JSON.parse(line).level ?? 30;
  } catch {
    /* not JSON: show it */
  }
  if (level >= 40) process.stderr.write(`[${service}] ${line}\n`);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  hub = await startHub({
    dataDir: config.dataDir,
    pgPort: config.pgPort,
    pgAdminUrl: config.pgAdminUrl,
    gatewayPort: config.gatewayPort,
    subgraphBasePort: config.subgraphBasePort,
    seed: config.seed,
    dbUrls: config.dbUrls,
    subgraphProcesses: watchMode ? 'each' : config.subgraphProcesses,
    gatewayEnv: { HUB_PUBLIC_INTROSPECTION: config.publicIntrospection ? '1' : '0', HUB_CORS_ORIGINS: config.corsOrigins },
    onLine: showImportant,
    onExit: (service, code, signal) => {
      const log = join(hub?.logDir ?? config.dataDir, `${service}.log`);
      if (watchMode && hub) {
        console.error(`[dev] ${service} exited (${signal ?? code}); see ${log}. Save a file of it to start it again.`);
        return;
      }
      console.error(`[${service}] exited (${signal ?? code}); see ${log}. Stopping the hub.`);
      void shutdown(1);
    },
  });
  const gateway = hub.gatewayUrl;
  const where = config.pgAdminUrl
    ? `external PostgreSQL at ${hub.pg.host}:${hub.pg.port}`
    : `PostgreSQL (embedded) on 127.0.0.1:${hub.pg.port}`;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
The provincial data hub is ready in ${seconds} s.

  GraphQL endpoint   ${gateway}/graphql
  Explorer           ${gateway}/explorer
  Security console   ${gateway}/console
  Health             ${gateway}/health
  Subgraphs          ${SUBGRAPHS.map((s) => `${s.name} ${hub!.subgraphUrls[s.name]}`).join(', ')}
  Database           ${where}
  Logs               ${hub.logDir}

Sign in (demo accounts: admin, vhttdl.admin, vhttdl.editor, vhttdl.official, sxd.official, vp.approver,
security.auditor; editors per database: sct.editor, snnmt.moitruong, snnmt.nongnghiep, skhcn.editor,
stc.editor; password demo-password-2025):
  curl -s ${gateway}/auth/token -H 'content-type: application/json' \\
    -d '{"grant_type":"password","username":"vhttdl.editor","password":"demo-password-2025"}'

Try it:
  curl -s ${gateway}/graphql -H 'content-type: application/json' \\
    -d '{"query":"{ touristSites(first: 3) { nodes { name commune { name ancestors { name } } } } }"}'

Press Ctrl-C to stop everything.`);
  if (watchMode) {
    const running = startDevLoop({ hub, print: (line) => console.log(line), printError: (line) => console.error(line) });
    loop = running;
    console.log(
      `\n[dev] watching ${running.folders} folders of subgraphs/, schema/src and gateway/src: a saved file restarts the services it touches (PostgreSQL and the others keep running).`,
    );
  }
}

main().catch(async (e) => {
  if (!stopping) console.error(`The hub could not start: ${e instanceof Error ? e.message : e}`);
  await shutdown(1);
});
