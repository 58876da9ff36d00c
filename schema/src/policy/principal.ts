// Who is asking, and the facts about them the policy needs. Built by the gateway for every request.

export const ROLES = ['SYSTEM_ADMIN', 'AGENCY_ADMIN', 'DATA_EDITOR', 'OFFICIAL', 'APPROVER', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

export type Principal =
  | { kind: 'PUBLIC' }
  | {
      kind: 'ACCOUNT';
      accountId: string;
      agency: string;
      roles: Role[];
      /**
       * The sector databases (catalogue codes) this account edits as DATA_EDITOR: the role is granted per database
       * (Cao Bằng Art. 6.3), and counts only while the account's agency owns the database.
       */
      editorOf: string[];
    };

export const PUBLIC: Principal = { kind: 'PUBLIC' };

/** An approved sharing agreement in force, as the policy sees it. */
export interface Grant {
  provider: string;
  consumer: string;
  /** Coordinates (`Type.field`) or whole types (`Type`) covered. */
  coordinates: string[];
  includesPersonalData: boolean;
}

/** What the rules may consult besides the principal: data, never code constants, because agencies merge. */
export interface PolicyFacts {
  /** The agency that owns the subgraph (sector database) today. */
  ownerOf(subgraph: string): string | undefined;
  /** The catalogue code of the sector database the subgraph serves. */
  datasetOf(subgraph: string): string | undefined;
  /** Agreements in force whose consumer is this agency. */
  grantsFor(agency: string): Grant[];
}

export const NO_FACTS: PolicyFacts = { ownerOf: () => undefined, datasetOf: () => undefined, grantsFor: () => [] };

/** The context graphql-shield rules receive, at the gateway and in subgraphs alike. */
export interface PolicyContext {
  principal: Principal;
  facts: PolicyFacts;
  /** graphql-shield keeps its per-request rule cache here. */
  _shield?: { cache: Record<string, unknown> };
}
