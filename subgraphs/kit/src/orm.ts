// MikroORM for one subgraph: its own database, its committed migrations, and a counter of the SQL
// statements it sends (exposed at /metrics, so tests and operators can see that queries stay bounded).
import { MikroORM, type EntitySchema, type EventSubscriber, type MigrationObject } from '@mikro-orm/postgresql';
import { PostgreSqlDriver, type EntityManager } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Logger } from '@hub/runtime';
import { onStatement, sql } from './sql';

export interface OrmStats {
  sqlStatements: number;
}

export interface OrmOptions {
  dbUrl: string;
  /** None for a subgraph that maps no table (a database it only reads with SQL). */
  entities: EntitySchema<any, any>[];
  migrations: MigrationObject[];
  poolMax?: number;
  log?: Logger;
  /** Folder new migrations are written to (only the migration-create script needs it). */
  migrationsPath?: string;
  /** Flush subscribers (the change-history recorder). */
  subscribers?: EventSubscriber[];
}

export async function initOrm(opts: OrmOptions): Promise<{ orm: MikroORM; stats: OrmStats }> {
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: opts.dbUrl,
    entities: opts.entities,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true, warnWhenNoEntities: opts.entities.length > 0 },
    // `onCreate` values (ids, timestamps, defaults) are set by em.create, so a new entity has its id before the flush.
    processOnCreateHooksEarly: true,
    extensions: [Migrator],
    subscribers: opts.subscribers ?? [],
    migrations: {
      migrationsList: opts.migrations,
      path: opts.migrationsPath,
      pathTs: opts.migrationsPath,
      emit: 'ts',
      snapshot: false,
      transactional: true,
      allOrNothing: true,
    },
    pool: { min: 0, max: opts.poolMax ?? 10 },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    ensureIndexes: false,
    debug: false,
    logger: (message) => opts.log?.debug({ orm: message }),
  });
  const stats: OrmStats = { sqlStatements: 0 };
  onStatement(orm, () => {
    stats.sqlStatements += 1;
  });
  return { orm, stats };
}

export async function migrate(orm: MikroORM): Promise<string[]> {
  const done = await orm.getMigrator().up();
  return done.map((m) => m.name);
}

/**
 * Loads a subgraph's seed once: the seed's name is recorded in `hub_seed` in the same transaction, so a
 * second start (or a concurrent one) does nothing, and a failed seed leaves nothing behind.
 */
export async function seedOnce(orm: MikroORM, name: string, seed: (em: EntityManager) => Promise<void>): Promise<boolean> {
  await sql(orm.em.fork()).run(
    'create table if not exists hub_seed (name text primary key, applied_at timestamptz not null default now())',
  );
  return sql(orm.em.fork()).transaction(async (tx) => {
    const rows = await tx.rows('insert into hub_seed (name) values ($1) on conflict do nothing returning name', [name]);
    if (rows.length === 0) return false;
    await seed(tx.em);
    return true;
  });
}
