// Contract and behaviour tests of the agriculture subgraph on a real PostgreSQL with its demo data.
import { startFolderSubgraph, type TestSubgraph } from '@hub/kit/testing';
import { join } from 'node:path';
import { TODAY_COMMUNE_CODES as TODAY_CODES } from '@hub/kit';
import { AQUACULTURE, CHANGES, FARMS, GROWING_AREAS, IRRIGATION, NEW_RURAL, OCOP_PRODUCTS, OUTBREAKS, PLOTS } from '../seed';

const DIR = join(__dirname, '../..');
let sg: TestSubgraph;
beforeAll(async () => {
  sg = await startFolderSubgraph(DIR, { seed: true });
});
afterAll(() => sg?.stop());

const EDITOR = { sub: '00000000-0000-4000-8000-000000000001', agency: 'SNNMT', roles: ['DATA_EDITOR'], editorOf: ['CSDL-NNPTNT'] };
/** A data editor of the environment database (same agency), not of this one. */
const OTHER_EDITOR = { ...EDITOR, sub: '00000000-0000-4000-8000-000000000002', editorOf: ['CSDL-TNMT'] };
const OFFICIAL = { sub: '00000000-0000-4000-8000-000000000003', agency: 'SNNMT', roles: ['OFFICIAL'] };

const ok = (q: string, v?: Record<string, unknown>, caller?: Parameters<TestSubgraph['data']>[2]) => sg.data(q, v, caller);
/** Runs an operation, returns its first error and the number of SQL statements it ran. */
async function fails(q: string, v: Record<string, unknown>, caller: Parameters<TestSubgraph['data']>[2]) {
  const before = sg.stats.sqlStatements;
  const res = await sg.execute(q, v, caller);
  expect(res.errors?.length).toBeGreaterThan(0);
  return { error: res.errors![0], statements: sg.stats.sqlStatements - before };
}

describe('lists and lookups', () => {
  it('holds enough records for lists to paginate, in every commune of today', async () => {
    const d = await ok(`{
      forestPlots(first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { code } }
      forestChanges { totalCount } growingAreaCodes { totalCount } outbreaks { totalCount } livestockFarms { totalCount }
      irrigationWorks { totalCount } aquacultureAreas { totalCount } ocopProducts { totalCount } newRuralStatuses { totalCount }
    }`);
    expect(d.forestPlots.totalCount).toBe(PLOTS.length);
    expect(PLOTS.length).toBeGreaterThanOrEqual(300);
    expect(new Set(PLOTS.map((p) => p.communeCode)).size).toBe(TODAY_CODES.length);
    expect(PLOTS.filter((p) => p.communeCode === '01435').length).toBeGreaterThanOrEqual(5);
    expect(d.forestPlots.pageInfo.hasNextPage).toBe(true);
    const next = await ok(`query($a: String) { forestPlots(first: 50, after: $a) { nodes { code } } }`, {
      a: d.forestPlots.pageInfo.endCursor,
    });
    expect(next.forestPlots.nodes[0].code > d.forestPlots.nodes[49].code).toBe(true);
    expect(d.forestChanges.totalCount).toBe(CHANGES.length);
    expect(d.growingAreaCodes.totalCount).toBe(GROWING_AREAS.length);
    expect(d.outbreaks.totalCount).toBe(OUTBREAKS.length);
    expect(d.livestockFarms.totalCount).toBe(FARMS.length);
    expect(d.irrigationWorks.totalCount).toBe(IRRIGATION.length);
    expect(d.aquacultureAreas.totalCount).toBe(AQUACULTURE.length);
    expect(d.ocopProducts.totalCount).toBe(OCOP_PRODUCTS.length);
    expect(d.newRuralStatuses.totalCount).toBe(NEW_RURAL.length);
  });

  it('filters lists', async () => {
    const d = await ok(`{
      special: forestPlots(filter: { purpose: SPECIAL_USE }) { totalCount }
      inCommune: forestPlots(filter: { communeCodes: ["01435"], holderKind: HOUSEHOLD }) { totalCount }
      species: forestPlots(filter: { search: "nghien" }) { totalCount }
      conversions: forestChanges(filter: { kind: CONVERSION }) { totalCount }
      active: outbreaks(filter: { status: ACTIVE }) { totalCount }
      outbreaksHere: outbreaks(filter: { communeCodes: ["01435"] }) { nodes { code } }
      chestnut: growingAreaCodes(filter: { search: "hat de" }) { totalCount }
      fourStars: ocopProducts(filter: { minStars: 4 }) { totalCount }
      y2023: newRuralStatuses(filter: { year: 2023 }) { totalCount }
    }`);
    expect(d.special.totalCount).toBe(PLOTS.filter((p) => p.purpose === 'SPECIAL_USE').length);
    expect(d.inCommune.totalCount).toBe(PLOTS.filter((p) => p.communeCode === '01435' && p.holderKind === 'HOUSEHOLD').length);
    expect(d.species.totalCount).toBe(PLOTS.filter((p) => p.mainSpecies === 'Nghiến').length);
    expect(d.conversions.totalCount).toBe(12);
    expect(d.active.totalCount).toBe(OUTBREAKS.filter((o) => o.status === 'ACTIVE').length);
    expect(d.outbreaksHere.nodes.map((n: { code: string }) => n.code)).toEqual(
      OUTBREAKS.filter((o) => o.communeCodes.includes('01435')).map((o) => o.code),
    );
    expect(d.chestnut.totalCount).toBe(GROWING_AREAS.filter((g) => g.crop.startsWith('Hạt dẻ')).length);
    expect(d.fourStars.totalCount).toBe(OCOP_PRODUCTS.filter((o) => o.stars >= 4).length);
    expect(d.y2023.totalCount).toBe(NEW_RURAL.filter((n) => n.year === 2023).length);
  });

  it('answers a record with its units today and on its date, its agencies and its children', async () => {
    const change = CHANGES.find((c) => c.energyProjectCode === 'NL-0009')!;
    const d = await ok(
      `query($p: String!, $c: String!) {
        forestPlot(code: $p) { code purpose commune { code validOn } managedBy { code } changes { code kind } provenance { dataset { code } } }
        forestChange(code: $c) { kind areaHa plot { code } issuer { code } energyProject { code } commune { code validOn } communeOnRecord { code validOn } }
        ocopProduct(code: "OCOP-0001") { name stars validUntil issuer { code } communeOnRecord { code validOn } }
        outbreak(code: "${OUTBREAKS[0].code}") { communes { code } communesOnRecord { code validOn } issuer { code } }
        newRuralStatus(code: "${NEW_RURAL[0].code}") { commune { code } communeOnRecord { code validOn } }
        none: forestPlot(code: "TK999-K9-L9") { code }
      }`,
      { p: change.plotCode, c: change.code },
    );
    expect(d.forestPlot).toMatchObject({ code: change.plotCode, commune: { code: '01435', validOn: null }, managedBy: { code: 'SNNMT' } });
    expect(d.forestPlot.changes.map((c: { code: string }) => c.code)).toContain(change.code);
    expect(d.forestPlot.provenance.dataset).toEqual({ code: 'CSDL-NNPTNT' });
    expect(d.forestChange).toMatchObject({
      kind: 'CONVERSION',
      plot: { code: change.plotCode },
      issuer: { code: 'UBND-04' },
      energyProject: { code: 'NL-0009' },
      commune: { code: '01435', validOn: null },
      communeOnRecord: { code: change.communeCodeOnRecord, validOn: change.detectedOn },
    });
    expect(d.ocopProduct).toMatchObject({
      name: 'Miến dong Phia Đén',
      issuer: { code: 'UBND-04' },
      validUntil: OCOP_PRODUCTS[0].validUntil,
      communeOnRecord: { code: OCOP_PRODUCTS[0].communeCodeOnRecord, validOn: OCOP_PRODUCTS[0].decidedOn },
    });
    expect(d.outbreak.communes).toEqual(OUTBREAKS[0].communeCodes.map((code) => ({ code })));
    expect(d.outbreak.communesOnRecord[0]).toEqual({ code: OUTBREAKS[0].communeCodesOnRecord[0], validOn: OUTBREAKS[0].detectedOn });
    expect(d.newRuralStatus.communeOnRecord).toEqual({ code: NEW_RURAL[0].communeCodeOnRecord, validOn: NEW_RURAL[0].decidedOn });
    expect(d.none).toBeNull();
  });

  it('names the agency competent on the day: SNNPTNT until 2025-02-28, SNNMT from 2025-03-01', () => {
    for (const g of GROWING_AREAS) expect(g.issuerCode).toBe(g.issuedOn < '2025-03-01' ? 'SNNPTNT' : 'SNNMT');
    for (const o of OUTBREAKS) expect(o.issuerCode).toBe(o.detectedOn < '2025-03-01' ? 'SNNPTNT' : 'SNNMT');
  });
});

describe('federation contract', () => {
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on ForestPlot { code } ... on ForestChange { code } ... on GrowingAreaCode { code } ... on Outbreak { code }
    ... on LivestockFarm { code } ... on IrrigationWork { code } ... on AquacultureArea { code } ... on OcopProduct { code }
    ... on NewRuralStatus { code } } }`;
  const KEYS: [string, string][] = [
    ['ForestPlot', PLOTS[3].code],
    ['ForestChange', CHANGES[2].code],
    ['GrowingAreaCode', GROWING_AREAS[1].code],
    ['Outbreak', OUTBREAKS[4].code],
    ['LivestockFarm', FARMS[5].code],
    ['IrrigationWork', IRRIGATION[6].code],
    ['AquacultureArea', AQUACULTURE[7].code],
    ['OcopProduct', OCOP_PRODUCTS[8].code],
    ['NewRuralStatus', NEW_RURAL[9].code],
  ];

  it('resolves every owned entity by its @key, and unknown keys as null', async () => {
    const r = [...KEYS.map(([t, code]) => ({ __typename: t, code })), ...KEYS.map(([t]) => ({ __typename: t, code: 'NONE-0000' }))];
    const d = await ok(ENTITIES, { r });
    expect(d._entities).toEqual([...KEYS.map(([, code]) => ({ code })), ...KEYS.map(() => null)]);
  });

  it('resolves many references of a type with one statement', async () => {
    const before = sg.stats.sqlStatements;
    const d = await ok(ENTITIES, { r: PLOTS.slice(0, 40).map((p) => ({ __typename: 'ForestPlot', code: p.code })) });
    expect(d._entities).toHaveLength(40);
    expect(sg.stats.sqlStatements - before).toBe(1);
  });

  it('contributes EnergyProject.forestConversions (≥6 of NL-0001…NL-0012), for many projects in one statement', async () => {
    const projects = Array.from({ length: 12 }, (_, i) => `NL-${String(i + 1).padStart(4, '0')}`);
    const before = sg.stats.sqlStatements;
    const d = await ok(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on EnergyProject { code forestConversions { code kind areaHa energyProjectCode } } } }`,
      { r: [...projects, 'NL-0999'].map((code) => ({ __typename: 'EnergyProject', code })) },
    );
    expect(sg.stats.sqlStatements - before).toBe(1);
    const withConversions = d._entities.filter((p: { forestConversions: unknown[] }) => p.forestConversions.length > 0);
    expect(withConversions.length).toBeGreaterThanOrEqual(6);
    expect(d._entities[8].forestConversions).toEqual([
      expect.objectContaining({ code: CHANGES.find((c) => c.energyProjectCode === 'NL-0009')!.code, kind: 'CONVERSION' }),
    ]);
    // not ours to say whether NL-0999 exists: it has no conversions here
    expect(d._entities[12]).toEqual({ code: 'NL-0999', forestConversions: [] });
  });

  const UNITS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit {
    forestPlots(first: 3) { totalCount nodes { code commune { code } } pageInfo { hasNextPage } }
    special: forestPlots(purpose: SPECIAL_USE) { totalCount }
    outbreaks { totalCount nodes { code } }
    ocopProducts(minStars: 3) { totalCount nodes { code } }
  } } }`;
  const unit = (codes: string[], code = codes[0]) => ({ __typename: 'AdministrativeUnit', code, currentCommuneCodes: codes });

  it("contributes AdministrativeUnit.forestPlots, outbreaks and ocopProducts from the unit's current communes", async () => {
    const d = await ok(UNITS, { r: [unit(['01435']), unit(['01426', '01435', '01444'], '047'), unit([], '99999')] });
    const plots = (codes: string[]) => PLOTS.filter((p) => codes.includes(p.communeCode));
    expect(d._entities[0].forestPlots.totalCount).toBe(plots(['01435']).length);
    expect(d._entities[0].forestPlots.totalCount).toBeGreaterThanOrEqual(5);
    expect(d._entities[0].forestPlots.nodes).toHaveLength(3);
    expect(d._entities[0].forestPlots.pageInfo.hasNextPage).toBe(true);
    expect(d._entities[0].special.totalCount).toBe(plots(['01435']).filter((p) => p.purpose === 'SPECIAL_USE').length);
    expect(d._entities[1].forestPlots.totalCount).toBe(plots(['01426', '01435', '01444']).length);
    expect(d._entities[0].outbreaks.nodes.map((n: { code: string }) => n.code)).toEqual(
      OUTBREAKS.filter((o) => o.communeCodes.includes('01435')).map((o) => o.code),
    );
    expect(d._entities[0].ocopProducts.totalCount).toBe(OCOP_PRODUCTS.filter((o) => o.communeCode === '01435').length);
    expect(d._entities[2]).toEqual({
      forestPlots: { totalCount: 0, nodes: [], pageInfo: { hasNextPage: false } },
      special: { totalCount: 0 },
      outbreaks: { totalCount: 0, nodes: [] },
      ocopProducts: { totalCount: 0, nodes: [] },
    });
  });

  it('answers the lists of 5 units and of 50 units with the same number of statements', async () => {
    const count = async (n: number) => {
      const r = TODAY_CODES.slice(0, n).map((c) => unit([c]));
      const before = sg.stats.sqlStatements;
      const d = await ok(UNITS, { r });
      expect(d._entities).toHaveLength(n);
      return sg.stats.sqlStatements - before;
    };
    const five = await count(5);
    const fifty = await count(50);
    expect(fifty).toBe(five);
    expect(five).toBe(4); // forest plots (no filter, SPECIAL_USE), outbreaks, OCOP products
  });

  it('reads 20 or 200 plots with their changes and history in the same number of statements', async () => {
    const count = async (n: number) => {
      const before = sg.stats.sqlStatements;
      const d = await ok(
        `query($n: Int) { forestPlots(first: $n) { totalCount nodes { code commune { code } managedBy { code } changes { code plot { code } } history(first: 2) { nodes { operation } } } } }`,
        { n },
        EDITOR,
      );
      expect(d.forestPlots.nodes).toHaveLength(n);
      return sg.stats.sqlStatements - before;
    };
    expect(await count(200)).toBe(await count(20));
  });
});

describe('forest plots: create, update, delete', () => {
  const CREATE = `mutation($i: ForestPlotCreate!) { createForestPlot(input: $i) { code subCompartment compartment plot holderPerson version
    commune { code } history { nodes { operation changes { field after } } } } }`;
  const NEW = {
    code: 'TK900-K1-L1',
    purpose: 'PRODUCTION',
    origin: 'PLANTED',
    mainSpecies: 'Keo lai',
    areaHa: 12.5,
    communeCode: '01435',
    holderKind: 'HOUSEHOLD',
    holderPerson: 'Nông Văn Bình',
    managedByCode: 'SNNMT',
  };

  it('creates a plot, with its history, and refuses its code a second time', async () => {
    const d = await ok(CREATE, { i: NEW }, EDITOR);
    expect(d.createForestPlot).toMatchObject({ code: NEW.code, subCompartment: '900', compartment: '1', plot: '1', version: 1 });
    expect(d.createForestPlot.history.nodes[0].operation).toBe('CREATE');
    const dup = await fails(CREATE, { i: NEW }, EDITOR);
    expect(dup.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.code' });
  });

  it.each([
    ['input.code', { code: 'TK-1' }],
    ['input.areaHa', { areaHa: 0 }],
    ['input.communeCode', { communeCode: '01438' }],
    ['input.mainSpecies', { mainSpecies: ' ' }],
  ])('names %s and writes nothing (no statement)', async (argument, change) => {
    const r = await fails(CREATE, { i: { ...NEW, code: 'TK901-K1-L1', ...change } }, EDITOR);
    expect(r.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(r.statements).toBe(0);
  });

  it('requires the holder that goes with its kind', async () => {
    const r = await fails(CREATE, { i: { ...NEW, code: 'TK902-K1-L1', holderPerson: null } }, EDITOR);
    expect(r.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.holderPerson' });
    expect((await ok(`{ forestPlot(code: "TK902-K1-L1") { code } }`)).forestPlot).toBeNull();
  });

  const UPDATE = `mutation($c: String!, $i: ForestPlotUpdate!, $v: Int!, $r: String) { updateForestPlot(code: $c, input: $i, expectedVersion: $v, reason: $r) {
    areaHa version history { nodes { operation reason changes { field before after } } } } }`;

  it('updates at the version read with a reason, refuses a stale version, a missing reason and a bad value', async () => {
    const plot = PLOTS[10];
    const { forestPlot: before } = await ok(`{ forestPlot(code: "${plot.code}") { version areaHa } }`);
    const noReason = await fails(UPDATE, { c: plot.code, i: { areaHa: 20 }, v: before.version }, EDITOR);
    expect(noReason.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
    const bad = await fails(UPDATE, { c: plot.code, i: { areaHa: -1 }, v: before.version, r: 'x' }, EDITOR);
    expect(bad.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.areaHa' });
    expect(bad.statements).toBe(0);
    const d = await ok(UPDATE, { c: plot.code, i: { areaHa: 20 }, v: before.version, r: 'Đo đạc lại năm 2026' }, EDITOR);
    expect(d.updateForestPlot).toMatchObject({ areaHa: 20, version: before.version + 1 });
    expect(d.updateForestPlot.history.nodes[0]).toEqual({
      operation: 'UPDATE',
      reason: 'Đo đạc lại năm 2026',
      changes: [{ field: 'areaHa', before: plot.areaHa, after: 20 }],
    });
    const stale = await fails(UPDATE, { c: plot.code, i: { areaHa: 21 }, v: before.version, r: 'x' }, EDITOR);
    expect(stale.error.extensions).toMatchObject({ code: 'CONFLICT' });
    const unknown = await fails(UPDATE, { c: 'TK999-K9-L9', i: { areaHa: 21 }, v: 1, r: 'x' }, EDITOR);
    expect(unknown.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'code' });
  });

  it('keeps a household holder’s name in the history, shown only to callers the gateway lets read it', async () => {
    const plot = PLOTS.find((p) => p.holderKind === 'HOUSEHOLD' && p.communeCode === '01585')!;
    await ok(
      `mutation { updateForestPlot(code: "${plot.code}", input: { holderPerson: "Lục Thị Nga" }, expectedVersion: 1, reason: "Chuyển nhượng quyền sử dụng rừng") { version } }`,
      undefined,
      EDITOR,
    );
    const H = `{ forestPlot(code: "${plot.code}") { history { nodes { changes { field before after masked } } } } }`;
    const shown = (await ok(H, undefined, { ...EDITOR, read: ['ForestPlot.holderPerson'] })).forestPlot;
    expect(shown.history.nodes[0].changes).toEqual([
      { field: 'holderPerson', before: plot.holderPerson, after: 'Lục Thị Nga', masked: false },
    ]);
    const hidden = (await ok(H, undefined, OFFICIAL)).forestPlot;
    expect(hidden.history.nodes[0].changes).toEqual([{ field: 'holderPerson', before: null, after: null, masked: true }]);
  });

  it('deletes at the version read with a reason; the history keeps it', async () => {
    const DELETE = `mutation($c: String!, $v: Int!, $r: String) { deleteForestPlot(code: $c, expectedVersion: $v, reason: $r) { code } }`;
    const code = PLOTS[20].code;
    const noReason = await fails(DELETE, { c: code, v: 1 }, EDITOR);
    expect(noReason.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
    expect((await fails(DELETE, { c: code, v: 7, r: 'x' }, EDITOR)).error.extensions).toMatchObject({ code: 'CONFLICT' });
    await ok(DELETE, { c: code, v: 1, r: 'Nhập trùng với lô khác' }, EDITOR);
    expect((await ok(`{ forestPlot(code: "${code}") { code } }`)).forestPlot).toBeNull();
  });
});

describe('forest changes', () => {
  const RECORD = `mutation($i: ForestChangeInput!) { recordForestChange(input: $i) { code commune { code } communeOnRecord { code validOn } plot { changes { code } } history { nodes { operation } } } }`;
  const plot = PLOTS.find((p) => p.communeCode === '01435' && p.purpose === 'PRODUCTION')!;
  const INPUT = {
    code: 'BD-2024-0901',
    plotCode: plot.code,
    kind: 'LOSS',
    cause: 'FIRE',
    areaHa: 1.5,
    detectedOn: '2024-03-15',
    issuerCode: 'SNNPTNT',
  };

  it('records a change in the plot’s commune, as it was on its date', async () => {
    const d = await ok(RECORD, { i: { ...INPUT, communeCodeOnRecord: '01438' } }, EDITOR);
    expect(d.recordForestChange).toMatchObject({
      commune: { code: '01435' },
      communeOnRecord: { code: '01438', validOn: '2024-03-15' },
      history: { nodes: [{ operation: 'CREATE' }] },
    });
    expect(d.recordForestChange.plot.changes.map((c: { code: string }) => c.code)).toContain('BD-2024-0901');
  });

  it.each([
    ['input.plotCode', { plotCode: 'TK999-K9-L9' }],
    ['input.areaHa', { areaHa: 100000 }],
    ['input.communeCodeOnRecord', { communeCodeOnRecord: '01426' }],
    ['input.energyProjectCode', { energyProjectCode: 'NL-0001' }],
  ])('refuses a change naming %s', async (argument, change) => {
    const r = await fails(RECORD, { i: { ...INPUT, code: 'BD-2024-0902', ...change } }, EDITOR);
    expect(r.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('a bad value writes nothing (no statement)', async () => {
    const r = await fails(RECORD, { i: { ...INPUT, code: 'BD-24-1' } }, EDITOR);
    expect(r.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.code' });
    expect(r.statements).toBe(0);
  });
});

describe('forest changes: corrections and removal (official data, a reason each time)', () => {
  const change = CHANGES.find((c) => c.kind === 'LOSS')!;
  const U = `mutation($i: ForestChangeUpdate!, $v: Int!, $r: String) { updateForestChange(code: "${change.code}", input: $i, expectedVersion: $v, reason: $r) {
    areaHa decisionNumber version history { nodes { reason changes { field before after } } } } }`;
  const D = `mutation($c: String!, $v: Int!, $r: String) { deleteForestChange(code: $c, expectedVersion: $v, reason: $r) { code } }`;

  it('corrects a change with a reason at the version read; refuses more than the plot, a stale version', async () => {
    expect((await fails(U, { i: { decisionNumber: '12/QĐ-SNNMT' }, v: 1 }, EDITOR)).error.extensions).toMatchObject({ argument: 'reason' });
    expect((await fails(U, { i: { areaHa: 99999 }, v: 1, r: 'x' }, EDITOR)).error.extensions).toMatchObject({ argument: 'input.areaHa' });
    const bad = await fails(U, { i: { areaHa: 0 }, v: 1, r: 'x' }, EDITOR);
    expect(bad.error.extensions).toMatchObject({ argument: 'input.areaHa' });
    expect(bad.statements).toBe(0);
    const d = await ok(U, { i: { decisionNumber: '12/QĐ-SNNMT' }, v: 1, r: 'Bổ sung số biên bản' }, EDITOR);
    expect(d.updateForestChange).toMatchObject({ decisionNumber: '12/QĐ-SNNMT', version: 2 });
    expect(d.updateForestChange.history.nodes[0]).toMatchObject({
      reason: 'Bổ sung số biên bản',
      changes: [{ field: 'decisionNumber', before: change.decisionNumber, after: '12/QĐ-SNNMT' }],
    });
    expect((await fails(U, { i: { decisionNumber: 'y' }, v: 1, r: 'x' }, EDITOR)).error.extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('removes a change recorded by mistake, with a reason', async () => {
    const code = CHANGES.filter((c) => c.kind === 'GAIN')[0].code;
    expect((await fails(D, { c: code, v: 1 }, EDITOR)).error.extensions).toMatchObject({ argument: 'reason' });
    await ok(D, { c: code, v: 1, r: 'Ghi trùng' }, EDITOR);
    expect((await ok(`{ forestChange(code: "${code}") { code } }`)).forestChange).toBeNull();
  });
});

describe('outbreaks: open, and the status only forward', () => {
  const OPEN = `mutation($i: OutbreakOpen!) { openOutbreak(input: $i) { code status version issuer { code } communes { code } communesOnRecord { code validOn } } }`;
  const ADVANCE = `mutation($c: String!, $s: OutbreakStatus!, $on: Date!, $v: Int!) { advanceOutbreakStatus(code: $c, status: $s, on: $on, expectedVersion: $v) {
    status controlledOn endedOn version history { totalCount nodes { changes { field before after } } } } }`;
  const INPUT = {
    code: 'OD-2026-101',
    category: 'ANIMAL_DISEASE',
    disease: 'Dịch tả lợn châu Phi',
    host: 'Lợn',
    detectedOn: '2026-11-20',
    communeCodes: ['01435', '01426'],
    affectedHeads: 35,
    culledHeads: 35,
    householdsAffected: 6,
  };

  it('opens an outbreak ACTIVE, declared by the department competent today', async () => {
    const d = await ok(OPEN, { i: INPUT }, EDITOR);
    expect(d.openOutbreak).toMatchObject({
      status: 'ACTIVE',
      version: 1,
      issuer: { code: 'SNNMT' },
      communes: [{ code: '01435' }, { code: '01426' }],
      communesOnRecord: [
        { code: '01435', validOn: '2026-11-20' },
        { code: '01426', validOn: '2026-11-20' },
      ],
    });
    const unit = await ok(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { outbreaks(status: ACTIVE) { nodes { code } } } } }`,
      { r: [{ __typename: 'AdministrativeUnit', code: '01426', currentCommuneCodes: ['01426'] }] },
    );
    expect(unit._entities[0].outbreaks.nodes.map((n: { code: string }) => n.code)).toContain('OD-2026-101');
  });

  it.each([
    ['input.communeCodes', { communeCodes: [] }],
    ['input.communeCodes[1]', { communeCodes: ['01435', '1435'] }],
    ['input.affectedHeads', { affectedHeads: -3 }],
    ['input.disease', { disease: '  ' }],
  ])('names %s and writes nothing', async (argument, change) => {
    const r = await fails(OPEN, { i: { ...INPUT, code: 'OD-2026-102', ...change } }, EDITOR);
    expect(r.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(r.statements).toBe(0);
  });

  it('refuses an area for an animal disease', async () => {
    const r = await fails(OPEN, { i: { ...INPUT, code: 'OD-2026-103', affectedAreaHa: 3 } }, EDITOR);
    expect(r.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.affectedAreaHa' });
  });

  it('moves ACTIVE → CONTROLLED → ENDED with dates, refuses going back or staying (naming status), and a stale version', async () => {
    const c = await ok(ADVANCE, { c: 'OD-2026-101', s: 'CONTROLLED', on: '2026-11-28', v: 1 }, EDITOR);
    expect(c.advanceOutbreakStatus).toMatchObject({ status: 'CONTROLLED', controlledOn: '2026-11-28', endedOn: null, version: 2 });
    expect(c.advanceOutbreakStatus.history.nodes[0].changes).toEqual(
      expect.arrayContaining([{ field: 'status', before: 'ACTIVE', after: 'CONTROLLED' }]),
    );
    const back = await fails(ADVANCE, { c: 'OD-2026-101', s: 'ACTIVE', on: '2026-11-29', v: 2 }, EDITOR);
    expect(back.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'status' });
    const same = await fails(ADVANCE, { c: 'OD-2026-101', s: 'CONTROLLED', on: '2026-11-29', v: 2 }, EDITOR);
    expect(same.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'status' });
    const early = await fails(ADVANCE, { c: 'OD-2026-101', s: 'ENDED', on: '2026-11-27', v: 2 }, EDITOR);
    expect(early.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'on' });
    const stale = await fails(ADVANCE, { c: 'OD-2026-101', s: 'ENDED', on: '2026-12-01', v: 1 }, EDITOR);
    expect(stale.error.extensions).toMatchObject({ code: 'CONFLICT' });
    const e = await ok(ADVANCE, { c: 'OD-2026-101', s: 'ENDED', on: '2026-12-01', v: 2 }, EDITOR);
    expect(e.advanceOutbreakStatus).toMatchObject({ status: 'ENDED', controlledOn: '2026-11-28', endedOn: '2026-12-01', version: 3 });
    const after = await fails(ADVANCE, { c: 'OD-2026-101', s: 'CONTROLLED', on: '2026-12-02', v: 3 }, EDITOR);
    expect(after.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'status' });
  });

  it('corrects the figures of an outbreak, keeping areas to plant pests and heads to animal diseases', async () => {
    const U = `mutation($i: OutbreakUpdate!, $v: Int!) { updateOutbreak(code: "OD-2026-101", input: $i, expectedVersion: $v) {
      affectedHeads culledHeads householdsAffected communes { code } version } }`;
    const { outbreak } = await ok(`{ outbreak(code: "OD-2026-101") { version } }`);
    expect((await fails(U, { i: { affectedAreaHa: 2 }, v: outbreak.version }, EDITOR)).error.extensions).toMatchObject({
      argument: 'input.affectedAreaHa',
    });
    const bad = await fails(U, { i: { culledHeads: -5 }, v: outbreak.version }, EDITOR);
    expect(bad.error.extensions).toMatchObject({ argument: 'input.culledHeads' });
    expect(bad.statements).toBe(0);
    const d = await ok(
      U,
      { i: { affectedHeads: 60, culledHeads: 58, communeCodes: ['01435', '01426', '01444'] }, v: outbreak.version },
      EDITOR,
    );
    expect(d.updateOutbreak).toEqual({
      affectedHeads: 60,
      culledHeads: 58,
      householdsAffected: 6,
      communes: [{ code: '01435' }, { code: '01426' }, { code: '01444' }],
      version: outbreak.version + 1,
    });
    expect((await fails(U, { i: { affectedHeads: 61 }, v: outbreak.version }, EDITOR)).error.extensions).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('lets an outbreak end straight from ACTIVE', async () => {
    const active = OUTBREAKS.find((o) => o.status === 'ACTIVE')!;
    const e = await ok(ADVANCE, { c: active.code, s: 'ENDED', on: '2026-12-03', v: 1 }, EDITOR);
    expect(e.advanceOutbreakStatus).toMatchObject({ status: 'ENDED', controlledOn: '2026-12-03', endedOn: '2026-12-03' });
  });
});

describe('OCOP products (approved data)', () => {
  const UPDATE = `mutation($c: String!, $i: OcopProductUpdate!, $v: Int!, $r: String) { updateOcopProduct(code: $c, input: $i, expectedVersion: $v, reason: $r) {
    stars decidedOn validUntil version history { nodes { reason } } } }`;

  it('requires a reason, refuses a bad value and a stale version, and moves validity with the decision', async () => {
    const noReason = await fails(UPDATE, { c: 'OCOP-0005', i: { stars: 4 }, v: 1 }, EDITOR);
    expect(noReason.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
    const bad = await fails(UPDATE, { c: 'OCOP-0005', i: { stars: 6 }, v: 1, r: 'x' }, EDITOR);
    expect(bad.error).toMatchObject({ message: 'Invalid value for "input.stars": must be a whole number from 3 to 5, got 6' });
    expect(bad.statements).toBe(0);
    const d = await ok(UPDATE, { c: 'OCOP-0005', i: { stars: 4, decidedOn: '2026-06-15' }, v: 1, r: 'Đánh giá lại năm 2026' }, EDITOR);
    expect(d.updateOcopProduct).toMatchObject({ stars: 4, decidedOn: '2026-06-15', validUntil: '2029-06-15', version: 2 });
    expect(d.updateOcopProduct.history.nodes[0].reason).toBe('Đánh giá lại năm 2026');
    expect((await fails(UPDATE, { c: 'OCOP-0005', i: { stars: 5 }, v: 1, r: 'x' }, EDITOR)).error.extensions).toMatchObject({
      code: 'CONFLICT',
    });
  });
});

describe('registers retired rather than deleted: growing-area codes, OCOP certifications, new-rural recognitions', () => {
  const CREATE = `mutation($i: GrowingAreaCodeCreate!) { createGrowingAreaCode(input: $i) { code status issuer { code } communeOnRecord { code validOn } version } }`;
  const NEW = {
    code: 'VN-CBCA-0901',
    crop: 'Hạt dẻ Trùng Khánh',
    areaHa: 25,
    certification: 'EXPORT_CHINA',
    grower: 'HTX Dẻ Đàm Thủy (mẫu)',
    issuedOn: '2024-05-20',
    communeCode: '01435',
  };
  const REVOKE = `mutation($c: String!, $on: Date!, $v: Int!, $r: String) { revokeGrowingAreaCode(code: $c, revokedOn: $on, expectedVersion: $v, reason: $r) {
    status revokedOn version history { nodes { reason } } } }`;

  it('registers a growing area, issued by the department competent that day, in the commune as it was', async () => {
    const d = await ok(CREATE, { i: NEW }, EDITOR);
    expect(d.createGrowingAreaCode).toEqual({
      code: 'VN-CBCA-0901',
      status: 'ACTIVE',
      issuer: { code: 'SNNPTNT' },
      communeOnRecord: { code: '01435', validOn: '2024-05-20' },
      version: 1,
    });
    const later = await ok(CREATE, { i: { ...NEW, code: 'VN-CBCA-0902', issuedOn: '2025-09-01' } }, EDITOR);
    expect(later.createGrowingAreaCode).toMatchObject({
      issuer: { code: 'SNNMT' },
      communeOnRecord: { code: '01435', validOn: '2025-09-01' },
    });
    const wrong = await fails(CREATE, { i: { ...NEW, code: 'VN-CBCA-0903', communeCodeOnRecord: '01426' } }, EDITOR);
    expect(wrong.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.communeCodeOnRecord' });
    const bad = await fails(CREATE, { i: { ...NEW, code: 'VN-CBCA-0904', areaHa: -2 } }, EDITOR);
    expect(bad.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.areaHa' });
    expect(bad.statements).toBe(0);
  });

  it('updates it with a reason only, and refuses a stale version', async () => {
    const U = `mutation($v: Int!, $r: String) { updateGrowingAreaCode(code: "VN-CBCA-0901", input: { areaHa: 30 }, expectedVersion: $v, reason: $r) { areaHa version } }`;
    expect((await fails(U, { v: 1 }, EDITOR)).error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
    expect((await ok(U, { v: 1, r: 'Mở rộng vùng trồng' }, EDITOR)).updateGrowingAreaCode).toEqual({ areaHa: 30, version: 2 });
    expect((await fails(U, { v: 1, r: 'x' }, EDITOR)).error.extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('revokes it once, dated not before its issue, with a reason; it stays in the register', async () => {
    expect((await fails(REVOKE, { c: 'VN-CBCA-0901', on: '2026-11-01', v: 2 }, EDITOR)).error.extensions).toMatchObject({
      argument: 'reason',
    });
    expect((await fails(REVOKE, { c: 'VN-CBCA-0901', on: '2024-01-01', v: 2, r: 'x' }, EDITOR)).error.extensions).toMatchObject({
      argument: 'revokedOn',
    });
    const d = await ok(REVOKE, { c: 'VN-CBCA-0901', on: '2026-11-01', v: 2, r: 'Không duy trì điều kiện cấp mã' }, EDITOR);
    expect(d.revokeGrowingAreaCode).toMatchObject({ status: 'REVOKED', revokedOn: '2026-11-01', version: 3 });
    expect(d.revokeGrowingAreaCode.history.nodes[0].reason).toBe('Không duy trì điều kiện cấp mã');
    expect((await fails(REVOKE, { c: 'VN-CBCA-0901', on: '2026-11-02', v: 3, r: 'x' }, EDITOR)).error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'code',
    });
    expect((await ok(`{ growingAreaCode(code: "VN-CBCA-0901") { status } }`)).growingAreaCode.status).toBe('REVOKED');
  });

  it('records an OCOP product valid 36 months, shows expired ones, and revokes a certification', async () => {
    const d = await ok(
      `mutation { createOcopProduct(input: { code: "OCOP-0901", name: "Miến dong Đàm Thủy", stars: 3, producer: "HTX Miến dong (mẫu)", decisionNumber: "999/QĐ-UBND", decidedOn: "2024-12-20", communeCode: "01435", communeCodeOnRecord: "01441" }) {
        validUntil status issuer { code } communeOnRecord { code validOn } } }`,
      undefined,
      EDITOR,
    );
    expect(d.createOcopProduct).toEqual({
      validUntil: '2027-12-20',
      status: 'IN_FORCE',
      issuer: { code: 'UBND-04' },
      communeOnRecord: { code: '01441', validOn: '2024-12-20' },
    });
    const old = OCOP_PRODUCTS.find((o) => o.validUntil < '2026-01-01')!;
    expect((await ok(`{ ocopProduct(code: "${old.code}") { status } }`)).ocopProduct.status).toBe('EXPIRED');
    const R = `mutation($r: String) { revokeOcopProduct(code: "OCOP-0901", revokedOn: "2026-10-10", expectedVersion: 1, reason: $r) { status revokedOn } }`;
    expect((await fails(R, {}, EDITOR)).error.extensions).toMatchObject({ argument: 'reason' });
    expect((await ok(R, { r: 'Vi phạm chất lượng sản phẩm' }, EDITOR)).revokeOcopProduct).toEqual({
      status: 'REVOKED',
      revokedOn: '2026-10-10',
    });
  });

  it('records a new-rural recognition of an old commune, with its commune today, and revokes it', async () => {
    const C = `mutation($i: NewRuralStatusCreate!) { createNewRuralStatus(input: $i) { code commune { code } communeOnRecord { code validOn } issuer { code } } }`;
    const input = {
      year: 2020,
      level: 'STANDARD',
      criteriaMet: 19,
      decisionNumber: '888/QĐ-UBND',
      decidedOn: '2020-12-15',
      communeCodeOnRecord: '01438',
    };
    expect((await ok(C, { i: input }, EDITOR)).createNewRuralStatus).toEqual({
      code: 'NTM-2020-01438',
      commune: { code: '01435' },
      communeOnRecord: { code: '01438', validOn: '2020-12-15' },
      issuer: { code: 'UBND-04' },
    });
    expect((await fails(C, { i: input }, EDITOR)).error.extensions).toMatchObject({ argument: 'input.communeCodeOnRecord' });
    const afterReform = await fails(C, { i: { ...input, year: 2025, decidedOn: '2025-09-01' } }, EDITOR);
    expect(afterReform.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.communeCodeOnRecord' });
    const bad = await fails(C, { i: { ...input, criteriaMet: 20 } }, EDITOR);
    expect(bad.error.extensions).toMatchObject({ argument: 'input.criteriaMet' });
    expect(bad.statements).toBe(0);
    const R = `mutation { revokeNewRuralStatus(code: "NTM-2020-01438", revokedOn: "2022-01-10", expectedVersion: 1, reason: "Không duy trì tiêu chí") { status revokedOn } }`;
    expect((await ok(R, undefined, EDITOR)).revokeNewRuralStatus).toEqual({ status: 'REVOKED', revokedOn: '2022-01-10' });
  });
});

describe.each([
  [
    'LivestockFarm',
    {
      code: 'TT-0901',
      name: 'Trang trại bò Bản Giốc',
      scale: 'MEDIUM',
      species: 'Bò thịt',
      headCount: 120,
      ownerName: 'Nông Văn Bình',
      communeCode: '01435',
    },
    { headCount: 140 },
    { headCount: -1 },
    'input.headCount',
  ],
  [
    'IrrigationWork',
    {
      code: 'TL-0901',
      name: 'Đập dâng Đàm Thủy',
      kind: 'WEIR',
      capacity: 0.4,
      irrigatedHa: 35,
      communeCode: '01435',
      managedByCode: 'SNNMT',
    },
    { irrigatedHa: 40 },
    { communeCode: '01438' },
    'input.communeCode',
  ],
  [
    'AquacultureArea',
    {
      code: 'TS-0901',
      name: 'Vùng nuôi cá chép ruộng Đàm Thủy',
      species: 'Cá chép ruộng',
      method: 'RICE_FIELD',
      waterAreaHa: 3.5,
      communeCode: '01435',
    },
    { waterAreaHa: 4 },
    { code: 'TS-1' },
    'input.code',
  ],
])('%s: create, update, delete', (type, input, change, bad, argument) => {
  const CREATE = `mutation($i: ${type}Create!) { create${type}(input: $i) { code version history { nodes { operation } } } }`;
  const UPDATE = `mutation($c: String!, $i: ${type}Update!, $v: Int!, $r: String) { update${type}(code: $c, input: $i, expectedVersion: $v, reason: $r) { version } }`;
  const DELETE = `mutation($c: String!, $v: Int!, $r: String) { delete${type}(code: $c, expectedVersion: $v, reason: $r) { code } }`;
  const code = input.code as string;

  it('creates (with history), refuses bad input writing nothing, and a taken code', async () => {
    const b = await fails(CREATE, { i: { ...input, ...bad } }, EDITOR);
    expect(b.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(b.statements).toBe(0);
    const d = await ok(CREATE, { i: input }, EDITOR);
    expect(d[`create${type}`]).toMatchObject({ code, version: 1, history: { nodes: [{ operation: 'CREATE' }] } });
    expect((await fails(CREATE, { i: input }, EDITOR)).error.extensions).toMatchObject({ argument: 'input.code' });
  });

  it('updates with a reason at the version read, deletes with a reason', async () => {
    expect((await fails(UPDATE, { c: code, i: change, v: 1 }, EDITOR)).error.extensions).toMatchObject({ argument: 'reason' });
    expect((await ok(UPDATE, { c: code, i: change, v: 1, r: 'Điều tra năm 2026' }, EDITOR))[`update${type}`]).toEqual({ version: 2 });
    expect((await fails(UPDATE, { c: code, i: change, v: 1, r: 'x' }, EDITOR)).error.extensions).toMatchObject({ code: 'CONFLICT' });
    expect((await fails(DELETE, { c: code, v: 1, r: 'x' }, EDITOR)).error.extensions).toMatchObject({ code: 'CONFLICT' });
    expect((await fails(DELETE, { c: code, v: 2 }, EDITOR)).error.extensions).toMatchObject({ argument: 'reason' });
    expect((await ok(DELETE, { c: code, v: 2, r: 'Ngừng hoạt động' }, EDITOR))[`delete${type}`]).toEqual({ code });
    const field = type.charAt(0).toLowerCase() + type.slice(1);
    expect((await ok(`{ ${field}(code: "${code}") { code } }`))[field]).toBeNull();
  });
});

describe('only editors of CSDL-NNPTNT write', () => {
  it.each([
    [
      'createForestPlot',
      `mutation { createForestPlot(input: { code: "TK950-K1-L1", purpose: PROTECTION, origin: NATURAL, mainSpecies: "Nghiến", areaHa: 3, communeCode: "01435", holderKind: COMMUNITY, holderOrganisation: "Cộng đồng xóm Bản Giốc" }) { code } }`,
    ],
    [
      'updateForestPlot',
      `mutation { updateForestPlot(code: "${PLOTS[30].code}", input: { areaHa: 3 }, expectedVersion: 1, reason: "x") { code } }`,
    ],
    ['deleteForestPlot', `mutation { deleteForestPlot(code: "${PLOTS[31].code}", expectedVersion: 1, reason: "x") { code } }`],
    [
      'recordForestChange',
      `mutation { recordForestChange(input: { code: "BD-2026-0950", plotCode: "${PLOTS[32].code}", kind: GAIN, cause: PLANTING, areaHa: 1, detectedOn: "2026-10-01" }) { code } }`,
    ],
    [
      'openOutbreak',
      `mutation { openOutbreak(input: { code: "OD-2026-950", category: PLANT_PEST, disease: "Sâu keo mùa thu", host: "Ngô", detectedOn: "2026-10-01", communeCodes: ["01435"] }) { code } }`,
    ],
    [
      'advanceOutbreakStatus',
      `mutation { advanceOutbreakStatus(code: "${OUTBREAKS[29].code}", status: ENDED, on: "2026-12-01", expectedVersion: 1) { code } }`,
    ],
    [
      'updateOcopProduct',
      `mutation { updateOcopProduct(code: "OCOP-0010", input: { stars: 4 }, expectedVersion: 1, reason: "x") { code } }`,
    ],
    [
      'createGrowingAreaCode',
      `mutation { createGrowingAreaCode(input: { code: "VN-CBCA-0950", crop: "Hồi", areaHa: 3, certification: VIETGAP, grower: "HTX", issuedOn: "2026-01-01", communeCode: "01681" }) { code } }`,
    ],
    [
      'updateGrowingAreaCode',
      `mutation { updateGrowingAreaCode(code: "VN-CBCA-0003", input: { areaHa: 3 }, expectedVersion: 1, reason: "x") { code } }`,
    ],
    [
      'revokeGrowingAreaCode',
      `mutation { revokeGrowingAreaCode(code: "VN-CBCA-0003", revokedOn: "2026-12-01", expectedVersion: 1, reason: "x") { code } }`,
    ],
    [
      'createOcopProduct',
      `mutation { createOcopProduct(input: { code: "OCOP-0950", name: "X", stars: 3, producer: "Y", decisionNumber: "1/QĐ-UBND", decidedOn: "2026-01-01", communeCode: "01435" }) { code } }`,
    ],
    [
      'revokeOcopProduct',
      `mutation { revokeOcopProduct(code: "OCOP-0011", revokedOn: "2026-12-01", expectedVersion: 1, reason: "x") { code } }`,
    ],
    [
      'createLivestockFarm',
      `mutation { createLivestockFarm(input: { code: "TT-0950", name: "X", scale: SMALL, species: "Lợn", headCount: 3, communeCode: "01435" }) { code } }`,
    ],
    [
      'updateLivestockFarm',
      `mutation { updateLivestockFarm(code: "TT-0001", input: { headCount: 3 }, expectedVersion: 1, reason: "x") { code } }`,
    ],
    ['deleteLivestockFarm', `mutation { deleteLivestockFarm(code: "TT-0001", expectedVersion: 1, reason: "x") { code } }`],
    [
      'createIrrigationWork',
      `mutation { createIrrigationWork(input: { code: "TL-0950", name: "X", kind: CANAL, irrigatedHa: 3, communeCode: "01435" }) { code } }`,
    ],
    [
      'updateIrrigationWork',
      `mutation { updateIrrigationWork(code: "TL-0001", input: { irrigatedHa: 3 }, expectedVersion: 1, reason: "x") { code } }`,
    ],
    ['deleteIrrigationWork', `mutation { deleteIrrigationWork(code: "TL-0001", expectedVersion: 1, reason: "x") { code } }`],
    [
      'createAquacultureArea',
      `mutation { createAquacultureArea(input: { code: "TS-0950", name: "X", species: "Cá", method: POND, waterAreaHa: 1, communeCode: "01435" }) { code } }`,
    ],
    [
      'updateAquacultureArea',
      `mutation { updateAquacultureArea(code: "TS-0001", input: { waterAreaHa: 3 }, expectedVersion: 1, reason: "x") { code } }`,
    ],
    ['deleteAquacultureArea', `mutation { deleteAquacultureArea(code: "TS-0001", expectedVersion: 1, reason: "x") { code } }`],
    [
      'createNewRuralStatus',
      `mutation { createNewRuralStatus(input: { year: 2024, level: STANDARD, criteriaMet: 19, decisionNumber: "1/QĐ-UBND", decidedOn: "2024-12-01", communeCodeOnRecord: "01441" }) { code } }`,
    ],
    [
      'revokeNewRuralStatus',
      `mutation { revokeNewRuralStatus(code: "${NEW_RURAL[3].code}", revokedOn: "2026-12-01", expectedVersion: 1, reason: "x") { code } }`,
    ],
  ])('%s is FORBIDDEN to an editor of another database and to an official, and writes nothing', async (_, m) => {
    for (const caller of [OTHER_EDITOR, OFFICIAL]) {
      const r = await fails(m, {}, caller);
      expect(r.error.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(r.statements).toBe(0);
    }
  });
});
