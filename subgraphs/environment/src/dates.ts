// Days as the province counts them.

/** The first day of the two-level local government (Resolution 202/2025/QH15): communes under the province. */
export const REFORM_DAY = '2025-07-01';

/** Today, as `YYYY-MM-DD` in Vietnam's time zone (UTC+7). */
export function today(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}
