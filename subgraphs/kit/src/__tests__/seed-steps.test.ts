// Named demo-data steps on a real PostgreSQL: each runs once per database, and a step added later (demo data for a
// new field) loads into a database seeded before it existed, at the next start, without a reset.
import { randomBytes } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/postgresql';
import { Migration } from '@mikro-orm/migrations';
import { createTestDatabases, generateContextKeyPair } from '@hub/infra';
import { createLogger } from '@hub/runtime';
import { hubEntityProperties } from '../entity';
import { defineLoaders } from '../loaders';
import { sql } from '../sql';
import { defineSubgraph, startSubgraph } from '../subgraph';
import type { HubContext } from '../context';

const Note = defineEntity({
  name: 'Note',
  tableName: 'note',
  properties: { ...hubEntityProperties, code: p.string().length(20).unique(), text: p.string().length(100) },
});

class CreateNote extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "note" ("id" uuid not null primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null unique, "text" varchar(100) not null);`,
    );
  }
}

const typeDefs = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
type Query { notes: [String!]! @classified(level: PUBLIC) }
`;

const calls: string[] = [];
const step = (code: string) => async (em: HubContext['em']) => {
  calls.push(code);
  await sql(em).run(
    `insert into note (id, created_at, updated_at, version, code, text) values (gen_random_uuid(), now(), now(), 1, $1, $1)`,
    [code],
  );
};

const withSteps = (seed: Record<string, (em: HubContext['em']) => Promise<void>>) =>
  defineSubgraph({
    name: 'seed-steps',
    dataset: 'TEST-SEED',
    typeDefs,
    entities: [Note],
    migrations: [{ name: 'Migration20260101000000', class: CreateNote }],
    loaders: defineLoaders({}),
    resolvers: {
      Query: {
        notes: async (_: unknown, __: unknown, ctx: HubContext) =>
          (await sql(ctx.em).rows<{ code: string }>('select code from note order by code')).map((r) => r.code),
      },
    },
    seed,
  } as never);

it('runs each named step once, and a step added later at the next start', async () => {
  const dbs = await createTestDatabases(['seed-steps']);
  const start = (def: ReturnType<typeof withSteps>) =>
    startSubgraph(def, {
      dbUrl: dbs.urls['seed-steps'],
      seed: 'demo',
      contextPublicKey: generateContextKeyPair().publicKey,
      historyKey: randomBytes(32),
      log: createLogger('seed-steps', 'silent'),
    });
  try {
    const first = await start(withSteps({ sites: step('A'), lodging: step('B') }));
    expect((await first.execute('{ notes }')).data).toEqual({ notes: ['A', 'B'] });
    await first.stop();

    const again = await start(withSteps({ sites: step('A'), lodging: step('B'), visitors: step('C') }));
    expect((await again.execute('{ notes }')).data).toEqual({ notes: ['A', 'B', 'C'] });
    await again.stop();
    expect(calls).toEqual(['A', 'B', 'C']);
  } finally {
    await dbs.drop();
  }
});
