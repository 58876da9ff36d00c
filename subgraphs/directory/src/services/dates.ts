// Validity periods: a version is valid on a day when it began on or before it and had not ended before it.
import { provinceToday } from '@hub/schema';

/** Today in the province (UTC+7): the day ownership, agreements and units are valid on when no day is given. */
export function today(): string {
  return provinceToday();
}

/** SQL predicate over alias `u`: valid on the day that placeholder `day` (`$n`) holds. */
export const validOnSql = (day: string) =>
  `(u.valid_from is null or u.valid_from <= ${day}) and (u.valid_to is null or u.valid_to >= ${day})`;

export function validOn(row: { validFrom?: string | null; validTo?: string | null }, day: string): boolean {
  return (!row.validFrom || row.validFrom <= day) && (!row.validTo || row.validTo >= day);
}
