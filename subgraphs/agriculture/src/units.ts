// The province's communes as the agriculture database uses them: today's codes (after the reform of 1 July 2025)
// and the old communes each one took over, and the department competent on a day.
import { planCaoBang } from '@hub/schema/fixtures/cao-bang';

const plan = planCaoBang();

/** Today's commune-level units: code → the codes of the old communes merged into it (the first is the seat). */
export const MERGES: ReadonlyMap<string, readonly string[]> = new Map(plan.merges.map((m) => [m.code, m.from]));
/** Old commune code → today's commune code. */
export const TODAY_OF: ReadonlyMap<string, string> = new Map(plan.merges.flatMap((m) => m.from.map((f) => [f, m.code] as const)));
/** Today's commune codes in code order. */
export const TODAY_CODES: readonly string[] = plan.merges.map((m) => m.code);
export const REFORM_DAY = '2025-07-01';

/** Whether `onRecord` may be the code on `day` of a record located today in `today`. */
export function validOnRecord(today: string, onRecord: string, day: string): boolean {
  return day < REFORM_DAY ? (MERGES.get(today) ?? []).includes(onRecord) : onRecord === today;
}

/** The agriculture department on `day`: SNNPTNT until 2025-02-28, SNNMT from 2025-03-01. */
export const departmentOn = (day: string) => (day < '2025-03-01' ? 'SNNPTNT' : 'SNNMT');

/** `day` plus `months` months (YYYY-MM-DD). */
export function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}
