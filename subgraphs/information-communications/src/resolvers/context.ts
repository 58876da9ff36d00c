import type { HubContext } from '@hub/kit';
import type { Loaders } from '../loaders';

export type Ctx = HubContext<Loaders>;
/** The directory's AdministrativeUnit as this subgraph holds it: a reference by code. */
export type { UnitRef } from '@hub/kit';

/** The directory's Agency as this subgraph returns it: a reference by code (the kit's `agencyRef`). */
export interface AgencyRef {
  __typename: 'Agency';
  code: string;
}
