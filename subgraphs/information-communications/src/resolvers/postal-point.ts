import { reads, unitAsOf, unitRef } from '@hub/kit';
import type { PostalPointResolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';

export const PostalPoint: PostalPointResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.postalPointByCode.load(ref.code),
  commune: reads(['communeCode'], (r) => unitRef(r.communeCode)),
  communeOnRecord: reads(['communeCodeOnRecord', 'openedOn'], (r) => unitAsOf(r.communeCodeOnRecord, r.openedOn)),
};
