// "What may I read?": the gateway's own decision (the policy of @hub/schema over the checked-in supergraph, with
// the directory's facts: today's dataset owners and the agreements in force) for the caller of the request, per
// coordinate, so an app can hide what its user may not see. The directory holds the facts; the policy is the same
// code the gateway runs, so both always agree.
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, buildPolicy, msg, readSupergraph, type Policy } from '@hub/schema';
import { policyContextOf, type HubContext } from '@hub/kit';
import { asPolicyFacts, policyFactsOf } from './policy-facts';

let policy: Policy | undefined;
const MAX = 200;

export async function mayRead(em: EntityManager, ctx: HubContext, coordinates: readonly string[]) {
  if (coordinates.length > MAX)
    throw badUserInput(
      'coordinates',
      msg(`at most ${MAX} coordinates, got ${coordinates.length}`, `tối đa ${MAX} tọa độ, nhận được ${coordinates.length}`),
    );
  policy ??= buildPolicy(readSupergraph());
  const p = policy;
  coordinates.forEach((c, i) => {
    if (!p.levels.has(c))
      throw badUserInput(
        `coordinates[${i}]`,
        msg(
          `${JSON.stringify(c.slice(0, 200))} is not a field of the graph (Type.field)`,
          `${JSON.stringify(c.slice(0, 200))} không phải một trường của đồ thị (Type.field)`,
        ),
      );
  });
  const view = await policyFactsOf(em);
  const owners = view.owners;
  const context = { ...policyContextOf(ctx), facts: asPolicyFacts(view) };
  return Promise.all(
    coordinates.map(async (coordinate) => {
      const decision = await p.decide(coordinate, context);
      const subgraph = p.subgraphOf.get(coordinate) ?? null;
      return {
        coordinate,
        allowed: decision === true,
        level: p.levels.get(coordinate)!,
        subgraph,
        owner: subgraph ? (owners[subgraph] ?? null) : null,
        reason: decision === true ? null : decision,
      };
    }),
  );
}
