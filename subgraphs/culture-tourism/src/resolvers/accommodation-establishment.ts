import type { AccommodationEstablishment } from '../entities';
import { unitRef, type Ctx } from './context';

export const AccommodationEstablishmentResolvers = {
  __resolveReference: (ref: { code: string }, ctx: Ctx) => ctx.loaders.accommodationByCode.load(ref.code),
  commune: (a: AccommodationEstablishment) => unitRef(a.communeCode),
};
