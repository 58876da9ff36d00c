import type { TouristSite } from '../entities';
import { reads } from '@hub/kit';
import { unitRef, type Ctx } from './context';

export const TouristSiteResolvers = {
  __resolveReference: (ref: { code: string }, ctx: Ctx) => ctx.loaders.siteByCode.load(ref.code),
  commune: reads(['communeCode'], (s: TouristSite) => unitRef(s.communeCode)),
  location: reads(['latitude', 'longitude'], (s: TouristSite) => (s.latitude != null && s.longitude != null ? { latitude: s.latitude, longitude: s.longitude } : null)),
  visitorCounts: reads(['id'], async (s: TouristSite, _: unknown, ctx: Ctx) => {
    const counts = await ctx.loaders.visitorCounts.load(s.id);
    return counts.map((c) => ({ year: c.year, domestic: c.domestic, international: c.international, total: c.domestic + c.international }));
  }),
};
