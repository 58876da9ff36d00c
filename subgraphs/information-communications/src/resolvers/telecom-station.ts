import { reads, unitAsOf, unitRef } from '@hub/kit';
import type { TelecomStationResolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';

export const TelecomStation: TelecomStationResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.stationByCode.load(ref.code),
  commune: reads(['communeCode'], (r) => unitRef(r.communeCode)),
  communeOnRecord: reads(['communeCodeOnRecord', 'permittedOn'], (r) => unitAsOf(r.communeCodeOnRecord, r.permittedOn)),
  location: reads(['latitude', 'longitude'], (r) => ({ latitude: r.latitude, longitude: r.longitude })),
};
