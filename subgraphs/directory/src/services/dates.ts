// Validity periods: a version is valid on a day when it began on or before it and had not ended before it.
import { formatDate } from '@hub/schema';

export function today(): string {
  return formatDate(new Date());
}

/** SQL predicate over alias `u` with two `?` bindings, both the date. */
export const VALID_ON = '(u.valid_from is null or u.valid_from <= ?) and (u.valid_to is null or u.valid_to >= ?)';

export function validOn(row: { validFrom?: string | null; validTo?: string | null }, day: string): boolean {
  return (!row.validFrom || row.validFrom <= day) && (!row.validTo || row.validTo >= day);
}
