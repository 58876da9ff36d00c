// The industry-trade subgraph's batch functions; the kit makes a fresh DataLoader of each per request.
import { byKeys, childBatch, defineLoaders, inUnitBatch } from '@hub/kit';
import { EnergyProject, FuelStation, IndustrialEstablishment, Market, TradeCentre, TradeFlow } from './entities';
import { EnergyProjectService, IndustryService, MarketService, TradeService } from './services';

export const loaders = defineLoaders({
  marketByCode: (em) => async (codes: readonly string[]) => byKeys(codes, await new MarketService(em).byCodes(codes), (r) => r.code),
  clusterByCode: (em) => async (codes: readonly string[]) =>
    byKeys(codes, await new IndustryService(em).clustersByCodes(codes), (r) => r.code),
  establishmentByCode: (em) => async (codes: readonly string[]) =>
    byKeys(codes, await new IndustryService(em).establishmentsByCodes(codes), (r) => r.code),
  tradeCentreByCode: (em) => async (codes: readonly string[]) =>
    byKeys(codes, await new TradeService(em).centresByCodes(codes), (r) => r.code),
  borderGateByCode: (em) => async (codes: readonly string[]) =>
    byKeys(codes, await new TradeService(em).gatesByCodes(codes), (r) => r.code),
  tradeFlowByCode: (em) => async (codes: readonly string[]) => byKeys(codes, await new TradeService(em).flowsByCodes(codes), (r) => r.code),
  energyProjectByCode: (em) => async (codes: readonly string[]) =>
    byKeys(codes, await new EnergyProjectService(em).byCodes(codes), (r) => r.code),
  fuelStationByCode: (em) => async (codes: readonly string[]) =>
    byKeys(codes, await new TradeService(em).stationsByCodes(codes), (r) => r.code),
  /** BorderGate.tradeFlows of every gate of a request; keys made by the kit's childKey. */
  tradeFlowsOfGate: childBatch(TradeFlow, 'borderGateCode', TradeService.flowWhere),
  marketsInUnit: inUnitBatch(Market, MarketService.where),
  establishmentsInUnit: inUnitBatch(IndustrialEstablishment, IndustryService.establishmentWhere),
  fuelStationsInUnit: inUnitBatch(FuelStation, TradeService.stationWhere),
  tradeCentresInUnit: inUnitBatch(TradeCentre, TradeService.centreWhere),
  /** Projects span several communes (`communeCodes`): their own batch, the same shape of keys. */
  /** Projects whose communes overlap the unit's (a project spans several). */
  energyProjectsInUnit: inUnitBatch(EnergyProject, EnergyProjectService.where, 'communeCodes'),
});

export type Loaders = typeof loaders;
