import { EntitySchema } from '@mikro-orm/core';
import { HubEntity, HubEntitySchema } from '@hub/kit';
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
