// The culture-tourism subgraph's batch functions; the kit makes a fresh DataLoader of each per request.
import { byKeys, defineLoaders, groupByKeys, inUnitBatch } from '@hub/kit';
import { AccommodationEstablishment, TouristSite } from './entities';
import { AccommodationService, TouristSiteService } from './services';

export const loaders = defineLoaders({
  siteByCode: (em) => async (codes: readonly string[]) => byKeys(codes, await new TouristSiteService(em).byCodes(codes), (s) => s.code),
  accommodationByCode: (em) => async (codes: readonly string[]) =>
    byKeys(codes, await new AccommodationService(em).byCodes(codes), (a) => a.code),
  visitorCounts: (em) => async (siteIds: readonly string[]) =>
    groupByKeys(siteIds, await new TouristSiteService(em).visitorCounts(siteIds), (v) => v.site.id),
  sitesInUnit: inUnitBatch(TouristSite, TouristSiteService.where),
  accommodationsInUnit: inUnitBatch(AccommodationEstablishment, AccommodationService.where),
});

export type CultureTourismLoaders = typeof loaders;
