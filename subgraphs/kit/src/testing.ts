// Test support for subgraph packages: a subgraph started on its own fresh database (migrations applied,
// demo data optional) on the embedded PostgreSQL of the jest run, and the check that its entities describe the
// tables its migrations make. Imported as '@hub/kit/testing'.
import { randomBytes } from 'node:crypto';
import { createTestDatabases, generateContextKeyPair } from '@hub/infra';
import { createLogger, type CallerClaims } from '@hub/runtime';
import { initOrm, migrate } from './orm';
import { loadSubgraph } from './folder';
import { ormModel, startSubgraph, type RunningSubgraph, type SubgraphDefinition } from './subgraph';

export interface TestSubgraph extends RunningSubgraph {
  dbUrl: string;
  /** The definition it runs (for schemaDrift and the like). */
  definition: SubgraphDefinition<any, any>;
  /** Runs an operation and returns its data; fails (listing the errors) if it returned any. */
  data(query: string, variables?: Record<string, unknown>, caller?: Partial<CallerClaims>): Promise<any>;
}

/** `historyKey`: a fresh random key unless given; `null` runs without one (PERSONAL values stored masked). */
export async function startTestSubgraph(
  def: SubgraphDefinition<any, any>,
  opts: { seed?: boolean; historyKey?: Buffer | null } = {},
): Promise<TestSubgraph> {
  const dbs = await createTestDatabases([def.name]);
  const running = await startSubgraph(def, {
    dbUrl: dbs.urls[def.name],
    seed: opts.seed ? 'demo' : 'none',
    contextPublicKey: generateContextKeyPair().publicKey,
    historyKey: opts.historyKey === undefined ? randomBytes(32) : opts.historyKey,
    log: createLogger(def.name, process.env.LOG_LEVEL ?? 'silent'),
  });
  return {
    ...running,
    dbUrl: dbs.urls[def.name],
    definition: def,
    async data(query, variables, caller) {
      const res = await running.execute(query, variables, caller);
      if (res.errors?.length) throw new Error(`Operation failed: ${res.errors.map((e) => e.message).join('; ')}`);
      return res.data;
    },
    async stop() {
      await running.stop();
      await dbs.drop();
    },
  };
}

/** The subgraph in the package folder `dir` (found by path, see folder.ts), started as startTestSubgraph does. */
export function startFolderSubgraph(dir: string, opts: { seed?: boolean; historyKey?: Buffer | null } = {}): Promise<TestSubgraph> {
  return startTestSubgraph(loadSubgraph(dir), opts);
}

/**
 * The statements MikroORM would run to make a fresh database, migrated by `def`'s migrations and the kit's, match
 * `def`'s entities: none when the two agree, so a migration and an entity cannot silently disagree (the schema is
 * changed by migrations only). A read-only database is someone else's: it is not migrated, and nothing is
 * dropped, so any entity it declares shows as a table to create.
 */
export async function schemaDrift(def: SubgraphDefinition<any, any>): Promise<string[]> {
  const dbs = await createTestDatabases([def.name]);
  try {
    const { orm } = await initOrm({ dbUrl: dbs.urls[def.name], ...ormModel(def) });
    try {
      if (!def.readOnlyDatabase) await migrate(orm);
      const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false, dropTables: !def.readOnlyDatabase });
      return diff
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    } finally {
      await orm.close(true);
    }
  } finally {
    await dbs.drop();
  }
}
