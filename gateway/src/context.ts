/** Who is asking. Until sign-in lands every caller is the anonymous PUBLIC principal. */
export type Principal = { kind: 'PUBLIC' };

/** What the gateway keeps per request. */
export interface HubGatewayContext {
  requestId: string;
  principal: Principal;
  /** The context token for this request's subgraph calls, signed once on first use. */
  contextToken(): Promise<string>;
}
