// Which RESTRICTED and PERSONAL coordinates of a subgraph a caller may read, decided by the policy (owner,
// agreements) and sent in the subgraph's context token, so the subgraph can show or mask such values where the
// gateway cannot prune them: in change history, values of many fields travel in one `FieldChange` type. Cached
// per principal and facts revision, so a request pays for it only when the caller or the facts are new.
import type { Policy, PolicyFacts, Principal } from '@hub/schema';

/** Facts that say when they changed (FactsSnapshot does). */
export type RevisedFacts = PolicyFacts & { readonly revision?: number };

const MAX_ENTRIES = 10_000;

export class ReadableCoordinates {
  /** Subgraph → its RESTRICTED and PERSONAL coordinates (fields of object types; root fields are pruned instead). */
  private readonly sensitive = new Map<string, string[]>();
  private readonly cache = new Map<string, Promise<string[]>>();
  private revision?: number;

  constructor(
    private readonly policy: Policy,
    private readonly facts: RevisedFacts,
  ) {
    for (const [coordinate, level] of policy.levels) {
      if (level !== 'RESTRICTED' && level !== 'PERSONAL') continue;
      if (/^(Query|Mutation)\./.test(coordinate)) continue;
      const subgraph = policy.subgraphOf.get(coordinate);
      if (subgraph) this.sensitive.set(subgraph, [...(this.sensitive.get(subgraph) ?? []), coordinate]);
    }
  }

  /** The coordinates of `subgraph` this principal may read now. */
  of(principal: Principal, subgraph: string): Promise<string[]> {
    const all = this.sensitive.get(subgraph);
    if (principal.kind !== 'ACCOUNT' || !all) return Promise.resolve([]);
    if (this.facts.revision !== this.revision || this.cache.size > MAX_ENTRIES) {
      this.cache.clear();
      this.revision = this.facts.revision;
    }
    const key = `${subgraph}|${principal.accountId}|${principal.agency}|${[...principal.roles].sort().join(',')}|${[...principal.editorOf].sort().join(',')}`;
    let found = this.cache.get(key);
    if (!found) {
      const ctx = { principal, facts: this.facts };
      found = Promise.all(all.map(async (c) => ((await this.policy.decide(c, ctx)) === true ? c : null))).then((r) =>
        r.filter((c): c is string => c !== null),
      );
      found.catch(() => this.cache.delete(key));
      this.cache.set(key, found);
    }
    return found;
  }
}
