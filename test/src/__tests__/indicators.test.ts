// The indicators subgraph through the real gateway: each query shape against values computed by hand from a
// small set written here (buffalo herds 0804, school standards 1203, clean water 1602) and the demo seed's
// population and area (0201 = 1500 + (code mod 613) × 7 + 11 and 0101 = 2000 + (code mod 997) × 3 in 2024).
import { startStack, type Stack } from '../stack';

let stack: Stack;
let editor: string;
const UPSERT = `mutation($v: [IndicatorValueInput!]!, $s: String) { upsertIndicatorValues(values: $v, source: $s, reason: "Báo cáo thống kê") { inserted updated } }`;
const DATA = `query($q: IndicatorDataQuery!) { indicatorData(query: $q) { rows { indicator period unit categories { dimension category } value status origin unitsReported previousYearValue changeOnPreviousYear source } matrix { periods units series { indicator values } } notes } }`;
const v = (indicator: string, period: string, unit: string, value: unknown, extra: Record<string, unknown> = {}) => ({
  indicator,
  period,
  unit,
  value,
  status: 'OFFICIAL',
  ...extra,
});

beforeAll(async () => {
  stack = await startStack();
  editor = (await stack.signIn('stc.editor')).body.access_token;
  const res = await stack.query(
    UPSERT,
    {
      s: 'Báo cáo của UBND xã',
      v: [
        // Phường Thục Phán (01240 since July 2025) was made of 01240, 01243, 01246 and 01249, all in district 040.
        v('0804', '2024', '01240', 100),
        v('0804', '2024', '01243', 200),
        v('0804', '2024', '01246', 300),
        v('0804', '2024', '01249', '400'),
        v('0804', '2025', '01240', 1100, { status: 'PROVISIONAL' }),
        v('1203', '2024', '01240', 50),
        v('1203', '2024', '01243', 70),
        v('1602', '2024', '01240', 50),
        v('1602', '2024', '01243', 80),
      ],
    },
    editor,
  );
  expect(res.errors).toBeUndefined();
  expect(res.data.upsertIndicatorValues).toEqual({ inserted: 9, updated: 0 });
}, 120000);
afterAll(() => stack?.stop());

const data = async (q: Record<string, unknown>) => {
  const r = await stack.query(DATA, { q });
  expect(r.errors).toBeUndefined();
  return r.data.indicatorData;
};

it('rolls a sum up a former district from its communes, with status and source', async () => {
  const d = await data({ indicators: ['0804'], periods: ['2024'], units: { codes: ['040', '01243'] } });
  expect(d.rows).toEqual([
    expect.objectContaining({ unit: '01243', value: 200, origin: 'STORED', status: 'OFFICIAL', source: 'Báo cáo của UBND xã' }),
    expect.objectContaining({ unit: '040', value: 1000, origin: 'ROLLED_UP', unitsReported: 4, source: null }),
  ]);
});

it('selects all units at a level under a unit as of a date, as a matrix', async () => {
  const d = await data({ indicators: ['0804'], periods: ['2024'], units: { under: '04', level: 'DISTRICT', asOf: '2024-06-01' } });
  expect(d.matrix.units).toHaveLength(10);
  expect(d.matrix.series).toEqual([{ indicator: '0804', values: d.matrix.units.map((u: string) => [u === '040' ? 1000 : null]) }]);
});

it('compares with the same period of the previous year, across the reform, for the province', async () => {
  const d = await data({ indicators: ['0804'], periods: ['2025'], units: { codes: ['04'] }, compareWithPreviousYear: true });
  expect(d.rows).toEqual([expect.objectContaining({ value: 1100, status: 'PROVISIONAL', previousYearValue: 1000 })]);
  expect(d.rows[0].changeOnPreviousYear).toBeCloseTo(110, 9);
});

it('never sums a rate, and says why', async () => {
  const d = await data({ indicators: ['1203'], periods: ['2024'], units: { codes: ['040', '01240'] } });
  expect(d.rows.map((r: { unit: string; value: number }) => [r.unit, r.value])).toEqual([['01240', 50]]);
  expect(d.notes.join('\n')).toMatch(/1203 for 040: .*not added up/);
});

it('weights an average by another indicator', async () => {
  const d = await data({ indicators: ['1602'], periods: ['2024'], units: { codes: ['040'] } });
  // weights: population 2024 of 01240 = 1500 + 14×7 + 11 = 1609, of 01243 = 1500 + 17×7 + 11 = 1630
  expect(d.rows[0].value).toBeCloseTo((50 * 1609 + 80 * 1630) / (1609 + 1630), 6);
});

it('derives an indicator from its formula at every unit', async () => {
  const d = await data({ indicators: ['0202'], periods: ['2024'], units: { codes: ['01240'] } });
  // density = population / (area ha / 100): 1609 / (2000 + 243×3) × 100
  expect(d.rows[0]).toMatchObject({ origin: 'DERIVED' });
  expect(d.rows[0].value).toBeCloseTo(1609 / 27.29, 6);
});

it('disaggregates by a dimension', async () => {
  const d = await data({ indicators: ['0201'], periods: ['2024'], units: { codes: ['01240'] }, disaggregateBy: ['SEX'] });
  expect(d.rows.map((r: { categories: unknown; value: number }) => [r.categories, r.value])).toEqual([
    [[{ dimension: 'SEX', category: 'FEMALE' }], Math.round(1609 * 0.503)],
    [[{ dimension: 'SEX', category: 'MALE' }], 1609 - Math.round(1609 * 0.503)],
  ]);
});

it('continues a time series across the reform through the units merged, and says so', async () => {
  const r = await stack.query(
    `{ indicator(code: "0804") { timeSeries(unit: "01240", from: "2024", to: "2025") { points { period value mappedFrom } notes } } }`,
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.indicator.timeSeries.points).toEqual([
    { period: '2024', value: 1000, mappedFrom: ['01240', '01243', '01246', '01249'] },
    { period: '2025', value: 1100, mappedFrom: null },
  ]);
  expect(r.data.indicator.timeSeries.notes.join('\n')).toMatch(/01240 began on 2025-07-01/);
});

it("gives a unit its values through the directory's AdministrativeUnit", async () => {
  const r = await stack.query(
    `{ administrativeUnit(code: "040", asOf: "2024-06-01") { name indicatorValues(indicators: ["0804"], periods: ["2024"]) { value origin } } }`,
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.administrativeUnit.indicatorValues).toEqual([{ value: 1000, origin: 'ROLLED_UP' }]);
});

describe('bad input names the offending item', () => {
  const bad = async (q: Record<string, unknown>) => (await stack.query(DATA, { q })).errors![0];
  it('in queries', async () => {
    expect(await bad({ indicators: ['9999'], periods: ['2024'], units: { codes: ['04'] } })).toMatchObject({
      message: expect.stringMatching(/unknown indicator "9999"/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(await bad({ indicators: ['0804'], periods: ['2024'], units: { codes: ['99999'] } })).toMatchObject({
      message: expect.stringMatching(/unknown administrative unit "99999"/),
    });
    expect(await bad({ indicators: ['0804'], periods: ['2024Q1'], units: { codes: ['04'] } })).toMatchObject({
      message: expect.stringMatching(/0804 has no QUARTER values \("2024Q1"\)/),
    });
  });
  it('in writes, and one bad value writes nothing', async () => {
    const cases: [unknown, RegExp][] = [
      [v('0804', '2023', '040', 5), /values\[1\]\.unit.*collected at commune level, not for district "040"/],
      [v('0804', '2023', '01240', 'abc'), /values\[1\]\.value.*"abc" is not a number/],
      [v('0804', '2023M01', '01240', 5), /values\[1\]\.period.*0804 has no MONTH values/],
      [v('0000', '2023', '01240', 5), /values\[1\]\.indicator.*unknown indicator "0000"/],
      [v('1203', '2023', '01240', 140), /values\[1\]\.value.*above the maximum/],
    ];
    for (const [second, message] of cases) {
      const r = await stack.query(UPSERT, { v: [v('0804', '2023', '01243', 7), second] }, editor);
      expect(r.errors![0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT' } });
      expect(JSON.stringify(r.errors)).not.toMatch(/insert|select|at .*\.ts/);
    }
    const d = await data({ indicators: ['0804'], periods: ['2023'], units: { codes: ['01243'] } });
    expect(d.rows).toEqual([]);
  });
  it('anonymous callers cannot write', async () => {
    const r = await stack.query(UPSERT, { v: [v('0804', '2023', '01243', 7)] });
    expect(r.errors![0].extensions?.code).toBe('FORBIDDEN');
  });
});
