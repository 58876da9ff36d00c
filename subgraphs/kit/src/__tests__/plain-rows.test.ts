// The list read's plain rows hold what MikroORM's result mapper gives for the same columns: text, numbers,
// booleans, JSON and arrays as the driver parses them, date-times as Dates, dates as text, a reference as `{ id }`.
import { defineEntity, p, type EntityManager, type InferEntity } from '@mikro-orm/postgresql';
import { createTestDatabases } from '@hub/infra';
import { hubEntityProperties } from '../entity';
import { initOrm } from '../orm';
import { plainRows } from '../pagination';

const Thing = defineEntity({
  name: 'Thing',
  tableName: 'thing',
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    label: p.text().nullable(),
    count: p.integer(),
    share: p.double().nullable(),
    active: p.boolean(),
    day: p.date().nullable(),
    seenAt: p.datetime().nullable(),
    tags: p.array().nullable(),
    extra: p.json<{ a: number }>().nullable(),
    parent: () => p.manyToOne(Thing).nullable(),
  },
});
type Thing = InferEntity<typeof Thing>;

describe('plainRows', () => {
  let orm: Awaited<ReturnType<typeof initOrm>>['orm'];
  beforeAll(async () => {
    const dbs = await createTestDatabases(['plain-rows']);
    ({ orm } = await initOrm({ dbUrl: dbs.urls['plain-rows'], entities: [Thing as never], migrations: [] }));
    await orm.schema.createSchema();
    const em = orm.em.fork() as EntityManager;
    const a = em.create(Thing, {
      code: 'A',
      label: 'Ánh',
      count: 1,
      share: 0.25,
      active: true,
      day: '2025-07-01',
      seenAt: new Date('2025-06-30T17:00:00.123Z'),
      tags: ['x', 'y'],
      extra: { a: 1 },
      parent: null,
    });
    em.create(Thing, {
      code: 'B',
      label: null,
      count: 2,
      share: null,
      active: false,
      day: null,
      seenAt: null,
      tags: null,
      extra: null,
      parent: a,
    });
    await em.flush();
  });
  afterAll(() => orm.close(true));

  const viaMapper = async (fields?: string[]) => {
    const qb = (orm.em.fork() as EntityManager)
      .createQueryBuilder(Thing)
      .select((fields ?? '*') as never)
      .orderBy({ code: 'asc' });
    const rows = await qb.execute<Record<string, unknown>[]>('all', true);
    for (const r of rows) if (r.parent != null && typeof r.parent !== 'object') r.parent = { id: r.parent };
    return rows;
  };

  it('reads every column as the mapper does', async () => {
    const got = await plainRows(orm.em.fork() as EntityManager, Thing, {}, { code: 'asc' });
    expect(got).toEqual(await viaMapper());
    expect(got[0].seenAt).toEqual(new Date('2025-06-30T17:00:00.123Z'));
    expect(got[0].day).toBe('2025-07-01');
    expect(got[1].parent).toEqual({ id: got[0].id });
  });

  it('reads only the asked columns, under their property names', async () => {
    const fields = ['code', 'seenAt', 'parent', 'extra'];
    const got = await plainRows(orm.em.fork() as EntityManager, Thing, { active: false }, { code: 'asc' }, 10, fields);
    expect(got).toEqual([{ code: 'B', seenAt: null, parent: expect.objectContaining({ id: expect.any(String) }), extra: null }]);
    expect(Object.keys(got[0]).sort()).toEqual([...fields].sort());
  });
});
