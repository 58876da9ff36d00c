// Contract and behaviour tests of the directory subgraph on a real PostgreSQL with the demo data.
import { startTestSubgraph, type TestSubgraph } from '@hub/kit/testing';
import { join } from 'node:path';
import { loadSubgraph } from '@hub/kit';

import { DISTRICTS, planCaoBang } from '@hub/schema/fixtures/cao-bang';
import { delayAfter } from '../services/sign-in-throttle.service';
import { linkDeclaredDatasets } from '../services';
import { createLogger } from '@hub/runtime';
import { sql } from '@hub/kit';
import { SUBGRAPHS } from '@hub/schema';

const directory = loadSubgraph(join(__dirname, '../..'));

let sg: TestSubgraph;
beforeAll(async () => {
  sg = await startTestSubgraph(directory, { seed: true });
});
afterAll(() => sg?.stop());

const ok = (query: string, variables?: Record<string, unknown>) => sg.data(query, variables);

describe('demo data', () => {
  it('has Cao Bằng before and after the 2025 reform', async () => {
    const { communes, merges } = planCaoBang();
    expect(communes).toHaveLength(161);
    expect(merges).toHaveLength(56);
    const before = await ok(`{ administrativeUnits(parentCode: "04", asOf: "2025-06-30", level: COMMUNE, first: 1) { totalCount } }`);
    const districts = await ok(`{ administrativeUnits(parentCode: "04", asOf: "2025-06-30", level: DISTRICT, first: 1) { totalCount } }`);
    const after = await ok(`{ administrativeUnits(parentCode: "04", asOf: "2025-07-01", first: 1) { totalCount } }`);
    expect(before.administrativeUnits.totalCount).toBe(161);
    expect(districts.administrativeUnits.totalCount).toBe(DISTRICTS.length);
    expect(after.administrativeUnits.totalCount).toBe(56);
  });

  it('loads only once', async () => {
    const { seedOnce } = await import('@hub/kit');
    expect(await seedOnce(sg.orm, 'demo', (directory.seed as Record<string, never>).demo)).toBe(false);
    const again = await ok(`{ administrativeUnits(parentCode: "04", first: 1) { totalCount } }`);
    expect(again.administrativeUnits.totalCount).toBe(56);
  });
});

describe('administrative units as of a date', () => {
  it('resolves a code to the version valid on the date, and a retired code to its last version', async () => {
    const d = await ok(`{
      old: administrativeUnit(code: "01435", asOf: "2024-01-01") { name level validTo parent { code } successors { code name } }
      now: administrativeUnit(code: "01435") { name validFrom parent { code } predecessors { code } }
      district: administrativeUnit(code: "047") { name validTo }
      gone: administrativeUnit(code: "047", asOf: "2025-07-01") { name }
      unknown: administrativeUnit(code: "99999") { name }
    }`);
    expect(d.old).toEqual({
      name: 'Xã Chí Viễn',
      level: 'COMMUNE',
      validTo: '2025-06-30',
      parent: { code: '047' },
      successors: [{ code: '01435', name: 'Xã Đàm Thủy' }],
    });
    expect(d.now).toEqual({
      name: 'Xã Đàm Thủy',
      validFrom: '2025-07-01',
      parent: { code: '04' },
      predecessors: [{ code: '01435' }, { code: '01438' }, { code: '01441' }],
    });
    expect(d.district).toEqual({ name: 'Huyện Trùng Khánh', validTo: '2025-06-30' });
    expect(d.gone).toBeNull();
    expect(d.unknown).toBeNull();
  });

  it('walks the tree: children as of a date, ancestors nearest first', async () => {
    const d = await ok(`{
      province: administrativeUnit(code: "04") {
        before: children(asOf: "2024-12-31") { code level }
        after: children { code }
      }
      commune: administrativeUnit(code: "01432", asOf: "2020-01-01") { ancestors { code } }
      district: administrativeUnit(code: "047", asOf: "2024-12-31") { children { code } currentCommuneCodes }
    }`);
    expect(d.province.before.map((u: { code: string }) => u.code)).toEqual(DISTRICTS.map((x) => x.code));
    expect(d.province.after).toHaveLength(56);
    expect(d.commune.ancestors.map((u: { code: string }) => u.code)).toEqual(['047', '04']);
    expect(d.district.children).toHaveLength(21);
    expect(d.district.currentCommuneCodes).toEqual(['01426', '01435', '01444', '01453', '01462', '01471', '01480']);
  });

  it('filters by level, parent and diacritic-free search, with cursor pages', async () => {
    const d = await ok(`{ administrativeUnits(search: "dam thuy", asOf: "2024-01-01") { nodes { code name } } }`);
    expect(d.administrativeUnits.nodes).toEqual([{ code: '01432', name: 'Xã Đàm Thủy' }]);
    const p1 = await ok(
      `{ administrativeUnits(parentCode: "047", asOf: "2024-01-01", first: 10) { nodes { code } pageInfo { hasNextPage endCursor } } }`,
    );
    const p3 = await ok(
      `query($after: String) { administrativeUnits(parentCode: "047", asOf: "2024-01-01", first: 20, after: $after) { nodes { code } pageInfo { hasNextPage } } }`,
      {
        after: p1.administrativeUnits.pageInfo.endCursor,
      },
    );
    expect(p1.administrativeUnits.pageInfo.hasNextPage).toBe(true);
    expect(p3.administrativeUnits.nodes).toHaveLength(11);
    expect(p3.administrativeUnits.pageInfo.hasNextPage).toBe(false);
  });
});

describe('agencies and datasets', () => {
  it('records mergers and ownership that moves with them', async () => {
    const d = await ok(`{
      agency(code: "STNMT") { name validTo successor { code name } }
      merged: agency(code: "SNNMT") { predecessors { code } datasets { code } }
      dataset(code: "CSDL-TNMT") {
        before: owner(asOf: "2025-01-15") { code }
        now: owner { code }
        ownerships { agency { code } validFrom validTo }
      }
    }`);
    expect(d.agency).toEqual({
      name: 'Sở Tài nguyên và Môi trường',
      validTo: '2025-02-28',
      successor: { code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường' },
    });
    expect(d.merged.predecessors.map((a: { code: string }) => a.code)).toEqual(['SNNPTNT', 'STNMT']);
    expect(d.merged.datasets.map((x: { code: string }) => x.code).sort()).toEqual(['CSDL-NNPTNT', 'CSDL-TNMT']);
    expect(d.dataset.before.code).toBe('STNMT');
    expect(d.dataset.now.code).toBe('SNNMT');
    expect(d.dataset.ownerships).toEqual([
      { agency: { code: 'STNMT' }, validFrom: null, validTo: '2025-02-28' },
      { agency: { code: 'SNNMT' }, validFrom: '2025-03-01', validTo: null },
    ]);
  });

  it("names the successor of a district People's Committee that ended with the 2025 reform", async () => {
    const d = await ok(`{
      district: agency(code: "UBND-047") { validTo successor { code name validFrom administrativeUnit { code name } } }
      city: agency(code: "UBND-040") { successor { code } }
      seat: agency(code: "UBND-01426") { predecessors { code } }
    }`);
    expect(d.district).toEqual({
      validTo: '2025-06-30',
      successor: {
        code: 'UBND-01426',
        name: 'Ủy ban nhân dân xã Trùng Khánh',
        validFrom: '2025-07-01',
        administrativeUnit: { code: '01426', name: 'Xã Trùng Khánh' },
      },
    });
    expect(d.city.successor).toEqual({ code: 'UBND-01252' });
    expect(d.seat.predecessors).toEqual([{ code: 'UBND-047' }]);
  });

  it('filters agencies by kind, date and search', async () => {
    const d = await ok(
      `{ agencies(filter: { kind: DEPARTMENT, asOf: "2025-12-01", search: "so" }, first: 100) { totalCount nodes { code } } }`,
    );
    expect(d.agencies.nodes.map((a: { code: string }) => a.code)).not.toContain('STNMT');
    expect(d.agencies.nodes.map((a: { code: string }) => a.code)).toContain('SNNMT');
  });

  it('carries provenance on every entity', async () => {
    const d = await ok(`{ agency(code: "SVHTTDL") { provenance { dataset { code owner { code } } updatedAt retrievedAt } } }`);
    expect(d.agency.provenance.dataset).toEqual({ code: 'DIR-DANHMUC', owner: { code: 'TTCDS' } });
    expect(new Date(d.agency.provenance.retrievedAt).getTime()).toBeGreaterThanOrEqual(new Date(d.agency.provenance.updatedAt).getTime());
  });
});

describe('federation contract', () => {
  it('resolves every @key through _entities', async () => {
    const unit = await ok(`{ administrativeUnit(code: "04") { id } }`);
    const d = await ok(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on AdministrativeUnit { code name }
        ... on Agency { code name }
        ... on Dataset { code name }
      } }`,
      {
        r: [
          { __typename: 'AdministrativeUnit', id: unit.administrativeUnit.id },
          { __typename: 'AdministrativeUnit', code: '01435' },
          { __typename: 'AdministrativeUnit', code: '99999' },
          { __typename: 'AdministrativeUnit', id: 'not-a-uuid' },
          { __typename: 'Agency', code: 'SVHTTDL' },
          { __typename: 'Dataset', code: 'CSDL-VHTTDL' },
        ],
      },
    );
    expect(d._entities).toEqual([
      { code: '04', name: 'Tỉnh Cao Bằng' },
      { code: '01435', name: 'Xã Đàm Thủy' },
      null,
      null,
      { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch' },
      { code: 'CSDL-VHTTDL', name: 'Cơ sở dữ liệu Văn hóa, Thể thao và Du lịch' },
    ]);
  });

  describe('a unit referred to by code and day (validOn)', () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { code name validOn validFrom validTo parent { code } } } }`;
    const ref = (code: string, validOn?: unknown) => ({
      __typename: 'AdministrativeUnit',
      code,
      ...(validOn === undefined ? {} : { validOn }),
    });

    it('resolves the version valid that day: an ended commune before 1 July 2025, the merged one from that day', async () => {
      const d = await ok(q, {
        r: [ref('01435', '2024-03-15'), ref('01435', '2025-06-30'), ref('01435', '2025-07-01'), ref('01435', null), ref('01435')],
      });
      const chiVien = { code: '01435', name: 'Xã Chí Viễn', validFrom: null, validTo: '2025-06-30', parent: { code: '047' } };
      const damThuy = { code: '01435', name: 'Xã Đàm Thủy', validFrom: '2025-07-01', validTo: null, parent: { code: '04' } };
      expect(d._entities).toEqual([
        { ...chiVien, validOn: '2024-03-15' },
        { ...chiVien, validOn: '2025-06-30' },
        { ...damThuy, validOn: '2025-07-01' },
        { ...damThuy, validOn: null },
        { ...damThuy, validOn: null },
      ]);
    });

    it('resolves a unit that still exists to its current version on a recent day, and to null on a day it did not exist', async () => {
      const d = await ok(q, {
        r: [ref('04', '2026-01-05'), ref('01438', '2026-01-05'), ref('01438', '2020-01-01'), ref('99999', '2024-01-01')],
      });
      expect(d._entities[0]).toMatchObject({ code: '04', name: 'Tỉnh Cao Bằng', validTo: null, validOn: '2026-01-05' });
      expect(d._entities[1]).toBeNull(); // merged into Đàm Thủy on 1 July 2025: no version on that day
      expect(d._entities[2]).toMatchObject({ code: '01438', validTo: '2025-06-30', parent: { code: '047' } });
      expect(d._entities[3]).toBeNull();
    });

    it('refuses a day that is no date, naming validOn, and still answers the other references', async () => {
      for (const bad of ['2024-13-01', '15/03/2024', 20240315, '2024-02-30', "2024-01-01'; drop table x; --"]) {
        const res = await sg.execute(q, { r: [ref('01435', '2024-03-15'), ref('01435', bad)] });
        expect(res.data?._entities).toEqual([expect.objectContaining({ name: 'Xã Chí Viễn' }), null]);
        expect(res.errors).toHaveLength(1);
        expect(res.errors![0]).toMatchObject({ path: ['_entities', 1], extensions: { code: 'BAD_USER_INPUT', argument: 'validOn' } });
        expect(res.errors![0].message).toMatch(/^Invalid value for "validOn": an AdministrativeUnit reference needs a day YYYY-MM-DD/);
      }
    });

    it('answers any number of dated references with one statement', async () => {
      const days = ['2020-01-01', '2023-06-01', '2024-03-15', '2025-06-30', '2025-07-01', '2026-01-05'];
      const codes = ['01435', '01438', '01441', '01426', '047', '04', '01399', '01432'];
      const r = Array.from({ length: 50 }, (_, i) => ref(codes[i % codes.length], days[i % days.length]));
      const before = sg.stats.sqlStatements;
      const d = await ok(q, { r });
      expect(sg.stats.sqlStatements - before).toBe(1 + 1); // the versions, then their parents
      expect(d._entities).toHaveLength(50);
      expect(d._entities.filter(Boolean).length).toBeGreaterThan(20);
    });
  });

  it('resolves an Account through _entities for those who may list it, FORBIDDEN for others, null for a non-uuid id', async () => {
    const [{ id }] = await sql(sg.orm.em.fork()).rows<{ id: string }>(`select id from account where username = 'sxd.official'`);
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Account { username source } } }`;
    const r = {
      r: [
        { __typename: 'Account', id },
        { __typename: 'Account', id: 'oidc:u-42' },
      ],
    };
    for (const caller of [
      { roles: ['SYSTEM_ADMIN'] },
      { roles: ['AUDITOR'] },
      { roles: ['AGENCY_ADMIN'], agency: 'SXD' },
      { sub: id, roles: ['OFFICIAL'], agency: 'SXD' },
    ]) {
      const res = await sg.execute(q, r, caller);
      expect({ caller, errors: res.errors, data: res.data }).toEqual({
        caller,
        errors: undefined,
        data: { _entities: [{ username: 'sxd.official', source: 'HUB' }, null] },
      });
    }
    for (const caller of [
      { roles: ['OFFICIAL'], agency: 'SXD' },
      { roles: ['AGENCY_ADMIN'], agency: 'SVHTTDL' },
    ]) {
      const res = await sg.execute(q, r, caller);
      expect(res.data?._entities).toEqual([null, null]);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Change.account' });
    }
  });

  it('publishes its SDL with classifications through _service', async () => {
    const d = await ok(`{ _service { sdl } }`);
    expect(d._service.sdl).toContain('@classified(level: PUBLIC)');
    expect(d._service.sdl).toContain('type AdministrativeUnit');
  });
});

describe('sign-in throttle', () => {
  it('lets the free failures through, then doubles the wait up to the maximum', () => {
    const rule = { freeFailures: 5, baseDelaySeconds: 30, maxDelaySeconds: 900 };
    expect([1, 4, 5, 6, 7, 9, 10, 11, 40].map((f) => delayAfter(rule, f))).toEqual([0, 0, 30, 60, 120, 480, 900, 900, 900]);
  });
});

describe('bad input', () => {
  it('rejects a page size above the maximum, naming `first`', async () => {
    const res = await sg.execute(`{ administrativeUnits(first: 100000) { totalCount } }`);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('rejects a malformed date', async () => {
    const res = await sg.execute(`query($d: Date) { administrativeUnit(code: "04", asOf: $d) { name } }`, { d: '2025-02-30' });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toContain('$d');
  });
});

describe('refusals in Vietnamese (extensions.localized, for the gateway to answer with)', () => {
  const vi = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
    (res.errors?.[0].extensions?.localized as { vi: string } | undefined)?.vi;
  const CREATE = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`;
  const input = { username: 'sxd.moi', displayName: 'Nguyễn Văn Mới', agencyCode: 'SXD', roles: ['OFFICIAL'], password: 'ngắn' };

  it('a write the caller may not make: FORBIDDEN, worded for a mutation', async () => {
    const res = await sg.execute(CREATE, { input }, { roles: ['AGENCY_ADMIN'], agency: 'SVHTTDL' });
    expect(res.errors?.[0]).toMatchObject({
      message: 'Not allowed to read Mutation.createAccount: an agency admin manages the accounts of their own agency (SVHTTDL) only',
      extensions: { code: 'FORBIDDEN', coordinate: 'Mutation.createAccount' },
    });
    expect(vi(res)).toBe(
      'Không được phép thực hiện Mutation.createAccount: quản trị viên cơ quan chỉ được quản lý tài khoản của cơ quan mình (SVHTTDL)',
    );
  });

  it('bad input, a helper’s words (passwordProblem) included, writing nothing', async () => {
    const res = await sg.execute(CREATE, { input }, { roles: ['AGENCY_ADMIN'], agency: 'SXD' });
    expect(res.errors?.[0]).toMatchObject({
      message: 'Invalid value for "input.password": must be at least 12 characters',
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.password' },
    });
    expect(vi(res)).toBe('Giá trị không hợp lệ của "input.password": phải có ít nhất 12 ký tự');
    const none = await sg.execute(`{ accounts(agencyCode: "SXD", first: 100) { nodes { username } } }`, undefined, {
      roles: ['SYSTEM_ADMIN'],
    });
    expect(none.data?.accounts.nodes.map((a: { username: string }) => a.username)).not.toContain('sxd.moi');
  });

  it('a dated unit reference whose day is no date: the date problem joined in both languages', async () => {
    const res = await sg.execute(`query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { name } } }`, {
      r: [{ __typename: 'AdministrativeUnit', code: '01435', validOn: '2024-02-30' }],
    });
    expect(res.errors?.[0].message).toBe(
      'Invalid value for "validOn": an AdministrativeUnit reference needs a day YYYY-MM-DD: "2024-02-30" is not a calendar date',
    );
    expect(vi(res)).toBe(
      'Giá trị không hợp lệ của "validOn": một tham chiếu AdministrativeUnit cần một ngày dạng YYYY-MM-DD: "2024-02-30" không phải một ngày có thật trong lịch',
    );
  });
});

describe('data editors per database (Cao Bằng Art. 6.3)', () => {
  const ADMIN = { roles: ['AGENCY_ADMIN'], agency: 'SNNMT' };
  const SET = `mutation($u: String!, $d: [String!]!) { setEditorDatasets(username: $u, datasetCodes: $d) { roles editorOf { code } } }`;
  const CREATE = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { username roles editorOf { code } } }`;
  const base = { displayName: 'Lục Văn Thử', agencyCode: 'SNNMT', password: 'a-long-enough-password' };
  const account = async (u: string) =>
    (
      await sg.execute(`{ accounts(agencyCode: "SNNMT", first: 100) { nodes { username roles editorOf { code } } } }`, undefined, ADMIN)
    ).data?.accounts.nodes.find((a: { username: string }) => a.username === u);

  it('an agency admin makes an editor of one of the databases its agency owns, and changes it to another', async () => {
    const made = await sg.execute(
      CREATE,
      { input: { ...base, username: 'snnmt.thu', roles: ['DATA_EDITOR'], editorOf: ['CSDL-TNMT', 'CSDL-TNMT'] } },
      ADMIN,
    );
    expect(made.errors).toBeUndefined();
    expect(made.data?.createAccount).toEqual({ username: 'snnmt.thu', roles: ['DATA_EDITOR'], editorOf: [{ code: 'CSDL-TNMT' }] });
    const moved = await sg.execute(SET, { u: 'snnmt.thu', d: ['CSDL-NNPTNT', 'CSDL-TNMT'] }, ADMIN);
    expect(moved.data?.setEditorDatasets.editorOf).toEqual([{ code: 'CSDL-NNPTNT' }, { code: 'CSDL-TNMT' }]);
    // An official becomes an editor by being granted a database, and stops being one with an empty list.
    await sg.execute(CREATE, { input: { ...base, username: 'snnmt.canbo', roles: ['OFFICIAL'] } }, ADMIN);
    expect((await sg.execute(SET, { u: 'snnmt.canbo', d: ['CSDL-NNPTNT'] }, ADMIN)).data?.setEditorDatasets).toEqual({
      roles: ['DATA_EDITOR', 'OFFICIAL'],
      editorOf: [{ code: 'CSDL-NNPTNT' }],
    });
    expect((await sg.execute(SET, { u: 'snnmt.canbo', d: [] }, ADMIN)).data?.setEditorDatasets).toEqual({
      roles: ['OFFICIAL'],
      editorOf: [],
    });
    // Losing the role through setRoles loses the databases too; the role cannot come back without naming them.
    await sg.execute(SET, { u: 'snnmt.canbo', d: ['CSDL-TNMT'] }, ADMIN);
    await sg.execute(`mutation { setRoles(username: "snnmt.canbo", roles: [OFFICIAL]) { username } }`, undefined, ADMIN);
    expect(await account('snnmt.canbo')).toMatchObject({ roles: ['OFFICIAL'], editorOf: [] });
    const back = await sg.execute(
      `mutation { setRoles(username: "snnmt.canbo", roles: [OFFICIAL, DATA_EDITOR]) { username } }`,
      undefined,
      ADMIN,
    );
    expect(back.errors?.[0]).toMatchObject({
      message: 'Invalid value for "roles": DATA_EDITOR is granted per database: name them with setEditorDatasets',
      extensions: { code: 'BAD_USER_INPUT', argument: 'roles' },
    });
  });

  it("refuses a database the agency does not own, an unknown one, an editor without databases and another agency's admin, changing nothing", async () => {
    const before = await account('snnmt.thu');
    const notOwned = await sg.execute(SET, { u: 'snnmt.thu', d: ['CSDL-TNMT', 'CSDL-VHTTDL'] }, ADMIN);
    expect(notOwned.errors?.[0]).toMatchObject({
      message:
        'Invalid value for "datasetCodes[1]": SNNMT does not own CSDL-VHTTDL (today or from a recorded date): only the owner\'s accounts edit it',
      extensions: { code: 'BAD_USER_INPUT', argument: 'datasetCodes[1]' },
    });
    const unknown = await sg.execute(SET, { u: 'snnmt.thu', d: ['CSDL-KHONG-CO'] }, ADMIN);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'datasetCodes[0]' });
    // A former owner's databases are not its own any more: Natural Resources and Environment ended with the merger.
    const ended = await sg.execute(SET, { u: 'snnmt.thu', d: ['CSDL-TNMT'] }, { roles: ['AGENCY_ADMIN'], agency: 'STNMT' });
    expect(ended.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Mutation.setEditorDatasets' });
    const noDatabases = await sg.execute(CREATE, { input: { ...base, username: 'snnmt.rong', roles: ['DATA_EDITOR'] } }, ADMIN);
    expect(noDatabases.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.editorOf' });
    const withoutRole = await sg.execute(
      CREATE,
      { input: { ...base, username: 'snnmt.rong', roles: ['OFFICIAL'], editorOf: ['CSDL-TNMT'] } },
      ADMIN,
    );
    expect(withoutRole.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.editorOf' });
    expect(await account('snnmt.rong')).toBeUndefined();
    expect(await account('snnmt.thu')).toEqual(before);
  });

  it("records each grant in the account's history", async () => {
    const res = await sg.execute(
      `{ accounts(agencyCode: "SNNMT", first: 100) { nodes { username history { nodes { changes { field after } } } } } }`,
      undefined,
      { roles: ['SYSTEM_ADMIN'] },
    );
    const thu = res.data?.accounts.nodes.find((a: { username: string }) => a.username === 'snnmt.thu');
    const fields = thu.history.nodes.flatMap((n: { changes: { field: string }[] }) => n.changes.map((c) => c.field));
    expect(fields).toContain('editorOf');
  });
});

describe('the catalogue follows the registry', () => {
  it('links every declared dataset to the subgraph that declares it, owned as the demo data says', async () => {
    const d = await ok('{ datasets(first: 100) { nodes { code subgraph owner { code } } } }');
    const byCode = new Map(d.datasets.nodes.map((n: { code: string }) => [n.code, n]));
    for (const s of SUBGRAPHS) expect(byCode.get(s.dataset)).toMatchObject({ subgraph: s.name, owner: { code: expect.any(String) } });
    // Datasets no subgraph declares stay unlinked.
    expect(byCode.get('CSDL-GTVT')).toMatchObject({ subgraph: null });
  });

  it('on an empty directory creates each declared dataset, and does nothing the second time', async () => {
    const empty = await startTestSubgraph(directory);
    try {
      const d = await empty.data('{ datasets(first: 100) { nodes { code subgraph owner { code } } } }');
      expect(d.datasets.nodes.map((n: { code: string; subgraph: string }) => [n.code, n.subgraph]).sort()).toEqual(
        SUBGRAPHS.map((s) => [s.dataset, s.name]).sort(),
      );
      // No agencies yet: no owner until one is recorded.
      expect(d.datasets.nodes.every((n: { owner: unknown }) => n.owner === null)).toBe(true);
      const again = await linkDeclaredDatasets(empty.orm.em.fork() as never, SUBGRAPHS, createLogger('directory', 'silent'));
      expect(again).toEqual({ created: [], linked: [] });
      // A declared name names the new catalogue entry; without one, the code does.
      const named = [{ ...SUBGRAPHS[0], name: 'transport', dataset: 'CSDL-GTVT-CAUDUONG', datasetName: 'Cơ sở dữ liệu cầu đường' }];
      await linkDeclaredDatasets(empty.orm.em.fork() as never, named, createLogger('directory', 'silent'));
      const created = await empty.data('{ dataset(code: "CSDL-GTVT-CAUDUONG") { name subgraph } }');
      expect(created.dataset).toEqual({ name: 'Cơ sở dữ liệu cầu đường', subgraph: 'transport' });
    } finally {
      await empty.stop();
    }
  });
});
