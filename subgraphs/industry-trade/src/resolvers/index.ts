import type { Resolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';
import { Query } from './query';
import { Mutation } from './mutation';
import { AdministrativeUnit } from './administrative-unit';
import {
  BorderGate,
  EnergyProject,
  FuelStation,
  IndustrialCluster,
  IndustrialEstablishment,
  Market,
  TradeCentre,
  TradeFlow,
} from './records';

export const resolvers: Resolvers<Ctx> = {
  Query,
  Mutation,
  AdministrativeUnit,
  Market,
  IndustrialCluster,
  IndustrialEstablishment,
  TradeCentre,
  BorderGate,
  TradeFlow,
  EnergyProject,
  FuelStation,
};
