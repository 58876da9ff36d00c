// Writes of values: every value is checked against the catalogue and the unit tree before anything is written;
// one bad value fails the whole call (BAD_USER_INPUT naming `values[i]`) and nothing is written.
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, forbidden, msg } from '@hub/schema';
import type { CallerClaims } from '@hub/runtime';
import { tryParsePeriod, type Period } from '../periods';
import { CatalogueService } from './catalogue.service';
import { comboKey } from './analytics.service';
import type { IndicatorValueInput } from '../__generated__/resolvers-types';
import { loadMirror, writeValues, type WriteRow } from './store';
import { LEVEL_VI, notBrokenDownBy, periodicityNotAllowed, unknownIndicator, unknownUnit } from '../messages';

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
    if (!caller.roles.includes('DATA_EDITOR'))
      throw forbidden(
        'Mutation.upsertIndicatorValues',
        msg('only data editors write values', 'chỉ biên tập viên dữ liệu mới được ghi giá trị'),
      );
    if (!values.length) throw badUserInput('values', msg('send at least one value', 'gửi ít nhất một giá trị'));
    if (values.length > MAX_VALUES_PER_CALL)
      throw badUserInput(
        'values',
        msg(`at most ${MAX_VALUES_PER_CALL} values per call`, `tối đa ${MAX_VALUES_PER_CALL} giá trị mỗi lần gọi`),
      );
    if (source && source.length > 300) throw badUserInput('source', msg('at most 300 characters', 'tối đa 300 ký tự'));
    const [cat, mirror] = await Promise.all([new CatalogueService(this.em).load(), loadMirror(this.em)]);
    const rows: WriteRow[] = new Array(values.length);
    const seen = new Set<string>();
    // A bulk write names few periods many times over: each is parsed once per call.
    const periods = new Map<string, Period | null>();
    values.forEach((v, i) => {
      const ind = cat.byCode.get(v.indicator);
      const at = `values[${i}]`;
      if (!ind) throw badUserInput(`${at}.indicator`, unknownIndicator(v.indicator));
      if (ind.formula)
        throw badUserInput(
          `${at}.indicator`,
          msg(
            `${ind.code} is derived from its formula (${ind.formula}); write its inputs instead`,
            `${ind.code} được tính theo công thức (${ind.formula}); hãy ghi giá trị các chỉ tiêu đầu vào của công thức`,
          ),
        );
      let p = periods.get(v.period);
      if (p === undefined) periods.set(v.period, (p = tryParsePeriod(v.period)));
      if (!p)
        throw badUserInput(
          `${at}.period`,
          msg(
            `"${v.period}" is not a period (2025, 2025S1, 2025Q3, 2025M07, 2025N9)`,
            `"${v.period}" không phải một kỳ (2025, 2025S1, 2025Q3, 2025M07, 2025N9)`,
          ),
        );
      if (!ind.periodicities.includes(p.type)) {
        throw badUserInput(`${at}.period`, periodicityNotAllowed(ind.code, p.type, ind.periodicities, p.id));
      }
      const version = mirror.tree.versionAt(v.unit, p.end);
      if (!version) {
        throw badUserInput(
          `${at}.unit`,
          mirror.tree.has(v.unit)
            ? msg(
                `unit "${v.unit}" did not exist on ${p.end}, the last day of ${p.id}`,
                `đơn vị "${v.unit}" không tồn tại vào ngày ${p.end}, ngày cuối của kỳ ${p.id}`,
              )
            : unknownUnit(v.unit),
        );
      }
      if (!ind.levels.includes(version.level)) {
        throw badUserInput(
          `${at}.unit`,
          msg(
            `indicator ${ind.code} is collected at ${ind.levels.join(', ').toLowerCase()} level, not for ${version.level.toLowerCase()} "${v.unit}" (its value there is rolled up)`,
            `chỉ tiêu ${ind.code} được thu thập ở cấp ${ind.levels.map((l) => LEVEL_VI[l]).join(', ')}, không thu thập cho đơn vị cấp ${LEVEL_VI[version.level]} "${v.unit}" (giá trị tại đó được tổng hợp từ cấp dưới)`,
          ),
        );
      }
      const cats = v.categories ?? [];
      const dims = new Set<string>();
      for (const c of cats) {
        if (!ind.dimensions.includes(c.dimension)) throw badUserInput(`${at}.categories`, notBrokenDownBy(ind.code, `"${c.dimension}"`));
        if (dims.has(c.dimension))
          throw badUserInput(`${at}.categories`, msg(`"${c.dimension}" given twice`, `"${c.dimension}" được gửi hai lần`));
        dims.add(c.dimension);
        if (!cat.dimensions.get(c.dimension)?.categories.some((x) => x.code === c.category)) {
          throw badUserInput(
            `${at}.categories`,
            msg(`"${c.category}" is not a category of ${c.dimension}`, `"${c.category}" không phải một nhóm phân tổ của ${c.dimension}`),
          );
        }
      }
      const value = numericValue(v.value);
      if (value === null)
        throw badUserInput(
          `${at}.value`,
          msg(`${JSON.stringify(v.value)} is not a number`, `${JSON.stringify(v.value)} không phải một số`),
        );
      if (ind.minValue != null && value < ind.minValue)
        throw badUserInput(
          `${at}.value`,
          msg(
            `${value} is below the minimum of ${ind.code} (${ind.minValue} ${ind.unit})`,
            `${value} nhỏ hơn giá trị tối thiểu của ${ind.code} (${ind.minValue} ${ind.unit})`,
          ),
        );
      if (ind.maxValue != null && value > ind.maxValue)
        throw badUserInput(
          `${at}.value`,
          msg(
            `${value} is above the maximum of ${ind.code} (${ind.maxValue} ${ind.unit})`,
            `${value} lớn hơn giá trị tối đa của ${ind.code} (${ind.maxValue} ${ind.unit})`,
          ),
        );
      const combo = cats.length ? comboKey(cats) : '';
      const key = `${ind.num}|${p.key}|${v.unit}|${combo}`;
      if (seen.has(key))
        throw badUserInput(
          at,
          msg(
            'the same indicator, period, unit and categories appear twice in this call',
            'cùng một chỉ tiêu, kỳ, đơn vị và nhóm phân tổ xuất hiện hai lần trong lần gọi này',
          ),
        );
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
