import { reads, unitAsOf, unitRef } from '@hub/kit';
import type { VillageWithoutCoverageResolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';

export const VillageWithoutCoverage: VillageWithoutCoverageResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.villageByCode.load(ref.code),
  commune: reads(['communeCode'], (r) => unitRef(r.communeCode)),
  communeOnRecord: reads(['communeCodeOnRecord', 'surveyedOn'], (r) => unitAsOf(r.communeCodeOnRecord, r.surveyedOn)),
};
