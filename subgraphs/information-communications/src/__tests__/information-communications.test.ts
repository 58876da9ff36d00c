// Contract and behaviour tests of the information-communications subgraph on a real PostgreSQL with its demo data.
import { schemaDrift, startFolderSubgraph, type TestSubgraph } from '@hub/kit/testing';
import { join } from 'node:path';
import { COMMUNES, licences, postalPoints, stations, villages } from '../seed';
import { PRESS_AGENCIES } from '../seed/cao-bang';

const DIR = join(__dirname, '../..');
let sg: TestSubgraph;
beforeAll(async () => {
  sg = await startFolderSubgraph(DIR, { seed: true });
});
afterAll(() => sg?.stop());

const EDITOR = { sub: '00000000-0000-4000-8000-000000000001', agency: 'SKHCN', roles: ['DATA_EDITOR'], editorOf: ['CSDL-TTTT'] };
const OTHER_EDITOR = { ...EDITOR, sub: '00000000-0000-4000-8000-000000000002', agency: 'SNNMT', editorOf: ['CSDL-TNMT'] };
const OFFICIAL = { ...EDITOR, roles: ['OFFICIAL'], editorOf: [] };

const POSTAL = postalPoints();
const STATIONS = stations();
const LICENCES = licences();
const VILLAGES = villages();

/** The SQL statements `fn` runs. */
async function statements(fn: () => Promise<unknown>): Promise<number> {
  const before = sg.stats.sqlStatements;
  await fn();
  return sg.stats.sqlStatements - before;
}
const errorOf = async (q: string, v?: Record<string, unknown>, caller?: Record<string, unknown>) =>
  (await sg.execute(q, v, caller as never)).errors?.[0];

describe('demo data', () => {
  it('holds the registers, enough rows to paginate, spread over every commune of today', async () => {
    const d = await sg.data(`{
      pressAgencies { totalCount } publishingLicences { totalCount } postalPoints(first: 2) { totalCount pageInfo { hasNextPage } }
      telecomStations { totalCount } villagesWithoutCoverage { totalCount }
    }`);
    expect(d.pressAgencies.totalCount).toBe(PRESS_AGENCIES.length);
    expect(d.publishingLicences.totalCount).toBeGreaterThanOrEqual(100);
    expect(d.postalPoints.totalCount).toBeGreaterThanOrEqual(250);
    expect(d.postalPoints.pageInfo.hasNextPage).toBe(true);
    expect(d.telecomStations.totalCount).toBeGreaterThanOrEqual(300);
    expect(d.villagesWithoutCoverage.totalCount).toBe(VILLAGES.length);
    expect(COMMUNES).toHaveLength(56);
    for (const c of COMMUNES) {
      expect(POSTAL.some((p) => p.communeCode === c.code)).toBe(true);
      expect(STATIONS.some((s) => s.communeCode === c.code)).toBe(true);
    }
    expect(POSTAL.filter((p) => p.communeCode === '01435').length).toBeGreaterThanOrEqual(1);
  });

  it("keeps each dated record's commune on record among the old communes merged into today's", () => {
    const from = new Map(COMMUNES.map((c) => [c.code, c.from.map((f) => f.code)]));
    const rows = [
      ...POSTAL.map((p) => [p.communeCode, p.communeCodeOnRecord, p.openedOn]),
      ...LICENCES.map((l) => [l.communeCode, l.communeCodeOnRecord, l.issuedOn]),
    ];
    rows.push(...STATIONS.map((s) => [s.communeCode, s.communeCodeOnRecord, s.permittedOn]));
    rows.push(...VILLAGES.map((v) => [v.communeCode, v.communeCodeOnRecord, v.surveyedOn]));
    for (const [today, onRecord, day] of rows) {
      if ((day as string) >= '2025-07-01') expect(onRecord).toBe(today);
      else expect(from.get(today as string)).toContain(onRecord);
    }
    // the licence's issuer is the department competent on its day
    for (const l of LICENCES) expect(l.issuerCode).toBe(l.issuedOn < '2025-03-01' ? 'STTTT' : 'SKHCN');
  });
});

describe('lists and lookups', () => {
  it('filters postal points and stations, and pages through them', async () => {
    const d = await sg.data(`{
      cultural: postalPoints(filter: { kind: COMMUNE_CULTURAL_POST }) { totalCount }
      inDamThuy: postalPoints(filter: { communeCodes: ["01435"] }) { totalCount nodes { code name commune { code validOn } } }
      search: postalPoints(filter: { search: "ban gioc" }) { nodes { name } }
      g5: telecomStations(filter: { technology: G5 }) { totalCount }
      viettel: telecomStations(filter: { operator: VIETTEL, status: IN_SERVICE }) { totalCount }
      page1: telecomStations(first: 100) { nodes { code } pageInfo { endCursor hasNextPage } }
    }`);
    expect(d.cultural.totalCount).toBe(161);
    expect(d.inDamThuy.totalCount).toBe(POSTAL.filter((p) => p.communeCode === '01435').length);
    expect(d.inDamThuy.nodes[0].commune).toEqual({ code: '01435', validOn: null });
    expect(d.search.nodes.map((n: { name: string }) => n.name)).toContain('Đại lý bưu chính Bản Giốc');
    expect(d.g5.totalCount).toBe(STATIONS.filter((s) => s.technologies.includes('G5')).length);
    expect(d.g5.totalCount).toBeGreaterThan(0);
    expect(d.viettel.totalCount).toBe(STATIONS.filter((s) => s.operator === 'VIETTEL' && s.status === 'IN_SERVICE').length);
    const page2 = await sg.data(`query($a: String) { telecomStations(first: 100, after: $a) { nodes { code } } }`, {
      a: d.page1.pageInfo.endCursor,
    });
    expect(page2.telecomStations.nodes[0].code).toBe(STATIONS[100].code);
  });

  it('names the issuer, the governing agency and the successor of press agencies', async () => {
    const d = await sg.data(`{
      radio: pressAgency(code: "BC-02") { name kind issuer { code } licensedByName governingAgency { code } status endedOn successor { code name } }
      bulletin: pressAgency(code: "BC-04") { issuer { code } governingAgency { code } provenance { dataset { code } } }
      merged: pressAgencies(filter: { status: MERGED }) { nodes { code } }
      none: pressAgency(code: "BC-99") { name }
    }`);
    expect(d.radio).toEqual({
      name: 'Đài Phát thanh và Truyền hình Cao Bằng',
      kind: 'RADIO_TV',
      issuer: null,
      licensedByName: 'Bộ Thông tin và Truyền thông',
      governingAgency: { code: 'UBND-04' },
      status: 'MERGED',
      endedOn: '2025-06-30',
      successor: { code: 'BC-05', name: 'Báo và Phát thanh, Truyền hình Cao Bằng' },
    });
    expect(d.bulletin).toEqual({
      issuer: { code: 'STTTT' },
      governingAgency: { code: 'SKHCN' },
      provenance: { dataset: { code: 'CSDL-TTTT' } },
    });
    expect(d.merged.nodes.map((n: { code: string }) => n.code)).toEqual(['BC-01', 'BC-02']);
    expect(d.none).toBeNull();
  });

  it('gives a licence its issuer of the day and its commune then and now', async () => {
    const old = LICENCES.find((l) => l.issuedOn < '2025-03-01' && l.communeCodeOnRecord !== l.communeCode)!;
    const recent = LICENCES.find((l) => l.issuedOn >= '2025-07-01')!;
    const q = `query($n: String!) { publishingLicence(number: $n) { number issuedOn issuer { code } commune { code validOn } communeOnRecord { code validOn } } }`;
    expect((await sg.data(q, { n: old.number })).publishingLicence).toEqual({
      number: old.number,
      issuedOn: old.issuedOn,
      issuer: { code: 'STTTT' },
      commune: { code: old.communeCode, validOn: null },
      communeOnRecord: { code: old.communeCodeOnRecord, validOn: old.issuedOn },
    });
    expect((await sg.data(q, { n: recent.number })).publishingLicence).toMatchObject({
      issuer: { code: 'SKHCN' },
      communeOnRecord: { code: recent.communeCode, validOn: recent.issuedOn },
    });
    const bySkhcn = await sg.data(`{ publishingLicences(filter: { issuerCode: "SKHCN" }) { totalCount } }`);
    expect(bySkhcn.publishingLicences.totalCount).toBe(LICENCES.filter((l) => l.issuerCode === 'SKHCN').length);
  });

  it('reads a page of 20 or of 200 points with their references and history in the same number of statements', async () => {
    const q = `query($n: Int) { postalPoints(first: $n) { nodes { code commune { code } communeOnRecord { code validOn } history(first: 1) { nodes { operation } } } } }`;
    const small = await statements(() => sg.data(q, { n: 20 }, EDITOR));
    const large = await statements(() => sg.data(q, { n: 200 }, EDITOR));
    expect(large).toBe(small);
  });
});

describe('federation contract', () => {
  it('resolves every entity by its @key, unknown keys as null', async () => {
    const d = await sg.data(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on PressAgency { name } ... on PublishingLicence { holderName } ... on PostalPoint { name }
        ... on TelecomStation { name } ... on VillageWithoutCoverage { villageName } } }`,
      {
        r: [
          { __typename: 'PressAgency', code: 'BC-03' },
          { __typename: 'PublishingLicence', number: LICENCES[4].number },
          { __typename: 'PostalPoint', code: POSTAL[7].code },
          { __typename: 'TelecomStation', code: STATIONS[9].code },
          { __typename: 'VillageWithoutCoverage', code: VILLAGES[2].code },
          { __typename: 'PressAgency', code: 'nope' },
          { __typename: 'PublishingLicence', number: 'nope' },
          { __typename: 'PostalPoint', code: 'nope' },
          { __typename: 'TelecomStation', code: 'nope' },
          { __typename: 'VillageWithoutCoverage', code: 'nope' },
        ],
      },
    );
    expect(d._entities).toEqual([
      { name: 'Tạp chí Văn nghệ Non Nước Cao Bằng' },
      { holderName: LICENCES[4].holderName },
      { name: POSTAL[7].name },
      { name: STATIONS[9].name },
      { villageName: VILLAGES[2].villageName },
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('resolves many entities of a type with one statement', async () => {
    const r = STATIONS.slice(0, 40).map((s) => ({ __typename: 'TelecomStation', code: s.code }));
    const n = await statements(() =>
      sg.data(`query($r: [_Any!]!) { _entities(representations: $r) { ... on TelecomStation { code } } }`, { r }),
    );
    expect(n).toBe(1);
  });

  const UNIT_LISTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit {
    postalPoints(first: 2) { totalCount nodes { code commune { code } } pageInfo { hasNextPage } }
    agents: postalPoints(kind: AGENT) { totalCount }
    telecomStations(operator: VIETTEL, first: 3) { totalCount nodes { code operator } }
    g4: telecomStations(technology: G4) { totalCount }
    villagesWithoutCoverage { totalCount }
  } } }`;
  const unit = (codes: string[], code = codes[0]) => ({ __typename: 'AdministrativeUnit', code, currentCommuneCodes: codes });

  it("contributes AdministrativeUnit's postal points, stations and villages from its current communes", async () => {
    const d = await sg.data(UNIT_LISTS, {
      r: [unit(['01426', '01435', '01444'], '047'), unit(['01435']), unit(['01312']), unit([], '99999')],
    });
    const inUnit = <T extends { communeCode: string }>(rows: T[], codes: string[]) => rows.filter((r) => codes.includes(r.communeCode));
    const trungKhanh = ['01426', '01435', '01444'];
    expect(d._entities[0].postalPoints.totalCount).toBe(inUnit(POSTAL, trungKhanh).length);
    expect(d._entities[0].postalPoints.nodes).toHaveLength(2);
    expect(d._entities[0].postalPoints.pageInfo.hasNextPage).toBe(true);
    expect(d._entities[0].agents.totalCount).toBe(inUnit(POSTAL, trungKhanh).filter((p) => p.kind === 'AGENT').length);
    expect(d._entities[1].postalPoints.totalCount).toBeGreaterThanOrEqual(1);
    expect(d._entities[1].postalPoints.nodes[0].commune).toEqual({ code: '01435' });
    expect(d._entities[2].telecomStations.totalCount).toBe(inUnit(STATIONS, ['01312']).filter((s) => s.operator === 'VIETTEL').length);
    expect(d._entities[2].g4.totalCount).toBe(inUnit(STATIONS, ['01312']).filter((s) => s.technologies.includes('G4')).length);
    expect(d._entities[0].villagesWithoutCoverage.totalCount).toBe(inUnit(VILLAGES, trungKhanh).length);
    expect(d._entities[3]).toEqual({
      postalPoints: { totalCount: 0, nodes: [], pageInfo: { hasNextPage: false } },
      agents: { totalCount: 0 },
      telecomStations: { totalCount: 0, nodes: [] },
      g4: { totalCount: 0 },
      villagesWithoutCoverage: { totalCount: 0 },
    });
  });

  it('answers the lists of 5 units and of 50 units with the same number of statements', async () => {
    const five = COMMUNES.slice(0, 5).map((c) => unit([c.code]));
    const fifty = COMMUNES.slice(0, 50).map((c) => unit([c.code]));
    const small = await statements(() => sg.data(UNIT_LISTS, { r: five }));
    const large = await statements(() => sg.data(UNIT_LISTS, { r: fifty }));
    expect(large).toBe(small);
    expect(small).toBe(5); // one per distinct filter: postal points (all, AGENT), stations (VIETTEL, G4), villages
  });
});

describe('postal point writes', () => {
  const CREATE = `mutation($i: PostalPointCreate!) { createPostalPoint(input: $i) { code name kind agentName communeOnRecord { code validOn } version
    history { nodes { operation changes { field after } } } } }`;
  const UPDATE = `mutation($c: String!, $i: PostalPointUpdate!, $v: Int!, $r: String) { updatePostalPoint(code: $c, input: $i, expectedVersion: $v, reason: $r) {
    name agentPhone version history { nodes { operation reason changes { field before after masked } } } } }`;
  const DELETE = `mutation($c: String!, $v: Int!, $r: String) { deletePostalPoint(code: $c, expectedVersion: $v, reason: $r) }`;
  const NEW = {
    code: 'BC-0900',
    name: 'Đại lý bưu chính Thác Bản Giốc (thử)',
    kind: 'AGENT',
    operatorName: 'Bưu điện tỉnh Cao Bằng (Tổng công ty Bưu điện Việt Nam)',
    address: 'Bản Giốc, Xã Đàm Thủy, tỉnh Cao Bằng',
    agentName: 'Nông Thị Mẫu',
    agentPhone: '0912000111',
    communeCode: '01435',
    openedOn: '2024-05-20',
    communeCodeOnRecord: '01438',
  };

  it('creates a point with its commune on record and its history', async () => {
    const d = await sg.data(CREATE, { i: NEW }, EDITOR);
    expect(d.createPostalPoint).toMatchObject({
      code: 'BC-0900',
      kind: 'AGENT',
      agentName: 'Nông Thị Mẫu',
      communeOnRecord: { code: '01438', validOn: '2024-05-20' },
      version: 1,
    });
    expect(d.createPostalPoint.history.nodes[0].operation).toBe('CREATE');
    // a code taken
    expect(await errorOf(CREATE, { i: NEW }, EDITOR)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'input.code' } });
  });

  it.each([
    ['input.code', { code: 'X-1' }],
    ['input.name', { name: '  ' }],
    ['input.agentPhone', { agentPhone: '12345' }],
    ['input.communeCode', { communeCode: '01438' }],
    ['input.openedOn', { openedOn: '2999-01-01' }],
    ['input.communeCodeOnRecord', { communeCodeOnRecord: '01426' }],
  ])('refuses a create naming %s and runs no statement', async (argument, change) => {
    let e: unknown;
    const n = await statements(async () => (e = await errorOf(CREATE, { i: { ...NEW, code: 'BC-0901', ...change } }, EDITOR)));
    expect(e).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument } });
    expect(n).toBe(0);
  });

  it('refuses a create by an editor of another database or an official', async () => {
    for (const caller of [OTHER_EDITOR, OFFICIAL])
      expect(await errorOf(CREATE, { i: { ...NEW, code: 'BC-0902' } }, caller)).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect((await sg.data(`{ postalPoint(code: "BC-0902") { code } }`)).postalPoint).toBeNull();
  });

  it('updates at the version read with a reason, and refuses stale versions, missing reasons, bad values and other editors', async () => {
    const code = POSTAL.find((p) => p.kind === 'AGENT')!.code;
    const { postalPoint: before } = await sg.data(`{ postalPoint(code: "${code}") { version agentPhone } }`);
    expect(await errorOf(UPDATE, { c: code, i: { agentPhone: '0987654321' }, v: before.version }, EDITOR)).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'reason' },
    });
    let bad: unknown;
    const n = await statements(
      async () => (bad = await errorOf(UPDATE, { c: code, i: { agentPhone: 'abc' }, v: before.version, r: 'x' }, EDITOR)),
    );
    expect(bad).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'input.agentPhone' } });
    expect(n).toBe(0);
    expect(await errorOf(UPDATE, { c: code, i: { name: 'X' }, v: before.version, r: 'x' }, OTHER_EDITOR)).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });

    const d = await sg.data(
      UPDATE,
      { c: code, i: { name: 'Đại lý bưu chính (đổi tên)', agentPhone: '0987654321' }, v: before.version, r: 'Đại lý đổi số điện thoại' },
      EDITOR,
    );
    expect(d.updatePostalPoint.version).toBe(before.version + 1);
    expect(d.updatePostalPoint.agentPhone).toBe('0987654321');
    // the phone is personal data: its values are masked for a caller the gateway has not cleared to read it
    expect(d.updatePostalPoint.history.nodes[0]).toMatchObject({
      operation: 'UPDATE',
      reason: 'Đại lý đổi số điện thoại',
      changes: expect.arrayContaining([
        { field: 'name', before: POSTAL.find((p) => p.code === code)!.name, after: 'Đại lý bưu chính (đổi tên)', masked: false },
        { field: 'agentPhone', before: null, after: null, masked: true },
      ]),
    });
    expect(await errorOf(UPDATE, { c: code, i: { name: 'Y' }, v: before.version, r: 'x' }, EDITOR)).toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    expect(await errorOf(UPDATE, { c: 'BC-9999', i: { name: 'Y' }, v: 1, r: 'x' }, EDITOR)).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'code' },
    });
  });

  it('deletes at the version read with a reason; the history keeps the deletion', async () => {
    expect(await errorOf(DELETE, { c: 'BC-0900', v: 1 }, EDITOR)).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'reason' },
    });
    expect(await errorOf(DELETE, { c: 'BC-0900', v: 7, r: 'Đóng cửa' }, EDITOR)).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await errorOf(DELETE, { c: 'BC-0900', v: 1, r: 'Đóng cửa' }, OTHER_EDITOR)).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect((await sg.data(DELETE, { c: 'BC-0900', v: 1, r: 'Đại lý ngừng hoạt động' }, EDITOR)).deletePostalPoint).toBe('BC-0900');
    expect((await sg.data(`{ postalPoint(code: "BC-0900") { code } }`)).postalPoint).toBeNull();
    // registered again under the same code (same record id): its history shows the deletion and the reason
    const again = await sg.data(CREATE, { i: NEW }, EDITOR);
    const ops = again.createPostalPoint.history.nodes.map((n: { operation: string }) => n.operation);
    expect(ops).toEqual(['CREATE', 'DELETE', 'CREATE']);
  });
});

describe('base station writes', () => {
  const CREATE = `mutation($i: TelecomStationCreate!) { createTelecomStation(input: $i) { code technologies status permittedOn
    communeOnRecord { code validOn } location { latitude longitude } version } }`;
  const UPDATE = `mutation($c: String!, $i: TelecomStationUpdate!, $v: Int!, $r: String) { updateTelecomStation(code: $c, input: $i, expectedVersion: $v, reason: $r) {
    technologies shared version history { nodes { reason changes { field before after } } } } }`;
  const RETIRE = `mutation($c: String!, $d: Date!, $v: Int!, $r: String) { decommissionTelecomStation(code: $c, decommissionedOn: $d, expectedVersion: $v, reason: $r) {
    status decommissionedOn version history { nodes { reason changes { field after } } } } }`;
  const NEW = {
    code: 'BTS-0900',
    name: 'Trạm Bản Giốc 2',
    operator: 'VINAPHONE',
    technologies: ['G5', 'G4'],
    shared: true,
    communeCode: '01435',
    location: { latitude: 22.855, longitude: 106.722 },
    permittedOn: '2025-10-02',
  };

  it('creates a station (technologies oldest first), and refuses bad values with no statement and other editors', async () => {
    const d = await sg.data(CREATE, { i: NEW }, EDITOR);
    expect(d.createTelecomStation).toMatchObject({
      code: 'BTS-0900',
      technologies: ['G4', 'G5'],
      status: 'IN_SERVICE',
      communeOnRecord: { code: '01435', validOn: '2025-10-02' },
      location: { latitude: 22.855, longitude: 106.722 },
      version: 1,
    });
    for (const [argument, change] of [
      ['input.technologies', { technologies: [] }],
      ['input.technologies', { technologies: ['G4', 'G4'] }],
      ['input.location.latitude', { location: { latitude: 21.0, longitude: 106.7 } }],
      ['input.communeCode', { communeCode: '1435' }],
    ] as const) {
      let e: unknown;
      const n = await statements(async () => (e = await errorOf(CREATE, { i: { ...NEW, code: 'BTS-0901', ...change } }, EDITOR)));
      expect(e).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument } });
      expect(n).toBe(0);
    }
    expect(await errorOf(CREATE, { i: { ...NEW, code: 'BTS-0901' } }, OTHER_EDITOR)).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('updates a station in service only with a reason, at the version read', async () => {
    const s = STATIONS.find((x) => x.status === 'IN_SERVICE' && !x.technologies.includes('G5'))!;
    const { telecomStation: before } = await sg.data(`{ telecomStation(code: "${s.code}") { version } }`);
    expect(await errorOf(UPDATE, { c: s.code, i: { technologies: ['G4', 'G5'] }, v: before.version }, EDITOR)).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'reason' },
    });
    expect(await errorOf(UPDATE, { c: s.code, i: { name: '' }, v: before.version, r: 'x' }, EDITOR)).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.name' },
    });
    const d = await sg.data(UPDATE, { c: s.code, i: { technologies: ['G4', 'G5'] }, v: before.version, r: 'Nâng cấp 5G' }, EDITOR);
    expect(d.updateTelecomStation).toMatchObject({ technologies: ['G4', 'G5'], version: before.version + 1 });
    expect(d.updateTelecomStation.history.nodes[0]).toMatchObject({
      reason: 'Nâng cấp 5G',
      changes: [{ field: 'technologies', before: s.technologies, after: ['G4', 'G5'] }],
    });
    expect(await errorOf(UPDATE, { c: s.code, i: { shared: true }, v: before.version, r: 'x' }, EDITOR)).toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    expect(await errorOf(UPDATE, { c: s.code, i: { shared: true }, v: before.version + 1, r: 'x' }, OTHER_EDITOR)).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('decommissions a station (a retirement: it stays in the register) with a reason, once', async () => {
    expect(await errorOf(RETIRE, { c: 'BTS-0900', d: '2026-11-30', v: 1 }, EDITOR)).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'reason' },
    });
    let e: unknown;
    const n = await statements(async () => (e = await errorOf(RETIRE, { c: 'BTS-0900', d: '2999-01-01', v: 1, r: 'x' }, EDITOR)));
    expect(e).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'decommissionedOn' } });
    expect(n).toBe(0);
    expect(await errorOf(RETIRE, { c: 'BTS-0900', d: '2026-11-30', v: 2, r: 'x' }, EDITOR)).toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    expect(await errorOf(RETIRE, { c: 'BTS-0900', d: '2026-11-30', v: 1, r: 'x' }, OTHER_EDITOR)).toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    const d = await sg.data(RETIRE, { c: 'BTS-0900', d: '2026-11-30', v: 1, r: 'Di dời trạm' }, EDITOR);
    expect(d.decommissionTelecomStation).toMatchObject({ status: 'DECOMMISSIONED', decommissionedOn: '2026-11-30', version: 2 });
    expect(d.decommissionTelecomStation.history.nodes[0].reason).toBe('Di dời trạm');
    expect(await errorOf(RETIRE, { c: 'BTS-0900', d: '2026-11-30', v: 2 }, EDITOR)).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'code' },
    });
    expect((await sg.data(`{ telecomStation(code: "BTS-0900") { status } }`)).telecomStation.status).toBe('DECOMMISSIONED');
  });
});

describe('licence revocation', () => {
  const REVOKE = `mutation($n: String!, $d: Date!, $v: Int!, $r: String) { revokePublishingLicence(number: $n, revokedOn: $d, expectedVersion: $v, reason: $r) {
    status revokedOn version history { nodes { reason changes { field before after } } } } }`;

  it('revokes a licence in force only with a reason, at the version read, and not twice', async () => {
    const l = LICENCES.find((x) => x.status === 'VALID')!;
    const v = { n: l.number, d: '2026-11-20', v: 1 };
    expect(await errorOf(REVOKE, v, EDITOR)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'reason' } });
    let e: unknown;
    const n = await statements(async () => (e = await errorOf(REVOKE, { ...v, d: '2999-01-01', r: 'x' }, EDITOR)));
    expect(e).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'revokedOn' } });
    expect(n).toBe(0);
    expect(await errorOf(REVOKE, { ...v, d: '2000-01-01', r: 'x' }, EDITOR)).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'revokedOn' },
    });
    expect(await errorOf(REVOKE, { ...v, v: 5, r: 'x' }, EDITOR)).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(await errorOf(REVOKE, { ...v, r: 'x' }, OTHER_EDITOR)).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(await errorOf(REVOKE, { ...v, n: '0/GP-NONE', r: 'x' }, EDITOR)).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'number' },
    });

    const d = await sg.data(REVOKE, { ...v, r: 'Vi phạm quy định về nội dung bản tin' }, EDITOR);
    expect(d.revokePublishingLicence).toMatchObject({ status: 'REVOKED', revokedOn: '2026-11-20', version: 2 });
    expect(d.revokePublishingLicence.history.nodes[0]).toMatchObject({
      reason: 'Vi phạm quy định về nội dung bản tin',
      changes: expect.arrayContaining([{ field: 'status', before: 'VALID', after: 'REVOKED' }]),
    });
    expect(await errorOf(REVOKE, { ...v, v: 2, r: 'x' }, EDITOR)).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'number' },
    });
  });
});

describe('schema', () => {
  it('classifies personal, restricted and internal fields as the personal-data law and the brief ask', async () => {
    const { parse } = await import('graphql');
    const { classificationMap } = await import('@hub/schema');
    const { readFileSync } = await import('node:fs');
    const levels = classificationMap(parse(readFileSync(join(DIR, 'schema.graphql'), 'utf8')));
    expect(levels.get('TelecomStation.location')).toBe('RESTRICTED');
    expect(levels.get('TelecomStation.permittedOn')).toBe('INTERNAL');
    expect(levels.get('TelecomStation.communeOnRecord')).toBe('INTERNAL');
    expect(levels.get('TelecomStation.commune')).toBe('PUBLIC');
    expect(levels.get('PostalPoint.agentName')).toBe('PERSONAL');
    expect(levels.get('PostalPoint.agentPhone')).toBe('PERSONAL');
    expect(levels.get('PostalPoint.address')).toBe('PUBLIC');
    expect(levels.get('VillageWithoutCoverage.households')).toBe('INTERNAL');
    expect(levels.get('PublishingLicence.holderName')).toBe('PUBLIC');
    expect(levels.get('Mutation.createPostalPoint')).toBe('PERSONAL');
    expect(levels.get('Mutation.updatePostalPoint')).toBe('PERSONAL');
    for (const t of ['PressAgency', 'PublishingLicence', 'PostalPoint', 'TelecomStation', 'VillageWithoutCoverage']) {
      expect(levels.get(`${t}.history`)).toBe('INTERNAL');
      expect(levels.get(`${t}.provenance`)).toBe('PUBLIC');
    }
  });

  it('has entities that match its migrated tables', async () => {
    expect(await schemaDrift(sg.definition)).toEqual([]);
  });
});
