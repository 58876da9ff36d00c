// What the agriculture database adds to the kit's communes (MERGED_FROM, TODAY_COMMUNE_CODES): the commune today of
// an old commune, and the department competent on a day.
import { MERGED_FROM } from '@hub/kit';

/** Old commune code → today's commune code. */
export const TODAY_OF: ReadonlyMap<string, string> = new Map(
  [...MERGED_FROM].flatMap(([today, from]) => from.map((f) => [f, today] as const)),
);

/** The agriculture department on `day`: SNNPTNT until 2025-02-28, SNNMT from 2025-03-01. */
export const departmentOn = (day: string) => (day < '2025-03-01' ? 'SNNPTNT' : 'SNNMT');

/** `day` plus `months` months (YYYY-MM-DD). */
export function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}
