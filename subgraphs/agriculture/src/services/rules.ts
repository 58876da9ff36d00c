// Input rules the agriculture writes share: today's commune codes, agency codes, areas.
import { field } from '@hub/kit';
import { badUserInput, msg, say } from '@hub/schema';
import { MERGES, REFORM_DAY, validOnRecord } from '../units';

/** A commune code valid today (after 1 July 2025). */
export const todayCommune = () =>
  field.code(/^\d{5}$/, '01435').refine((c) => MERGES.has(c), {
    error: () => say(msg('must be the code of a commune valid today', 'phải là mã của một xã hiện hành')),
  });
/** A five-digit commune code (as it was on a record's date: checked against today's in the service). */
export const anyCommune = () => field.code(/^\d{5}$/, '01438');
export const agencyCode = () => field.code(/^[A-Z][A-Z0-9-]{1,19}$/, 'SNNMT');
export const area = () => field.number({ min: 0.01, max: 10000 });

/**
 * The commune code on `day` of a record located today in `today`: the one sent, checked, or by default the seat
 * of the old communes (before the reform) or today's code.
 */
export function onRecordOf(today: string, sent: string | null | undefined, day: string, argument = 'input.communeCodeOnRecord'): string {
  const code = sent ?? (day < REFORM_DAY ? MERGES.get(today)![0] : today);
  if (!validOnRecord(today, code, day))
    throw badUserInput(
      argument,
      msg(`must be the code on ${day} of a commune now part of ${today}`, `phải là mã xã vào ngày ${day} của một xã nay thuộc ${today}`),
    );
  return code;
}
