import { EntitySchema } from '@mikro-orm/core';
import { HubEntity, HubEntitySchema, tracked } from '@hub/kit';

export type TouristSiteCategory =
  | 'RELIC'
  | 'SPECIAL_NATIONAL_RELIC'
  | 'GEOPARK_SITE'
  | 'MUSEUM'
  | 'LANDSCAPE'
  | 'CRAFT_VILLAGE'
  | 'COMMUNITY_TOURISM'
  | 'SPIRITUAL'
  | 'ECOTOURISM';

export class TouristSite extends HubEntity {
  code!: string;
  name!: string;
  nameEn?: string | null;
  category!: TouristSiteCategory;
  description?: string | null;
  /** Code of today's commune-level unit (the directory's AdministrativeUnit). */
  communeCode!: string;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  searchText!: string;
}

export const TouristSiteSchema = new EntitySchema<TouristSite, HubEntity>({
  class: TouristSite,
  extends: HubEntitySchema,
  tableName: 'tourist_site',
  indexes: [{ properties: ['communeCode'] }, { properties: ['category'] }],
  properties: {
    code: { type: 'string', length: 20, unique: true },
    name: { type: 'string', length: 300 },
    nameEn: { type: 'string', length: 300, nullable: true },
    category: { type: 'string', length: 30 },
    description: { type: 'text', nullable: true },
    communeCode: { type: 'string', length: 5 },
    address: { type: 'string', length: 300, nullable: true },
    latitude: { type: 'double', nullable: true },
    longitude: { type: 'double', nullable: true },
    searchText: { type: 'string', length: 600 },
  },
});

/** Sites are published data: any change after creation needs a reason. */
export const TouristSiteHistory = tracked(TouristSiteSchema, {
  fields: { communeCode: 'TouristSite.commune', latitude: 'TouristSite.location', longitude: 'TouristSite.location', searchText: 'ignore' },
  approved: () => true,
});
