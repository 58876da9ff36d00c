import { EntitySchema } from '@mikro-orm/core';
import { HubEntity, HubEntitySchema, tracked } from '@hub/kit';
import type { Aggregation, Level } from '../rules';
import type { Periodicity } from '../periods';

/** Chỉ tiêu thống kê: one indicator of the catalogue. `num` is its compact key in the value table. */
export class Indicator extends HubEntity {
  num!: number;
  code!: string;
  groupCode!: string;
  name!: string;
  nameEn?: string | null;
  unit!: string;
  definition?: string | null;
  periodicities!: Periodicity[];
  levels!: Level[];
  dimensions!: string[];
  aggregation!: Aggregation;
  /** For WEIGHTED_AVERAGE: code of the indicator whose values weigh each unit. */
  weightCode?: string | null;
  /** The directory's code of the responsible agency. */
  agencyCode!: string;
  formula?: string | null;
  minValue?: number | null;
  maxValue?: number | null;
  searchText!: string;
}

export const IndicatorSchema = new EntitySchema<Indicator, HubEntity>({
  class: Indicator,
  extends: HubEntitySchema,
  tableName: 'indicator',
  indexes: [{ properties: ['groupCode'] }, { properties: ['agencyCode'] }],
  properties: {
    num: { type: 'integer', unique: true },
    code: { type: 'string', length: 20, unique: true },
    groupCode: { type: 'string', length: 10 },
    name: { type: 'string', length: 300 },
    nameEn: { type: 'string', length: 300, nullable: true },
    unit: { type: 'string', length: 50 },
    definition: { type: 'text', nullable: true },
    periodicities: { type: 'json' },
    levels: { type: 'json' },
    dimensions: { type: 'json' },
    aggregation: { type: 'string', length: 20 },
    weightCode: { type: 'string', length: 20, nullable: true },
    agencyCode: { type: 'string', length: 40 },
    formula: { type: 'string', length: 500, nullable: true },
    minValue: { type: 'double', nullable: true },
    maxValue: { type: 'double', nullable: true },
    searchText: { type: 'string', length: 700 },
  },
});

/** The catalogue is published: a change needs a reason. */
export const IndicatorHistory = tracked(IndicatorSchema, {
  fields: {
    num: 'ignore', searchText: 'ignore', groupCode: 'Indicator.group', weightCode: 'Indicator.weightIndicator', agencyCode: 'Indicator.agency',
    minValue: 'Indicator.range', maxValue: 'Indicator.range',
  },
  approved: () => true,
});
