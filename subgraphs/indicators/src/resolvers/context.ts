import type { HubContext } from '@hub/kit';
import type { IndicatorsLoaders } from '../loaders';

export type Ctx = HubContext<IndicatorsLoaders>;
