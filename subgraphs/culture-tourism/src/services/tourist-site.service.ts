// Tourist sites: lookups, the filtered list, and yearly visitor counts.
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { field, findConnection, inputRules, locatedWhere, searchKey, updateVersioned, type Connection, type PageArgs } from '@hub/kit';
import { msg } from '@hub/schema';
import type { CallerClaims } from '@hub/runtime';
import { SiteVisitorCount, TouristSite } from '../entities';
import type { TouristSiteCategory, TouristSiteFilter, TouristSiteUpdate } from '../__generated__/resolvers-types';

/** Left out (or a null name or category) keeps a value; null clears the optional texts. */
const TouristSiteUpdateRules = inputRules<TouristSiteUpdate>()({
  name: field.text(300).nullish(),
  nameEn: field.textOrNull(300).optional(),
  description: field.textOrNull(5000).optional(),
  address: field.textOrNull(300).optional(),
  category: field.asSent<TouristSiteCategory>().nullish(),
});

export class TouristSiteService {
  constructor(private readonly em: EntityManager) {}

  static where(filter: TouristSiteFilter | null | undefined): FilterQuery<TouristSite> {
    return locatedWhere<TouristSite>(filter, filter?.category ? [{ category: filter.category }] : []);
  }

  byCodes(codes: readonly string[]): Promise<TouristSite[]> {
    return codes.length ? this.em.find(TouristSite, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  list(filter: TouristSiteFilter | null | undefined, args: PageArgs, info?: GraphQLResolveInfo): Promise<Connection<TouristSite>> {
    return findConnection(this.em, TouristSite, TouristSiteService.where(filter), args, 'code', info);
  }

  /** Changes a site if the caller read its current version; every value is checked before anything is read. */
  update(caller: CallerClaims, code: string, input: TouristSiteUpdate, expectedVersion: number): Promise<TouristSite> {
    const write = {
      entity: TouristSite,
      where: { code },
      what: msg(`tourist site "${code}"`, `điểm du lịch "${code}"`),
      expectedVersion,
      coordinate: 'Mutation.updateTouristSite',
      input: { schema: TouristSiteUpdateRules, value: input },
    };
    return updateVersioned(this.em, caller, write, (site, change) => {
      if (change.name != null) site.name = change.name;
      for (const k of ['nameEn', 'description', 'address'] as const) if (change[k] !== undefined) site[k] = change[k];
      if (change.category != null) site.category = change.category;
      site.searchText = searchKey(`${site.name} ${site.nameEn ?? ''}`);
    });
  }

  visitorCounts(siteIds: readonly string[]): Promise<SiteVisitorCount[]> {
    return this.em.find(SiteVisitorCount, { site: { $in: [...siteIds] } }, { orderBy: { year: 'asc' } });
  }
}
