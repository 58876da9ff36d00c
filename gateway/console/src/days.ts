// Days as the province counts them (UTC+7, no daylight saving), whatever the reader's time zone: the pages' date
// ranges are province days, sent to the hub as the instants they start at.
const DAY_MS = 86_400_000;

export const PROVINCE_OFFSET = '+07:00';

/** Today in the province, `YYYY-MM-DD`. */
export const provinceToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** The day `n` days after `day` (before it when negative). */
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The instant a province day starts at. */
export const startOf = (day: string) => new Date(`${day}T00:00:00${PROVINCE_OFFSET}`).toISOString();

/** A range of province days as a date-range picker holds it (either end may be open). */
export type DayRange = [string | null, string | null];

/** The last `n` days, today included. */
export function lastDays(n: number): DayRange {
  const today = provinceToday();
  return [addDays(today, 1 - n), today];
}

/**
 * A range's days and the instants [from, to) it covers: the start of its first day to the end of its last, in the
 * province's time. No first day: today; no last day: the first one.
 */
export function rangeBounds(range: DayRange): { first: string; last: string; from: string; to: string } {
  const first = range[0] ?? provinceToday();
  const last = range[1] ?? first;
  return { first, last, from: startOf(first), to: startOf(addDays(last, 1)) };
}
