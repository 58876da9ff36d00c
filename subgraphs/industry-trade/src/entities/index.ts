import { Market, MarketHistory } from './market.entity';
import { IndustrialCluster, IndustrialClusterHistory } from './industrial-cluster.entity';
import { IndustrialEstablishment, IndustrialEstablishmentHistory } from './industrial-establishment.entity';
import { TradeCentre, TradeCentreHistory } from './trade-centre.entity';
import { BorderGate, BorderGateHistory, TradeFlow, TradeFlowHistory } from './border-gate.entity';
import { EnergyProject, EnergyProjectHistory } from './energy-project.entity';
import { FuelStation, FuelStationHistory } from './fuel-station.entity';

export * from './market.entity';
export * from './industrial-cluster.entity';
export * from './industrial-establishment.entity';
export * from './trade-centre.entity';
export * from './border-gate.entity';
export * from './energy-project.entity';
export * from './fuel-station.entity';

export const entities = [
  Market,
  IndustrialCluster,
  IndustrialEstablishment,
  TradeCentre,
  BorderGate,
  TradeFlow,
  EnergyProject,
  FuelStation,
];

/** How each entity's changes are recorded (see the kit's `tracked`). */
export const history = [
  MarketHistory,
  IndustrialClusterHistory,
  IndustrialEstablishmentHistory,
  TradeCentreHistory,
  BorderGateHistory,
  TradeFlowHistory,
  EnergyProjectHistory,
  FuelStationHistory,
];
