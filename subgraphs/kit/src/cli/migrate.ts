// Applies or reverts the migrations of the subgraph in the current folder on its database (HUB_DB_URL, the variable
// the subgraph itself reads), and says where its own migrations stand (the kit's change-history migrations are
// applied with them and never reverted here):
//   npm run migration:status -w @hub/<subgraph>     applied and pending migrations
//   npm run migration:up -w @hub/<subgraph>         applies the pending ones (a subgraph also does at start)
//   npm run migration:down -w @hub/<subgraph>       reverts the last one applied  [-- --to <name>: down to that one,
//                                                   which stays applied]
// Each migration runs in its own transaction: one that fails leaves the database as it was before it. Stop the
// subgraph first: a running subgraph would apply its pending migrations again when it restarts.
import { loadSubgraph } from '../folder';
import { initOrm } from '../orm';
import { ormModel } from '../subgraph';

type Command = 'status' | 'up' | 'down';

function usage(problem: string): never {
  process.stderr.write(`migrate: ${problem}\nusage: migrate status | up | down [--to <migration name>]  (HUB_DB_URL names the database)\n`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const command = argv[0] as Command;
  if (!['status', 'up', 'down'].includes(command)) usage(`give status, up or down, got ${JSON.stringify(argv[0] ?? null)}`);
  const at = argv.indexOf('--to');
  const to = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && !to) usage('--to needs the name of a migration');
  const dbUrl = process.env.HUB_DB_URL;
  if (!dbUrl) usage("HUB_DB_URL is not set: give the postgres:// URL of this subgraph's database");
  const def = loadSubgraph(process.cwd());
  const { orm } = await initOrm({ dbUrl, ...ormModel(def) });
  // Only the package's own migrations are reported and reverted: the kit's (change history) stay, whatever their
  // names sort as.
  const own = new Set(def.migrations.map((m) => m.name));
  try {
    const migrator = orm.getMigrator();
    if (command === 'up') {
      const done = await migrator.up();
      console.log(done.length ? `${def.name}: applied ${done.map((m) => m.name).join(', ')}` : `${def.name}: nothing to apply`);
    } else if (command === 'down') {
      const applied = (await migrator.getExecutedMigrations()).map((m) => m.name).filter((n) => own.has(n));
      if (!applied.length) {
        console.log(`${def.name}: none of its migrations is applied`);
        return;
      }
      if (to && !applied.includes(to)) usage(`${to} is not an applied migration of ${def.name} (applied: ${applied.join(', ')})`);
      const revert = to ? applied.slice(applied.indexOf(to) + 1) : applied.slice(-1);
      const undone = revert.length ? await migrator.down({ migrations: [...revert].reverse() }) : [];
      console.log(`${def.name}: reverted ${undone.map((m) => m.name).join(', ') || 'nothing'}`);
    }
    const executed = (await migrator.getExecutedMigrations()).filter((m) => own.has(m.name));
    const pending = (await migrator.getPendingMigrations()).filter((m) => own.has(m.name));
    console.log(
      `${def.name}: ${executed.length} applied${executed.length ? ` (last ${executed[executed.length - 1].name})` : ''}, ${pending.length} pending${pending.length ? `: ${pending.map((m) => m.name).join(', ')}` : ''}`,
    );
  } finally {
    await orm.close(true);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  // A migration's own failure: its message (the SQL error), never a stack.
  process.stderr.write(`migrate: ${(e as Error).message}\n`);
  process.exit(1);
});
