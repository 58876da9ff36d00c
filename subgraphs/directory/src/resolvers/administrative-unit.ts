import type { AdministrativeUnitResolvers } from '../__generated__/resolvers-types';
import { today } from '../services';
import type { Ctx } from './context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const AdministrativeUnit: AdministrativeUnitResolvers<Ctx> = {
  __resolveReference(ref, ctx) {
    if ('id' in ref) return UUID.test(ref.id) ? ctx.loaders.unitById.load(ref.id) : null;
    return ctx.loaders.unitByCode.load(ref.code);
  },
  parent: (u, _, ctx) => (u.parent ? ctx.loaders.unitById.load(u.parent.id) : null),
  children(u, { asOf }, ctx) {
    const now = today();
    const day = asOf ?? (u.validTo && u.validTo < now ? u.validTo : now);
    return ctx.loaders.unitChildren.load(`${u.id}|${day}`);
  },
  ancestors: (u, _, ctx) => ctx.loaders.unitAncestors.load(u.id),
  successors: (u, _, ctx) => ctx.loaders.unitSuccessors.load(u.id),
  predecessors: (u, _, ctx) => ctx.loaders.unitPredecessors.load(u.id),
  currentCommuneCodes: (u, _, ctx) => ctx.loaders.unitCurrentCommuneCodes.load(u.id),
};
