import type { HubContext } from '@hub/kit';
import type { CultureTourismLoaders } from '../loaders';

export type Ctx = HubContext<CultureTourismLoaders>;

/**
 * The directory's AdministrativeUnit as this subgraph holds it: a reference by code, which the directory resolves;
 * for the fields that `@requires` them, the directory sends the unit's `currentCommuneCodes` with it.
 */
export interface UnitRef {
  __typename?: 'AdministrativeUnit';
  code: string;
  currentCommuneCodes?: string[];
}

/** A reference to the directory's AdministrativeUnit entity, resolved there. */
export const unitRef = (code: string): UnitRef => ({ __typename: 'AdministrativeUnit', code });
