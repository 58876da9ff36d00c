// The subgraph's second line behind the gateway: every field above PUBLIC answers only a signed-in caller (as the
// gateway's context token names it), whatever the gateway decided; every mutation the service does not decide itself
// (`@decidedByService`) runs only for a DATA_EDITOR whose token names this subgraph's database among those it edits
// (the gateway's policy has checked that the caller's agency owns the database today). It uses the policy's graphql-shield rule
// object, wrapped around just those fields: graphql-middleware would wrap every field, default resolvers
// included, at a measured cost of several times the plain execution for large lists.
import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import {
  classificationMap,
  decidedByService,
  forbidden,
  hasAnyRole,
  isSignedIn,
  msg,
  NO_FACTS,
  PUBLIC,
  roleRequirements,
  type PolicyContext,
} from '@hub/schema';
import { parse } from 'graphql';
import type { HubContext } from './context';

const OPTIONS = { debug: false, allowExternalErrors: false, hashFunction: () => '' };

export function policyContextOf(ctx: HubContext): PolicyContext {
  const c = ctx.caller;
  const principal =
    c.sub === 'PUBLIC'
      ? PUBLIC
      : { kind: 'ACCOUNT' as const, accountId: c.sub, agency: c.agency ?? '', roles: c.roles as never, editorOf: c.editorOf ?? [] };
  return { principal, facts: NO_FACTS, _shield: { cache: {} } };
}

/** Whether the caller may write to `dataset`: a DATA_EDITOR granted that database. */
export function editsDataset(caller: HubContext['caller'], dataset: string): boolean {
  return caller.roles.includes('DATA_EDITOR') && (caller.editorOf ?? []).includes(dataset);
}

/**
 * Wraps, in place, the resolvers of every non-PUBLIC field of the subgraph's own SDL, and of every mutation that is
 * not `@decidedByService` (writes to `dataset`, the subgraph's database).
 */
export function applySecondLine(schema: GraphQLSchema, sdl: string, dataset: string): GraphQLSchema {
  const doc = parse(sdl);
  const levels = classificationMap(doc);
  const roles = roleRequirements(doc);
  const byService = decidedByService(doc);
  for (const [name, field] of Object.entries(schema.getMutationType()?.getFields() ?? {})) {
    const coordinate = `Mutation.${name}`;
    if (byService.has(coordinate)) continue;
    const inner: GraphQLFieldResolver<unknown, HubContext> = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, ctx, info) => {
      if (!editsDataset(ctx.caller, dataset))
        throw forbidden(
          coordinate,
          msg(
            `only data editors of ${dataset} (DATA_EDITOR granted for it) write here`,
            `chỉ biên tập viên dữ liệu của ${dataset} (được cấp DATA_EDITOR cho nó) mới được ghi ở đây`,
          ),
        );
      return inner(source, args, ctx, info);
    };
  }
  for (const [coordinate, level] of levels) {
    if (level === 'PUBLIC') continue;
    const [typeName, fieldName] = coordinate.split('.');
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    const field = type.getFields()[fieldName];
    if (!field) continue;
    const inner: GraphQLFieldResolver<unknown, HubContext> = field.resolve ?? defaultFieldResolver;
    const needed = roles.get(coordinate);
    const roleRule = needed ? hasAnyRole(needed) : undefined;
    field.resolve = async (source, args, ctx, info) => {
      const pctx = ((ctx as HubContext & { _policy?: PolicyContext })._policy ??= policyContextOf(ctx));
      const allowed = await isSignedIn.resolve({}, args, pctx as never, info, OPTIONS as never);
      if (allowed !== true) {
        throw forbidden(coordinate, msg(`${level} data needs a signed-in official`, `dữ liệu ${level} cần một cán bộ đã đăng nhập`));
      }
      if (roleRule && (await roleRule.resolve({}, args, pctx as never, info, OPTIONS as never)) !== true) {
        const roles = needed!.join(' or ');
        throw forbidden(
          coordinate,
          msg(`only accounts with the role ${roles} may read this`, `chỉ tài khoản có vai trò ${needed!.join(' hoặc ')} mới được đọc`),
        );
      }
      return inner(source, args, ctx, info);
    };
  }
  return schema;
}
