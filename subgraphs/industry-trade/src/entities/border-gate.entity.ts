import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';

export type BorderGateKind = 'INTERNATIONAL' | 'MAIN' | 'SECONDARY' | 'AUXILIARY';
export type TradeDirection = 'IMPORT' | 'EXPORT';
export type CommodityGroup = 'AGRICULTURAL' | 'MINERALS' | 'MACHINERY' | 'CONSUMER_GOODS' | 'CHEMICALS';

/** Cửa khẩu: a land border gate with China. */
export const BorderGate = defineEntity({
  name: 'BorderGate',
  tableName: 'border_gate',
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(300),
    kind: p.string().$type<BorderGateKind>().length(20),
    counterpartGate: p.string().length(300),
    openedOn: p.date().nullable(),
    communeCode: p.string().length(5),
  },
});
export type BorderGate = InferEntity<typeof BorderGate>;

/** Trade through one gate in one quarter, direction and commodity group. */
export const TradeFlow = defineEntity({
  name: 'TradeFlow',
  tableName: 'trade_flow',
  indexes: [{ properties: ['borderGateCode', 'periodId'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(60).unique(),
    borderGateCode: p.string().length(20),
    /** The indicators' period id of the quarter, `2025Q3`. */
    periodId: p.string().length(8),
    direction: p.string().$type<TradeDirection>().length(10),
    commodityGroup: p.string().$type<CommodityGroup>().length(20),
    valueUsd: p.double().$type<number>(),
  },
});
export type TradeFlow = InferEntity<typeof TradeFlow>;

export const BorderGateHistory = tracked(BorderGate, { fields: { communeCode: 'BorderGate.commune' }, approved: () => true });
export const TradeFlowHistory = tracked(TradeFlow, {
  fields: { borderGateCode: 'TradeFlow.borderGate', periodId: 'TradeFlow.period' },
  approved: () => true,
});
