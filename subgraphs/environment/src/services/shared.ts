// Rules the services share: codes of the directory's units and agencies, dates around the 2025 reform.
import { field } from '@hub/kit';

/** The first day of the two-level local government (Resolution 202/2025/QH15): communes under the province. */
export const REFORM_DAY = '2025-07-01';

export const communeCodeRule = () => field.code(/^\d{5}$/, '01435');
export const agencyCodeRule = () => field.code(/^[A-Z][A-Z0-9]*(-[0-9]{2,5})?$/, 'SNNMT');

/** Today, as `YYYY-MM-DD` in Vietnam's time zone (UTC+7). */
export function today(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}
