import { today, type AdministrativeUnitView } from '../services';
import type { Ctx } from './context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const AdministrativeUnitResolvers = {
  __resolveReference(ref: { id?: string; code?: string }, ctx: Ctx) {
    if (ref.id !== undefined) return UUID.test(ref.id) ? ctx.loaders.unitById.load(ref.id) : null;
    return ctx.loaders.unitByCode.load(ref.code!);
  },
  parent: (u: AdministrativeUnitView, _: unknown, ctx: Ctx) => (u.parent ? ctx.loaders.unitById.load(u.parent.id) : null),
  children(u: AdministrativeUnitView, { asOf }: { asOf?: string }, ctx: Ctx) {
    const now = today();
    const day = asOf ?? (u.validTo && u.validTo < now ? u.validTo : now);
    return ctx.loaders.unitChildren.load(`${u.id}|${day}`);
  },
  ancestors: (u: AdministrativeUnitView, _: unknown, ctx: Ctx) => ctx.loaders.unitAncestors.load(u.id),
  successors: (u: AdministrativeUnitView, _: unknown, ctx: Ctx) => ctx.loaders.unitSuccessors.load(u.id),
  predecessors: (u: AdministrativeUnitView, _: unknown, ctx: Ctx) => ctx.loaders.unitPredecessors.load(u.id),
  currentCommuneCodes: (u: AdministrativeUnitView, _: unknown, ctx: Ctx) => ctx.loaders.unitCurrentCommuneCodes.load(u.id),
};
