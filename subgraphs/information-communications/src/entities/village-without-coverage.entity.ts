import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';
import type { TelecomOperator } from './telecom-station.entity';

/** Thôn chưa có sóng di động: a village without mobile coverage at the department's survey. */
export const VillageWithoutCoverage = defineEntity({
  name: 'VillageWithoutCoverage',
  tableName: 'village_without_coverage',
  indexes: [{ properties: ['communeCode'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    villageName: p.string().length(200),
    /** Code of today's commune-level unit. */
    communeCode: p.string().length(5),
    /** The commune as it was on `surveyedOn`. */
    communeCodeOnRecord: p.string().length(5),
    surveyedOn: p.date(),
    households: p.integer(),
    plannedOperator: p.string().$type<TelecomOperator>().length(20).nullable(),
    plannedYear: p.smallint().nullable(),
    searchText: p.string().length(300),
  },
});
export type VillageWithoutCoverage = InferEntity<typeof VillageWithoutCoverage>;

/** Survey results are published: any change needs a reason. */
export const VillageWithoutCoverageHistory = tracked(VillageWithoutCoverage, {
  fields: {
    communeCode: 'VillageWithoutCoverage.commune',
    communeCodeOnRecord: 'VillageWithoutCoverage.communeOnRecord',
    searchText: 'ignore',
  },
  approved: () => true,
});
