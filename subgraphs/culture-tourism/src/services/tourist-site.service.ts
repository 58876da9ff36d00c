// Tourist sites: lookups, the filtered list, and yearly visitor counts.
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { findConnection, type Connection, type PageArgs } from '@hub/kit';
import { SiteVisitorCount, TouristSite, type TouristSiteCategory } from '../entities';
import { locatedWhere, type LocatedFilter } from './located';

export interface TouristSiteFilter extends LocatedFilter {
  category?: TouristSiteCategory | null;
}

export class TouristSiteService {
  constructor(private readonly em: EntityManager) {}

  static where(filter: TouristSiteFilter | null | undefined): FilterQuery<TouristSite> {
    return locatedWhere<TouristSite>(filter, filter?.category ? [{ category: filter.category }] : []);
  }

  byCodes(codes: readonly string[]): Promise<TouristSite[]> {
    return codes.length ? this.em.find(TouristSite, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  list(filter: TouristSiteFilter | null | undefined, args: PageArgs): Promise<Connection<TouristSite>> {
    return findConnection(this.em, TouristSite, TouristSiteService.where(filter), args, 'code');
  }

  visitorCounts(siteIds: readonly string[]): Promise<SiteVisitorCount[]> {
    return this.em.find(SiteVisitorCount, { site: { $in: [...siteIds] } }, { orderBy: { year: 'asc' } });
  }
}
