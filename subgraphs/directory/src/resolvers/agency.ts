import type { Agency } from '../entities';
import { today, validOn } from '../services';
import type { Ctx } from './context';

export const AgencyResolvers = {
  __resolveReference: (ref: { code: string }, ctx: Ctx) => ctx.loaders.agencyByCode.load(ref.code),
  administrativeUnit: (a: Agency, _: unknown, ctx: Ctx) => (a.unitCode ? ctx.loaders.unitByCode.load(a.unitCode) : null),
  parent: (a: Agency, _: unknown, ctx: Ctx) => (a.parent ? ctx.loaders.agencyById.load(a.parent.id) : null),
  successor: (a: Agency, _: unknown, ctx: Ctx) => (a.successor ? ctx.loaders.agencyById.load(a.successor.id) : null),
  predecessors: (a: Agency, _: unknown, ctx: Ctx) => ctx.loaders.agencyPredecessors.load(a.id),
  contact(a: Agency) {
    const c = { address: a.contactAddress, phone: a.contactPhone, email: a.contactEmail, website: a.contactWebsite };
    return Object.values(c).some((v) => v) ? c : null;
  },
  async datasets(a: Agency, { asOf }: { asOf?: string }, ctx: Ctx) {
    const day = asOf ?? today();
    const held = await ctx.loaders.agencyOwnerships.load(a.id);
    return held.filter((o) => validOn(o, day)).map((o) => o.dataset);
  },
};
