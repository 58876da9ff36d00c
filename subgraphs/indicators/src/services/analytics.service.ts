// The analytics: validates a data query, plans where each value comes from (stored, rolled up, derived, mapped
// across the reform), reads everything it needs in one grouped SQL statement, and assembles rows and matrices.
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, msg } from '@hub/schema';
import type { Indicator } from '../entities';
import type { IndicatorDataQuery, IndicatorTimeSeriesArgs } from '../__generated__/resolvers-types';
import { evaluate, formulaInputs } from '../formula';
import { comparePeriods, parsePeriod, periodOfKey, periodsBetween, previousYear, type Period } from '../periods';
import { combine, sourceFor, type Level } from '../rules';
import { CatalogueService, type Catalogue } from './catalogue.service';
import { comboTable, loadMirror, readValues, SqlTimer, type Mirror, type ReadRequest, type ReadRow } from './store';
import { AT_MOST_1000_PERIODS, notBrokenDownBy, periodicityNotAllowed, unknownIndicator, unknownUnit } from '../messages';

export type Origin = 'STORED' | 'ROLLED_UP' | 'DERIVED';

export interface Cell {
  indicator: string;
  period: string;
  unit: string;
  combo: string;
  value: number | null;
  status: number | null;
  origin: Origin;
  unitsReported: number | null;
  /** Epoch milliseconds. */
  updatedAt: number | null;
  upload: number | null;
  previousYearValue?: number | null;
  mappedFrom?: string[] | null;
}

export interface DataResult {
  cells: Cell[];
  periods: string[];
  units: string[];
  notes: string[];
}

const TOTAL = '';

/** `SEX=FEMALE|AREA=URBAN` → [{dimension, category}], in key order. */
export function parseCombo(key: string): { dimension: string; category: string }[] {
  return key ? key.split('|').map((p) => ({ dimension: p.split('=')[0], category: p.split('=')[1] })) : [];
}

/** The key of a category combination: sorted by dimension. */
export function comboKey(cats: readonly { dimension: string; category: string }[]): string {
  return [...cats]
    .sort((a, b) => a.dimension.localeCompare(b.dimension))
    .map((c) => `${c.dimension}=${c.category}`)
    .join('|');
}

/** Reads values for (indicator, unit) pairs over periods, then answers lookups, deriving and mapping as needed. */
class Evaluator {
  /** Indicator code → unit code → period key → combination key → the value read (no key strings built per value). */
  private raw = new Map<string, Map<string, Map<number, Map<string, ReadRow>>>>();
  private combos = new Map<number, string>();
  private readonly levels = new Map<string, Level>();
  private readonly dimsOfCombo = new Map<string, string>();
  readonly notes = new Set<string>();

  constructor(
    private readonly em: EntityManager,
    readonly cat: Catalogue,
    readonly mirror: Mirror,
    readonly timer: SqlTimer,
    /** Read status, update time and upload with the values (rows show them; a matrix does not). */
    readonly detail = true,
  ) {}

  /** A unit's level (asked once per value: remembered). */
  level(code: string): Level {
    let level = this.levels.get(code);
    if (!level) this.levels.set(code, (level = this.mirror.tree.latestVersion(code)!.level));
    return level;
  }

  /** The dimensions of a combination key (`SEX=FEMALE|AREA=URBAN` → `AREA|SEX`), remembered. */
  dimsOf(combo: string): string {
    let dims = this.dimsOfCombo.get(combo);
    if (dims === undefined) this.dimsOfCombo.set(combo, (dims = dimsOf(combo)));
    return dims;
  }

  /** Every stored indicator the value of `code` needs (itself, or its formula's inputs, recursively). */
  storedClosure(code: string, out = new Set<string>(), depth = 0): Set<string> {
    const ind = this.cat.byCode.get(code)!;
    const f = this.cat.formulas.get(code);
    if (!f || depth > 5) {
      out.add(code);
      if (ind.aggregation === 'WEIGHTED_AVERAGE' && ind.weightCode) out.add(ind.weightCode);
      return out;
    }
    for (const input of formulaInputs(f).keys()) if (this.cat.byCode.has(input)) this.storedClosure(input, out, depth + 1);
    return out;
  }

  async fetch(pairs: { indicator: string; unit: string }[], periods: Period[], dims: string): Promise<void> {
    const requests: ReadRequest[] = [];
    const seen = new Set<string>();
    for (const { indicator, unit } of pairs) {
      const k = `${indicator}|${unit}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const ind = this.cat.byCode.get(indicator)!;
      const src = sourceFor(ind, this.level(unit));
      if (src.kind === 'NONE' || src.kind === 'DERIVED') continue;
      const unitKey = this.mirror.keyOf.get(unit);
      if (unitKey === undefined) continue;
      const weight = ind.weightCode ? (this.cat.byCode.get(ind.weightCode)?.num ?? 0) : 0;
      const ownDims = dims
        .split('|')
        .filter((d) => d && ind.dimensions.includes(d))
        .join('|');
      requests.push({
        indicator: ind.num,
        unit: unitKey,
        mode: src.kind === 'STORED' ? 'SELF' : src.level,
        aggregation: ind.aggregation,
        weight,
        dims: ownDims,
      });
      // Totals too: weights and formulas over indicators without these dimensions read them.
      if (ownDims !== TOTAL) requests.push({ ...requests[requests.length - 1], dims: TOTAL });
    }
    const uniq = [...new Map(periods.map((p) => [p.key, { key: p.key, end: p.end }])).values()];
    const rows = await readValues(this.em, this.timer, requests, uniq, this.detail);
    if (rows.some((r) => !this.combos.has(r.combo))) this.combos = await comboTable(this.em);
    if (rows.some((r) => !this.combos.has(r.combo))) this.combos = await comboTable(this.em, true);
    for (const r of rows) {
      const code = this.cat.byNum.get(r.indicator)!.code;
      const unit = this.mirror.codeOf.get(r.unit)!;
      let byUnit = this.raw.get(code);
      if (!byUnit) this.raw.set(code, (byUnit = new Map()));
      let byPeriod = byUnit.get(unit);
      if (!byPeriod) byUnit.set(unit, (byPeriod = new Map()));
      let byCombo = byPeriod.get(r.period);
      if (!byCombo) byPeriod.set(r.period, (byCombo = new Map()));
      byCombo.set(this.combos.get(r.combo) ?? '', r);
    }
  }

  /** Category combinations found for an indicator at a unit and period (for derived indicators: those of its inputs). */
  combosAt(code: string, unit: string, period: Period): Iterable<string> {
    if (!this.cat.formulas.has(code)) return this.raw.get(code)?.get(unit)?.get(period.key)?.keys() ?? [];
    const out = new Set<string>();
    for (const c of this.storedClosure(code)) for (const combo of this.raw.get(c)?.get(unit)?.get(period.key)?.keys() ?? []) out.add(combo);
    return out;
  }

  /** The value of `code` for `unit` (as the unit was in that period) and `period`, in combination `combo`. */
  value(code: string, unit: string, period: Period, combo: string, depth = 0): Cell | null {
    const ind = this.cat.byCode.get(code)!;
    const f = this.cat.formulas.get(code);
    if (f && depth < 6) {
      let status = 1;
      let updatedAt: number | null = null;
      const v = evaluate(f, (input, prev) => {
        if (!this.cat.byCode.has(input)) return null;
        const inputInd = this.cat.byCode.get(input)!;
        // An input without the combination's dimensions is read as its total.
        const own = parseCombo(combo).filter((c) => inputInd.dimensions.includes(c.dimension));
        const c = this.value(input, unit, prev ? previousYear(period) : period, comboKey(own), depth + 1);
        if (!c || c.value == null) return null;
        status = Math.min(status, c.status ?? 0);
        if (c.updatedAt && (!updatedAt || c.updatedAt > updatedAt)) updatedAt = c.updatedAt;
        return c.value;
      });
      if (v == null) return null;
      return {
        indicator: code,
        period: period.id,
        unit,
        combo,
        value: v,
        status,
        origin: 'DERIVED',
        unitsReported: null,
        updatedAt,
        upload: null,
      };
    }
    const r = this.raw.get(code)?.get(unit)?.get(period.key)?.get(combo);
    if (!r) return null;
    const src = sourceFor(ind, this.level(unit));
    const rolled = src.kind === 'ROLLUP';
    // A weighted average over part of the units would be silently wrong: every unit needs its weight.
    const value = rolled && ind.aggregation === 'WEIGHTED_AVERAGE' && r.weighted < r.n ? null : r.value;
    if (value == null) {
      this.notes.add(`${code} for ${unit} in ${period.id}: some units below have no ${ind.weightCode} to weigh them; no average given`);
      return null;
    }
    return {
      indicator: code,
      period: period.id,
      unit,
      combo,
      value,
      status: r.status,
      origin: rolled ? 'ROLLED_UP' : 'STORED',
      unitsReported: rolled ? r.n : null,
      updatedAt: r.updatedAt,
      upload: r.upload,
    };
  }

  /** Like `value`, but for a unit that did not exist in the period: the units it was made of, combined by the rule. */
  mappedValue(code: string, codes: string[], period: Period, combo: string, depth = 0): Cell | null {
    if (codes.length === 1) return this.value(code, codes[0], period, combo, depth);
    const ind = this.cat.byCode.get(code)!;
    const f = this.cat.formulas.get(code);
    if (f && depth < 6) {
      let status = 1;
      const v = evaluate(f, (input, prev) => {
        if (!this.cat.byCode.has(input)) return null;
        const c = this.mappedValue(input, codes, prev ? previousYear(period) : period, combo, depth + 1);
        if (!c || c.value == null) return null;
        status = Math.min(status, c.status ?? 0);
        return c.value;
      });
      return v == null
        ? null
        : {
            indicator: code,
            period: period.id,
            unit: codes.join('+'),
            combo,
            value: v,
            status,
            origin: 'DERIVED',
            unitsReported: null,
            updatedAt: null,
            upload: null,
          };
    }
    const parts = codes.map((c) => this.value(code, c, period, combo, depth));
    if (parts.some((p) => !p || p.value == null)) return null; // a series never mixes complete and partial territory
    const weights =
      ind.aggregation === 'WEIGHTED_AVERAGE' && ind.weightCode
        ? codes.map((c) => this.value(ind.weightCode!, c, period, TOTAL)?.value ?? null)
        : [];
    const v = combine(
      ind.aggregation,
      parts.map((p, i) => ({ value: p!.value!, weight: weights[i] })),
    );
    if (v == null) return null;
    return {
      indicator: code,
      period: period.id,
      unit: codes.join('+'),
      combo,
      value: v,
      status: Math.min(...parts.map((p) => p!.status ?? 0)),
      origin: 'ROLLED_UP',
      unitsReported: parts.length,
      updatedAt: null,
      upload: null,
    };
  }
}

export class AnalyticsService {
  readonly timer = new SqlTimer();

  constructor(private readonly em: EntityManager) {}

  private async context(): Promise<{ cat: Catalogue; mirror: Mirror }> {
    const [cat, mirror] = await Promise.all([
      this.timer.time(() => new CatalogueService(this.em).load()),
      this.timer.time(() => loadMirror(this.em)),
    ]);
    return { cat, mirror };
  }

  private indicatorsOf(cat: Catalogue, codes: readonly string[], argument: string): Indicator[] {
    if (!codes.length) throw badUserInput(argument, msg('name at least one indicator', 'hãy nêu ít nhất một chỉ tiêu'));
    const twice = firstRepeated(codes);
    if (twice) throw badUserInput(argument, msg(`indicator "${twice}" is named twice`, `chỉ tiêu "${twice}" được nêu hai lần`));
    return codes.map((c) => {
      const ind = cat.byCode.get(c);
      if (!ind) throw badUserInput(argument, unknownIndicator(c));
      return ind;
    });
  }

  private checkPeriods(inds: Indicator[], ids: readonly string[], argument: string): Period[] {
    if (!ids.length) throw badUserInput(argument, msg('name at least one period', 'hãy nêu ít nhất một kỳ'));
    if (ids.length > 1000) throw badUserInput(argument, AT_MOST_1000_PERIODS);
    const twice = firstRepeated(ids);
    if (twice) throw badUserInput(argument, msg(`period "${twice}" is named twice`, `kỳ "${twice}" được nêu hai lần`));
    const periods = ids.map((id) => parsePeriod(id, argument));
    for (const p of periods) {
      for (const ind of inds) {
        if (!ind.periodicities.includes(p.type)) {
          throw badUserInput(argument, periodicityNotAllowed(ind.code, p.type, ind.periodicities, p.id));
        }
      }
    }
    return periods;
  }

  private checkDims(cat: Catalogue, inds: Indicator[], dims: readonly string[], argument: string): string {
    for (const d of dims) {
      if (!cat.dimensions.has(d)) throw badUserInput(argument, msg(`unknown dimension "${d}"`, `tiêu thức phân tổ "${d}" không tồn tại`));
      for (const ind of inds) {
        if (!ind.dimensions.includes(d)) throw badUserInput(argument, notBrokenDownBy(ind.code, d));
      }
    }
    return [...new Set(dims)].sort().join('|');
  }

  /**
   * `detail: false` when only the values are wanted (a matrix): status, update time and source stay null. `at`: how
   * errors name the query's fields (`query.` for indicatorData's argument; nothing where they are arguments).
   */
  async data(q: IndicatorDataQuery, { detail = true, at = 'query.' }: { detail?: boolean; at?: string } = {}): Promise<DataResult> {
    const { cat, mirror } = await this.context();
    const inds = this.indicatorsOf(cat, q.indicators, `${at}indicators`);
    const periods = this.checkPeriods(inds, q.periods, `${at}periods`).sort(comparePeriods);
    const dims = this.checkDims(cat, inds, q.disaggregateBy ?? [], `${at}disaggregateBy`);
    const units = this.selectUnits(mirror, q.units, periods);
    const ev = new Evaluator(this.em, cat, mirror, this.timer, detail);

    const evalPeriods = q.compareWithPreviousYear ? [...periods, ...periods.map(previousYear)] : periods;
    const needsPrev = inds.some((i) => cat.formulas.has(i.code) && /prev\(/.test(i.formula ?? ''));
    const fetchPeriods = needsPrev ? [...evalPeriods, ...evalPeriods.map(previousYear)] : evalPeriods;
    const pairs = inds.flatMap((i) => [...ev.storedClosure(i.code)].flatMap((code) => units.map((unit) => ({ indicator: code, unit }))));
    await ev.fetch(pairs, fetchPeriods, dims);

    const cells: Cell[] = [];
    for (const ind of inds) {
      for (const unit of units) {
        const src = sourceFor(ind, ev.level(unit));
        if (src.kind === 'NONE') {
          ev.notes.add(`${ind.code} for ${unit}: ${src.reason}`);
          continue;
        }
        for (const p of periods) {
          for (const combo of ev.combosAt(ind.code, unit, p)) {
            if (ev.dimsOf(combo) !== dims) continue;
            const cell = ev.value(ind.code, unit, p, combo);
            if (!cell) continue;
            if (q.compareWithPreviousYear) cell.previousYearValue = ev.value(ind.code, unit, previousYear(p), combo)?.value ?? null;
            cells.push(cell);
          }
        }
      }
    }
    return { cells, periods: periods.map((p) => p.id), units, notes: [...ev.notes] };
  }

  /** The units a selection names: explicit codes, and/or those at a level under a unit (as of a day, or each period's last day). */
  private selectUnits(mirror: Mirror, sel: IndicatorDataQuery['units'], periods: Period[]): string[] {
    const out = new Set<string>();
    for (const code of sel.codes ?? []) {
      if (!mirror.tree.has(code)) throw badUserInput('query.units.codes', unknownUnit(code));
      out.add(code);
    }
    if (sel.under || sel.level) {
      if (!sel.under || !sel.level)
        throw badUserInput('query.units', msg('`under` and `level` go together', '`under` và `level` phải được nêu cùng nhau'));
      if (!mirror.tree.has(sel.under)) throw badUserInput('query.units.under', unknownUnit(sel.under));
      if (sel.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(sel.asOf))
        throw badUserInput('query.units.asOf', msg(`"${sel.asOf}" is not a date`, `"${sel.asOf}" không phải một ngày`));
      const days = sel.asOf ? [sel.asOf] : [...new Set(periods.map((p) => p.end))];
      for (const day of days) for (const u of mirror.tree.under(sel.under, sel.level, day)) out.add(u.code);
    }
    if (!out.size)
      throw badUserInput(
        'query.units',
        msg('name units by `codes` or by `under` and `level`', 'hãy nêu các đơn vị bằng `codes` hoặc bằng `under` và `level`'),
      );
    return [...out].sort();
  }

  /** A series for one unit; across the reform, a unit is continued by the units it was made of (and says so). */
  async timeSeries(
    code: string,
    a: IndicatorTimeSeriesArgs,
  ): Promise<{ unit: string; points: (Omit<Cell, 'combo'> & { mappedFrom: string[] | null })[]; notes: string[] }> {
    const { cat, mirror } = await this.context();
    const ind = this.indicatorsOf(cat, [code], 'indicator')[0];
    if (!mirror.tree.has(a.unit)) throw badUserInput('unit', unknownUnit(a.unit));
    const from = parsePeriod(a.from, 'from');
    const to = parsePeriod(a.to, 'to');
    const type = a.periodicity ?? from.type;
    if (!ind.periodicities.includes(type)) throw badUserInput('periodicity', periodicityNotAllowed(ind.code, type, ind.periodicities));
    const periods = periodsBetween(type, from, to);
    if (periods.length > 1000) throw badUserInput('to', AT_MOST_1000_PERIODS);
    const cats = a.categories ?? [];
    const dims = this.checkDims(
      cat,
      [ind],
      cats.map((c) => c.dimension),
      'categories',
    );
    for (const c of cats) {
      if (!cat.dimensions.get(c.dimension)!.categories.some((x) => x.code === c.category))
        throw badUserInput(
          'categories',
          msg(`unknown category "${c.category}" of ${c.dimension}`, `nhóm phân tổ "${c.category}" của ${c.dimension} không tồn tại`),
        );
    }
    const combo = comboKey(cats);
    const ev = new Evaluator(this.em, cat, mirror, this.timer);
    const refDay = to.end;
    const plan = periods.map((p) => ({ p, map: mirror.tree.mapOn(a.unit, p.end, refDay) }));
    const unitsNeeded = new Set<string>([a.unit]);
    for (const { map } of plan) if (map.kind === 'MAPPED') map.codes.forEach((c) => unitsNeeded.add(c));
    const needsPrev = /prev\(/.test(ind.formula ?? '');
    const fetchPeriods = needsPrev ? [...periods, ...periods.map(previousYear)] : periods;
    const closure = [...ev.storedClosure(ind.code)];
    await ev.fetch(
      closure.flatMap((c) => [...unitsNeeded].map((unit) => ({ indicator: c, unit }))),
      fetchPeriods,
      dims,
    );
    const notes = new Set<string>();
    const src = sourceFor(ind, ev.level(a.unit));
    if (src.kind === 'NONE') notes.add(`${ind.code} for ${a.unit}: ${src.reason}`);
    const points = plan.map(({ p, map }) => {
      if (map.kind === 'NONE') {
        notes.add(map.reason);
        return {
          indicator: ind.code,
          period: p.id,
          unit: a.unit,
          value: null,
          status: null,
          origin: null as unknown as Origin,
          unitsReported: null,
          updatedAt: null,
          upload: null,
          mappedFrom: null,
        };
      }
      if (map.kind === 'MAPPED') notes.add(map.note);
      const cell = map.kind === 'SELF' ? ev.value(ind.code, a.unit, p, combo) : ev.mappedValue(ind.code, map.codes, p, combo);
      const { combo: _c, ...rest } = cell ?? {
        indicator: ind.code,
        period: p.id,
        unit: a.unit,
        combo,
        value: null,
        status: null,
        origin: null as unknown as Origin,
        unitsReported: null,
        updatedAt: null,
        upload: null,
      };
      return { ...rest, unit: a.unit, mappedFrom: map.kind === 'MAPPED' ? map.codes : null };
    });
    for (const n of ev.notes) notes.add(n);
    return { unit: a.unit, points, notes: [...notes] };
  }

  /** Period keys back to ids (exported for resolvers). */
  static periodId(key: number): string {
    return periodOfKey(key).id;
  }
}

function dimsOf(combo: string): string {
  return parseCombo(combo)
    .map((c) => c.dimension)
    .sort()
    .join('|');
}

/** The first value of `values` that comes twice, if any. */
function firstRepeated(values: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) return v;
    seen.add(v);
  }
  return undefined;
}
