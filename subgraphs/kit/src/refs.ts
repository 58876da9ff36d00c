// References to the directory's entities, as a department's subgraph returns them: the directory resolves them.
// A unit is referred to by code and day (its `code validOn` key): `unitRef` names today's unit, `unitAsOf` the
// version valid on a record's date (before 1 July 2025, a commune of a district that no longer exists).
import { formatDate } from '@hub/schema';

/**
 * The directory's AdministrativeUnit as a department holds it: its code, the day it is named as of (none: today),
 * and, where `@requires` asks, its communes.
 */
export interface UnitRef {
  __typename?: 'AdministrativeUnit';
  code: string;
  validOn?: string | null;
  currentCommuneCodes?: string[];
}

/** Today's unit of that code (for a unit that ended, its last version). */
export const unitRef = (code: string): UnitRef => ({ __typename: 'AdministrativeUnit', code });

/**
 * The unit of that code as it was on `day` (a licence's date, a measurement's day): the directory resolves the
 * version valid that day, or null if the code named no unit then. Null when the record has no code or no date.
 */
export function unitAsOf(code: string | null | undefined, day: string | Date | null | undefined): UnitRef | null {
  if (!code || !day) return null;
  return { __typename: 'AdministrativeUnit', code, validOn: typeof day === 'string' ? day : formatDate(day) };
}

/** The directory's Agency by its code. */
export const agencyRef = (code: string) => ({ __typename: 'Agency' as const, code });

/** The directory's Account by its id; null for ids that are no hub account (`PUBLIC`, an external `oidc:` subject). */
export const accountRef = (id: string | null | undefined) =>
  id && /^[0-9a-f-]{36}$/i.test(id) ? { __typename: 'Account' as const, id } : null;
