import { reads, unitRef } from '@hub/kit';
import type { AccommodationEstablishmentResolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';

export const AccommodationEstablishment: AccommodationEstablishmentResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.accommodationByCode.load(ref.code),
  commune: reads(['communeCode'], (a) => unitRef(a.communeCode)),
};
