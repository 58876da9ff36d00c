// Contract and behaviour on a real PostgreSQL: the demo seed, a roll-up, a derived value, bad input, _entities.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { HistoryReader, levelsOf } from '@hub/kit';
import { startTestSubgraph, type TestSubgraph } from '@hub/kit/testing';
import { join } from 'node:path';
import { loadSubgraph } from '@hub/kit';

import { Indicator } from '../entities';
import { CatalogueService } from '../services';

const indicators = loadSubgraph(join(__dirname, '../..'));

let sg: TestSubgraph;
beforeAll(async () => {
  sg = await startTestSubgraph(indicators, { seed: true });
}, 60000);
afterAll(() => sg?.stop());

describe('indicators subgraph', () => {
  it('serves the catalogue', async () => {
    const d = await sg.data(
      `{ indicators(group: "02", first: 50) { totalCount nodes { code aggregation levels dimensions { code } } } indicator(code: "0202") { formula inputs { code } } }`,
    );
    expect(d.indicators.totalCount).toBe(7);
    expect(d.indicator.inputs.map((i: { code: string }) => i.code)).toEqual(['0201', '0101']);
  });

  it('rolls population up to the province and derives the density there', async () => {
    const d = await sg.data(
      `{ indicatorData(query: { indicators: ["0201", "0202"], periods: ["2024"], units: { codes: ["04"] } }) { rows { indicator unit value origin unitsReported } } }`,
    );
    const [pop, density] = d.indicatorData.rows;
    expect(pop).toMatchObject({ indicator: '0201', origin: 'ROLLED_UP', unitsReported: 161 });
    expect(density).toMatchObject({ indicator: '0202', origin: 'DERIVED' });
  });

  it('resolves _entities for Indicator', async () => {
    const d = await sg.data(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Indicator { code name } } }`, {
      r: [{ __typename: 'Indicator', code: '0201' }],
    });
    expect(d._entities[0]).toEqual({ code: '0201', name: 'Dân số trung bình' });
  });

  it('resolves _entities for Period by id without reading the database; an id that is no period is null', async () => {
    const before = sg.stats.sqlStatements;
    const d = await sg.data(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Period { id type year startDate endDate previousYear } } }`,
      { r: ['2025Q3', '2024M02', '2025Q5', 'x'].map((id) => ({ __typename: 'Period', id })) },
    );
    expect(d._entities).toEqual([
      { id: '2025Q3', type: 'QUARTER', year: 2025, startDate: '2025-07-01', endDate: '2025-09-30', previousYear: '2024Q3' },
      { id: '2024M02', type: 'MONTH', year: 2024, startDate: '2024-02-01', endDate: '2024-02-29', previousYear: '2023M02' },
      null,
      null,
    ]);
    expect(sg.stats.sqlStatements).toBe(before);
  });

  it('names the offending item of bad input', async () => {
    const r = await sg.execute(
      `{ indicatorData(query: { indicators: ["0201"], periods: ["2024M07"], units: { codes: ["04"] } }) { notes } }`,
    );
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'query.periods' } });
    expect(r.errors?.[0].message).toMatch(/0201 has no MONTH values \("2024M07"\)/);
  });

  it('words its refusals in Vietnamese too, for the gateway to answer with (extensions.localized)', async () => {
    const vi = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
      (r.errors?.[0].extensions?.localized as { vi: string } | undefined)?.vi;
    const period = await sg.execute(
      `{ indicatorData(query: { indicators: ["0201"], periods: ["2024M07"], units: { codes: ["04"] } }) { notes } }`,
    );
    expect(vi(period)).toBe(
      'Giá trị không hợp lệ của "query.periods": chỉ tiêu 0201 không có giá trị theo kỳ MONTH ("2024M07"); chỉ tiêu này chỉ có các kỳ YEAR',
    );
    const write = `mutation { upsertIndicatorValues(values: [{ indicator: "9999", period: "2024", unit: "01240", value: 1 }]) { upload } }`;
    const official = { sub: '2f0c3a7e-5b1d-4c8e-9a6f-1d2e3f4a5b6c', agency: 'STC', roles: ['OFFICIAL'] };
    const refused = await sg.execute(write, undefined, official);
    expect(refused.errors?.[0]).toMatchObject({
      message:
        'Not allowed to read Mutation.upsertIndicatorValues: only data editors of KTXH-CHITIEU (DATA_EDITOR granted for it) write here',
      extensions: { code: 'FORBIDDEN', coordinate: 'Mutation.upsertIndicatorValues' },
    });
    expect(vi(refused)).toBe(
      'Không được phép thực hiện Mutation.upsertIndicatorValues: chỉ biên tập viên dữ liệu của KTXH-CHITIEU (được cấp DATA_EDITOR cho nó) mới được ghi ở đây',
    );
    const unknown = await sg.execute(write, undefined, { ...official, roles: ['DATA_EDITOR'], editorOf: ['KTXH-CHITIEU'] });
    expect(unknown.errors?.[0].message).toBe('Invalid value for "values[0].indicator": unknown indicator "9999"');
    expect(vi(unknown)).toBe('Giá trị không hợp lệ của "values[0].indicator": chỉ tiêu "9999" không tồn tại');
  });

  it('reads a matrix alone as values only: the same matrix as with rows, whose status and source are read', async () => {
    const q = `query: { indicators: ["0201", "0202"], periods: ["2023", "2024"], units: { codes: ["04"], under: "04", level: DISTRICT } }`;
    const alone = await sg.data(`{ indicatorData(${q}) { matrix { periods units series { indicator values } } } }`);
    const both = await sg.data(
      `{ indicatorData(${q}) { matrix { periods units series { indicator values } } ...R } } fragment R on IndicatorData { rows { indicator value status origin } }`,
    );
    expect(alone.indicatorData.matrix).toEqual(both.indicatorData.matrix);
    expect(
      alone.indicatorData.matrix.series.flatMap((x: { values: unknown[][] }) => x.values.flat()).filter((v: unknown) => v != null).length,
    ).toBeGreaterThan(10);
    expect(both.indicatorData.rows.length).toBeGreaterThan(10);
    for (const r of both.indicatorData.rows) expect(r.status).toMatch(/^(PROVISIONAL|OFFICIAL)$/);
  });

  it('records an upload in the change history (recordChange), as the history reader shows it', async () => {
    const editor = { sub: '2f0c3a7e-5b1d-4c8e-9a6f-1d2e3f4a5b6c', agency: 'STC', roles: ['DATA_EDITOR'], editorOf: ['KTXH-CHITIEU'] };
    const d = await sg.data(
      `mutation { upsertIndicatorValues(values: [{ indicator: "0804", period: "2024", unit: "01240", value: 100 }], source: "Báo cáo của UBND xã", reason: "Số liệu năm 2024") { upload inserted updated } }`,
      undefined,
      editor,
    );
    expect(d.upsertIndicatorValues).toMatchObject({ inserted: 1, updated: 0 });
    const reader = new HistoryReader(sg.orm.em.fork() as EntityManager, { ...editor, read: [] }, { levels: levelsOf(indicators) });
    const h = await reader.connection('ValueUpload', String(d.upsertIndicatorValues.upload), {});
    expect(await h.totalCount()).toBe(1);
    expect(h.nodes[0]).toMatchObject({
      operation: 'CREATE',
      accountId: editor.sub,
      agencyCode: 'STC',
      accountRoles: ['DATA_EDITOR'],
      reason: 'Số liệu năm 2024',
    });
    expect(h.nodes[0].changes).toEqual([
      {
        field: 'values',
        before: null,
        after: { count: 1, inserted: 1, updated: 0, unchanged: 0, source: 'Báo cáo của UBND xã', detail: 'value_change' },
        masked: false,
      },
    ]);
  });

  it('names the argument that is wrong, as the caller wrote it, and refuses a period or indicator named twice', async () => {
    const first = async (query: string, variables?: Record<string, unknown>) => (await sg.execute(query, variables)).errors?.[0];
    expect(
      await first(`{ indicatorData(query: { indicators: ["0201"], periods: ["2024", "2024"], units: { codes: ["04"] } }) { notes } }`),
    ).toMatchObject({
      message: 'Invalid value for "query.periods": period "2024" is named twice',
      extensions: { code: 'BAD_USER_INPUT', argument: 'query.periods' },
    });
    expect(
      await first(`{ indicatorData(query: { indicators: ["0201", "0201"], periods: ["2024"], units: { codes: ["04"] } }) { notes } }`),
    ).toMatchObject({ extensions: { argument: 'query.indicators' } });
    // AdministrativeUnit.indicatorValues takes them as arguments: errors name the arguments.
    const byUnit = (periods: string[], disaggregateBy?: string[]) =>
      first(
        `query($r: [_Any!]!, $p: [String!]!, $d: [String!]) { _entities(representations: $r) { ... on AdministrativeUnit { indicatorValues(indicators: ["0201"], periods: $p, disaggregateBy: $d) { value } } } }`,
        { r: [{ __typename: 'AdministrativeUnit', code: '04' }], p: periods, d: disaggregateBy ?? null },
      );
    expect((await byUnit(['2024', '2024']))?.extensions).toMatchObject({ argument: 'periods' });
    expect((await byUnit(['someday']))?.extensions).toMatchObject({ argument: 'periods' });
    expect((await byUnit(['2024'], ['NO_SUCH_DIMENSION']))?.extensions).toMatchObject({ argument: 'disaggregateBy' });
    const series = await first(
      `{ indicator(code: "0201") { timeSeries(unit: "04", from: "2020", to: "2024", categories: [{ dimension: "NO_SUCH", category: "X" }]) { unit } } }`,
    );
    expect(series?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'categories' });
  });

  it('asks for a reason before an upload changes official figures, and writes nothing without one', async () => {
    const editor = { sub: '2f0c3a7e-5b1d-4c8e-9a6f-1d2e3f4a5b6c', agency: 'STC', roles: ['DATA_EDITOR'], editorOf: ['KTXH-CHITIEU'] };
    const write = (value: number, status: string, reason?: string) =>
      sg.execute(
        `mutation($r: String) { upsertIndicatorValues(values: [{ indicator: "0804", period: "2023", unit: "01240", value: ${value}, status: ${status} }, { indicator: "0804", period: "2022", unit: "01240", value: 5 }], reason: $r) { inserted updated unchanged } }`,
        { r: reason ?? null },
        editor,
      );
    const stored = async () =>
      (
        await sg.data(
          `{ indicatorData(query: { indicators: ["0804"], periods: ["2022", "2023"], units: { codes: ["01240"] } }) { rows { period value status } } }`,
        )
      ).indicatorData.rows;
    expect((await write(70, 'OFFICIAL')).errors).toBeUndefined();
    const before = await stored();
    // Provisional figures and new ones need no reason; an official one changed does, or nothing of the upload is written.
    const refused = await write(71, 'OFFICIAL');
    expect(refused.errors?.[0]).toMatchObject({
      message: 'Invalid value for "reason": official data (1 value of this upload) is approved data: say why it is changed',
      extensions: { code: 'BAD_USER_INPUT', argument: 'reason' },
    });
    expect((refused.errors?.[0].extensions?.localized as { vi: string }).vi).toBe(
      'Giá trị không hợp lệ của "reason": dữ liệu chính thức (1 giá trị của lần ghi này) là dữ liệu đã được phê duyệt: hãy nêu lý do thay đổi',
    );
    expect(await stored()).toEqual(before);
    expect((await write(70, 'PROVISIONAL')).errors?.[0].extensions).toMatchObject({ argument: 'reason' });
    // The same figures written again change nothing: no reason needed, and they are counted as unchanged.
    const again = await write(70, 'OFFICIAL');
    expect(again.errors).toBeUndefined();
    expect(again.data?.upsertIndicatorValues).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    const corrected = await write(71, 'OFFICIAL', 'Số liệu điều chỉnh theo báo cáo chính thức');
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data?.upsertIndicatorValues).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    expect((await stored()).find((v: { period: string }) => v.period === '2023')).toMatchObject({ value: 71, status: 'OFFICIAL' });
  });

  describe('the catalogue kept in memory', () => {
    const load = () => new CatalogueService(sg.orm.em.fork() as EntityManager).load();

    it('is read once, then re-read after a change this process makes through MikroORM', async () => {
      const first = await load();
      expect(await load()).toBe(first);
      const em = sg.orm.em.fork();
      const ind = await em.findOneOrFail(Indicator, { code: '0201' });
      const before = ind.nameEn;
      ind.nameEn = 'Average population (cache test)';
      await em.flush();
      const after = await load();
      expect(after).not.toBe(first);
      expect(after.byCode.get('0201')!.nameEn).toBe('Average population (cache test)');
      ind.nameEn = before;
      await em.flush();
      expect((await load()).byCode.get('0201')!.nameEn).toBe(before);
    });

    it('is re-read after rows are added or removed by another process (plain SQL, as the generator writes)', async () => {
      expect((await load()).byCode.has('T999')).toBe(false);
      const other = new Client({ connectionString: sg.dbUrl });
      await other.connect();
      try {
        await other.query(
          `insert into indicator (id, created_at, updated_at, version, num, code, group_code, name, name_en, unit, periodicities, levels, dimensions, aggregation, agency_code, search_text)
           select gen_random_uuid(), created_at, updated_at, 1, 9999, 'T999', '99', name, name_en, unit, periodicities, levels, dimensions, aggregation, agency_code, 't999'
           from indicator where code = '0201'`,
        );
        // Same updated_at as an existing row: the row count alone tells the change.
        expect((await load()).byCode.get('T999')?.num).toBe(9999);
        const d = await sg.data(
          `{ indicatorData(query: { indicators: ["T999"], periods: ["2024"], units: { codes: ["04"] } }) { notes } }`,
        );
        expect(d.indicatorData.notes).toEqual([]);
        await other.query(`delete from indicator where code = 'T999'`);
        expect((await load()).byCode.has('T999')).toBe(false);
        const r = await sg.execute(
          `{ indicatorData(query: { indicators: ["T999"], periods: ["2024"], units: { codes: ["04"] } }) { notes } }`,
        );
        expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'query.indicators' } });
      } finally {
        await other.query(`delete from indicator where code = 'T999'`);
        await other.end();
      }
    });
  });
});
