// What the audit subgraph adds to the kit's service: its settings (the chain is verified with the gateway's public
// key: without it the subgraph does not start) and the CSV export route.
import type { SubgraphDefinition } from '@hub/kit';
import { csvRoute } from './csv';

export { auditSettings as settings } from './config';

export const internalRoutes: SubgraphDefinition<any, any>['internalRoutes'] = (router, deps) => csvRoute(router, deps);
