// Writes of values: every value is checked against the catalogue and the unit tree before anything is written;
// one bad value fails the whole call (BAD_USER_INPUT naming `values[i]`) and nothing is written.
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, forbidden } from '@hub/schema';
import type { CallerClaims } from '@hub/runtime';
import { tryParsePeriod, type Period } from '../periods';
import { CatalogueService } from './catalogue.service';
import { comboKey } from './analytics.service';
import type { IndicatorValueInput } from '../__generated__/resolvers-types';
import { loadMirror, writeValues, type WriteRow } from './store';

const MAX_VALUES_PER_CALL = 200_000;

/** A JSON number, or a plain decimal string; anything else (text, booleans, NaN, Infinity) is not a value. */
function numericValue(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(v)) return Number(v);
  return null;
}

export class ValuesService {
  constructor(private readonly em: EntityManager) {}

  async upsert(caller: CallerClaims, values: readonly IndicatorValueInput[], source: string | null, reason: string | null) {
    // Second line behind the gateway's policy, which checked that the caller's agency owns this database today.
    if (!caller.roles.includes('DATA_EDITOR')) throw forbidden('Mutation.upsertIndicatorValues', 'only data editors write values');
    if (!values.length) throw badUserInput('values', 'send at least one value');
    if (values.length > MAX_VALUES_PER_CALL) throw badUserInput('values', `at most ${MAX_VALUES_PER_CALL} values per call`);
    if (source && source.length > 300) throw badUserInput('source', 'at most 300 characters');
    const [cat, mirror] = await Promise.all([new CatalogueService(this.em).load(), loadMirror(this.em)]);
    const rows: WriteRow[] = new Array(values.length);
    const seen = new Set<string>();
    // A bulk write names few periods many times over: each is parsed once per call.
    const periods = new Map<string, Period | null>();
    values.forEach((v, i) => {
      const ind = cat.byCode.get(v.indicator);
      const at = `values[${i}]`;
      if (!ind) throw badUserInput(`${at}.indicator`, `unknown indicator "${v.indicator}"`);
      if (ind.formula)
        throw badUserInput(`${at}.indicator`, `${ind.code} is derived from its formula (${ind.formula}); write its inputs instead`);
      let p = periods.get(v.period);
      if (p === undefined) periods.set(v.period, (p = tryParsePeriod(v.period)));
      if (!p) throw badUserInput(`${at}.period`, `"${v.period}" is not a period (2025, 2025S1, 2025Q3, 2025M07, 2025N9)`);
      if (!ind.periodicities.includes(p.type)) {
        throw badUserInput(
          `${at}.period`,
          `indicator ${ind.code} has no ${p.type} values ("${p.id}"); it allows ${ind.periodicities.join(', ')}`,
        );
      }
      const version = mirror.tree.versionAt(v.unit, p.end);
      if (!version) {
        throw badUserInput(
          `${at}.unit`,
          mirror.tree.has(v.unit)
            ? `unit "${v.unit}" did not exist on ${p.end}, the last day of ${p.id}`
            : `unknown administrative unit "${v.unit}"`,
        );
      }
      if (!ind.levels.includes(version.level)) {
        throw badUserInput(
          `${at}.unit`,
          `indicator ${ind.code} is collected at ${ind.levels.join(', ').toLowerCase()} level, not for ${version.level.toLowerCase()} "${v.unit}" (its value there is rolled up)`,
        );
      }
      const cats = v.categories ?? [];
      const dims = new Set<string>();
      for (const c of cats) {
        if (!ind.dimensions.includes(c.dimension))
          throw badUserInput(`${at}.categories`, `indicator ${ind.code} is not broken down by "${c.dimension}"`);
        if (dims.has(c.dimension)) throw badUserInput(`${at}.categories`, `"${c.dimension}" given twice`);
        dims.add(c.dimension);
        if (!cat.dimensions.get(c.dimension)?.categories.some((x) => x.code === c.category)) {
          throw badUserInput(`${at}.categories`, `"${c.category}" is not a category of ${c.dimension}`);
        }
      }
      const value = numericValue(v.value);
      if (value === null) throw badUserInput(`${at}.value`, `${JSON.stringify(v.value)} is not a number`);
      if (ind.minValue != null && value < ind.minValue)
        throw badUserInput(`${at}.value`, `${value} is below the minimum of ${ind.code} (${ind.minValue} ${ind.unit})`);
      if (ind.maxValue != null && value > ind.maxValue)
        throw badUserInput(`${at}.value`, `${value} is above the maximum of ${ind.code} (${ind.maxValue} ${ind.unit})`);
      const combo = cats.length ? comboKey(cats) : '';
      const key = `${ind.num}|${p.key}|${v.unit}|${combo}`;
      if (seen.has(key)) throw badUserInput(at, 'the same indicator, period, unit and categories appear twice in this call');
      seen.add(key);
      rows[i] = {
        indicator: ind.num,
        period: p.key,
        unit: mirror.keyOf.get(v.unit)!,
        combo,
        value,
        status: v.status === 'OFFICIAL' ? 1 : 0,
      };
    });
    return writeValues(this.em, rows, { source: source?.trim() || null, reason });
  }
}
