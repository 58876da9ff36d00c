import { reads, unitAsOf, unitRef } from '@hub/kit';
import type { ClimateHazardZoneResolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';

export const ClimateHazardZone: ClimateHazardZoneResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.zoneByCode.load(ref.code),
  commune: reads(['communeCode'], (z) => unitRef(z.communeCode)),
  communeOnRecord: reads(['communeCodeOnRecord', 'assessedOn'], (z) => unitAsOf(z.communeCodeOnRecord, z.assessedOn)),
};
