import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';

export type MarketClass = 'CLASS_I' | 'CLASS_II' | 'CLASS_III';

/** Chợ: a market of the province's market network. */
export const Market = defineEntity({
  name: 'Market',
  tableName: 'market',
  indexes: [{ properties: ['communeCode'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(300),
    marketClass: p.string().$type<MarketClass>().length(10),
    stalls: p.integer(),
    /** `DAILY` or the lunar market days. */
    operatingDays: p.string().length(100),
    /** The managing agency's code in the directory. */
    managedByCode: p.string().length(20),
    /** Code of today's commune-level unit (the directory's). */
    communeCode: p.string().length(5),
    searchText: p.string().length(300),
  },
});
export type Market = InferEntity<typeof Market>;

/** The market register is kept by the department; a change does not need a reason. */
export const MarketHistory = tracked(Market, {
  fields: { communeCode: 'Market.commune', managedByCode: 'Market.managedBy', searchText: 'ignore' },
  approved: () => false,
});
