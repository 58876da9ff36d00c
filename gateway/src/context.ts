// The caller, as the gateway's context tokens name it to the subgraphs (and the CSV export to the audit subgraph).
import type { Principal } from '@hub/schema';
import type { CallerClaims } from '@hub/runtime/context-token';

/** What the gateway's context token says of a caller. */
export function claimsOf(principal: Principal): CallerClaims {
  return principal.kind === 'ACCOUNT'
    ? { sub: principal.accountId, agency: principal.agency, roles: principal.roles, editorOf: principal.editorOf }
    : { sub: 'PUBLIC', roles: [] };
}
