// The directory's internal endpoints as the gateway sees them (sealed by the context token): one definition of
// what crosses that wire, for both sides.
import type { Grant } from './policy/principal';

/** An account as the gateway needs it on every signed-in request. */
export interface AccountView {
  id: string;
  username: string;
  agency: string;
  roles: string[];
  /** The databases it edits as DATA_EDITOR (catalogue codes). */
  editorOf: string[];
  status: string;
}

/** What the policy consults, as the directory serves it at /internal/policy-facts. */
export interface PolicyFactsView {
  /** Subgraph → the code of the agency that owns its database today. */
  owners: Record<string, string>;
  /** Subgraph → the catalogue code of the database it serves. */
  datasets: Record<string, string>;
  grants: Grant[];
}
