// Contract and behaviour tests of the industry-trade subgraph on a real PostgreSQL with its demo data.
import { startFolderSubgraph, type TestSubgraph } from '@hub/kit/testing';
import { planCaoBang } from '@hub/schema/fixtures/cao-bang';
import { join } from 'node:path';
import { borderGates, clusters, energyProjects, establishments, fuelStations, markets, QUARTERS, tradeCentres, tradeFlows } from '../seed';

const DIR = join(__dirname, '../..');
let sg: TestSubgraph;
beforeAll(async () => {
  sg = await startFolderSubgraph(DIR, { seed: true });
});
afterAll(() => sg?.stop());

const EDITOR = { sub: '00000000-0000-4000-8000-000000000001', agency: 'SCT', roles: ['DATA_EDITOR'], editorOf: ['CSDL-CONGTHUONG'] };
/** A data editor of another database (environment): FORBIDDEN here. */
const OTHER_EDITOR = { sub: '00000000-0000-4000-8000-000000000002', agency: 'SNNMT', roles: ['DATA_EDITOR'], editorOf: ['CSDL-TNMT'] };
const TODAY = new Set(planCaoBang().merges.map((m) => m.code));
const FROM = new Map(planCaoBang().merges.map((m) => [m.code, m.from]));
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Market { code name } ... on IndustrialCluster { code name }
  ... on IndustrialEstablishment { code name } ... on TradeCentre { code name } ... on BorderGate { code name }
  ... on TradeFlow { code } ... on EnergyProject { code name } ... on FuelStation { code name } } }`;

describe('demo data', () => {
  it('is consistent with the directory: today’s communes, old codes of the same merge, enough rows to paginate', () => {
    const ms = markets();
    expect(ms.length).toBeGreaterThanOrEqual(200);
    expect(new Set(ms.map((m) => m.communeCode))).toEqual(TODAY);
    expect(ms.filter((m) => m.communeCode === '01435').length).toBeGreaterThanOrEqual(2);
    expect(establishments().length).toBeGreaterThanOrEqual(200);
    expect(fuelStations().length).toBeGreaterThanOrEqual(100);
    expect(tradeFlows().length).toBeGreaterThanOrEqual(300);
    expect(energyProjects()).toHaveLength(40);
    for (const r of [...ms, ...establishments(), ...fuelStations(), ...clusters(), ...tradeCentres(), ...borderGates()])
      expect(TODAY.has(r.communeCode)).toBe(true);
    for (const r of energyProjects()) for (const c of r.communeCodes) expect(TODAY.has(c)).toBe(true);
    for (const r of [
      ...fuelStations().map((f) => ({ ...f, day: f.licensedOn })),
      ...clusters().map((c) => ({ ...c, day: c.decisionDate })),
    ]) {
      if (r.day >= '2025-07-01') expect(r.communeCodeOnRecord).toBe(r.communeCode);
      else expect(FROM.get(r.communeCode)).toContain(r.communeCodeOnRecord);
    }
    expect(new Set(establishments().map((e) => e.taxCode)).size).toBe(establishments().length);
  });

  it('holds the twelve hydropower plants of the sector contract', async () => {
    const d = await sg.data(`{ energyProjects(first: 12, filter: { kind: HYDRO }) { totalCount nodes { code name communes { code } } } }`);
    expect(
      d.energyProjects.nodes.slice(0, 12).map((n: { code: string; communes: { code: string }[] }) => [n.code, n.communes[0].code]),
    ).toEqual([
      ['NL-0001', '01312'],
      ['NL-0002', '01321'],
      ['NL-0003', '01282'],
      ['NL-0004', '01417'],
      ['NL-0005', '01399'],
      ['NL-0006', '01240'],
      ['NL-0007', '01336'],
      ['NL-0008', '01537'],
      ['NL-0009', '01435'],
      ['NL-0010', '01462'],
      ['NL-0011', '01579'],
      ['NL-0012', '01630'],
    ]);
    expect(d.energyProjects.nodes[0].name).toBe('Thủy điện Bảo Lạc A');
  });
});

describe('contract', () => {
  it('resolves _entities for every @key, unknown keys as null', async () => {
    const flow = tradeFlows()[7];
    const r = [
      { __typename: 'Market', code: 'CH-0005' },
      { __typename: 'IndustrialCluster', code: 'CCN-01' },
      { __typename: 'IndustrialEstablishment', code: 'CSCN-0010' },
      { __typename: 'TradeCentre', code: 'TM-01' },
      { __typename: 'BorderGate', code: 'CK-01' },
      { __typename: 'TradeFlow', code: flow.code },
      { __typename: 'EnergyProject', code: 'NL-0009' },
      { __typename: 'FuelStation', code: 'XD-0003' },
      ...[
        'Market',
        'IndustrialCluster',
        'IndustrialEstablishment',
        'TradeCentre',
        'BorderGate',
        'TradeFlow',
        'EnergyProject',
        'FuelStation',
      ].map((t) => ({ __typename: t, code: 'NONE-9999' })),
    ];
    const before = sg.stats.sqlStatements;
    const d = await sg.data(ENTITIES, { r });
    expect(sg.stats.sqlStatements - before).toBe(8); // one per type, known and unknown keys together
    expect(d._entities.slice(0, 8)).toEqual([
      { __typename: 'Market', code: 'CH-0005', name: 'Chợ Bản Giốc' },
      { __typename: 'IndustrialCluster', code: 'CCN-01', name: 'Cụm công nghiệp Đề Thám' },
      { __typename: 'IndustrialEstablishment', code: 'CSCN-0010', name: establishments()[9].name },
      { __typename: 'TradeCentre', code: 'TM-01', name: tradeCentres()[0].name },
      { __typename: 'BorderGate', code: 'CK-01', name: 'Cửa khẩu quốc tế Tà Lùng' },
      { __typename: 'TradeFlow', code: flow.code },
      { __typename: 'EnergyProject', code: 'NL-0009', name: 'Thủy điện Thoong Ngạn' },
      { __typename: 'FuelStation', code: 'XD-0003', name: fuelStations()[2].name },
    ]);
    expect(d._entities.slice(8)).toEqual(Array(8).fill(null));
  });

  it('answers AdministrativeUnit lists through _entities with currentCommuneCodes, paginated', async () => {
    const d = await sg.data(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit {
        markets(first: 2) { totalCount nodes { code name } pageInfo { hasNextPage endCursor } }
        classI: markets(class: CLASS_I) { totalCount }
        industrialEstablishments { totalCount } fuelStations { totalCount } tradeCentres { totalCount }
        energyProjects { totalCount nodes { code } } wind: energyProjects(kind: WIND) { totalCount } } } }`,
      {
        r: [
          { __typename: 'AdministrativeUnit', code: '01435', currentCommuneCodes: ['01435'] },
          { __typename: 'AdministrativeUnit', code: '040', currentCommuneCodes: ['01240', '01252', '01264'] },
          { __typename: 'AdministrativeUnit', code: '99999', currentCommuneCodes: [] },
        ],
      },
    );
    const inUnit = <T extends { communeCode: string }>(rows: T[], codes: string[]) =>
      rows.filter((r) => codes.includes(r.communeCode)).length;
    const [damThuy, city, none] = d._entities;
    expect(damThuy.markets.totalCount).toBe(inUnit(markets(), ['01435']));
    expect(damThuy.markets.nodes.map((n: { name: string }) => n.name)).toEqual(['Chợ Bản Giốc', 'Chợ phiên Đàm Thủy']);
    expect(damThuy.markets.pageInfo.hasNextPage).toBe(true);
    expect(city.classI.totalCount).toBe(1);
    expect(city.industrialEstablishments.totalCount).toBe(inUnit(establishments(), ['01240', '01252', '01264']));
    expect(city.fuelStations.totalCount).toBe(6);
    expect(city.tradeCentres.totalCount).toBe(inUnit(tradeCentres(), ['01240', '01252', '01264']));
    expect(none.markets.totalCount).toBe(0);
    const spanning = (codes: string[], kind?: string) =>
      energyProjects().filter((e) => (!kind || e.kind === kind) && e.communeCodes.some((c) => codes.includes(c)));
    expect(damThuy.energyProjects.nodes.map((n: { code: string }) => n.code)).toEqual(spanning(['01435']).map((e) => e.code));
    expect(city.energyProjects.totalCount).toBe(spanning(['01240', '01252', '01264']).length);
    expect(city.energyProjects.totalCount).toBeGreaterThan(2);
    expect(city.wind.totalCount).toBe(0);
    expect(none.energyProjects.totalCount).toBe(0);
    const next = await sg.data(
      `query($r: [_Any!]!, $a: String) { _entities(representations: $r) { ... on AdministrativeUnit { markets(first: 50, after: $a) { nodes { code } } } } }`,
      { r: [{ __typename: 'AdministrativeUnit', code: '01435', currentCommuneCodes: ['01435'] }], a: damThuy.markets.pageInfo.endCursor },
    );
    expect(next._entities[0].markets.nodes).toHaveLength(inUnit(markets(), ['01435']) - 2);
  });

  it('asks the same number of statements for the markets and energy projects of 5 units as of 50', async () => {
    const codes = [...TODAY];
    const ask = async (n: number) => {
      const r = codes.slice(0, n).map((c) => ({ __typename: 'AdministrativeUnit', code: c, currentCommuneCodes: [c] }));
      const before = sg.stats.sqlStatements;
      const d = await sg.data(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { markets(first: 3) { totalCount nodes { code managedBy { code } commune { code } } } energyProjects(first: 2) { totalCount } } } }`,
        { r },
      );
      expect(d._entities).toHaveLength(n);
      return sg.stats.sqlStatements - before;
    };
    const five = await ask(5);
    expect(five).toBe(2); // the markets, the energy projects
    expect(await ask(50)).toBe(five);
  });

  it('reads 20 or 200 establishments with their clusters in the same number of statements', async () => {
    const ask = async (n: number) => {
      const before = sg.stats.sqlStatements;
      await sg.data(`{ industrialEstablishments(first: ${n}) { nodes { code cluster { code name issuer { code } } commune { code } } } }`);
      return sg.stats.sqlStatements - before;
    };
    expect(await ask(20)).toBe(await ask(200));
  });

  it('lists border gates with their trade flows per period in one statement per filter; the period is a reference', async () => {
    const before = sg.stats.sqlStatements;
    const d = await sg.data(
      `{ borderGates(first: 10) { totalCount nodes { code kind tradeFlows(period: "2025", direction: EXPORT, first: 3) { totalCount nodes { code period { id } direction commodityGroup borderGate { code } } } all: tradeFlows { totalCount } } } }`,
    );
    // the gates and their count, the flows of 2025 exports, all the flows, the flows' gates: whatever the number of gates
    expect(sg.stats.sqlStatements - before).toBe(5);
    const gates = d.borderGates.nodes;
    expect(gates).toHaveLength(borderGates().length);
    expect(gates[0].tradeFlows.totalCount).toBe(4 * 5); // four quarters × five groups
    expect(gates[0].tradeFlows.nodes[0]).toEqual({
      code: 'CK-01-2025Q1-EXPORT-AGRICULTURAL',
      period: { id: '2025Q1' },
      direction: 'EXPORT',
      commodityGroup: 'AGRICULTURAL',
      borderGate: { code: 'CK-01' },
    });
    expect(gates[0].all.totalCount).toBe(QUARTERS.length * 2 * 5);
    expect(gates[7].all.totalCount).toBe(0); // an auxiliary opening without statistics
    const bad = await sg.execute(`{ borderGate(code: "CK-01") { tradeFlows(period: "2025Q5") { totalCount } } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'period' });
  });

  it('gives references to the directory: units today and on record, agencies', async () => {
    const station = fuelStations().find((f) => f.licensedOn < '2025-07-01')!;
    const d = await sg.data(
      `{ fuelStation(code: "${station.code}") { issuer { code } commune { code validOn } communeOnRecord { code validOn } }
         industrialCluster(code: "CCN-01") { issuer { code } communeOnRecord { code validOn } }
         market(code: "CH-0001") { managedBy { code } } energyProject(code: "NL-0031") { communes { code } } }`,
    );
    expect(d.fuelStation).toEqual({
      issuer: { code: 'SCT' },
      commune: { code: station.communeCode, validOn: null },
      communeOnRecord: { code: station.communeCodeOnRecord, validOn: station.licensedOn },
    });
    expect(d.industrialCluster).toEqual({ issuer: { code: 'UBND-04' }, communeOnRecord: { code: '01255', validOn: '2012-10-17' } });
    expect(d.market.managedBy).toEqual({ code: 'UBND-01240' });
    expect(d.energyProject.communes).toHaveLength(4);
  });

  it('filters lists', async () => {
    const d = await sg.data(`{ a: markets(filter: { search: "ban gioc" }) { totalCount nodes { code } }
      b: energyProjects(filter: { communeCodes: ["01426"] }) { totalCount }
      c: industrialEstablishments(filter: { clusterCode: "CCN-01" }) { totalCount }
      d: fuelStations(filter: { search: "petrolimex" }) { totalCount } }`);
    expect(d.a.nodes).toEqual([{ code: 'CH-0005' }]);
    expect(d.b.totalCount).toBe(energyProjects().filter((e) => e.communeCodes.includes('01426')).length);
    expect(d.c.totalCount).toBe(establishments().filter((e) => e.clusterCode === 'CCN-01').length);
    expect(d.c.totalCount).toBeGreaterThan(0);
    expect(d.d.totalCount).toBe(fuelStations().filter((f) => f.operator.includes('Petrolimex')).length);
  });
});

const HISTORY = (type: string, code: string) =>
  `{ ${type}(code: "${code}") { version history(first: 5) { totalCount nodes { operation reason accountId changes { field before after masked } } } } }`;

describe('markets: create, update, delete', () => {
  const CREATE = `mutation($i: MarketCreate!) { createMarket(input: $i) { code name version commune { code } managedBy { code } } }`;
  const input = {
    code: 'CH-9001',
    name: 'Chợ phiên Bản Giốc mới',
    marketClass: 'CLASS_III',
    stalls: 40,
    operatingDays: '5, 10, 15, 20, 25, 30',
    managedByCode: 'SCT',
    communeCode: '01435',
  };

  it('creates a market, refuses a taken code, a bad field (writing nothing) and other callers', async () => {
    const created = await sg.data(CREATE, { i: input }, EDITOR);
    expect(created.createMarket).toEqual({
      code: 'CH-9001',
      name: input.name,
      version: 1,
      commune: { code: '01435' },
      managedBy: { code: 'SCT' },
    });
    expect((await sg.data(HISTORY('market', 'CH-9001'), undefined, EDITOR)).market.history.nodes[0].operation).toBe('CREATE');
    expect((await sg.execute(CREATE, { i: input }, EDITOR)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.code',
    });
    const before = sg.stats.sqlStatements;
    const bad = await sg.execute(CREATE, { i: { ...input, code: 'CH-9002', stalls: -1 } }, EDITOR);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.stalls' });
    const badCommune = await sg.execute(CREATE, { i: { ...input, code: 'CH-9002', communeCode: '1435' } }, EDITOR);
    expect(badCommune.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.communeCode' });
    expect(sg.stats.sqlStatements - before).toBe(0);
    expect((await sg.execute(CREATE, { i: { ...input, code: 'CH-9003' } }, OTHER_EDITOR)).errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await sg.data(`{ market(code: "CH-9003") { code } }`)).market).toBeNull();
  });

  it('updates at the version read, refuses stale versions, bad input and other callers, and keeps the history', async () => {
    const m = `mutation($v: Int!, $i: MarketUpdate!) { updateMarket(code: "CH-0002", input: $i, expectedVersion: $v, reason: "Sáp nhập điểm kinh doanh") { name stalls version } }`;
    const { market: before } = await sg.data(`{ market(code: "CH-0002") { version stalls } }`);
    const changed = await sg.data(m, { v: before.version, i: { stalls: 321 } }, EDITOR);
    expect(changed.updateMarket).toMatchObject({ stalls: 321, version: before.version + 1 });
    const h = (await sg.data(HISTORY('market', 'CH-0002'), undefined, EDITOR)).market.history.nodes[0];
    expect(h).toMatchObject({
      operation: 'UPDATE',
      reason: 'Sáp nhập điểm kinh doanh',
      accountId: EDITOR.sub,
      changes: [{ field: 'stalls', before: before.stalls, after: 321, masked: false }],
    });
    expect((await sg.execute(m, { v: before.version, i: { stalls: 1 } }, EDITOR)).errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
    });
    const count = sg.stats.sqlStatements;
    const bad = await sg.execute(m, { v: before.version + 1, i: { name: ' ' } }, EDITOR);
    expect(bad.errors?.[0]).toMatchObject({
      message: 'Invalid value for "input.name": must not be empty',
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.name' },
    });
    expect(sg.stats.sqlStatements - count).toBe(0);
    expect((await sg.execute(m, { v: before.version + 1, i: { stalls: 2 } }, OTHER_EDITOR)).errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await sg.data(`{ market(code: "CH-0002") { version stalls } }`)).market).toEqual({ version: before.version + 1, stalls: 321 });
  });

  it('deletes at the version read; the history keeps the deletion', async () => {
    const del = `mutation($v: Int!) { deleteMarket(code: "CH-9001", expectedVersion: $v, reason: "Chợ giải tỏa") { code } }`;
    expect((await sg.execute(del, { v: 7 }, EDITOR)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
    expect((await sg.execute(del, { v: 1 }, OTHER_EDITOR)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await sg.data(del, { v: 1 }, EDITOR)).deleteMarket).toEqual({ code: 'CH-9001' });
    expect((await sg.data(`{ market(code: "CH-9001") { code } }`)).market).toBeNull();
    const again = await sg.execute(del, { v: 1 }, EDITOR);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'code' });
  });
});

describe('energy projects: create, update, retire (an OPERATING project is approved data)', () => {
  const UPDATE = `mutation($c: String!, $v: Int!, $i: EnergyProjectUpdate!, $r: String) { updateEnergyProject(code: $c, input: $i, expectedVersion: $v, reason: $r) { capacityMw status version } }`;
  const RETIRE = `mutation($c: String!, $v: Int!, $s: EnergyProjectRetirement!, $d: Date!, $r: String) { retireEnergyProject(code: $c, status: $s, endedOn: $d, expectedVersion: $v, reason: $r) { code status endedOn version } }`;
  const version = async (code: string) => (await sg.data(`{ energyProject(code: "${code}") { version } }`)).energyProject.version;

  it('creates a project and refuses bad input naming the field', async () => {
    const m = `mutation($i: EnergyProjectCreate!) { createEnergyProject(input: $i) { code status communes { code } investmentBillionVnd version } }`;
    const i = {
      code: 'NL-0100',
      name: 'Điện mặt trời Đàm Thủy (dữ liệu mẫu)',
      kind: 'SOLAR',
      capacityMw: 5,
      communeCodes: ['01435'],
      operator: 'Công ty CP Năng lượng Xanh Cao Bằng',
      status: 'PLANNED',
      investmentBillionVnd: 90,
    };
    expect((await sg.data(m, { i }, EDITOR)).createEnergyProject).toEqual({
      code: 'NL-0100',
      status: 'PLANNED',
      communes: [{ code: '01435' }],
      investmentBillionVnd: 90,
      version: 1,
    });
    const before = sg.stats.sqlStatements;
    expect(
      (await sg.execute(m, { i: { ...i, code: 'NL-0101', communeCodes: ['01435', 'x'] } }, EDITOR)).errors?.[0].extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.communeCodes[1]' });
    expect((await sg.execute(m, { i: { ...i, code: 'NL-0101', status: 'CANCELLED' } }, EDITOR)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.status',
    });
    expect((await sg.execute(m, { i: { ...i, code: 'NL-0101', capacityMw: -3 } }, EDITOR)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.capacityMw',
    });
    expect(sg.stats.sqlStatements - before).toBe(0);
    expect((await sg.execute(m, { i: { ...i, code: 'NL-0101' } }, OTHER_EDITOR)).errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('needs a reason to change an OPERATING project, none for a planned one; stale versions are a CONFLICT', async () => {
    const v = await version('NL-0001');
    const refused = await sg.execute(UPDATE, { c: 'NL-0001', v, i: { capacityMw: 31 } }, EDITOR);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
    expect(await version('NL-0001')).toBe(v);
    const ok = await sg.data(UPDATE, { c: 'NL-0001', v, i: { capacityMw: 31 }, r: 'Nâng công suất theo Quyết định điều chỉnh' }, EDITOR);
    expect(ok.updateEnergyProject).toEqual({ capacityMw: 31, status: 'OPERATING', version: v + 1 });
    const h = (await sg.data(HISTORY('energyProject', 'NL-0001'), undefined, EDITOR)).energyProject.history.nodes[0];
    expect(h).toMatchObject({
      operation: 'UPDATE',
      reason: 'Nâng công suất theo Quyết định điều chỉnh',
      changes: [{ field: 'capacityMw', before: 30, after: 31 }],
    });
    expect((await sg.execute(UPDATE, { c: 'NL-0001', v, i: { capacityMw: 32 }, r: 'x' }, EDITOR)).errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
    });
    const planned = await sg.data(UPDATE, { c: 'NL-0010', v: await version('NL-0010'), i: { status: 'UNDER_CONSTRUCTION' } }, EDITOR);
    expect(planned.updateEnergyProject.status).toBe('UNDER_CONSTRUCTION');
    expect((await sg.execute(UPDATE, { c: 'NL-0010', v: 2, i: { capacityMw: 6 } }, OTHER_EDITOR)).errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('retires a project with a date: the record stays, the history says so', async () => {
    const v = await version('NL-0012');
    expect((await sg.execute(RETIRE, { c: 'NL-0012', v, s: 'SUSPENDED', d: '2026-11-30' }, EDITOR)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'reason',
    });
    expect(
      (await sg.execute(RETIRE, { c: 'NL-0012', v, s: 'SUSPENDED', d: '2026-02-30', r: 'x' }, EDITOR)).errors?.[0].extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
    const d = await sg.data(RETIRE, { c: 'NL-0012', v, s: 'SUSPENDED', d: '2026-11-30', r: 'Sự cố đập dâng, dừng vận hành' }, EDITOR);
    expect(d.retireEnergyProject).toEqual({ code: 'NL-0012', status: 'SUSPENDED', endedOn: '2026-11-30', version: v + 1 });
    const h = (await sg.data(HISTORY('energyProject', 'NL-0012'), undefined, EDITOR)).energyProject.history.nodes[0];
    expect(h.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'status', before: 'OPERATING', after: 'SUSPENDED' })]),
    );
    // no longer OPERATING: retiring it further needs no reason
    expect((await sg.data(RETIRE, { c: 'NL-0012', v: v + 1, s: 'CANCELLED', d: '2026-12-01' }, EDITOR)).retireEnergyProject.status).toBe(
      'CANCELLED',
    );
    expect(
      (await sg.execute(RETIRE, { c: 'NL-0012', v: v + 2, s: 'CANCELLED', d: '2026-12-01' }, OTHER_EDITOR)).errors?.[0].extensions,
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('industrial establishments: update', () => {
  const UPDATE = `mutation($v: Int!, $i: IndustrialEstablishmentUpdate!) { updateIndustrialEstablishment(code: "CSCN-0003", input: $i, expectedVersion: $v) { employees cluster { code } representativePhone version } }`;

  it('updates, keeps personal values masked in the history for callers who may not read them', async () => {
    const { industrialEstablishment: e } = await sg.data(`{ industrialEstablishment(code: "CSCN-0003") { version } }`);
    const d = await sg.data(
      UPDATE,
      { v: e.version, i: { employees: 61, clusterCode: 'CCN-01', representativePhone: '0912 345 678' } },
      EDITOR,
    );
    expect(d.updateIndustrialEstablishment).toEqual({
      employees: 61,
      cluster: { code: 'CCN-01' },
      representativePhone: '0912 345 678',
      version: e.version + 1,
    });
    const h = (await sg.data(HISTORY('industrialEstablishment', 'CSCN-0003'), undefined, EDITOR)).industrialEstablishment.history.nodes[0];
    expect(h.changes.find((c: { field: string }) => c.field === 'representativePhone')).toMatchObject({ masked: true, after: null });
    expect(h.changes.find((c: { field: string }) => c.field === 'employees')).toMatchObject({ after: 61 });
  });

  it('refuses bad input naming the field, an unknown cluster, stale versions and other callers', async () => {
    const { industrialEstablishment: e } = await sg.data(`{ industrialEstablishment(code: "CSCN-0003") { version } }`);
    const before = sg.stats.sqlStatements;
    expect((await sg.execute(UPDATE, { v: e.version, i: { representativePhone: '12ab' } }, EDITOR)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.representativePhone',
    });
    expect((await sg.execute(UPDATE, { v: e.version, i: { employees: -1 } }, EDITOR)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.employees',
    });
    expect(sg.stats.sqlStatements - before).toBe(0);
    expect((await sg.execute(UPDATE, { v: e.version, i: { clusterCode: 'CCN-99' } }, EDITOR)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.clusterCode',
    });
    expect((await sg.execute(UPDATE, { v: e.version - 1, i: { employees: 1 } }, EDITOR)).errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
    });
    expect((await sg.execute(UPDATE, { v: e.version, i: { employees: 1 } }, OTHER_EDITOR)).errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await sg.data(`{ industrialEstablishment(code: "CSCN-0003") { version employees } }`)).industrialEstablishment).toEqual({
      version: e.version,
      employees: 61,
    });
  });
});
