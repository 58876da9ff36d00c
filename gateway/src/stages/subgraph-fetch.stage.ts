// The query planner (@apollo/gateway) splits the plan's operation by subgraph and fetches each part (data-source.ts):
// every call carries the request id and a context token, signed once per subgraph, naming the caller and the
// RESTRICTED/PERSONAL coordinates of that subgraph the caller may read. The answer is completed where the policy
// removed fields, and a mutation's effect on the policy's facts is read before the answer leaves.
import { applyNulls } from '../prune';
import { claimsOf } from '../context';
import type { SubgraphCalls } from '../data-source';
import { stage } from '../pipeline/stage';

export const subgraphFetch = stage({
  name: 'subgraph-fetch',
  phase: 'execution',
  needs: ['requestId', 'principal', 'operation', 'plan', 'execution'],
  provides: ['result', 'subgraphs'],
  create: ({ policy, readable, signContext, facts }) => ({
    async run({ requestId, principal, operation, plan, execution }) {
      const claims = claimsOf(principal);
      const tokens = new Map<string, Promise<string>>();
      const called = new Set<string>();
      const calls: SubgraphCalls = {
        requestId,
        contextToken(subgraph) {
          let token = tokens.get(subgraph);
          if (!token) {
            token = (readable?.of(principal, subgraph) ?? Promise.resolve([])).then((read) => signContext({ ...claims, read }));
            tokens.set(subgraph, token);
          }
          return token;
        },
        called: (subgraph) => void called.add(subgraph),
      };
      const fetched = await execution.execute({
        ...execution.request,
        document: plan.document,
        operation: plan.definition,
        queryHash: plan.queryHash,
        context: calls,
      });
      // A mutation may change the facts (an agreement approved or suspended): it takes effect before the answer.
      if (policy && operation.type === 'mutation') await facts.refresh();
      const result = plan.forbidden.length
        ? { ...fetched, data: applyNulls(fetched.data, plan.nulls), errors: [...(fetched.errors ?? []), ...plan.forbidden] }
        : fetched;
      return { result, subgraphs: [...called].sort() };
    },
  }),
});
