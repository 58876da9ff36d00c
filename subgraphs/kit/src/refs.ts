// References to the directory's entities, as a department's subgraph returns them: the directory resolves them.
// A reference by code is today's unit or agency; the directory answers a unit reference with the unit as it is today.

/** The directory's AdministrativeUnit as a department holds it: its code (and, where `@requires` asks, its communes). */
export interface UnitRef {
  __typename?: 'AdministrativeUnit';
  code: string;
  currentCommuneCodes?: string[];
}

export const unitRef = (code: string): UnitRef => ({ __typename: 'AdministrativeUnit', code });

/** The directory's Agency by its code. */
export const agencyRef = (code: string) => ({ __typename: 'Agency' as const, code });

/** The directory's Account by its id; null for ids that are no hub account (`PUBLIC`, an external `oidc:` subject). */
export const accountRef = (id: string | null | undefined) =>
  id && /^[0-9a-f-]{36}$/i.test(id) ? { __typename: 'Account' as const, id } : null;
