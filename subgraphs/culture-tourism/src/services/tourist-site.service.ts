// Tourist sites: lookups, the filtered list, and yearly visitor counts.
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { badUserInput } from '@hub/schema';
import { findConnection, limitText, locatedWhere, searchKey, updateVersioned, type Connection, type PageArgs } from '@hub/kit';
import type { CallerClaims } from '@hub/runtime';
import { SiteVisitorCount, TouristSite } from '../entities';
import type { TouristSiteFilter, TouristSiteUpdate } from '../__generated__/resolvers-types';

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

  /** Changes a site if the caller read its current version; every value is checked before anything is written. */
  update(caller: CallerClaims, code: string, input: TouristSiteUpdate, expectedVersion: number): Promise<TouristSite> {
    const where = {
      entity: TouristSite,
      where: { code },
      what: `tourist site "${code}"`,
      expectedVersion,
      coordinate: 'Mutation.updateTouristSite',
    };
    return updateVersioned(this.em, caller, where, (site) => {
      for (const [k, max] of [
        ['name', 300],
        ['nameEn', 300],
        ['address', 300],
        ['description', 5000],
      ] as const)
        limitText(`input.${k}`, input[k], max);
      if (input.name != null && !input.name.trim()) throw badUserInput('input.name', 'must not be empty');
      if (input.name != null) site.name = input.name.trim();
      if (input.nameEn !== undefined) site.nameEn = input.nameEn?.trim() || null;
      if (input.description !== undefined) site.description = input.description?.trim() || null;
      if (input.address !== undefined) site.address = input.address?.trim() || null;
      if (input.category != null) site.category = input.category;
      site.searchText = searchKey(`${site.name} ${site.nameEn ?? ''}`);
    });
  }

  visitorCounts(siteIds: readonly string[]): Promise<SiteVisitorCount[]> {
    return this.em.find(SiteVisitorCount, { site: { $in: [...siteIds] } }, { orderBy: { year: 'asc' } });
  }
}
