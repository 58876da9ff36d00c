import { reads, unitRef } from '@hub/kit';
import type { TouristSiteResolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';

export const TouristSite: TouristSiteResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.siteByCode.load(ref.code),
  commune: reads(['communeCode'], (s) => unitRef(s.communeCode)),
  location: reads(['latitude', 'longitude'], (s) =>
    s.latitude != null && s.longitude != null ? { latitude: s.latitude, longitude: s.longitude } : null,
  ),
  visitorCounts: reads(['id'], async (s, _, ctx) => {
    const counts = await ctx.loaders.visitorCounts.load(s.id);
    return counts.map((c) => ({ year: c.year, domestic: c.domestic, international: c.international, total: c.domestic + c.international }));
  }),
};
