// Change history as the kit records it, on a real PostgreSQL: one record per write in the same transaction, secrets
// never stored, personal values never in clear at rest, approved records changed only with a reason.
import { randomBytes } from 'node:crypto';
import { defineEntity, p, type EntityManager } from '@mikro-orm/postgresql';
import { Migration } from '@mikro-orm/migrations';
import { badUserInput, msg } from '@hub/schema';
import { hubEntityProperties } from '../entity';
import { defineLoaders } from '../loaders';
import { createTestDatabases, generateContextKeyPair } from '@hub/infra';
import { createLogger } from '@hub/runtime';
import { initOrm, migrate } from '../orm';
import { defineSubgraph, startSubgraph } from '../subgraph';
import { changeScope, openValue, recordChange, sealValue, tracked, withChangeReason, withKitMigrations } from '../history';
import type { HubContext } from '../context';
import { startTestSubgraph, type TestSubgraph } from '../testing';
import { sql } from '../sql';

const Thing = defineEntity({
  name: 'Thing',
  tableName: 'thing',
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(100),
    status: p
      .string()
      .length(10)
      .onCreate(() => 'DRAFT'),
    ownerName: p.string().length(100).nullable(),
    secretHash: p.string().length(100).nullable(),
    /** Not in the schema: recorded as secret unless declared. */
    internalNote: p.string().length(100).nullable(),
    tags: p.array().nullable(),
  },
});
class CreateThing extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "thing" ("id" uuid not null primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null unique, "name" varchar(100) not null, "status" varchar(10) not null, "owner_name" varchar(100) null, "secret_hash" varchar(100) null, "internal_note" varchar(100) null, "tags" text[] null);`,
    );
  }
}

const typeDefs = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
type Query {
  thing(code: String!): Thing @classified(level: PUBLIC)
  things(codes: [String!]!): [Thing!]! @classified(level: PUBLIC)
}
type Mutation {
  createThing(code: String!, name: String!): Thing! @classified(level: INTERNAL)
  updateThing(code: String!, input: ThingUpdate!, reason: String): Thing! @classified(level: INTERNAL)
  renameThing(code: String!, newCode: String!): Thing! @classified(level: INTERNAL)
  deleteThing(code: String!, reason: String): Boolean! @classified(level: INTERNAL)
}
input ThingUpdate { name: String, status: String, ownerName: String, secret: String, internalNote: String, tags: [String!] }
type Thing @key(fields: "code") @classified(level: PUBLIC) {
  code: String!
  name: String!
  status: String!
  ownerName: String @classified(level: PERSONAL)
  tags: [String!]
  history(first: Int, after: String): ChangeConnection @classified(level: INTERNAL)
}
`;

const find = async (em: EntityManager, code: string) => {
  const t = await em.findOne(Thing, { code });
  if (!t) throw badUserInput('code', msg(`no thing ${code}`, `không có thing ${code}`));
  return t;
};

const definition = defineSubgraph({
  name: 'things',
  dataset: 'TEST-THINGS',
  typeDefs,
  entities: [Thing],
  migrations: [{ name: 'Migration20260101000000', class: CreateThing }],
  history: [tracked(Thing, { fields: { secretHash: 'secret' }, approved: (before) => before.status === 'APPROVED' })],
  loaders: defineLoaders({}),
  seed: async (em) => {
    em.create(Thing, { code: 'SEEDED', name: 'From the seed' });
    await em.flush();
  },
  resolvers: {
    Query: {
      thing: (_: unknown, a: { code: string }, ctx: HubContext) => ctx.em.findOne(Thing, { code: a.code }),
      things: (_: unknown, a: { codes: string[] }, ctx: HubContext) =>
        ctx.em.find(Thing, { code: { $in: a.codes } }, { orderBy: { code: 'asc' } }),
    },
    Mutation: {
      async createThing(_: unknown, a: { code: string; name: string }, ctx: HubContext) {
        const t = ctx.em.create(Thing, { code: a.code, name: a.name });
        await ctx.em.flush();
        return t;
      },
      async updateThing(_: unknown, a: { code: string; input: Record<string, string | undefined> }, ctx: HubContext) {
        const t = await find(ctx.em, a.code);
        const { secret, ...rest } = a.input;
        Object.assign(t, rest, secret !== undefined ? { secretHash: `hash:${secret}` } : {});
        await ctx.em.flush();
        return t;
      },
      async renameThing(_: unknown, a: { code: string; newCode: string }, ctx: HubContext) {
        const t = await find(ctx.em, a.code);
        t.code = a.newCode;
        await ctx.em.flush();
        return t;
      },
      async deleteThing(_: unknown, a: { code: string }, ctx: HubContext) {
        ctx.em.remove(await find(ctx.em, a.code));
        await ctx.em.flush();
        return true;
      },
    },
  },
});

const editor = { sub: '6c1e0d1a-8f43-4f7e-9a52-3b1d2f4e5a60', agency: 'TEST', roles: ['DATA_EDITOR'], editorOf: ['TEST-THINGS'] };
const mayReadOwner = { ...editor, read: ['Thing.ownerName'] };

let sg: TestSubgraph;
beforeAll(async () => {
  sg = await startTestSubgraph(definition, { seed: true });
});
afterAll(() => sg?.stop());

const HISTORY = `query($code: String!, $first: Int, $after: String) { thing(code: $code) { history(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  nodes { operation accountId agencyCode reason requestId changes { field before after masked } } } } }`;
const history = async (code: string, caller: Record<string, unknown> = editor, page: { first?: number; after?: string } = {}) =>
  (await sg.data(HISTORY, { code, ...page }, caller)).thing.history;
const rawChanges = async (): Promise<string> => JSON.stringify(await sql(sg.orm.em.fork()).rows('select * from hub_change order by at'));
const rowCount = async (): Promise<number> =>
  (await sql(sg.orm.em.fork()).rows<{ n: number }>('select count(*)::int as n from hub_change'))[0].n;

describe('recording', () => {
  it('records a create with every field, who made it and the request; not the technical columns', async () => {
    await sg.data(`mutation { createThing(code: "A", name: "Alpha") { code } }`, undefined, editor);
    const h = await history('A');
    expect(h.totalCount).toBe(1);
    expect(h.nodes[0]).toMatchObject({ operation: 'CREATE', accountId: editor.sub, agencyCode: 'TEST', reason: null });
    expect(h.nodes[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(h.nodes[0].changes).toEqual([
      { field: 'code', before: null, after: 'A', masked: false },
      { field: 'name', before: null, after: 'Alpha', masked: false },
      { field: 'status', before: null, after: 'DRAFT', masked: false },
    ]);
  });

  it('records a list column (text[]) as a list, not as the text PostgreSQL takes', async () => {
    await sg.data(`mutation { createThing(code: "TAGS", name: "Tagged") { code } }`, undefined, editor);
    await sg.data(`mutation { updateThing(code: "TAGS", input: { tags: ["G4", "G5"] }) { code } }`, undefined, editor);
    await sg.data(`mutation { updateThing(code: "TAGS", input: { tags: ["G5"] }) { code } }`, undefined, editor);
    const h = await history('TAGS');
    expect(h.nodes.map((n: { changes: unknown[] }) => n.changes)).toEqual([
      [{ field: 'tags', before: ['G4', 'G5'], after: ['G5'], masked: false }],
      [{ field: 'tags', before: null, after: ['G4', 'G5'], masked: false }],
      expect.anything(),
    ]);
  });

  it('records an update with the values before and after, newest first', async () => {
    await sg.data(`mutation { updateThing(code: "A", input: { name: "Alpha 2" }) { code } }`, undefined, editor);
    const h = await history('A');
    expect(h.nodes.map((n: { operation: string }) => n.operation)).toEqual(['UPDATE', 'CREATE']);
    expect(h.nodes[0].changes).toEqual([{ field: 'name', before: 'Alpha', after: 'Alpha 2', masked: false }]);
  });

  it('writes the record in the same transaction: a flush that fails leaves no change record', async () => {
    await sg.data(`mutation { createThing(code: "B", name: "Beta") { code } }`, undefined, editor);
    const before = await rowCount();
    const res = await sg.execute(`mutation { renameThing(code: "B", newCode: "A") { code } }`, undefined, editor); // unique violation
    expect(res.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await rowCount()).toBe(before);
    expect((await history('B')).totalCount).toBe(1);
  });

  it('does not record the demo seed (hub_seed records the initial load)', async () => {
    expect((await history('SEEDED')).totalCount).toBe(0);
  });

  it('records only that a secret changed: no value, no hash, in no form', async () => {
    const secret = 'correct-horse-battery-staple';
    await sg.data(`mutation($s: String) { updateThing(code: "A", input: { secret: $s }) { code } }`, { s: secret }, editor);
    const h = await history('A', mayReadOwner);
    expect(h.nodes[0].changes).toEqual([{ field: 'secretHash', before: null, after: null, masked: true }]);
    const raw = await rawChanges();
    expect(raw).not.toContain(secret);
    expect(raw).not.toContain('hash:');
    expect(raw).toContain('"secret":true');
  });

  it('treats a column that is not in the schema as secret unless it is declared', async () => {
    await sg.data(`mutation { updateThing(code: "A", input: { internalNote: "note-xyz-123" }) { code } }`, undefined, editor);
    expect((await history('A')).nodes[0].changes).toEqual([{ field: 'internalNote', before: null, after: null, masked: true }]);
    expect(await rawChanges()).not.toContain('note-xyz-123');
  });
});

describe('personal values', () => {
  const name = 'Hoàng Thị Bí Mật';

  it('are encrypted at rest and shown only to a caller the gateway lets read the field', async () => {
    await sg.data(`mutation($n: String) { updateThing(code: "A", input: { ownerName: $n }) { code } }`, { n: name }, editor);
    const raw = await rawChanges();
    for (const form of [name, JSON.stringify(name).slice(1, -1), Buffer.from(name).toString('base64'), Buffer.from(name).toString('hex')]) {
      expect(raw).not.toContain(form);
    }
    expect(raw).toMatch(/"enc":"v1:/);
    expect((await history('A', mayReadOwner)).nodes[0].changes).toEqual([{ field: 'ownerName', before: null, after: name, masked: false }]);
    expect((await history('A', editor)).nodes[0].changes).toEqual([{ field: 'ownerName', before: null, after: null, masked: true }]);
  });

  it('are not stored at all without a key', async () => {
    const keyless = await startTestSubgraph(definition, { historyKey: null });
    try {
      await keyless.data(`mutation { createThing(code: "K", name: "Keyless") { code } }`, undefined, editor);
      await keyless.data(`mutation($n: String) { updateThing(code: "K", input: { ownerName: $n }) { code } }`, { n: name }, editor);
      const raw = JSON.stringify(await sql(keyless.orm.em.fork()).rows('select * from hub_change'));
      expect(raw).not.toContain(name);
      expect(raw).toContain('"masked":true');
      const h = (await keyless.data(HISTORY, { code: 'K' }, mayReadOwner)).thing.history;
      expect(h.nodes[0].changes).toEqual([{ field: 'ownerName', before: null, after: null, masked: true }]);
    } finally {
      await keyless.stop();
    }
  });

  it('cannot be opened with another key, nor moved to another record or field', () => {
    const key = randomBytes(32);
    const sealed = sealValue(key, 'Thing\u0000id-1\u0000ownerName', { after: name });
    expect(openValue(key, 'Thing\u0000id-1\u0000ownerName', sealed)).toEqual({ after: name });
    expect(openValue(randomBytes(32), 'Thing\u0000id-1\u0000ownerName', sealed)).toBeUndefined();
    expect(openValue(key, 'Thing\u0000id-2\u0000ownerName', sealed)).toBeUndefined();
    expect(openValue(key, 'Thing\u0000id-1\u0000name', sealed)).toBeUndefined();
  });
});

describe('approved records', () => {
  it('need a reason to be changed or deleted; without one, BAD_USER_INPUT naming `reason` and nothing is written', async () => {
    await sg.data(`mutation { createThing(code: "C", name: "Gamma") { code } }`, undefined, editor);
    await sg.data(`mutation { updateThing(code: "C", input: { status: "APPROVED" }) { code } }`, undefined, editor); // a draft needs none
    const rows = await rowCount();
    for (const op of [`updateThing(code: "C", input: { name: "Gamma 2" }) { code }`, `deleteThing(code: "C")`]) {
      const res = await sg.execute(`mutation { ${op} }`, undefined, editor);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
    }
    expect(await rowCount()).toBe(rows);
    expect((await sg.data(`{ thing(code: "C") { name status } }`)).thing).toEqual({ name: 'Gamma', status: 'APPROVED' });

    await sg.data(
      `mutation { updateThing(code: "C", input: { name: "Gamma 2" }, reason: "Tên đúng theo quyết định") { code } }`,
      undefined,
      editor,
    );
    const h = await history('C');
    expect(h.nodes[0]).toMatchObject({ operation: 'UPDATE', reason: 'Tên đúng theo quyết định' });
    await sg.data(`mutation { deleteThing(code: "C", reason: "Trùng lặp") }`, undefined, editor);
    // A deleted record has no `history` field left to ask: its last change is read from the table.
    const [deleted] = await sql(sg.orm.em.fork()).rows(`select * from hub_change where operation = 'DELETE'`);
    expect(deleted).toMatchObject({ entity: 'Thing', reason: 'Trùng lặp', account_id: editor.sub });
    expect(deleted.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', coordinate: 'Thing.name', before: 'Gamma 2', after: null },
        { field: 'status', coordinate: 'Thing.status', before: 'APPROVED', after: null },
      ]),
    );
  });
});

describe('changes written with SQL (recordChange)', () => {
  const scope = { accountId: editor.sub, agency: editor.agency, roles: editor.roles, requestId: 'req-bulk-1' };
  const idOf = async (code: string) =>
    (await sql(sg.orm.em.fork()).rows<{ id: string }>('select id from thing where code = $1', [code]))[0].id;
  /** A bulk rename as a department would write it: SQL, then its record, in one transaction. */
  const bulkRename = (id: string, from: string, to: string, extra: { approved?: boolean; fail?: boolean } = {}) =>
    sql(sg.orm.em.fork()).transaction(async (tx) => {
      await tx.run('update thing set name = $2, version = version + 1 where id = $1', [id, to]);
      await recordChange(tx.em, {
        type: 'Thing',
        id,
        operation: 'UPDATE',
        approved: extra.approved,
        fields: {
          name: { before: from, after: to },
          ownerName: { before: null, after: 'Lê Văn Bí Mật' },
          internalNote: { before: null, after: 'note-from-sql' },
          searchKey: { before: 'x', after: 'y', as: 'ignore' },
          unchanged: { before: 1, after: 1 },
        },
      });
      if (extra.fail) throw new Error('the rest of the bulk write failed');
    });

  it('records who, why and each field by the same rules as tracked entities, readable through history', async () => {
    await sg.data(`mutation { createThing(code: "S1", name: "Sigma") { code } }`, undefined, editor);
    const id = await idOf('S1');
    await changeScope(scope, () => withChangeReason('Đổi tên hàng loạt', () => bulkRename(id, 'Sigma', 'Sigma 2')));
    const [latest] = (await history('S1', mayReadOwner)).nodes;
    expect(latest).toMatchObject({
      operation: 'UPDATE',
      accountId: editor.sub,
      agencyCode: 'TEST',
      reason: 'Đổi tên hàng loạt',
      requestId: 'req-bulk-1',
    });
    expect(latest.changes).toEqual([
      { field: 'name', before: 'Sigma', after: 'Sigma 2', masked: false },
      { field: 'ownerName', before: null, after: 'Lê Văn Bí Mật', masked: false },
      { field: 'internalNote', before: null, after: null, masked: true },
    ]);
    expect((await history('S1', editor)).nodes[0].changes[1]).toEqual({ field: 'ownerName', before: null, after: null, masked: true });
    const raw = await rawChanges();
    expect(raw).not.toContain('Lê Văn Bí Mật');
    expect(raw).not.toContain('note-from-sql');
  });

  it('is in the transaction of the write: when the write fails, neither the data nor the record is kept', async () => {
    const id = await idOf('S1');
    const rows = await rowCount();
    await expect(changeScope(scope, () => bulkRename(id, 'Sigma 2', 'Sigma 3', { fail: true }))).rejects.toThrow(
      'the rest of the bulk write failed',
    );
    expect(await rowCount()).toBe(rows);
    expect((await sg.data(`{ thing(code: "S1") { name } }`)).thing.name).toBe('Sigma 2');
  });

  it('refuses to change approved data without a reason, naming `reason`, and nothing is written', async () => {
    const id = await idOf('S1');
    const rows = await rowCount();
    await expect(changeScope(scope, () => bulkRename(id, 'Sigma 2', 'Sigma 4', { approved: true }))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'reason' },
    });
    expect(await rowCount()).toBe(rows);
    expect((await sg.data(`{ thing(code: "S1") { name } }`)).thing.name).toBe('Sigma 2');
  });

  it('records nothing outside a change scope (the demo seed, scripts)', async () => {
    const id = await idOf('S1');
    const rows = await rowCount();
    await bulkRename(id, 'Sigma 2', 'Sigma 5');
    expect(await rowCount()).toBe(rows);
    expect((await sg.data(`{ thing(code: "S1") { name } }`)).thing.name).toBe('Sigma 5');
  });
});

describe('reading', () => {
  it("counts each record's changes in the statement that reads the first pages: no count per record of a list", async () => {
    const codes = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6'];
    for (const [i, code] of codes.entries()) {
      await sg.data(`mutation($c: String!) { createThing(code: $c, name: "List") { code } }`, { c: code }, editor);
      for (let k = 0; k < i % 3; k++)
        await sg.data(
          `mutation($c: String!, $n: String) { updateThing(code: $c, input: { name: $n }) { code } }`,
          { c: code, n: `N${k}` },
          editor,
        );
    }
    const LIST = `query($c: [String!]!) { things(codes: $c) { code history(first: 1) { totalCount nodes { operation } } } }`;
    const read = async (n: number) => {
      const before = sg.stats.sqlStatements;
      const d = await sg.data(LIST, { c: [...codes.slice(0, n), 'SEEDED'] }, editor);
      return {
        statements: sg.stats.sqlStatements - before,
        totals: d.things.map((t: { history: { totalCount: number } }) => t.history.totalCount),
      };
    };
    const two = await read(2);
    const six = await read(6);
    expect(six.totals).toEqual([1, 2, 3, 1, 2, 3, 0]);
    expect(two.totals).toEqual([1, 2, 0]);
    expect(two.statements).toBe(2); // the records, their first pages with their totals
    expect(six.statements).toBe(two.statements);
  });

  it('pages newest first with cursors, and refuses a cursor it did not make', async () => {
    for (const n of ['D1', 'D2', 'D3'])
      await sg.data(`mutation($n: String) { updateThing(code: "B", input: { name: $n }) { code } }`, { n }, editor);
    const first = await history('B', editor, { first: 2 });
    expect(first.totalCount).toBe(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.nodes.map((n: { changes: { after: string }[] }) => n.changes[0].after)).toEqual(['D3', 'D2']);
    const next = await history('B', editor, { first: 2, after: first.pageInfo.endCursor });
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect(next.nodes.map((n: { changes: { after: string }[] }) => n.changes[0].after)).toEqual(['D1', 'B']);
    const bad = await sg.execute(HISTORY, { code: 'B', after: 'bm9wZQ' }, editor);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    const tooMany = await sg.execute(HISTORY, { code: 'B', first: 1001 }, editor);
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('adds hub_change to a database migrated before the kit had it, on the next start', async () => {
    const dbs = await createTestDatabases(['older']);
    try {
      const { orm } = await initOrm({ dbUrl: dbs.urls.older, entities: [Thing], migrations: definition.migrations });
      await migrate(orm);
      await orm.close(true);
      const started = await startSubgraph(definition, {
        dbUrl: dbs.urls.older,
        contextPublicKey: generateContextKeyPair().publicKey,
        historyKey: randomBytes(32),
        log: createLogger('older', 'silent'),
      });
      try {
        await started.execute(`mutation { createThing(code: "OLD", name: "Old") { code } }`, undefined, editor);
        const [row] = await sql(started.orm.em.fork()).rows<{ n: number }>(
          `select count(*)::int as n from hub_change where entity = 'Thing'`,
        );
        expect(row.n).toBe(1);
      } finally {
        await started.stop();
      }
    } finally {
      await dbs.drop();
    }
  });

  it("merges its own migrations into a subgraph's list in name order", () => {
    const names = withKitMigrations([
      { name: 'Migration20250101000000', class: CreateThing },
      { name: 'Migration20991231000000', class: CreateThing },
    ]).map((m) => m.name);
    expect(names).toEqual([
      'Migration20250101000000',
      'Migration20261121113000_hub_change',
      'Migration20261202140000_hub_change_roles',
      'Migration20991231000000',
    ]);
  });
});
