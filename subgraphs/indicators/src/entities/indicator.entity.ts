import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';
import type { Aggregation, Level } from '../rules';
import type { Periodicity } from '../periods';

/** Chỉ tiêu thống kê: one indicator of the catalogue. `num` is its compact key in the value table. */
export const Indicator = defineEntity({
  name: 'Indicator',
  tableName: 'indicator',
  indexes: [{ properties: ['groupCode'] }, { properties: ['agencyCode'] }],
  properties: {
    ...hubEntityProperties,
    num: p.integer().unique(),
    code: p.string().length(20).unique(),
    groupCode: p.string().length(10),
    name: p.string().length(300),
    nameEn: p.string().length(300).nullable(),
    unit: p.string().length(50),
    definition: p.text().nullable(),
    periodicities: p.json<Periodicity[]>(),
    levels: p.json<Level[]>(),
    dimensions: p.json<string[]>(),
    aggregation: p.string().$type<Aggregation>().length(20),
    /** For WEIGHTED_AVERAGE: code of the indicator whose values weigh each unit. */
    weightCode: p.string().length(20).nullable(),
    /** The directory's code of the responsible agency. */
    agencyCode: p.string().length(40),
    formula: p.string().length(500).nullable(),
    minValue: p.double().$type<number>().nullable(),
    maxValue: p.double().$type<number>().nullable(),
    searchText: p.string().length(700),
  },
});
export type Indicator = InferEntity<typeof Indicator>;

/** The catalogue is published: a change needs a reason. */
export const IndicatorHistory = tracked(Indicator, {
  fields: {
    num: 'ignore',
    searchText: 'ignore',
    groupCode: 'Indicator.group',
    weightCode: 'Indicator.weightIndicator',
    agencyCode: 'Indicator.agency',
    minValue: 'Indicator.range',
    maxValue: 'Indicator.range',
  },
  approved: () => true,
});
