// Pure rules: periods, aggregation rules, formulas and the reform mapping.
import { parsePeriod, periodsBetween, previousYear, shift, tryParsePeriod, comparePeriods } from '../periods';
import { combine, sourceFor } from '../rules';
import { evaluate, formulaInputs, parseFormula, FormulaError } from '../formula';
import { UnitTree } from '../unit-tree';
import { demoUnitTree } from '../seed/units';

describe('periods', () => {
  it('parses every period type with its dates and key', () => {
    expect(parsePeriod('2025')).toMatchObject({ type: 'YEAR', start: '2025-01-01', end: '2025-12-31', key: 202540 });
    expect(parsePeriod('2025Q3')).toMatchObject({ type: 'QUARTER', index: 3, start: '2025-07-01', end: '2025-09-30' });
    expect(parsePeriod('2025S1')).toMatchObject({ type: 'HALF_YEAR', start: '2025-01-01', end: '2025-06-30' });
    expect(parsePeriod('2024M02')).toMatchObject({ type: 'MONTH', start: '2024-02-01', end: '2024-02-29', key: 202402 });
    expect(parsePeriod('2025N9')).toMatchObject({ type: 'NINE_MONTHS', start: '2025-01-01', end: '2025-09-30' });
  });
  it('refuses what is not a period, naming it', () => {
    for (const bad of ['2025M13', '2025Q5', '2025S3', '2025N8', '25', '2025-07', 'abc', '1900']) expect(tryParsePeriod(bad)).toBeNull();
    expect(() => parsePeriod('2025M13', 'periods')).toThrow(/"2025M13" is not a period/);
  });
  it('does period arithmetic', () => {
    expect(previousYear(parsePeriod('2025Q3')).id).toBe('2024Q3');
    expect(previousYear(parsePeriod('2025N9')).id).toBe('2024N9');
    expect(shift(parsePeriod('2025M01'), -1).id).toBe('2024M12');
    expect(shift(parsePeriod('2024Q4'), 1).id).toBe('2025Q1');
    expect(periodsBetween('QUARTER', parsePeriod('2024Q3'), parsePeriod('2025Q2')).map((p) => p.id)).toEqual([
      '2024Q3',
      '2024Q4',
      '2025Q1',
      '2025Q2',
    ]);
    expect(periodsBetween('MONTH', parsePeriod('2015'), parsePeriod('2024')).length).toBe(120);
    expect(periodsBetween('YEAR', parsePeriod('2023M05'), parsePeriod('2025')).map((p) => p.id)).toEqual(['2023', '2024', '2025']);
    expect(
      ['2025', '2025Q4', '2025M12']
        .map((id) => parsePeriod(id))
        .sort(comparePeriods)
        .map((p) => p.id),
    ).toEqual(['2025M12', '2025Q4', '2025']);
  });
});

describe('aggregation rules', () => {
  const pop = { code: '0201', aggregation: 'SUM' as const, levels: ['COMMUNE' as const] };
  const cpi = { code: '1101', aggregation: 'NONE' as const, levels: ['PROVINCE' as const] };
  const rate = { code: '1204', aggregation: 'NONE' as const, levels: ['PROVINCE' as const, 'COMMUNE' as const] };
  const poverty = { code: '1401', aggregation: 'WEIGHTED_AVERAGE' as const, levels: ['COMMUNE' as const] };
  it('rolls sums up from the lowest level collected', () => {
    expect(sourceFor(pop, 'PROVINCE')).toEqual({ kind: 'ROLLUP', level: 'COMMUNE', aggregation: 'SUM' });
    expect(sourceFor(pop, 'COMMUNE')).toEqual({ kind: 'STORED' });
    expect(combine('SUM', [{ value: 1 }, { value: 2 }])).toBe(3);
  });
  it('never sums a rate: stored where collected, nothing above', () => {
    expect(sourceFor(rate, 'PROVINCE')).toEqual({ kind: 'STORED' });
    expect(sourceFor(rate, 'DISTRICT')).toMatchObject({ kind: 'NONE', reason: expect.stringMatching(/not added up/) });
    expect(sourceFor(cpi, 'COMMUNE')).toMatchObject({ kind: 'NONE' });
    expect(combine('NONE', [{ value: 3 }, { value: 4 }])).toBeNull();
  });
  it('weights averages, and gives none when a weight is missing', () => {
    expect(sourceFor(poverty, 'DISTRICT')).toEqual({ kind: 'ROLLUP', level: 'COMMUNE', aggregation: 'WEIGHTED_AVERAGE' });
    expect(
      combine('WEIGHTED_AVERAGE', [
        { value: 10, weight: 100 },
        { value: 20, weight: 300 },
      ]),
    ).toBe(17.5);
    expect(
      combine('WEIGHTED_AVERAGE', [
        { value: 10, weight: 100 },
        { value: 20, weight: null },
      ]),
    ).toBeNull();
  });
});

describe('formulas', () => {
  const values: Record<string, number> = { '0201': 5000, '0101': 2500, '0602': 110 };
  const look = (code: string, prev: boolean) => (prev ? (code === '0602' ? 100 : null) : (values[code] ?? null));
  it('evaluates density and growth', () => {
    expect(evaluate(parseFormula('{0201} / ({0101} / 100)'), look)).toBe(200);
    expect(evaluate(parseFormula('({0602} / prev({0602}) - 1) * 100'), look)).toBeCloseTo(10);
    expect(evaluate(parseFormula('-{0101} + 2 * 3'), look)).toBe(-2494);
  });
  it('gives no value, not zero, for a missing input or a division by zero', () => {
    expect(evaluate(parseFormula('{0201} / {9999}'), look)).toBeNull();
    expect(evaluate(parseFormula('{0201} * 0 + {9999}'), look)).toBeNull();
    expect(evaluate(parseFormula('{0201} / ({0101} - 2500)'), look)).toBeNull();
  });
  it('lists inputs and refuses bad formulas', () => {
    expect([...formulaInputs(parseFormula('({0602} / prev({0602}) - 1) * {0201}')).entries()]).toEqual([
      ['0602', { current: true, prevYear: true }],
      ['0201', { current: true, prevYear: false }],
    ]);
    for (const bad of ['{0201} +', 'max({0201})', '{0201', '({0201}', 'prev(3)', '{a b}'])
      expect(() => parseFormula(bad)).toThrow(FormulaError);
  });
});

describe('the unit tree across the July 2025 reform', () => {
  const { versions, successions } = demoUnitTree();
  const tree = new UnitTree(versions, successions);
  it('has the units valid on a day', () => {
    expect(tree.under('04', 'DISTRICT', '2024-12-31')).toHaveLength(10);
    expect(tree.under('04', 'DISTRICT', '2025-12-31')).toHaveLength(0);
    expect(tree.under('04', 'COMMUNE', '2024-12-31')).toHaveLength(161);
    expect(tree.under('04', 'COMMUNE', '2025-12-31')).toHaveLength(56);
    expect(
      tree
        .under('040', 'COMMUNE', '2024-06-30')
        .map((u) => u.code)
        .slice(0, 2),
    ).toEqual(['01240', '01243']);
  });
  it('maps a new commune to the communes merged into it, before it existed', () => {
    // Phường Thục Phán (01240 since 2025-07-01) = old 01240, 01243, 01246, 01249.
    expect(tree.mapOn('01243', '2024-12-31')).toEqual({ kind: 'SELF' });
    expect(tree.mapOn('01240', '2025-12-31')).toEqual({ kind: 'SELF' });
    // The seat's code existed as the old commune: a series of the new ward is continued by all four.
    expect(tree.mapOn('01240', '2024-12-31', '2025-12-31')).toMatchObject({ kind: 'MAPPED', codes: ['01240', '01243', '01246', '01249'] });
    // A series of the old commune, asked as of 2024, is the old commune.
    expect(tree.mapOn('01240', '2024-12-31', '2024-12-31')).toEqual({ kind: 'SELF' });
    expect(tree.mapOn('01252', '2024-12-31')).toEqual({ kind: 'SELF' });
    const later = tree.versionAt('01240', '2025-12-31')!;
    expect(later.parentCode).toBe('04');
  });
  it('says why a former district has no value after the reform', () => {
    expect(tree.mapOn('047', '2025-12-31')).toMatchObject({ kind: 'NONE', reason: expect.stringMatching(/047 ended on 2025-06-30/) });
    expect(tree.mapOn('01243', '2025-12-31')).toMatchObject({
      kind: 'NONE',
      reason: expect.stringMatching(/merged with other units into 01240/),
    });
  });
  it('rolls every leaf up into its ancestors over the right interval', () => {
    const links = tree.rollupLinks().filter((l) => l.descendant === '01243');
    expect(links).toEqual(
      expect.arrayContaining([
        { ancestor: '040', descendant: '01243', level: 'COMMUNE', depth: 1, validFrom: '0001-01-01', validTo: '2025-06-30' },
        { ancestor: '04', descendant: '01243', level: 'COMMUNE', depth: 2, validFrom: '0001-01-01', validTo: '2025-06-30' },
      ]),
    );
  });
});
