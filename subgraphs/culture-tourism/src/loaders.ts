// The culture-tourism subgraph's batch functions; the kit makes a fresh DataLoader of each per request.
import { byKeys, defineLoaders, groupByKeys } from '@hub/kit';
import { AccommodationEstablishment, TouristSite } from './entities';
import { AccommodationService, TouristSiteService, connectionsInUnits, type InUnitRequest } from './services';

/** Keys of the in-unit loaders are JSON: { communeCodes, filter, first, after }. */
export interface InUnitKey<F> {
  communeCodes: string[];
  filter: F;
  first?: number | null;
  after?: string | null;
}

function parseKeys<F, T>(keys: readonly string[], where: (f: F) => InUnitRequest<T>['where']): InUnitRequest<T>[] {
  return keys.map((k) => {
    const { communeCodes, filter, first, after } = JSON.parse(k) as InUnitKey<F>;
    return { communeCodes, first, after, filterKey: JSON.stringify(filter), where: where(filter) };
  });
}

export const loaders = defineLoaders({
  siteByCode: (em) => async (codes: readonly string[]) => byKeys(codes, await new TouristSiteService(em).byCodes(codes), (s) => s.code),
  accommodationByCode: (em) => async (codes: readonly string[]) =>
    byKeys(codes, await new AccommodationService(em).byCodes(codes), (a) => a.code),
  visitorCounts: (em) => async (siteIds: readonly string[]) =>
    groupByKeys(siteIds, await new TouristSiteService(em).visitorCounts(siteIds), (v) => v.site.id),
  sitesInUnit: (em) => (keys: readonly string[]) =>
    connectionsInUnits(em, TouristSite, parseKeys(keys, TouristSiteService.where)),
  accommodationsInUnit: (em) => (keys: readonly string[]) =>
    connectionsInUnits(em, AccommodationEstablishment, parseKeys(keys, AccommodationService.where)),
});

export type CultureTourismLoaders = typeof loaders;
