// Every field coordinate the operation selects is decided by the policy (graphql-shield rules of schema/src/policy,
// facts from the directory); denied fields are removed from what the subgraphs are asked (prune.ts) and come back
// null, with one FORBIDDEN error each. When nothing the caller may read is left, nothing runs: 403.
import { createHash } from 'node:crypto';
import { forbiddenErrors, prune } from '../prune';
import { refuse } from '../pipeline/refusal';
import { stage, type FetchPlan, type Operation } from '../pipeline/stage';

/** The operation as it came: nothing removed. */
const whole = (operation: Operation): FetchPlan => ({
  document: operation.document,
  definition: operation.definition,
  queryHash: operation.hash,
  nulls: [],
  forbidden: [],
});

export const policyPrune = stage({
  name: 'policy-prune',
  phase: 'execution',
  needs: ['principal', 'operation'],
  provides: ['denied', 'plan'],
  create: ({ policy, facts }) => ({
    async run({ principal, operation }) {
      if (!policy) return { denied: [], plan: whole(operation) };
      const context = { principal, facts };
      const pruned = await prune(operation.schema, operation.document, operation.definition, operation.shape.coordinates, (c) =>
        policy.decide(c, context),
      );
      if (pruned.removals.length === 0) return { denied: [], plan: whole(operation) };
      if (pruned.empty) return refuse(forbiddenErrors(pruned.removals, true), { provided: { denied: pruned.removals } });
      // The plan cache is keyed by queryHash: the pruned operation must not share the unpruned one's plan.
      const removed = [...new Set(pruned.removals.map((r) => r.coordinate))].sort().join(',');
      const queryHash = createHash('sha256').update(`${operation.hash}|pruned:${removed}`).digest('hex');
      return {
        denied: pruned.removals,
        plan: {
          document: pruned.document,
          definition: pruned.operation,
          queryHash,
          nulls: pruned.nulls,
          forbidden: forbiddenErrors(pruned.removals),
        },
      };
    },
  }),
});
