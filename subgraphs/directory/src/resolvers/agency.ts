import type { AgencyResolvers } from '../__generated__/resolvers-types';
import { today, validOn } from '../services';
import type { Ctx } from './context';

export const Agency: AgencyResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.agencyByCode.load(ref.code),
  administrativeUnit: (a, _, ctx) => (a.unitCode ? ctx.loaders.unitByCode.load(a.unitCode) : null),
  parent: (a, _, ctx) => (a.parent ? ctx.loaders.agencyById.load(a.parent.id) : null),
  successor: (a, _, ctx) => (a.successor ? ctx.loaders.agencyById.load(a.successor.id) : null),
  predecessors: (a, _, ctx) => ctx.loaders.agencyPredecessors.load(a.id),
  contact(a) {
    const c = { address: a.contactAddress, phone: a.contactPhone, email: a.contactEmail, website: a.contactWebsite };
    return Object.values(c).some((v) => v) ? c : null;
  },
  async datasets(a, { asOf }, ctx) {
    const day = asOf ?? today();
    const held = await ctx.loaders.agencyOwnerships.load(a.id);
    return held.filter((o) => validOn(o, day)).map((o) => o.dataset);
  },
};
