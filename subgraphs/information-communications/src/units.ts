// Today's communes of Cao Bằng (valid since 1 July 2025) and the old communes each merged, from the shared fixtures the
// directory loads: the rules for `communeCode` (today's) and `communeCodeOnRecord` (as on a record's date).
import { planCaoBang, REFORM_DAY } from '@hub/schema/fixtures/cao-bang';
import { msg, say } from '@hub/schema';
import { field, z } from '@hub/kit';

/** Today's commune code → the codes of the communes merged into it (the first is the seat, which kept its code). */
export const MERGED_FROM: ReadonlyMap<string, readonly string[]> = new Map(planCaoBang().merges.map((m) => [m.code, m.from]));

export const TODAY_COMMUNES: readonly string[] = [...MERGED_FROM.keys()];

/** The commune as it was on `day`: before the reform one of the communes merged into today's (default the seat). */
export function communeOnRecord(communeCode: string, day: string | null | undefined, given?: string | null): string | null {
  if (!day) return null;
  if (day >= REFORM_DAY) return communeCode;
  return given ?? communeCode;
}

/** Today's date as `YYYY-MM-DD` (Vietnam time, UTC+7). */
export function today(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** A code of one of today's commune-level units. */
export const communeCodeRule = () =>
  field.code(/^\d{5}$/, '01435').refine((c) => MERGED_FROM.has(c), {
    error: (iss) =>
      say(
        msg(
          `must be the code of a commune-level unit valid since 1 July 2025, got ${JSON.stringify(iss.input)}`,
          `phải là mã của đơn vị hành chính cấp xã có hiệu lực từ ngày 1/7/2025, nhận được ${JSON.stringify(iss.input)}`,
        ),
      ),
  });

/** A date not after today. */
export const pastDateRule = () =>
  field.date().refine((d) => d <= today(), {
    error: (iss) =>
      say(
        msg(
          `must not be in the future, got ${JSON.stringify(iss.input)}`,
          `không được ở tương lai, nhận được ${JSON.stringify(iss.input)}`,
        ),
      ),
  });

/**
 * The check shared by creates of dated located records: `communeCodeOnRecord`, when given for a day before the reform,
 * must be one of the old communes merged into `communeCode`.
 */
export function checkOnRecord<T extends { communeCode: string; communeCodeOnRecord?: string | null }>(
  v: T,
  day: string | null | undefined,
  ctx: z.core.$RefinementCtx<T>,
): void {
  if (!v.communeCodeOnRecord || !day || day >= REFORM_DAY) return;
  const from = MERGED_FROM.get(v.communeCode) ?? [];
  if (!from.includes(v.communeCodeOnRecord))
    ctx.addIssue({
      code: 'custom',
      path: ['communeCodeOnRecord'],
      message: say(
        msg(
          `must be one of the communes merged into ${v.communeCode} (${from.join(', ')}), got ${JSON.stringify(v.communeCodeOnRecord)}`,
          `phải là một trong các xã đã sáp nhập vào ${v.communeCode} (${from.join(', ')}), nhận được ${JSON.stringify(v.communeCodeOnRecord)}`,
        ),
      ),
    });
}
