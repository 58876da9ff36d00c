import type { HubContext } from '@hub/kit';
import type { Loaders } from '../loaders';

export type Ctx = HubContext<Loaders>;
/** The directory's AdministrativeUnit as this subgraph holds it: a reference by code. */
export type { UnitRef } from '@hub/kit';
/** industry-trade's EnergyProject as this subgraph holds it: its code. */
export interface EnergyProjectRef {
  __typename?: 'EnergyProject';
  code: string;
}
