import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';
import type { MarketClass } from './market.entity';

export type TradeCentreKind = 'SUPERMARKET' | 'TRADE_CENTRE';

/** Siêu thị, trung tâm thương mại. */
export const TradeCentre = defineEntity({
  name: 'TradeCentre',
  tableName: 'trade_centre',
  indexes: [{ properties: ['communeCode'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(300),
    kind: p.string().$type<TradeCentreKind>().length(20),
    tradeClass: p.string().$type<MarketClass>().length(10),
    areaM2: p.double().$type<number>(),
    operator: p.string().length(300),
    communeCode: p.string().length(5),
  },
});
export type TradeCentre = InferEntity<typeof TradeCentre>;

export const TradeCentreHistory = tracked(TradeCentre, { fields: { communeCode: 'TradeCentre.commune' }, approved: () => false });
