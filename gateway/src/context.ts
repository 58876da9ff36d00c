/** What the gateway keeps per request. */
export interface HubGatewayContext {
  requestId: string;
}
