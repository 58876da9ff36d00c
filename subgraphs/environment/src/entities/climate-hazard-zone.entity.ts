import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';

export type HazardKind = 'LANDSLIDE' | 'FLASH_FLOOD' | 'FLOOD';
export type RiskLevel = 'LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH';

export const ClimateHazardZone = defineEntity({
  name: 'ClimateHazardZone',
  tableName: 'climate_hazard_zone',
  indexes: [{ properties: ['communeCode'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(300),
    kind: p.string().$type<HazardKind>().length(20),
    riskLevel: p.string().$type<RiskLevel>().length(20),
    villages: p.array().$type<string[]>(),
    householdsExposed: p.integer().nullable(),
    assessedOn: p.date(),
    communeCode: p.string().length(5),
    communeCodeOnRecord: p.string().length(5),
    searchText: p.string().length(300),
  },
});
export type ClimateHazardZone = InferEntity<typeof ClimateHazardZone>;

/** Assessed zones are official data: a change needs a reason. */
export const ClimateHazardZoneHistory = tracked(ClimateHazardZone, {
  fields: {
    communeCode: 'ClimateHazardZone.commune',
    communeCodeOnRecord: 'ClimateHazardZone.communeOnRecord',
    searchText: 'ignore',
  },
  approved: () => true,
});
