// What the directory adds to the kit's service: its settings, its internal routes (the gateway's sign-in and facts),
// and, at every start, the catalogue linked to the subgraphs the registry declares.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@hub/runtime';
import { SUBGRAPHS } from '@hub/schema';
import { linkDeclaredDatasets } from './services';

export { directorySettings as settings } from './config';
export { internalRoutes } from './internal';

export async function onStart(em: EntityManager, log: Logger): Promise<void> {
  await linkDeclaredDatasets(em, SUBGRAPHS, log);
}
