import type { Account } from '../entities';
import type { Ctx } from './context';

export const AccountResolvers = {
  __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.em.findOne('Account', { id: ref.id }),
  agency: (a: Account, _: unknown, ctx: Ctx) => ctx.loaders.agencyById.load(a.agency.id),
};
