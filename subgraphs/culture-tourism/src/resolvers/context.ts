import type { HubContext } from '@hub/kit';
import type { CultureTourismLoaders } from '../loaders';

export type Ctx = HubContext<CultureTourismLoaders>;

/** The directory's AdministrativeUnit as this subgraph holds it (the codegen mapper names it here). */
export type { UnitRef } from '@hub/kit';
