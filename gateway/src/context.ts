import type { Principal } from '@hub/schema';
import type { Removal } from './prune';

export type { Principal };

/** What the gateway keeps per request. */
export interface HubGatewayContext {
  requestId: string;
  /** Until sign-in lands every caller is the anonymous PUBLIC principal. */
  principal: Principal;
  /** The context token for this request's subgraph calls, signed once on first use. */
  contextToken(): Promise<string>;
  /** Fields the policy removed from this request's operation. */
  denied?: Removal[];
  /** IP, user agent and Apollo client name/version, for the audit record. */
  client?: Record<string, unknown>;
  /** Subgraphs this request called. */
  subgraphs?: Set<string>;
}
