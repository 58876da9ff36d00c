// `npm start`: the whole hub on one machine (see hub.ts), with the demo data, and where to go printed.
// Ctrl-C stops every service, then PostgreSQL.
import { join } from 'node:path';
import { z } from 'zod';
import { defineConfig, flag, parseConfig, port, url } from '@hub/runtime';
import { envVar, SUBGRAPHS, REPO_ROOT } from '@hub/schema';
import { startHub, type Hub } from './hub';

const started = Date.now();

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
let stopping = false;

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
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
    gatewayEnv: { HUB_PUBLIC_INTROSPECTION: config.publicIntrospection ? '1' : '0', HUB_CORS_ORIGINS: config.corsOrigins },
    onLine: showImportant,
    onExit: (service, code, signal) => {
      console.error(
        `[${service}] exited (${signal ?? code}); see ${join(hub?.logDir ?? config.dataDir, `${service}.log`)}. Stopping the hub.`,
      );
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
security.auditor; password demo-password-2025):
  curl -s ${gateway}/auth/token -H 'content-type: application/json' \\
    -d '{"grant_type":"password","username":"vhttdl.editor","password":"demo-password-2025"}'

Try it:
  curl -s ${gateway}/graphql -H 'content-type: application/json' \\
    -d '{"query":"{ touristSites(first: 3) { nodes { name commune { name ancestors { name } } } } }"}'

Press Ctrl-C to stop everything.`);
}

main().catch(async (e) => {
  if (!stopping) console.error(`The hub could not start: ${e instanceof Error ? e.message : e}`);
  await shutdown(1);
});
