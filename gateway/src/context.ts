import type { Principal } from '@hub/schema';
import type { CallerClaims } from '@hub/runtime/context-token';
import type { Removal } from './prune';

export type { Principal };

/** What the gateway keeps per request. */
export interface HubGatewayContext {
  requestId: string;
  /** Until sign-in lands every caller is the anonymous PUBLIC principal. */
  principal: Principal;
  /**
   * The context token for this request's calls to `subgraph`, signed once per subgraph on first use: it names the
   * caller and the RESTRICTED/PERSONAL coordinates of that subgraph the caller may read.
   */
  contextToken(subgraph: string): Promise<string>;
  /** Fields the policy removed from this request's operation. */
  denied?: Removal[];
  /** IP, user agent and Apollo client name/version, for the audit record. */
  client?: Record<string, unknown>;
  /** Tells the HTTP layer that the pipeline has taken this request on (see record-every-answer.ts). */
  markStarted?: () => void;
  /** Tells the HTTP layer that the pipeline records this request's answer itself. */
  markRecorded?: () => void;
  /** Subgraphs this request called. */
  subgraphs?: Set<string>;
}

/** What the gateway's context token says of a caller. */
export function claimsOf(principal: Principal): CallerClaims {
  return principal.kind === 'ACCOUNT'
    ? { sub: principal.accountId, agency: principal.agency, roles: principal.roles }
    : { sub: 'PUBLIC', roles: [] };
}
