import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';

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

export const TouristSite = defineEntity({
  name: 'TouristSite',
  tableName: 'tourist_site',
  indexes: [{ properties: ['communeCode'] }, { properties: ['category'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(300),
    nameEn: p.string().length(300).nullable(),
    category: p.string().$type<TouristSiteCategory>().length(30),
    description: p.text().nullable(),
    /** Code of today's commune-level unit (the directory's AdministrativeUnit). */
    communeCode: p.string().length(5),
    address: p.string().length(300).nullable(),
    latitude: p.double().$type<number>().nullable(),
    longitude: p.double().$type<number>().nullable(),
    searchText: p.string().length(600),
  },
});
export type TouristSite = InferEntity<typeof TouristSite>;

/** Sites are published data: any change after creation needs a reason. */
export const TouristSiteHistory = tracked(TouristSite, {
  fields: { communeCode: 'TouristSite.commune', latitude: 'TouristSite.location', longitude: 'TouristSite.location', searchText: 'ignore' },
  approved: () => true,
});
