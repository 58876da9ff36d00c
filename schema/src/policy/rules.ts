// One small check per rule (graphql-shield). The map in index.ts combines them per classification level.
import { rule } from 'graphql-shield';
import type { GraphQLResolveInfo } from 'graphql';
import type { PolicyContext } from './principal';

/** Where a coordinate is served: the policy map knows it from the supergraph's join directives. */
export type OwnerLookup = (coordinate: string) => string | undefined;

/** A single graphql-shield rule. */
export type HubRule = ReturnType<ReturnType<typeof rule>>;

const coordinateOf = (info: Pick<GraphQLResolveInfo, 'parentType' | 'fieldName'>) => `${info.parentType.name}.${info.fieldName}`;

export const isSignedIn: HubRule = rule({ cache: 'contextual' })((_p, _a, ctx: PolicyContext) => ctx.principal.kind === 'ACCOUNT');

/** The caller holds at least one of these roles (`@classified(roles: …)`). */
export function hasAnyRole(roles: string[]): HubRule {
  return rule(`hasAnyRole:${roles.join(',')}`, { cache: 'contextual' })(
    (_p, _a, ctx: PolicyContext) => ctx.principal.kind === 'ACCOUNT' && ctx.principal.roles.some((r) => roles.includes(r)),
  );
}

export function rulesFor(
  subgraphOf: OwnerLookup,
): Record<'isOwnerAgency' | 'isOwnerEditor' | 'hasGrant' | 'hasPersonalDataGrant', HubRule> {
  const ownerAgency = (ctx: PolicyContext, info: GraphQLResolveInfo) => {
    const subgraph = subgraphOf(coordinateOf(info));
    return subgraph ? ctx.facts.ownerOf(subgraph) : undefined;
  };
  const grantCovers = (ctx: PolicyContext, info: GraphQLResolveInfo, personal: boolean) => {
    if (ctx.principal.kind !== 'ACCOUNT') return false;
    const coordinate = coordinateOf(info);
    const owner = ownerAgency(ctx, info);
    return ctx.facts
      .grantsFor(ctx.principal.agency)
      .some(
        (g) =>
          g.provider === owner &&
          (!personal || g.includesPersonalData) &&
          (g.coordinates.includes(coordinate) || g.coordinates.includes(info.parentType.name)),
      );
  };
  return {
    /** The caller works for the agency that owns the data. */
    isOwnerAgency: rule({ cache: 'no_cache' })((_p, _a, ctx: PolicyContext, info) => {
      const owner = ownerAgency(ctx, info);
      return ctx.principal.kind === 'ACCOUNT' && owner !== undefined && ctx.principal.agency === owner;
    }),
    /** The caller is a data editor of this database, in the agency that owns it today. */
    isOwnerEditor: rule({ cache: 'no_cache' })((_p, _a, ctx: PolicyContext, info) => {
      const subgraph = subgraphOf(coordinateOf(info));
      const owner = subgraph ? ctx.facts.ownerOf(subgraph) : undefined;
      const dataset = subgraph ? ctx.facts.datasetOf(subgraph) : undefined;
      return (
        ctx.principal.kind === 'ACCOUNT' &&
        owner !== undefined &&
        dataset !== undefined &&
        ctx.principal.agency === owner &&
        ctx.principal.roles.includes('DATA_EDITOR') &&
        ctx.principal.editorOf.includes(dataset)
      );
    }),
    /** An agreement in force lets the caller's agency read this coordinate. */
    hasGrant: rule({ cache: 'no_cache' })((_p, _a, ctx: PolicyContext, info) => grantCovers(ctx, info, false)),
    /** An agreement in force that includes personal data covers this coordinate. */
    hasPersonalDataGrant: rule({ cache: 'no_cache' })((_p, _a, ctx: PolicyContext, info) => grantCovers(ctx, info, true)),
  };
}
