import type { HubContext } from '@hub/kit';
import type { DirectoryLoaders } from '../loaders';

export type Ctx = HubContext<DirectoryLoaders>;
