import type { AccommodationEstablishment } from '../entities';
import { reads } from '@hub/kit';
import { unitRef, type Ctx } from './context';

export const AccommodationEstablishmentResolvers = {
  __resolveReference: (ref: { code: string }, ctx: Ctx) => ctx.loaders.accommodationByCode.load(ref.code),
  commune: reads(['communeCode'], (a: AccommodationEstablishment) => unitRef(a.communeCode)),
};
