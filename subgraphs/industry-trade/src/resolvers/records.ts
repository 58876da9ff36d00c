// Resolvers of the entity types: references by key through the loaders, and the fields that are references to other
// subgraphs' entities (units and agencies of the directory, the indicators' periods).
import { agencyRef, childKey, reads, unitAsOf, unitRef } from '@hub/kit';
import type {
  BorderGateResolvers,
  EnergyProjectResolvers,
  FuelStationResolvers,
  IndustrialClusterResolvers,
  IndustrialEstablishmentResolvers,
  MarketResolvers,
  TradeCentreResolvers,
  TradeFlowResolvers,
} from '../__generated__/resolvers-types';
import type { Ctx } from './context';

export const Market: MarketResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.marketByCode.load(ref.code),
  commune: reads(['communeCode'], (r) => unitRef(r.communeCode)),
  managedBy: reads(['managedByCode'], (r) => agencyRef(r.managedByCode)),
};

export const IndustrialCluster: IndustrialClusterResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.clusterByCode.load(ref.code),
  issuer: reads(['issuerCode'], (r) => agencyRef(r.issuerCode)),
  commune: reads(['communeCode'], (r) => unitRef(r.communeCode)),
  communeOnRecord: reads(['communeCodeOnRecord', 'decisionDate'], (r) => unitAsOf(r.communeCodeOnRecord, r.decisionDate)),
};

export const IndustrialEstablishment: IndustrialEstablishmentResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.establishmentByCode.load(ref.code),
  cluster: reads(['clusterCode'], (r, _, ctx) => (r.clusterCode ? ctx.loaders.clusterByCode.load(r.clusterCode) : null)),
  commune: reads(['communeCode'], (r) => unitRef(r.communeCode)),
};

export const TradeCentre: TradeCentreResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.tradeCentreByCode.load(ref.code),
  commune: reads(['communeCode'], (r) => unitRef(r.communeCode)),
};

export const BorderGate: BorderGateResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.borderGateByCode.load(ref.code),
  commune: reads(['communeCode'], (r) => unitRef(r.communeCode)),
  tradeFlows: reads(['code'], (g, args, ctx) =>
    ctx.loaders.tradeFlowsOfGate.load(childKey(g.code, { period: args.period ?? null, direction: args.direction ?? null }, args)),
  ),
};

export const TradeFlow: TradeFlowResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.tradeFlowByCode.load(ref.code),
  borderGate: reads(['borderGateCode'], (f, _, ctx) => ctx.loaders.borderGateByCode.load(f.borderGateCode)),
  period: reads(['periodId'], (f) => ({ __typename: 'Period' as const, id: f.periodId })),
};

export const EnergyProject: EnergyProjectResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.energyProjectByCode.load(ref.code),
  communes: reads(['communeCodes'], (e) => e.communeCodes.map(unitRef)),
};

export const FuelStation: FuelStationResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.fuelStationByCode.load(ref.code),
  issuer: reads(['issuerCode'], (r) => agencyRef(r.issuerCode)),
  commune: reads(['communeCode'], (r) => unitRef(r.communeCode)),
  communeOnRecord: reads(['communeCodeOnRecord', 'licensedOn'], (r) => unitAsOf(r.communeCodeOnRecord, r.licensedOn)),
};
