// The hub's field policy, written once: every coordinate's graphql-shield rule, derived from its
// @classified level, with explicit overrides where a department needs one, and deny for anything unlisted.
// The gateway evaluates these rule objects against the operation before planning; subgraphs can mount the
// same map with shield() for rules that need the data itself.
import { joinFlag, joinGraphNames, joinGraphs } from '../join';
import { Kind, parse, type DocumentNode, type GraphQLResolveInfo, type ObjectTypeDefinitionNode } from 'graphql';
import { allow, and, deny, or, shield } from 'graphql-shield';

/** A graphql-shield rule or combination of rules. */
type ShieldRule = typeof allow | ReturnType<typeof or> | ReturnType<typeof and> | HubRule;
import { classificationMap, decidedByService, roleRequirements, type ClassificationLevel } from '../classification';
import { hasAnyRole, isSignedIn, rulesFor, type HubRule } from './rules';
import type { PolicyContext } from './principal';

export * from './principal';
export { hasAnyRole, isSignedIn } from './rules';

/** Why a level denies, in words a caller can act on. */
export const DENIAL_REASONS: Record<Exclude<ClassificationLevel, 'PUBLIC'>, string> = {
  INTERNAL: 'INTERNAL data: sign in as an official of a state agency',
  RESTRICTED: 'RESTRICTED data: only the owning agency and agencies with a sharing agreement covering it',
  PERSONAL: 'PERSONAL data: only the data editors of this database in the agency that owns it, and agreements that include personal data',
};

const NOT_CLASSIFIED = 'not classified: denied by default';
const OWNER_WRITES = 'writes belong to the data editors of this database (DATA_EDITOR granted for it) in the agency that owns it';

const DENIAL_REASONS_VI: Record<Exclude<ClassificationLevel, 'PUBLIC'>, string> = {
  INTERNAL: 'dữ liệu INTERNAL (nội bộ): hãy đăng nhập bằng tài khoản cán bộ của một cơ quan nhà nước',
  RESTRICTED: 'dữ liệu RESTRICTED (hạn chế): chỉ cơ quan sở hữu và các cơ quan có thỏa thuận chia sẻ dữ liệu bao gồm nó',
  PERSONAL:
    'dữ liệu PERSONAL (cá nhân): chỉ biên tập viên dữ liệu của cơ sở dữ liệu này thuộc cơ quan sở hữu nó, và các thỏa thuận có bao gồm dữ liệu cá nhân',
};

/** A reason `decide()` gives, in Vietnamese (the reasons are the few written here; anything else stays as it is). */
export function reasonInVietnamese(reason: string): string {
  const level = (Object.keys(DENIAL_REASONS) as (keyof typeof DENIAL_REASONS)[]).find((l) => DENIAL_REASONS[l] === reason);
  if (level) return DENIAL_REASONS_VI[level];
  if (reason === NOT_CLASSIFIED) return 'chưa được phân loại: mặc định bị từ chối';
  if (reason === OWNER_WRITES)
    return 'chỉ biên tập viên của cơ sở dữ liệu này (được cấp DATA_EDITOR cho nó) thuộc cơ quan sở hữu mới được ghi';
  if (reason === 'denied') return 'bị từ chối';
  const role = /^only accounts with the role (.+) may read (\S+)$/.exec(reason);
  if (role) return `chỉ tài khoản có vai trò ${role[1].split(' or ').join(' hoặc ')} mới được đọc ${role[2]}`;
  return reason;
}

/** For each coordinate, the subgraph that resolves it, from the supergraph's @join__type / @join__field. */
export function subgraphOfCoordinates(supergraph: DocumentNode): Map<string, string> {
  const names = joinGraphNames(supergraph);
  const out = new Map<string, string>();
  for (const d of supergraph.definitions) {
    if (d.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const t = d as ObjectTypeDefinitionNode;
    // A subgraph that only references an entity (`@key(…, resolvable: false)`) does not serve its fields.
    const typeGraphs = joinGraphs(names, t.directives, 'join__type', (x) => joinFlag(x, 'resolvable', false));
    for (const f of t.fields ?? []) {
      const fieldGraphs = joinGraphs(names, f.directives, 'join__field', (x) => joinFlag(x, 'external', true));
      const owner = fieldGraphs[0] ?? (typeGraphs.length === 1 ? typeGraphs[0] : undefined);
      if (owner) out.set(`${t.name.value}.${f.name.value}`, owner);
    }
  }
  return out;
}

export interface Policy {
  /** The graphql-shield rule map: `{ Type: { field: rule } }`. */
  rules: Record<string, Record<string, ShieldRule>>;
  levels: Map<string, ClassificationLevel>;
  /** Coordinates that also demand one of a set of roles. */
  roles: Map<string, string[]>;
  subgraphOf: Map<string, string>;
  /** Allow, or the reason for denying, one coordinate to the context's principal. */
  decide(coordinate: string, ctx: PolicyContext, args?: Record<string, unknown>): Promise<true | string>;
  /** The same map as graphql-shield middleware, for a subgraph schema. */
  middleware(): ReturnType<typeof shield>;
}

export function buildPolicy(supergraphSdl: string): Policy {
  const doc = parse(supergraphSdl);
  const levels = classificationMap(doc);
  const roles = roleRequirements(doc);
  const subgraphOf = subgraphOfCoordinates(doc);
  // Mutations whose SDL says the owning service decides who may call them (`@decidedByService`).
  const byService = decidedByService(doc);
  const r = rulesFor((c) => subgraphOf.get(c));
  const byLevel: Record<ClassificationLevel, ShieldRule> = {
    PUBLIC: allow,
    INTERNAL: isSignedIn,
    RESTRICTED: or(r.isOwnerAgency, r.hasGrant),
    PERSONAL: or(r.isOwnerEditor, r.hasPersonalDataGrant),
  };
  const rules: Record<string, Record<string, ShieldRule>> = {};
  for (const [coordinate, level] of levels) {
    const [type, field] = coordinate.split('.');
    // Writes belong to the data editors of the agency that owns the subgraph's database today.
    const needed = roles.get(coordinate);
    // Roles narrow the level: the audit log is INTERNAL data that only AUDITORs read.
    const levelRule = needed ? and(byLevel[level], hasAnyRole(needed)) : byLevel[level];
    const rule = type === 'Mutation' && !byService.has(coordinate) ? and(levelRule, r.isOwnerEditor) : levelRule;
    (rules[type] ??= {})[field] = rule;
  }
  const options = {
    debug: false,
    allowExternalErrors: false,
    fallbackRule: deny,
    fallbackError: new Error('Not authorised'),
    hashFunction: () => '',
  };
  return {
    rules,
    levels,
    roles,
    subgraphOf,
    async decide(coordinate, ctx, args = {}) {
      const [type, field] = coordinate.split('.');
      const level = levels.get(coordinate);
      const ruleFor = rules[type]?.[field];
      if (!ruleFor || !level) return NOT_CLASSIFIED;
      ctx._shield ??= { cache: {} };
      const info = { parentType: { name: type }, fieldName: field } as unknown as GraphQLResolveInfo;
      const result = await ruleFor.resolve({}, args, ctx as never, info, options as never);
      if (result === true) return true;
      const needed = roles.get(coordinate);
      if (needed && !(ctx.principal.kind === 'ACCOUNT' && ctx.principal.roles.some((x) => needed.includes(x)))) {
        return `only accounts with the role ${needed.join(' or ')} may read ${coordinate}`;
      }
      if (type === 'Mutation' && !byService.has(coordinate)) return OWNER_WRITES;
      return level === 'PUBLIC' ? 'denied' : DENIAL_REASONS[level];
    },
    middleware: () => shield(rules, { fallbackRule: deny, allowExternalErrors: false }),
  };
}
