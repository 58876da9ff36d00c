// The kit's one raw-SQL path on a real PostgreSQL: values always bound (never spliced into the text), PostgreSQL's
// own placeholders, and a transaction that commits or rolls back as a unit with the ORM's own writes.
import { defineEntity, p, type MikroORM } from '@mikro-orm/postgresql';
import { Migration } from '@mikro-orm/migrations';
import { createTestDatabases, type TestDatabases } from '@hub/infra';
import { hubEntityProperties } from '../entity';
import { initOrm, migrate } from '../orm';
import { knexBindings, onStatement, sql } from '../sql';

const Note = defineEntity({
  name: 'Note',
  tableName: 'note',
  properties: { ...hubEntityProperties, text: p.text() },
});

class CreateNote extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "note" ("id" uuid not null primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "text" text not null);`,
    );
  }
}

describe('placeholders', () => {
  it('turns $n into bound values in order, repeated where a placeholder is', () => {
    expect(knexBindings('select $2::int, $1::text, $2::int', ['a', 2])).toEqual({
      text: 'select ?::int, ?::text, ?::int',
      bindings: [2, 'a', 2],
    });
  });

  it('leaves $n inside strings, quoted names, comments, dollar quotes and names alone, and escapes every literal ?', () => {
    const text = `select '$1 ?', E'it\\'s $1', "a$1", b$1, $$ $1 $$, $q$ $1 $q$, 1 -- $1 ?\n, $1 /* $1 */, data ? 'k'`;
    expect(knexBindings(text, ['v'])).toEqual({
      text: `select '$1 \\?', E'it\\'s $1', "a$1", b$1, $$ $1 $$, $q$ $1 $q$, 1 -- $1 \\?\n, ? /* $1 */, data \\? 'k'`,
      bindings: ['v'],
    });
  });

  it('refuses a placeholder without a value and a value without a placeholder', () => {
    expect(() => knexBindings('select $2', ['a'])).toThrow(/\$2/);
    expect(() => knexBindings('select $1', ['a', 'b'])).toThrow(/1 of its 2/);
  });
});

describe('on PostgreSQL', () => {
  let dbs: TestDatabases;
  let orm: MikroORM;
  const sent: { sql: string; bindings?: readonly unknown[] }[] = [];
  beforeAll(async () => {
    dbs = await createTestDatabases(['raw']);
    ({ orm } = await initOrm({
      dbUrl: dbs.urls.raw,
      entities: [Note],
      migrations: [{ name: 'Migration20260101000000', class: CreateNote }],
    }));
    await migrate(orm);
    onStatement(orm, (s) => sent.push(s));
  });
  afterAll(async () => {
    await orm?.close(true);
    await dbs?.drop();
  });
  const texts = async () => (await sql(orm.em.fork()).rows<{ text: string }>('select text from note order by text')).map((r) => r.text);

  it('sends values as parameters: a quote, a question mark or SQL in a value is only text', async () => {
    const tricky = `O'Brien?'); drop table note; --`;
    const db = sql(orm.em.fork());
    sent.length = 0;
    expect(
      await db.run(`insert into note (id, created_at, updated_at, version, text) values (gen_random_uuid(), now(), now(), 1, $1)`, [
        tricky,
      ]),
    ).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ sql: expect.stringMatching(/, 1, \$1\)$/), bindings: [tricky] });
    expect(sent[0].sql).not.toContain('Brien');
    const [row] = await db.rows<{ text: string; same: boolean; n: number }>(
      `select text, text = $1 as same, length($1)::int as n from note where text = $1`,
      [tricky],
    );
    expect(row).toEqual({ text: tricky, same: true, n: tricky.length });
    expect(await db.rows(`select 1 from note where text = $1`, [`x' or '1' = '1`])).toEqual([]);
  });

  it('binds arrays as PostgreSQL arrays and keeps ? operators that are not placeholders', async () => {
    const [row] = await sql(orm.em.fork()).rows<{ hit: boolean; n: number }>(
      `select '{"k": 1}'::jsonb ? 'k' as hit, cardinality($1::int[])::int as n`,
      [[1, 2, 3]],
    );
    expect(row).toEqual({ hit: true, n: 3 });
  });

  it("commits a transaction as a unit: raw statements and the ORM's flush together", async () => {
    await sql(orm.em.fork()).transaction(async (tx) => {
      await tx.run(`insert into note (id, created_at, updated_at, version, text) values (gen_random_uuid(), now(), now(), 1, $1)`, [
        'raw commit',
      ]);
      tx.em.create(Note, { text: 'orm commit' });
    });
    expect(await texts()).toEqual(expect.arrayContaining(['orm commit', 'raw commit']));
  });

  it('rolls a failed transaction back as a unit: nothing of it is left', async () => {
    const before = await texts();
    const failed = sql(orm.em.fork()).transaction(async (tx) => {
      await tx.run(`insert into note (id, created_at, updated_at, version, text) values (gen_random_uuid(), now(), now(), 1, $1)`, [
        'raw rollback',
      ]);
      expect(await tx.rows('select 1 from note where text = $1', ['raw rollback'])).toHaveLength(1);
      tx.em.create(Note, { text: 'orm rollback' });
      await tx.em.flush();
      await tx.run('select 1 / $1::int', [0]); // division by zero
    });
    await expect(failed).rejects.toThrow(/division by zero/);
    expect(await texts()).toEqual(before);
  });

  it('joins the transaction of the EntityManager it is given', async () => {
    const em = orm.em.fork();
    await expect(
      em.transactional(async (txEm) => {
        await sql(txEm).run(
          `insert into note (id, created_at, updated_at, version, text) values (gen_random_uuid(), now(), now(), 1, $1)`,
          ['joined'],
        );
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    expect(await texts()).not.toContain('joined');
  });
});
