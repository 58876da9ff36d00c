// Kỳ báo cáo (reporting periods): the one place where period identifiers are parsed, validated, ordered and
// turned into dates. Ids: `2025` (year), `2025S1` (half-year), `2025Q3` (quarter), `2025M07` (month),
// `2025N9` (9-month cumulative, January to September). In the database a period is a compact integer key
// (`year * 100 + sub`) so that the same period of the previous year is always `key - 100`.
import { badUserInput, msg } from '@hub/schema';

export type Periodicity = 'MONTH' | 'QUARTER' | 'HALF_YEAR' | 'NINE_MONTHS' | 'YEAR';
export const PERIODICITIES: readonly Periodicity[] = ['MONTH', 'QUARTER', 'HALF_YEAR', 'NINE_MONTHS', 'YEAR'];

export interface Period {
  id: string;
  type: Periodicity;
  year: number;
  /** Month 1–12, quarter 1–4, half 1–2; 0 for a year or the 9-month period. */
  index: number;
  /** First and last day, `YYYY-MM-DD`. */
  start: string;
  end: string;
  key: number;
}

const MIN_YEAR = 1975;
const MAX_YEAR = 2100;
const SUB: Record<Periodicity, (i: number) => number> = {
  MONTH: (i) => i,
  QUARTER: (i) => 20 + i,
  HALF_YEAR: (i) => 30 + i,
  NINE_MONTHS: () => 39,
  YEAR: () => 40,
};

const pad = (n: number) => String(n).padStart(2, '0');
function lastDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(d)}`;
}

function make(type: Periodicity, year: number, index: number): Period {
  const [first, last] =
    type === 'MONTH'
      ? [index, index]
      : type === 'QUARTER'
        ? [3 * index - 2, 3 * index]
        : type === 'HALF_YEAR'
          ? [6 * index - 5, 6 * index]
          : type === 'NINE_MONTHS'
            ? [1, 9]
            : [1, 12];
  const id =
    type === 'MONTH'
      ? `${year}M${pad(index)}`
      : type === 'QUARTER'
        ? `${year}Q${index}`
        : type === 'HALF_YEAR'
          ? `${year}S${index}`
          : type === 'NINE_MONTHS'
            ? `${year}N9`
            : String(year);
  return { id, type, year, index, start: `${year}-${pad(first)}-01`, end: lastDay(year, last), key: year * 100 + SUB[type](index) };
}

const PATTERN = /^(\d{4})(?:(M)(\d{2})|(Q)(\d)|(S)(\d)|(N)(9))?$/;

/** Parses a period id; null when it is not one. */
export function tryParsePeriod(id: string): Period | null {
  const m = PATTERN.exec(id);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (m[2]) {
    const month = Number(m[3]);
    return month >= 1 && month <= 12 ? make('MONTH', year, month) : null;
  }
  if (m[4]) {
    const q = Number(m[5]);
    return q >= 1 && q <= 4 ? make('QUARTER', year, q) : null;
  }
  if (m[6]) {
    const h = Number(m[7]);
    return h >= 1 && h <= 2 ? make('HALF_YEAR', year, h) : null;
  }
  if (m[8]) return make('NINE_MONTHS', year, 0);
  return make('YEAR', year, 0);
}

/** Parses a period id or fails with BAD_USER_INPUT naming `argument` and the offending id. */
export function parsePeriod(id: string, argument = 'period'): Period {
  const p = tryParsePeriod(id.trim());
  if (!p) {
    throw badUserInput(
      argument,
      msg(
        `"${id}" is not a period: use 2025, 2025S1, 2025Q3, 2025M07 or 2025N9 (years ${MIN_YEAR}–${MAX_YEAR})`,
        `"${id}" không phải một kỳ: hãy dùng 2025, 2025S1, 2025Q3, 2025M07 hoặc 2025N9 (các năm ${MIN_YEAR}–${MAX_YEAR})`,
      ),
    );
  }
  return p;
}

/** The period with this database key. */
export function periodOfKey(key: number): Period {
  const year = Math.floor(key / 100);
  const sub = key % 100;
  if (sub >= 1 && sub <= 12) return make('MONTH', year, sub);
  if (sub >= 21 && sub <= 24) return make('QUARTER', year, sub - 20);
  if (sub === 31 || sub === 32) return make('HALF_YEAR', year, sub - 30);
  if (sub === 39) return make('NINE_MONTHS', year, 0);
  if (sub === 40) return make('YEAR', year, 0);
  throw new Error(`not a period key: ${key}`);
}

/** The same period one year earlier (`2025Q3` → `2024Q3`): what growth rates compare with. */
export function previousYear(p: Period): Period {
  return make(p.type, p.year - 1, p.index);
}

/** Moves a period by `n` periods of its own type (`2025M01` − 1 = `2024M12`); years and 9-month periods move by years. */
export function shift(p: Period, n: number): Period {
  const perYear = p.type === 'MONTH' ? 12 : p.type === 'QUARTER' ? 4 : p.type === 'HALF_YEAR' ? 2 : 1;
  if (perYear === 1) return make(p.type, p.year + n, p.index);
  const ordinal = p.year * perYear + (p.index - 1) + n;
  return make(p.type, Math.floor(ordinal / perYear), (ordinal % perYear) + 1);
}

/** Every period of `type` from the one containing `from`'s start to the one containing `to`'s end, in order. */
export function periodsBetween(type: Periodicity, from: Period, to: Period): Period[] {
  if (from.start > to.end) return [];
  const startOf = (year: number, month: number): Period => {
    switch (type) {
      case 'MONTH':
        return make(type, year, month);
      case 'QUARTER':
        return make(type, year, Math.ceil(month / 3));
      case 'HALF_YEAR':
        return make(type, year, month <= 6 ? 1 : 2);
      default:
        return make(type, year, 0);
    }
  };
  const out: Period[] = [];
  let p = startOf(from.year, Number(from.start.slice(5, 7)));
  for (let guard = 0; p.start <= to.end && guard < 12 * (MAX_YEAR - MIN_YEAR + 1); guard++) {
    out.push(p);
    p = shift(p, 1);
  }
  return out;
}

/** Orders periods by end date, then by length (a month before the quarter that ends with it). */
export function comparePeriods(a: Period, b: Period): number {
  return a.end < b.end ? -1 : a.end > b.end ? 1 : a.start > b.start ? -1 : a.start < b.start ? 1 : 0;
}

/** Whether `p` lies within [from, to] (inclusive, by dates). */
export function within(p: Period, from: Period, to: Period): boolean {
  return p.start >= from.start && p.end <= to.end;
}
