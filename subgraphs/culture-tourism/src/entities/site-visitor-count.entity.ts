import { EntitySchema } from '@mikro-orm/core';
import { HubEntity, HubEntitySchema, tracked } from '@hub/kit';
import { TouristSite } from './tourist-site.entity';

/** Visitors to one site in one year. */
export class SiteVisitorCount extends HubEntity {
  site!: TouristSite;
  year!: number;
  domestic!: number;
  international!: number;
}

export const SiteVisitorCountSchema = new EntitySchema<SiteVisitorCount, HubEntity>({
  class: SiteVisitorCount,
  extends: HubEntitySchema,
  tableName: 'site_visitor_count',
  uniques: [{ properties: ['site', 'year'] }],
  properties: {
    site: { kind: 'm:1', entity: () => TouristSite, deleteRule: 'cascade' },
    year: { type: 'integer' },
    domestic: { type: 'integer' },
    international: { type: 'integer' },
  },
});

/** Shown in the site's history as `visitorCounts[<year>].domestic`, …; published like the site. */
export const SiteVisitorCountHistory = tracked(SiteVisitorCountSchema, {
  partOf: { type: 'TouristSite', id: (v) => v.site.id, as: 'visitorCounts', key: (v) => String(v.year) },
  fields: { site: 'ignore', year: 'VisitorCount.year', domestic: 'VisitorCount.domestic', international: 'VisitorCount.international' },
  approved: () => true,
});
