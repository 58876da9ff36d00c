// The kit's versioned write on a real PostgreSQL, through a subgraph's mutations: the input checked by its zod schema
// before anything is read (the first wrong field named by its path, nothing written), then the record, its version,
// and the reason rule for approved data (the reason kept in the change history).
import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { Migration } from '@mikro-orm/migrations';
import { hubEntityProperties } from '../entity';
import { defineLoaders } from '../loaders';
import { tracked } from '../history';
import { field, z } from '../input';
import { createRecord, deleteVersioned, updateVersioned } from '../writes';
import type { HubContext } from '../context';
import { defineSubgraph } from '../subgraph';
import { startTestSubgraph, type TestSubgraph } from '../testing';

const Place = defineEntity({
  name: 'Place',
  tableName: 'place',
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(100),
    rooms: p.integer(),
    status: p.string().length(10),
    opened: p.date().nullable(),
    contacts: p.json<{ name: string; phone: string }[]>().nullable(),
  },
});
type Place = InferEntity<typeof Place>;

/** Approved as its `tracked` declaration says: its writes give no `approved` of their own. */
const Notice = defineEntity({
  name: 'Notice',
  tableName: 'notice',
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    title: p.string().length(200),
    status: p.string().length(10),
  },
});
type Notice = InferEntity<typeof Notice>;

class CreateTables extends Migration {
  override async up(): Promise<void> {
    const base = `"id" uuid not null primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null unique`;
    this.addSql(
      `create table "place" (${base}, "name" varchar(100) not null, "rooms" int not null, "status" varchar(10) not null, "opened" date null, "contacts" jsonb null);`,
    );
    this.addSql(`create table "notice" (${base}, "title" varchar(200) not null, "status" varchar(10) not null);`);
  }
}

const typeDefs = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
type Query {
  place(code: String!): Place @classified(level: PUBLIC)
  notice(code: String!): Notice @classified(level: PUBLIC)
}
type Mutation {
  updatePlace(code: String!, input: PlaceUpdate!, expectedVersion: Int!, reason: String): Place! @classified(level: INTERNAL)
  updateNotice(code: String!, title: String, expectedVersion: Int!, reason: String): Notice! @classified(level: INTERNAL)
  createPlace(input: PlaceCreate!): Place! @classified(level: INTERNAL)
  deletePlace(code: String!, expectedVersion: Int!, reason: String): Place! @classified(level: INTERNAL)
}
input PlaceCreate { code: String, name: String, rooms: Int, status: String }
input PlaceUpdate { name: String, rooms: Int, status: String, opened: String, contacts: [ContactInput!] }
input ContactInput { name: String, phone: String }
type Place @key(fields: "code") @classified(level: PUBLIC) {
  code: String!
  name: String!
  rooms: Int!
  status: String!
  version: Int!
  history(first: Int, after: String): ChangeConnection @classified(level: INTERNAL)
}
type Notice @key(fields: "code") @classified(level: PUBLIC) {
  code: String!
  title: String!
  version: Int!
  history(first: Int, after: String): ChangeConnection @classified(level: INTERNAL)
}
`;

const PlaceUpdate = z.object({
  name: field.text(100).optional(),
  rooms: field.wholeNumber({ max: 10_000 }).optional(),
  status: z.enum(['DRAFT', 'APPROVED']).optional(),
  opened: field.date().nullish(),
  contacts: z
    .array(z.object({ name: field.text(), phone: field.code(/^0\d{9}$/, '0912345678') }))
    .max(5)
    .optional(),
});

const PlaceCreate = z.object({
  code: field.code(/^PL-\d{4}$/, 'PL-0001'),
  name: field.text(100),
  rooms: field.wholeNumber({ max: 10_000 }),
  status: z.enum(['DRAFT', 'APPROVED']).default('DRAFT'),
});

const definition = defineSubgraph({
  name: 'writes',
  dataset: 'TEST-WRITES',
  typeDefs,
  entities: [Place, Notice],
  migrations: [{ name: 'Migration20260101000000', class: CreateTables }],
  history: [
    tracked(Place, { fields: { opened: 'PUBLIC', contacts: 'PUBLIC' } }),
    tracked(Notice, { fields: { status: 'PUBLIC' }, approved: (before) => before.status === 'APPROVED' }),
  ],
  loaders: defineLoaders({}),
  seed: async (em: HubContext['em']) => {
    for (const [code, status] of [
      ['PL-0001', 'DRAFT'],
      ['PL-0002', 'APPROVED'],
      ['PL-0003', 'DRAFT'],
    ])
      em.create(Place, { code, name: `Place ${code}`, rooms: 10, status, opened: null, contacts: null });
    em.create(Notice, { code: 'NT-0001', title: 'Published notice', status: 'APPROVED' });
    em.create(Notice, { code: 'NT-0002', title: 'Draft notice', status: 'DRAFT' });
    await em.flush();
  },
  resolvers: {
    Query: {
      place: (_: unknown, a: { code: string }, ctx: HubContext) => ctx.em.findOne(Place, { code: a.code }),
      notice: (_: unknown, a: { code: string }, ctx: HubContext) => ctx.em.findOne(Notice, { code: a.code }),
    },
    Mutation: {
      createPlace: (_: unknown, a: { input: unknown }, ctx: HubContext) =>
        createRecord<Place, z.output<typeof PlaceCreate>>(
          ctx.em,
          ctx.caller,
          {
            entity: Place,
            coordinate: 'Mutation.createPlace',
            input: { schema: PlaceCreate, value: a.input },
            unique: (input) => ({ code: input.code }),
            what: (input) => `place "${input.code}"`,
          },
          (input) => ctx.em.create(Place, { ...input, opened: null, contacts: null }),
        ),
      deletePlace: (_: unknown, a: { code: string; expectedVersion: number }, ctx: HubContext) =>
        deleteVersioned<Place>(ctx.em, ctx.caller, {
          entity: Place,
          where: { code: a.code },
          what: `place "${a.code}"`,
          expectedVersion: a.expectedVersion,
          coordinate: 'Mutation.deletePlace',
          approved: (place) => place.status === 'APPROVED',
        }),
      updatePlace: (_: unknown, a: { code: string; input: unknown; expectedVersion: number }, ctx: HubContext) =>
        updateVersioned<Place, z.output<typeof PlaceUpdate>>(
          ctx.em,
          ctx.caller,
          {
            entity: Place,
            where: { code: a.code },
            what: `place "${a.code}"`,
            expectedVersion: a.expectedVersion,
            coordinate: 'Mutation.updatePlace',
            input: { schema: PlaceUpdate, value: a.input },
            approved: (place) => place.status === 'APPROVED',
          },
          (place, input) => {
            for (const [k, v] of Object.entries(input)) if (v !== undefined) Object.assign(place, { [k]: v });
          },
        ),
      updateNotice: (_: unknown, a: { code: string; title?: string; expectedVersion: number }, ctx: HubContext) =>
        updateVersioned<Notice, { title?: string }>(
          ctx.em,
          ctx.caller,
          {
            entity: Notice,
            where: { code: a.code },
            what: `notice "${a.code}"`,
            expectedVersion: a.expectedVersion,
            coordinate: 'Mutation.updateNotice',
            input: { schema: z.object({ title: field.text().optional() }), value: { title: a.title }, argument: '' },
          },
          (notice, input) => {
            if (input.title !== undefined) notice.title = input.title;
          },
        ),
    },
  },
});

const EDITOR = { sub: '6c1e0d1a-8f43-4f7e-9a52-3b1d2f4e5a60', agency: 'TEST', roles: ['DATA_EDITOR'], editorOf: ['TEST-WRITES'] };
const UPDATE = `mutation($code: String!, $input: PlaceUpdate!, $v: Int!, $r: String) {
  updatePlace(code: $code, input: $input, expectedVersion: $v, reason: $r) { name rooms status version } }`;
const STATE = `query($code: String!) { place(code: $code) { name rooms status version
  history { totalCount nodes { reason changes { field before after } } } } }`;

let sg: TestSubgraph;
beforeAll(async () => {
  sg = await startTestSubgraph(definition, { seed: true });
});
afterAll(() => sg?.stop());

const state = async (code: string) => (await sg.data(STATE, { code }, EDITOR)).place;

/** Runs the update and returns its first error's message and extensions, with the SQL statements it sent. */
async function refused(vars: { code: string; input: Record<string, unknown>; v: number; r?: string }, caller: object = EDITOR) {
  const before = sg.stats.sqlStatements;
  const res = await sg.execute(UPDATE, vars, caller);
  expect(res.errors).toHaveLength(1);
  const { localized: _vi, ...extensions } = res.errors![0].extensions ?? {};
  return { message: res.errors![0].message, ...extensions, statements: sg.stats.sqlStatements - before };
}

describe('input checked by its zod schema', () => {
  it('writes a valid input as parsed (text trimmed), moves the version on and records the change', async () => {
    const before = await state('PL-0001');
    const contacts = [{ name: ' Lễ tân ', phone: '0912345678' }];
    const res = await sg.data(
      UPDATE,
      { code: 'PL-0001', input: { name: '  Nhà khách Bản Giốc ', rooms: 24, contacts }, v: before.version },
      EDITOR,
    );
    expect(res.updatePlace).toEqual({ name: 'Nhà khách Bản Giốc', rooms: 24, status: 'DRAFT', version: before.version + 1 });
    const after = await state('PL-0001');
    expect(after.history.totalCount).toBe(before.history.totalCount + 1);
    expect(after.history.nodes[0]).toEqual({
      reason: null,
      changes: expect.arrayContaining([
        { field: 'name', before: 'Place PL-0001', after: 'Nhà khách Bản Giốc' },
        { field: 'rooms', before: 10, after: 24 },
        expect.objectContaining({ field: 'contacts', before: null }),
      ]),
    });
    expect((await sg.orm.em.fork().findOneOrFail(Place, { code: 'PL-0001' })).contacts).toEqual([{ name: 'Lễ tân', phone: '0912345678' }]);
  });

  it.each([
    ['input.name', 'must not be empty', { name: '   ' }],
    ['input.name', 'at most 100 characters (got 101)', { name: 'x'.repeat(101) }],
    ['input.name', 'contains a NUL character (U+0000), which cannot be stored', { name: 'a\u0000b' }],
    ['input.rooms', 'must be a whole number from 0 to 10000, got -1', { rooms: -1 }],
    ['input.status', 'must be one of "DRAFT", "APPROVED"', { status: 'PUBLISHED' }],
    ['input.opened', '"2025-02-30" is not a calendar date', { opened: '2025-02-30' }],
    [
      'input.contacts[2].phone',
      'must be a code like "0912345678", got "091-234"',
      { contacts: [0, 1, 2].map((i) => ({ name: `C${i}`, phone: i === 2 ? '091-234' : '0912345678' })) },
    ],
    ['input.contacts[0].name', 'is required', { contacts: [{ phone: '0912345678' }] }],
  ])('names %s (%s), reads nothing and writes nothing', async (argument, expected, input) => {
    const before = await state('PL-0003');
    expect(await refused({ code: 'PL-0003', input, v: before.version })).toEqual({
      message: `Invalid value for "${argument}": ${expected}`,
      code: 'BAD_USER_INPUT',
      argument,
      statements: 0,
    });
    expect(await state('PL-0003')).toEqual(before);
  });
});

describe('order: role, input, record, version', () => {
  it('refuses a caller who is not a data editor before looking at the input', async () => {
    const { version } = await state('PL-0003');
    const r = await refused({ code: 'PL-0003', input: { name: '' }, v: version }, { ...EDITOR, roles: ['OFFICIAL'] });
    expect(r).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Mutation.updatePlace', statements: 0 });
  });

  it('refuses a data editor granted other databases only (the second line checks its token names this one)', async () => {
    const { version } = await state('PL-0003');
    for (const editorOf of [['TEST-OTHER'], [], undefined]) {
      const r = await refused({ code: 'PL-0003', input: { name: 'X' }, v: version }, { ...EDITOR, editorOf });
      expect(r).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Mutation.updatePlace', statements: 0 });
    }
    expect((await state('PL-0003')).version).toBe(version);
  });

  it('names a bad input field before an unknown record or a stale version', async () => {
    const { version } = await state('PL-0003');
    expect(await refused({ code: 'PL-9999', input: { rooms: -1 }, v: version })).toMatchObject({ argument: 'input.rooms', statements: 0 });
    expect(await refused({ code: 'PL-0003', input: { rooms: -1 }, v: version - 1 })).toMatchObject({
      argument: 'input.rooms',
      statements: 0,
    });
  });

  it('with a valid input, names an unknown record, and a stale version is still a CONFLICT that writes nothing', async () => {
    const before = await state('PL-0003');
    expect(await refused({ code: 'PL-9999', input: { rooms: 5 }, v: before.version })).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'code',
      message: 'Invalid value for "code": no place "PL-9999"',
    });
    const stale = await refused({ code: 'PL-0003', input: { rooms: 5 }, v: before.version + 1 });
    expect(stale).toMatchObject({ code: 'CONFLICT' });
    expect(stale.message).toMatch(/^place "PL-0003" was changed since you read it/);
    expect(await state('PL-0003')).toEqual(before);
  });
});

describe('the reason rule for approved data', () => {
  it('refuses a change of an approved record without a reason, naming `reason`, and writes nothing', async () => {
    const before = await state('PL-0002');
    for (const input of [{ rooms: 30 }, {}]) {
      expect(await refused({ code: 'PL-0002', input, v: before.version })).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'reason',
        message: 'Invalid value for "reason": place "PL-0002" is approved data: say why it is changed',
      });
    }
    expect(await refused({ code: 'PL-0002', input: { rooms: 30 }, v: before.version, r: '   ' })).toMatchObject({ argument: 'reason' });
    expect(await state('PL-0002')).toEqual(before);
  });

  it('accepts it with a reason, which the change history keeps', async () => {
    const before = await state('PL-0002');
    const res = await sg.data(UPDATE, { code: 'PL-0002', input: { rooms: 30 }, v: before.version, r: ' Kiểm tra thực tế 2025 ' }, EDITOR);
    expect(res.updatePlace).toMatchObject({ rooms: 30, version: before.version + 1 });
    expect((await state('PL-0002')).history.nodes[0]).toEqual({
      reason: 'Kiểm tra thực tế 2025',
      changes: [{ field: 'rooms', before: 10, after: 30 }],
    });
  });

  it('asks for a reason by the record as read: a draft is approved without one, then changed only with one', async () => {
    const { version } = await state('PL-0003');
    await sg.data(UPDATE, { code: 'PL-0003', input: { status: 'APPROVED' }, v: version }, EDITOR);
    expect(await refused({ code: 'PL-0003', input: { name: 'Renamed' }, v: version + 1 })).toMatchObject({ argument: 'reason' });
  });

  it('takes approval from the entity’s tracked declaration when the write gives none', async () => {
    const NOTICE = `mutation($code: String!, $t: String, $v: Int!, $r: String) { updateNotice(code: $code, title: $t, expectedVersion: $v, reason: $r) { title version } }`;
    const HISTORY = `query($code: String!) { notice(code: $code) { version history { nodes { reason } } } }`;
    const published = (await sg.data(HISTORY, { code: 'NT-0001' }, EDITOR)).notice;
    const without = await sg.execute(NOTICE, { code: 'NT-0001', t: 'New title', v: published.version }, EDITOR);
    expect(without.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
    // Refused before anything changes, so even a write that would change nothing (which the flush lets through).
    const nothing = await sg.execute(NOTICE, { code: 'NT-0001', v: published.version }, EDITOR);
    expect(nothing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
    // The schema of all the arguments names them from the top: `title`, not `input.title`.
    const blank = await sg.execute(NOTICE, { code: 'NT-0001', t: ' ', v: published.version, r: 'x' }, EDITOR);
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'title' });
    await sg.data(NOTICE, { code: 'NT-0001', t: 'New title', v: published.version, r: 'Quyết định số 12' }, EDITOR);
    expect((await sg.data(HISTORY, { code: 'NT-0001' }, EDITOR)).notice.history.nodes[0].reason).toBe('Quyết định số 12');
    const draft = (await sg.data(HISTORY, { code: 'NT-0002' }, EDITOR)).notice;
    expect((await sg.data(NOTICE, { code: 'NT-0002', t: 'Still a draft', v: draft.version }, EDITOR)).updateNotice.version).toBe(
      draft.version + 1,
    );
  });
});

describe('create and delete', () => {
  const CREATE = `mutation($input: PlaceCreate!) { createPlace(input: $input) { code name rooms status version } }`;
  const DELETE = `mutation($code: String!, $v: Int!, $r: String) { deletePlace(code: $code, expectedVersion: $v, reason: $r) { code } }`;
  const idOf = async (code: string) => (await sg.orm.em.fork().findOneOrFail(Place, { code })).id;
  const changesOf = (id: string): Promise<{ operation: string; reason: string | null }[]> =>
    sg.orm.em.fork().getConnection().execute(`select operation, reason from hub_change where entity_id = ? order by at`, [id]);
  const error = async (query: string, variables: Record<string, unknown>, caller: object = EDITOR) => {
    const before = sg.stats.sqlStatements;
    const res = await sg.execute(query, variables, caller);
    expect(res.errors).toHaveLength(1);
    const { localized: _vi, ...extensions } = res.errors![0].extensions ?? {};
    return { message: res.errors![0].message, ...extensions, statements: sg.stats.sqlStatements - before };
  };

  it('creates a record at version 1 (the input as parsed, defaults applied) and records the creation', async () => {
    const res = await sg.data(CREATE, { input: { code: ' PL-0100 ', name: ' Nhà nghỉ Phong Nậm ', rooms: 8 } }, EDITOR);
    expect(res.createPlace).toEqual({ code: 'PL-0100', name: 'Nhà nghỉ Phong Nậm', rooms: 8, status: 'DRAFT', version: 1 });
    expect(await changesOf(await idOf('PL-0100'))).toEqual([{ operation: 'CREATE', reason: null }]);
  });

  it('refuses a taken key, naming input.code, and a bad field before reading anything; nothing is written', async () => {
    const count = () => sg.orm.em.fork().count(Place, {});
    const n = await count();
    expect(await error(CREATE, { input: { code: 'PL-0001', name: 'Copy', rooms: 1 } })).toEqual({
      message: 'Invalid value for "input.code": place "PL-0001" exists already',
      code: 'BAD_USER_INPUT',
      argument: 'input.code',
      statements: 1,
    });
    expect(await error(CREATE, { input: { code: 'PL-01', name: 'X', rooms: 1 } })).toMatchObject({
      argument: 'input.code',
      statements: 0,
    });
    expect(await error(CREATE, { input: { code: 'PL-0101', name: 'X', rooms: -3 } })).toMatchObject({
      argument: 'input.rooms',
      statements: 0,
    });
    expect(await error(CREATE, { input: { code: 'PL-0101', rooms: 1 } })).toMatchObject({ argument: 'input.name', statements: 0 });
    expect(await error(CREATE, { input: { code: 'PL-0101', name: 'X', rooms: 1 } }, { ...EDITOR, roles: ['OFFICIAL'] })).toMatchObject({
      code: 'FORBIDDEN',
      coordinate: 'Mutation.createPlace',
      statements: 0,
    });
    expect(await count()).toBe(n);
  });

  it('two creates of one key at once: one record, the other refused with BAD_USER_INPUT or CONFLICT, never an internal error', async () => {
    const input = { code: 'PL-0200', name: 'Race', rooms: 2 };
    const results = await Promise.all([sg.execute(CREATE, { input }, EDITOR), sg.execute(CREATE, { input }, EDITOR)]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    const refusedOne = results.find((r) => r.errors)!;
    expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(refusedOne.errors![0].extensions?.code);
    expect(await sg.orm.em.fork().count(Place, { code: 'PL-0200' })).toBe(1);
  });

  it('deletes the version the caller read, with a reason for approved data; the history keeps the deletion', async () => {
    await sg.data(CREATE, { input: { code: 'PL-0300', name: 'To remove', rooms: 1, status: 'APPROVED' } }, EDITOR);
    expect(await error(DELETE, { code: 'PL-0300', v: 2 })).toMatchObject({ code: 'CONFLICT' });
    expect(await error(DELETE, { code: 'PL-0300', v: 1 })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
    expect(await error(DELETE, { code: 'PL-9999', v: 1 })).toMatchObject({
      argument: 'code',
      message: 'Invalid value for "code": no place "PL-9999"',
    });
    expect(await error(DELETE, { code: 'PL-0300', v: 1, r: 'x' }, { ...EDITOR, editorOf: ['TEST-OTHER'] })).toMatchObject({
      code: 'FORBIDDEN',
      statements: 0,
    });
    const id = await idOf('PL-0300');
    expect((await sg.data(DELETE, { code: 'PL-0300', v: 1, r: 'Trùng hồ sơ' }, EDITOR)).deletePlace).toEqual({ code: 'PL-0300' });
    expect(await state('PL-0300')).toBeNull();
    expect(await changesOf(id)).toEqual([
      { operation: 'CREATE', reason: null },
      { operation: 'DELETE', reason: 'Trùng hồ sơ' },
    ]);
  });
});
