import type { TouristSiteResolvers } from '../__generated__/resolvers-types';
import { unitRef, type Ctx } from './context';

export const TouristSite: TouristSiteResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.siteByCode.load(ref.code),
  commune: (s) => unitRef(s.communeCode),
  location: (s) => (s.latitude != null && s.longitude != null ? { latitude: s.latitude, longitude: s.longitude } : null),
  async visitorCounts(s, _, ctx) {
    const counts = await ctx.loaders.visitorCounts.load(s.id);
    return counts.map((c) => ({ year: c.year, domestic: c.domestic, international: c.international, total: c.domestic + c.international }));
  },
};
