import type { HubContext } from '@hub/kit';
import type { CultureTourismLoaders } from '../loaders';

export type Ctx = HubContext<CultureTourismLoaders>;

/** A reference to the directory's AdministrativeUnit entity, resolved there. */
export const unitRef = (code: string) => ({ __typename: 'AdministrativeUnit', code });
