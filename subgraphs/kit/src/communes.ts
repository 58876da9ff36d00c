// The province's commune-level units for a department's writes: today's (since the reform of 1 July 2025) and the
// old communes each one took over, from the shared fixture the directory loads. A located record keeps today's
// code (`communeCode`, what the in-unit lists filter by) and, when it is dated, the code on its date
// (`communeCodeOnRecord`): before the reform one of the old communes merged into today's, from it today's own.
// `field.communeCode()` is the input rule for today's code; `communeOnRecordOf` checks (or defaults) the other.
import { planCaoBang, REFORM_DAY } from '@hub/schema/fixtures/cao-bang';
import { badUserInput, msg, say, type Localized } from '@hub/schema';
import type { z } from 'zod';

const plan = planCaoBang();

/** Today's commune code → the codes of the old communes merged into it (the first is the seat, which kept its code). */
export const MERGED_FROM: ReadonlyMap<string, readonly string[]> = new Map(plan.merges.map((m) => [m.code, m.from]));

/** Today's commune codes, in code order. */
export const TODAY_COMMUNE_CODES: readonly string[] = plan.merges.map((m) => m.code);

/** Whether `code` may stand on a record of `day` located today in `today`'s commune. */
export function isCommuneOnRecord(today: string, code: string, day: string): boolean {
  return day < REFORM_DAY ? (MERGED_FROM.get(today) ?? []).includes(code) : code === today;
}

/** What is wrong with `code` as the commune on record of `day` for a record in `today`'s commune; null when nothing. */
function onRecordProblem(today: string, code: string, day: string): Localized | null {
  if (isCommuneOnRecord(today, code, day)) return null;
  const from = MERGED_FROM.get(today) ?? [];
  return day < REFORM_DAY
    ? msg(
        `on ${day} the commune was one of those merged into ${today} (${from.join(', ')}), got ${JSON.stringify(code)}`,
        `ngày ${day} xã là một trong các xã đã sáp nhập vào ${today} (${from.join(', ')}), nhận được ${JSON.stringify(code)}`,
      )
    : msg(
        `from ${REFORM_DAY} the commune on record is today's (${today}), got ${JSON.stringify(code)}`,
        `từ ngày ${REFORM_DAY} xã trên hồ sơ là xã hiện nay (${today}), nhận được ${JSON.stringify(code)}`,
      );
}

/**
 * A zod check (`.superRefine(checkCommuneOnRecord((v) => v.issuedOn))`) of an input that names today's commune and,
 * optionally, the commune on the record's date: a `communeCodeOnRecord` that does not fit the date is an issue at
 * that field, found before anything is read.
 */
export function checkCommuneOnRecord<T extends { communeCode?: string | null; communeCodeOnRecord?: string | null }>(
  dayOf: (value: T) => string | null | undefined,
) {
  return (value: T, ctx: z.RefinementCtx): void => {
    const day = dayOf(value);
    if (!value.communeCode || !value.communeCodeOnRecord || !day) return;
    const problem = onRecordProblem(value.communeCode, value.communeCodeOnRecord, day);
    if (problem) ctx.addIssue({ code: 'custom', path: ['communeCodeOnRecord'], message: say(problem) });
  };
}

/**
 * The commune code to store for a record of `day` located today in `today`: the one sent (checked again:
 * BAD_USER_INPUT naming `argument`), or by default the seat of the old communes before the reform, today's code
 * from it. Null when the record has no date.
 */
export function communeOnRecordOf(
  today: string,
  day: string | null | undefined,
  sent?: string | null,
  argument = 'input.communeCodeOnRecord',
): string | null {
  if (!day) return null;
  const code = sent ?? (day < REFORM_DAY ? (MERGED_FROM.get(today)?.[0] ?? today) : today);
  const problem = onRecordProblem(today, code, day);
  if (problem) throw badUserInput(argument, problem);
  return code;
}
