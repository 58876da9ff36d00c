// `npm start`: the whole hub on one machine (see hub.ts), with the demo data, and where to go printed.
// Ctrl-C stops every service, then PostgreSQL.
import { join } from 'node:path';
import { z } from 'zod';
import { envVar, SUBGRAPHS, REPO_ROOT } from '@hub/schema';
import { startHub, type Hub } from './hub';

const started = Date.now();

const env = z
  .object({
    HUB_DATA_DIR: z.string().default(join(REPO_ROOT, '.data')),
    HUB_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    HUB_PG_ADMIN_URL: z.string().url().optional(),
    HUB_GATEWAY_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
    HUB_SUBGRAPH_BASE_PORT: z.coerce.number().int().min(1).max(65000).default(4101),
    HUB_SEED: z.enum(['none', 'demo']).default('demo'),
    // The demo lets anyone browse the schema in the explorer; a production gateway leaves this off.
    HUB_PUBLIC_INTROSPECTION: z.enum(['0', '1', 'true', 'false']).default('1'),
  })
  .safeParse(process.env);
if (!env.success) {
  console.error(`Invalid configuration:\n${env.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  process.exit(2);
}
const config = env.data;

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
  const dbUrls = Object.fromEntries(
    SUBGRAPHS.flatMap((s) => {
      const url = process.env[envVar('HUB_DB_URL', s.name)];
      return url ? [[s.name, url]] : [];
    }),
  );
  hub = await startHub({
    dataDir: config.HUB_DATA_DIR,
    pgPort: config.HUB_PG_PORT,
    pgAdminUrl: config.HUB_PG_ADMIN_URL,
    gatewayPort: config.HUB_GATEWAY_PORT,
    subgraphBasePort: config.HUB_SUBGRAPH_BASE_PORT,
    seed: config.HUB_SEED,
    dbUrls,
    gatewayEnv: { HUB_PUBLIC_INTROSPECTION: config.HUB_PUBLIC_INTROSPECTION },
    onLine: showImportant,
    onExit: (service, code, signal) => {
      console.error(`[${service}] exited (${signal ?? code}); see ${join(hub?.logDir ?? config.HUB_DATA_DIR, `${service}.log`)}. Stopping the hub.`);
      void shutdown(1);
    },
  });
  const gateway = hub.gatewayUrl;
  const where = config.HUB_PG_ADMIN_URL ? `external PostgreSQL at ${hub.pg.host}:${hub.pg.port}` : `PostgreSQL (embedded) on 127.0.0.1:${hub.pg.port}`;
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
