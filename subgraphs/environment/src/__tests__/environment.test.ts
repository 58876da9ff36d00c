// Contract and behaviour tests of the environment subgraph on a real PostgreSQL with its demo data.
import { startFolderSubgraph, type TestSubgraph } from '@hub/kit/testing';
import { join } from 'node:path';
import { statusOn } from '../entities';
import { COMMUNES, HAZARD_ZONES, LICENCES, RESULTS, STATIONS, WATER_SOURCES, BAN_GIOC_STATION } from '../seed';

const DIR = join(__dirname, '../..');
let sg: TestSubgraph;
beforeAll(async () => {
  sg = await startFolderSubgraph(DIR, { seed: true });
}, 120_000);
afterAll(() => sg?.stop());

const EDITOR = { sub: '0c6f1f7e-3a1b-4c2d-9e8f-5a4b3c2d1e0f', agency: 'SNNMT', roles: ['DATA_EDITOR'], editorOf: ['CSDL-TNMT'] };
/** An editor of another database (agriculture), and an official who edits nothing. */
const OTHER_EDITOR = { ...EDITOR, editorOf: ['CSDL-NNPTNT'] };
const OFFICIAL = { sub: '1d7a2b8c-4e5f-4a6b-8c7d-9e0f1a2b3c4d', agency: 'SXD', roles: ['OFFICIAL'] };

type Caller = Parameters<TestSubgraph['data']>[2];
const ok = (q: string, v?: Record<string, unknown>, caller: Caller = EDITOR) => sg.data(q, v, caller);
const error = async (q: string, v?: Record<string, unknown>, caller: Caller = EDITOR) => {
  const res = await sg.execute(q, v, caller);
  expect(res.errors).toBeDefined();
  return res.errors![0];
};
/** The statements `fn` makes. */
const statements = async (fn: () => Promise<unknown>) => {
  const before = sg.stats.sqlStatements;
  await fn();
  return sg.stats.sqlStatements - before;
};
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on WaterSource { code name }
  ... on WaterResourceLicence { code kind }
  ... on MonitoringStation { code name }
  ... on MonitoringResult { code value }
  ... on ClimateHazardZone { code zoneKind: kind }
} }`;

describe('registers', () => {
  it('lists every register with filters and pages', async () => {
    const d = await ok(`{
      sources: waterSources(first: 100) { totalCount nodes { code name kind communes { code } } }
      rivers: waterSources(filter: { kind: RIVER }) { totalCount }
      quaySon: waterSources(filter: { communeCodes: ["01435"] }) { nodes { name } }
      licences: waterLicences(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { code } }
      hydro: waterLicences(filter: { energyProjectCode: "NL-0009" }) { nodes { code kind holderOrganisation } }
      stations: monitoringStations(first: 100) { totalCount }
      air: monitoringStations(filter: { kind: AIR }) { totalCount }
      zones: hazardZones(first: 1) { totalCount }
      high: hazardZones(filter: { riskLevel: VERY_HIGH }) { totalCount }
      none: waterLicence(code: "GP-TNN-9999") { code }
    }`);
    expect(d.sources.totalCount).toBe(WATER_SOURCES.length);
    expect(d.sources.nodes[0]).toEqual({
      code: 'NN-001',
      name: 'Sông Bằng (Bằng Giang)',
      kind: 'RIVER',
      communes: WATER_SOURCES[0].communeCodes.map((code) => ({ code })),
    });
    expect(d.rivers.totalCount).toBe(WATER_SOURCES.filter((s) => s.kind === 'RIVER').length);
    expect(d.quaySon.nodes.map((n: { name: string }) => n.name)).toContain('Sông Quây Sơn');
    expect(d.licences.totalCount).toBe(LICENCES.length);
    expect(LICENCES.length).toBeGreaterThanOrEqual(200);
    expect(d.licences.nodes).toHaveLength(100);
    expect(d.licences.pageInfo.hasNextPage).toBe(true);
    const next = await ok(`query($a: String) { waterLicences(first: 100, after: $a) { nodes { code } } }`, {
      a: d.licences.pageInfo.endCursor,
    });
    expect(next.waterLicences.nodes[0].code).toBe('GP-TNN-0101');
    expect(d.hydro.nodes).toEqual([
      { code: 'GP-TNN-0009', kind: 'SURFACE_WATER', holderOrganisation: expect.stringContaining('Thoong Ngạn') },
    ]);
    expect(d.stations.totalCount).toBe(STATIONS.length);
    expect(STATIONS.length).toBeGreaterThanOrEqual(60);
    expect(d.air.totalCount).toBe(STATIONS.filter((s) => s.kind === 'AIR').length);
    expect(d.zones.totalCount).toBe(HAZARD_ZONES.length);
    expect(d.high.totalCount).toBe(HAZARD_ZONES.filter((z) => z.riskLevel === 'VERY_HIGH').length);
    expect(d.none).toBeNull();
    // every one of today's communes has licences and stations
    for (const rows of [LICENCES, STATIONS]) expect(new Set(rows.map((r) => r.communeCode)).size).toBe(COMMUNES.length);
  });

  it('GP-TNN-0101: issued in 2024 by Trùng Khánh district PC in Xã Phong Châu (01438), today in Xã Đàm Thủy (01435)', async () => {
    const d = await ok(`{ waterLicence(code: "GP-TNN-0101") {
      kind holderKind holderOrganisation holderPerson issuedOn status issuer { code }
      commune { code validOn } communeOnRecord { code validOn } waterSource { code kind } provenance { dataset { code } }
    } }`);
    expect(d.waterLicence).toEqual({
      kind: 'GROUNDWATER',
      holderKind: 'ORGANISATION',
      holderOrganisation: 'Trường Tiểu học Phong Châu',
      holderPerson: null,
      issuedOn: '2024-05-20',
      status: 'VALID',
      issuer: { code: 'UBND-047' },
      commune: { code: '01435', validOn: null },
      communeOnRecord: { code: '01438', validOn: '2024-05-20' },
      waterSource: { code: 'NN-014', kind: 'AQUIFER' },
      provenance: { dataset: { code: 'CSDL-TNMT' } },
    });
  });

  it("issuers are the agencies competent on the issue day; old communes belong to today's commune", async () => {
    for (const l of LICENCES) {
      const m = COMMUNES.find((c) => c.code === l.communeCode)!;
      if (l.issuedOn < '2025-07-01') expect(m.from).toContain(l.communeCodeOnRecord);
      else expect(l.communeCodeOnRecord).toBe(l.communeCode);
      if (l.code === 'GP-TNN-0101') continue;
      if (l.issuerCode === 'STNMT') expect(l.issuedOn < '2025-03-01').toBe(true);
      if (l.issuerCode === 'SNNMT') expect(l.issuedOn >= '2025-03-01').toBe(true);
    }
    for (const s of STATIONS) {
      const m = COMMUNES.find((c) => c.code === s.communeCode)!;
      if (s.establishedOn < '2025-07-01') expect(m.from).toContain(s.formerCommuneCode);
      else expect(s.formerCommuneCode).toBeNull();
    }
    for (const z of HAZARD_ZONES) {
      const m = COMMUNES.find((c) => c.code === z.communeCode)!;
      expect(z.assessedOn < '2025-07-01' ? m.from : [m.code]).toContain(z.communeCodeOnRecord);
    }
    for (const r of RESULTS) {
      const s = STATIONS.find((x) => x.code === r.stationCode)!;
      expect(r.communeCodeOnRecord).toBe(r.measuredOn < '2025-07-01' ? s.formerCommuneCode : s.communeCode);
    }
    const d = await ok(`{ waterLicences(first: 1000) { nodes { code issuedOn issuer { code } } } }`);
    expect(d.waterLicences.nodes.find((n: { code: string }) => n.code === 'GP-TNN-0020')).toEqual({
      code: 'GP-TNN-0020',
      issuedOn: '2022-10-05',
      issuer: { code: 'STNMT' },
    });
  });

  it('a VALID licence whose term has ended reads EXPIRED, in its status and in the status filter', async () => {
    expect(statusOn({ status: 'VALID', validTo: '2026-12-01' }, '2026-12-02')).toBe('EXPIRED');
    expect(statusOn({ status: 'VALID', validTo: '2026-12-01' }, '2026-12-01')).toBe('VALID');
    expect(statusOn({ status: 'VALID', validTo: null }, '2099-01-01')).toBe('VALID');
    expect(statusOn({ status: 'REVOKED', validTo: '2020-01-01' }, '2026-12-02')).toBe('REVOKED');
    const d = await ok(`{
      valid: waterLicences(filter: { status: VALID }, first: 1000) { totalCount nodes { status validTo } }
      expired: waterLicences(filter: { status: EXPIRED }, first: 1000) { totalCount nodes { status } }
      revoked: waterLicences(filter: { status: REVOKED }, first: 1000) { totalCount nodes { status } }
      all: waterLicences { totalCount }
    }`);
    expect(d.valid.totalCount + d.expired.totalCount + d.revoked.totalCount).toBe(d.all.totalCount);
    for (const k of ['valid', 'expired', 'revoked'] as const)
      expect(new Set(d[k].nodes.map((n: { status: string }) => n.status))).toEqual(new Set([k.toUpperCase()]));
  });

  it('stations: exact location restricted but there, results with limits computed against the regulation', async () => {
    const d = await ok(`{ monitoringStation(code: "${BAN_GIOC_STATION}") {
      name kind commune { code } formerCommune { code validOn } operator { code } location { latitude longitude }
      results(parameter: "Coliform", from: "2025-07-01", to: "2025-12-31") { totalCount nodes {
        code measuredOn value unit exceedsLimit limit { standard min max } commune { code } communeOnRecord { code validOn } station { code } } }
      all: results(first: 1000) { totalCount }
    } }`);
    const s = d.monitoringStation;
    expect(s).toMatchObject({
      kind: 'SURFACE_WATER',
      commune: { code: '01435' },
      formerCommune: { code: '01438', validOn: '2025-06-30' },
      operator: { code: 'SNNMT' },
    });
    expect(s.location.latitude).toBeGreaterThan(22);
    expect(s.results.nodes).toEqual([
      {
        code: `${BAN_GIOC_STATION}/2025-09-15/Coliform`,
        measuredOn: '2025-09-15',
        value: 9300,
        unit: 'MPN/100mL',
        exceedsLimit: true,
        limit: { standard: 'QCVN 08:2023/BTNMT', min: null, max: 5000 },
        commune: { code: '01435' },
        communeOnRecord: { code: '01435', validOn: '2025-09-15' },
        station: { code: BAN_GIOC_STATION },
      },
    ]);
    expect(s.all.totalCount).toBe(RESULTS.filter((r) => r.stationCode === BAN_GIOC_STATION).length);
    // DO has a minimum, the others a maximum, pH both
    for (const r of RESULTS) {
      const low = r.limitMin !== null && r.value < r.limitMin;
      const high = r.limitMax !== null && r.value > r.limitMax;
      expect(r.exceedsLimit).toBe(low || high);
    }
    expect(RESULTS.some((r) => r.parameter === 'DO' && r.exceedsLimit && r.value < r.limitMin!)).toBe(true);
  });
});

describe('federation contract', () => {
  it('resolves every owned @key through _entities; unknown keys are null', async () => {
    const d = await ok(ENTITIES, {
      r: [
        { __typename: 'WaterSource', code: 'NN-003' },
        { __typename: 'WaterResourceLicence', code: 'GP-TNN-0101' },
        { __typename: 'MonitoringStation', code: 'QT-001' },
        { __typename: 'MonitoringResult', code: RESULTS[0].code },
        { __typename: 'ClimateHazardZone', code: 'VNT-001' },
        { __typename: 'WaterSource', code: 'NN-999' },
        { __typename: 'WaterResourceLicence', code: 'GP-TNN-9999' },
        { __typename: 'MonitoringStation', code: 'QT-999' },
        { __typename: 'MonitoringResult', code: 'QT-999/2025-01-01/pH' },
        { __typename: 'ClimateHazardZone', code: 'VNT-999' },
      ],
    });
    expect(d._entities).toEqual([
      { code: 'NN-003', name: 'Sông Quây Sơn' },
      { code: 'GP-TNN-0101', kind: 'GROUNDWATER' },
      { code: 'QT-001', name: STATIONS[0].name },
      { code: RESULTS[0].code, value: RESULTS[0].value },
      { code: 'VNT-001', zoneKind: HAZARD_ZONES[0].kind },
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("contributes EnergyProject.waterLicences (the plant's surface-water licence) in one statement for many projects", async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on EnergyProject { code waterLicences { code kind energyProjectCode } } } }`;
    const reps = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ __typename: 'EnergyProject', code: `NL-${String(i + 1).padStart(4, '0')}` }));
    let d: { _entities: { code: string; waterLicences: { code: string; kind: string }[] }[] } = { _entities: [] };
    const twelve = await statements(async () => {
      d = await ok(q, { r: [...reps(12), { __typename: 'EnergyProject', code: 'NL-0999' }] });
    });
    expect(d._entities[8]).toEqual({
      code: 'NL-0009',
      waterLicences: [{ code: 'GP-TNN-0009', kind: 'SURFACE_WATER', energyProjectCode: 'NL-0009' }],
    });
    expect(d._entities.slice(0, 12).every((p) => p.waterLicences.length === 1 && p.waterLicences[0].kind === 'SURFACE_WATER')).toBe(true);
    // industry-trade owns the project: a code this database has no licence for has none
    expect(d._entities[12]).toEqual({ code: 'NL-0999', waterLicences: [] });
    expect(await statements(() => ok(q, { r: reps(2) }))).toBe(twelve);
    expect(twelve).toBe(1);
  });

  it('contributes AdministrativeUnit lists from currentCommuneCodes: exceedances are listed for Xã Đàm Thủy', async () => {
    const d = await ok(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit {
        code
        monitoringStations { totalCount nodes { code kind } }
        waterLicences(first: 5) { totalCount nodes { code } }
        groundwater: waterLicences(kind: GROUNDWATER) { totalCount }
        exceedances { totalCount nodes { code parameter value exceedsLimit communeOnRecord { code validOn } } }
        recent: exceedances(from: "2025-07-01", to: "2025-12-31") { nodes { code } }
        hazardZones { totalCount }
      } } }`,
      {
        r: [
          { __typename: 'AdministrativeUnit', code: '01435', currentCommuneCodes: ['01435'] },
          { __typename: 'AdministrativeUnit', code: '047', currentCommuneCodes: ['01426', '01435', '01444'] },
          { __typename: 'AdministrativeUnit', code: '99999', currentCommuneCodes: [] },
        ],
      },
    );
    const [damThuy, district, nothing] = d._entities;
    const inUnit = <T extends { communeCode: string }>(rows: T[], codes: string[]) => rows.filter((r) => codes.includes(r.communeCode));
    expect(damThuy.monitoringStations.nodes).toEqual([{ code: BAN_GIOC_STATION, kind: 'SURFACE_WATER' }]);
    expect(damThuy.waterLicences.totalCount).toBe(inUnit(LICENCES, ['01435']).length);
    expect(damThuy.groundwater.totalCount).toBe(inUnit(LICENCES, ['01435']).filter((l) => l.kind === 'GROUNDWATER').length);
    const exceeding = inUnit(RESULTS, ['01435']).filter((r) => r.exceedsLimit);
    expect(damThuy.exceedances.totalCount).toBe(exceeding.length);
    expect(damThuy.exceedances.nodes).toContainEqual({
      code: `${BAN_GIOC_STATION}/2024-09-15/TSS`,
      parameter: 'TSS',
      value: 164,
      exceedsLimit: true,
      communeOnRecord: { code: '01438', validOn: '2024-09-15' },
    });
    expect(damThuy.recent.nodes).toEqual([{ code: `${BAN_GIOC_STATION}/2025-09-15/Coliform` }]);
    expect(damThuy.hazardZones.totalCount).toBe(inUnit(HAZARD_ZONES, ['01435']).length);
    expect(district.waterLicences.totalCount).toBe(inUnit(LICENCES, ['01426', '01435', '01444']).length);
    expect(district.exceedances.totalCount).toBe(inUnit(RESULTS, ['01426', '01435', '01444']).filter((r) => r.exceedsLimit).length);
    expect(nothing.monitoringStations.totalCount).toBe(0);
  });

  it('answers the lists of 5 units and of 50 units with the same number of statements', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit {
      monitoringStations(first: 3) { totalCount nodes { code commune { code } } }
      waterLicences(status: VALID, first: 3) { nodes { code issuer { code } } }
      exceedances(first: 3) { nodes { code station { code } } }
      hazardZones(kind: LANDSLIDE) { totalCount }
    } } }`;
    const units = (n: number) =>
      COMMUNES.slice(0, n).map((m) => ({ __typename: 'AdministrativeUnit', code: m.code, currentCommuneCodes: [m.code] }));
    const five = await statements(() => ok(q, { r: units(5) }));
    const fifty = await statements(() => ok(q, { r: units(50) }));
    expect(fifty).toBe(five);
    expect(five).toBe(5); // one per list and filter, and the stations of the exceedances
  });

  it('reads a list of 20 or 70 stations with their results, operator and history with the same number of statements', async () => {
    const q = `query($n: Int) { monitoringStations(first: $n) { nodes { code operator { code } commune { code }
      results(first: 2, from: "2024-01-01") { totalCount nodes { code limit { max } station { code } } }
      history(first: 1) { nodes { operation } } } } }`;
    const twenty = await statements(() => ok(q, { n: 20 }));
    const seventy = await statements(() => ok(q, { n: 70 }));
    expect(seventy).toBe(twenty);
    expect(twenty).toBeLessThanOrEqual(5);
    const licences = `query($n: Int) { waterLicences(first: $n) { nodes { code waterSource { code licences(first: 1) { totalCount } } history(first: 1) { nodes { operation } } } } }`;
    expect(await statements(() => ok(licences, { n: 240 }))).toBe(await statements(() => ok(licences, { n: 20 })));
  });
});

describe('writes', () => {
  const HISTORY = `history(first: 5) { totalCount nodes { operation reason accountId changes { field before after } } }`;

  describe('water-resource licences', () => {
    const CREATE = `mutation($i: WaterLicenceCreate!) { createWaterLicence(input: $i) { code status version issuer { code } commune { code }
      communeOnRecord { code validOn } holderPerson history { nodes { operation } } } }`;
    const input = {
      code: 'GP-TNN-0500',
      kind: 'GROUNDWATER',
      purpose: 'Khai thác nước dưới đất cho hộ gia đình',
      holderKind: 'PERSON',
      holderPerson: 'Hoàng Văn Kiên',
      holderIdNumber: '004090001234',
      permittedVolumeM3PerDay: 12.5,
      issuedOn: '2024-11-02',
      validTo: '2029-11-02',
      issuerCode: 'STNMT',
      communeCode: '01435',
      communeCodeOnRecord: '01441',
    };

    it('creates a licence, recorded in its history', async () => {
      const d = await ok(CREATE, { i: input });
      expect(d.createWaterLicence).toEqual({
        code: 'GP-TNN-0500',
        status: 'VALID',
        version: 1,
        issuer: { code: 'STNMT' },
        commune: { code: '01435' },
        communeOnRecord: { code: '01441', validOn: '2024-11-02' },
        holderPerson: 'Hoàng Văn Kiên',
        history: { nodes: [{ operation: 'CREATE' }] },
      });
      expect((await error(CREATE, { i: input })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.code' });
    });

    it.each([
      ['input.code', { code: 'GP-0001' }],
      ['input.permittedVolumeM3PerDay', { permittedVolumeM3PerDay: 0 }],
      ['input.holderOrganisation', { holderOrganisation: 'Công ty X' }],
      ['input.holderIdNumber', { holderIdNumber: '12345' }],
      ['input.communeCodeOnRecord', { communeCodeOnRecord: null }],
      ['input.validTo', { validTo: '2020-01-01' }],
      ['input.issuedOn', { issuedOn: '2030-01-02', validTo: '2035-01-01' }],
      ['input.communeCode', { communeCode: '1435' }],
    ])('createWaterLicence names %s and writes nothing (no statement)', async (argument, change) => {
      let e: { extensions?: Record<string, unknown> } = {};
      const n = await statements(async () => {
        e = await error(CREATE, { i: { ...input, code: 'GP-TNN-0501', ...change } });
      });
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(n).toBe(0);
    });

    it('refuses a water source that does not exist, naming it', async () => {
      const e = await error(CREATE, { i: { ...input, code: 'GP-TNN-0502', waterSourceCode: 'NN-999' } });
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.waterSourceCode' });
      expect(await ok(`{ waterLicence(code: "GP-TNN-0502") { code } }`)).toEqual({ waterLicence: null });
    });

    it('updates a VALID licence only with a reason and at the version read', async () => {
      const UPDATE = `mutation($v: Int!, $r: String, $i: WaterLicenceUpdate!) { updateWaterLicence(code: "GP-TNN-0101", input: $i, expectedVersion: $v, reason: $r) { version permittedVolumeM3PerDay } }`;
      const before = (await ok(`{ waterLicence(code: "GP-TNN-0101") { version permittedVolumeM3PerDay ${HISTORY} } }`)).waterLicence;
      const i = { permittedVolumeM3PerDay: 20 };
      expect((await error(UPDATE, { v: before.version, i })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
      expect((await error(UPDATE, { v: before.version + 3, i, r: 'x' })).extensions).toMatchObject({ code: 'CONFLICT' });
      let e: { extensions?: Record<string, unknown> } = {};
      expect(
        await statements(async () => {
          e = await error(UPDATE, { v: before.version, i: { permittedVolumeM3PerDay: -1 }, r: 'x' });
        }),
      ).toBe(0);
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.permittedVolumeM3PerDay' });
      expect((await error(UPDATE, { v: before.version, i: { holderPerson: 'Nông Văn A' }, r: 'x' })).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argument: 'input.holderPerson',
      });
      expect((await error(UPDATE, { v: before.version, i, r: 'x' }, OTHER_EDITOR)).extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect((await error(UPDATE, { v: before.version, i, r: 'x' }, OFFICIAL)).extensions).toMatchObject({ code: 'FORBIDDEN' });
      const unchanged = (await ok(`{ waterLicence(code: "GP-TNN-0101") { version permittedVolumeM3PerDay ${HISTORY} } }`)).waterLicence;
      expect(unchanged).toEqual(before);

      const d = await ok(UPDATE, { v: before.version, i, r: 'Điều chỉnh lưu lượng theo nhu cầu thực tế' });
      expect(d.updateWaterLicence).toEqual({ version: before.version + 1, permittedVolumeM3PerDay: 20 });
      const after = (await ok(`{ waterLicence(code: "GP-TNN-0101") { ${HISTORY} } }`)).waterLicence;
      expect(after.history.nodes[0]).toMatchObject({
        operation: 'UPDATE',
        reason: 'Điều chỉnh lưu lượng theo nhu cầu thực tế',
        accountId: EDITOR.sub,
        changes: [{ field: 'permittedVolumeM3PerDay', before: 15, after: 20 }],
      });
    });

    it('changes a licence that is no longer in force without a reason', async () => {
      const code = LICENCES.find((l) => l.status === 'EXPIRED')!.code;
      const { version, status } = (await ok(`{ waterLicence(code: "${code}") { version status } }`)).waterLicence;
      expect(status).toBe('EXPIRED');
      const d = await ok(
        `mutation($v: Int!) { updateWaterLicence(code: "${code}", input: { purpose: "Khai thác nước (hồ sơ lưu trữ)" }, expectedVersion: $v) { version status } }`,
        { v: version },
      );
      expect(d.updateWaterLicence).toEqual({ version: version + 1, status: 'EXPIRED' });
    });

    it('revokes (never deletes) a licence: status, day and reason kept; a revoked licence is not revoked again', async () => {
      const REVOKE = `mutation($c: String!, $d: Date!, $v: Int!, $r: String) { revokeWaterLicence(code: $c, revokedOn: $d, expectedVersion: $v, reason: $r) {
        status revokedOn revocationReason version } }`;
      const code = 'GP-TNN-0020';
      const { version } = (await ok(`{ waterLicence(code: "${code}") { version } }`)).waterLicence;
      expect((await error(REVOKE, { c: code, d: '2026-11-30', v: version })).extensions).toMatchObject({ argument: 'reason' });
      expect((await error(REVOKE, { c: code, d: '2026-11-30', v: version - 1, r: 'x' })).extensions).toMatchObject({ code: 'CONFLICT' });
      expect((await error(REVOKE, { c: code, d: '2020-01-01', v: version, r: 'x' })).extensions).toMatchObject({ argument: 'revokedOn' });
      expect((await error(REVOKE, { c: code, d: '2026-11-30', v: version, r: 'x' }, OTHER_EDITOR)).extensions).toMatchObject({
        code: 'FORBIDDEN',
      });
      const d = await ok(REVOKE, { c: code, d: '2026-11-30', v: version, r: 'Cơ sở ngừng hoạt động' });
      expect(d.revokeWaterLicence).toEqual({
        status: 'REVOKED',
        revokedOn: '2026-11-30',
        revocationReason: 'Cơ sở ngừng hoạt động',
        version: version + 1,
      });
      expect((await error(REVOKE, { c: code, d: '2026-11-30', v: version + 1, r: 'x' })).extensions).toMatchObject({ argument: 'code' });
      const h = (await ok(`{ waterLicence(code: "${code}") { ${HISTORY} } }`)).waterLicence.history;
      expect(h.nodes[0].changes).toEqual(expect.arrayContaining([{ field: 'status', before: 'VALID', after: 'REVOKED' }]));
    });
  });

  describe('monitoring stations and results', () => {
    const CREATE = `mutation($i: MonitoringStationCreate!) { createMonitoringStation(input: $i) { code version commune { code } location { latitude } } }`;
    const station = {
      code: 'QT-101',
      name: 'Điểm quan trắc không khí chợ Trùng Khánh',
      kind: 'AIR',
      communeCode: '01426',
      latitude: 22.83,
      longitude: 106.52,
      operatorCode: 'SNNMT',
      establishedOn: '2026-01-10',
    };

    it('creates, updates (reason, version) and deletes a station; one with results is not deleted', async () => {
      expect((await ok(CREATE, { i: station })).createMonitoringStation).toEqual({
        code: 'QT-101',
        version: 1,
        commune: { code: '01426' },
        location: { latitude: 22.83 },
      });
      expect((await error(CREATE, { i: station })).extensions).toMatchObject({ argument: 'input.code' });
      for (const [argument, change] of [
        ['input.latitude', { latitude: 10 }],
        ['input.longitude', { longitude: null }],
        ['input.name', { name: ' ' }],
        ['input.operatorCode', { operatorCode: 'sở' }],
      ] as const) {
        let e: { extensions?: Record<string, unknown> } = {};
        expect(await statements(async () => (e = await error(CREATE, { i: { ...station, code: 'QT-102', ...change } })))).toBe(0);
        expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      }
      expect((await error(CREATE, { i: { ...station, code: 'QT-103' } }, OTHER_EDITOR)).extensions).toMatchObject({ code: 'FORBIDDEN' });

      const UPDATE = `mutation($v: Int!, $r: String, $i: MonitoringStationUpdate!) { updateMonitoringStation(code: "QT-101", input: $i, expectedVersion: $v, reason: $r) { name version } }`;
      const i = { name: 'Điểm quan trắc không khí trung tâm xã Trùng Khánh' };
      expect((await error(UPDATE, { v: 1, i })).extensions).toMatchObject({ argument: 'reason' });
      expect((await error(UPDATE, { v: 2, i, r: 'Đổi tên' })).extensions).toMatchObject({ code: 'CONFLICT' });
      expect(
        await statements(async () =>
          expect((await error(UPDATE, { v: 1, i: { latitude: 99 }, r: 'x' })).extensions).toMatchObject({ argument: 'input.latitude' }),
        ),
      ).toBe(0);
      expect((await error(UPDATE, { v: 1, i, r: 'Đổi tên' }, OTHER_EDITOR)).extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect((await ok(UPDATE, { v: 1, i, r: 'Đổi tên' })).updateMonitoringStation).toEqual({ name: i.name, version: 2 });
      const h = (await ok(`{ monitoringStation(code: "QT-101") { ${HISTORY} } }`)).monitoringStation.history;
      expect(h.nodes[0]).toMatchObject({
        operation: 'UPDATE',
        reason: 'Đổi tên',
        changes: [{ field: 'name', before: station.name, after: i.name }],
      });

      const DELETE = `mutation($c: String!, $v: Int!, $r: String) { deleteMonitoringStation(code: $c, expectedVersion: $v, reason: $r) { code } }`;
      expect((await error(DELETE, { c: 'QT-101', v: 2 })).extensions).toMatchObject({ argument: 'reason' });
      expect((await error(DELETE, { c: 'QT-101', v: 1, r: 'x' })).extensions).toMatchObject({ code: 'CONFLICT' });
      expect((await error(DELETE, { c: 'QT-101', v: 2, r: 'x' }, OTHER_EDITOR)).extensions).toMatchObject({ code: 'FORBIDDEN' });
      const used = (await ok(`{ monitoringStation(code: "QT-001") { version } }`)).monitoringStation;
      expect((await error(DELETE, { c: 'QT-001', v: used.version, r: 'x' })).extensions).toMatchObject({ argument: 'code' });
      expect((await ok(DELETE, { c: 'QT-101', v: 2, r: 'Tạo nhầm' })).deleteMonitoringStation).toEqual({ code: 'QT-101' });
      expect(await ok(`{ monitoringStation(code: "QT-101") { code } }`)).toEqual({ monitoringStation: null });
      expect((await error(DELETE, { c: 'QT-101', v: 2, r: 'x' })).extensions).toMatchObject({ argument: 'code' });
    });

    it('adds a result: the limit and exceedance computed; an unknown parameter or a bad value writes nothing', async () => {
      const ADD = `mutation($i: MonitoringResultInput!) { addMonitoringResult(input: $i) { code unit exceedsLimit limit { standard min max }
        communeOnRecord { code } history { nodes { operation } } } }`;
      const d = await ok(ADD, { i: { stationCode: BAN_GIOC_STATION, measuredOn: '2026-10-15', parameter: 'DO', value: 3.1 } });
      expect(d.addMonitoringResult).toEqual({
        code: `${BAN_GIOC_STATION}/2026-10-15/DO`,
        unit: 'mg/L',
        exceedsLimit: true,
        limit: { standard: 'QCVN 08:2023/BTNMT', min: 5, max: null },
        communeOnRecord: { code: '01435' },
        history: { nodes: [{ operation: 'CREATE' }] },
      });
      const u =
        await ok(`{ administrativeUnit: _entities(representations: [{ __typename: "AdministrativeUnit", code: "01435", currentCommuneCodes: ["01435"] }]) {
        ... on AdministrativeUnit { exceedances(from: "2026-10-01") { nodes { code } } } } }`);
      expect(u.administrativeUnit[0].exceedances.nodes).toEqual([{ code: `${BAN_GIOC_STATION}/2026-10-15/DO` }]);
      for (const [argument, i] of [
        ['input.parameter', { parameter: 'PM1' }],
        ['input.value', { parameter: 'pH', value: 15 }],
        ['input.value', { value: -2 }],
        ['input.measuredOn', { measuredOn: '2099-01-01' }],
        ['input.stationCode', { stationCode: 'X-1' }],
      ] as const) {
        let e: { extensions?: Record<string, unknown> } = {};
        const n = await statements(async () => {
          e = await error(ADD, {
            i: { stationCode: BAN_GIOC_STATION, measuredOn: '2026-10-16', parameter: 'BOD5', value: 2, ...(i as object) },
          });
        });
        expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
        expect(n).toBe(0);
      }
      // rules that need the database: the station's kind does not measure it, the station does not exist, a duplicate
      const air = STATIONS.find((s) => s.kind === 'AIR')!.code;
      expect(
        (await error(ADD, { i: { stationCode: air, measuredOn: '2026-10-16', parameter: 'BOD5', value: 2 } })).extensions,
      ).toMatchObject({
        argument: 'input.parameter',
      });
      expect(
        (await error(ADD, { i: { stationCode: 'QT-999', measuredOn: '2026-10-16', parameter: 'BOD5', value: 2 } })).extensions,
      ).toMatchObject({
        argument: 'input.stationCode',
      });
      expect(
        (await error(ADD, { i: { stationCode: BAN_GIOC_STATION, measuredOn: '2026-10-15', parameter: 'DO', value: 6 } })).extensions,
      ).toMatchObject({
        argument: 'input.parameter',
      });
      expect(
        (await error(ADD, { i: { stationCode: BAN_GIOC_STATION, measuredOn: '2026-10-17', parameter: 'DO', value: 6 } }, OTHER_EDITOR))
          .extensions,
      ).toMatchObject({ code: 'FORBIDDEN' });
    });
  });
});
