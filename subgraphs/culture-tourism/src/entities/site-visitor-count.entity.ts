import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';
import { TouristSite } from './tourist-site.entity';

/** Visitors to one site in one year. */
export const SiteVisitorCount = defineEntity({
  name: 'SiteVisitorCount',
  tableName: 'site_visitor_count',
  uniques: [{ properties: ['site', 'year'] }],
  properties: {
    ...hubEntityProperties,
    site: () => p.manyToOne(TouristSite).deleteRule('cascade'),
    year: p.integer(),
    domestic: p.integer(),
    international: p.integer(),
  },
});
export type SiteVisitorCount = InferEntity<typeof SiteVisitorCount>;

/** Shown in the site's history as `visitorCounts[<year>].domestic`, …; published like the site. */
export const SiteVisitorCountHistory = tracked(SiteVisitorCount, {
  partOf: { type: 'TouristSite', id: (v) => v.site.id, as: 'visitorCounts', key: (v) => String(v.year) },
  fields: { site: 'ignore', year: 'VisitorCount.year', domestic: 'VisitorCount.domestic', international: 'VisitorCount.international' },
  approved: () => true,
});
