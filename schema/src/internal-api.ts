// The directory's internal endpoints as the gateway sees them (sealed by the context token): one definition of
// what crosses that wire, for both sides.

/** An account as the gateway needs it on every signed-in request. */
export interface AccountView {
  id: string;
  username: string;
  agency: string;
  roles: string[];
  status: string;
}
