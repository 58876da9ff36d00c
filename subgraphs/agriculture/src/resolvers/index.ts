import type { Resolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';
import { Query } from './query';
import { Mutation } from './mutation';
import { EnergyProject, ForestChange, ForestPlot } from './forest';
import { AquacultureArea, GrowingAreaCode, IrrigationWork, LivestockFarm, NewRuralStatus, OcopProduct, Outbreak } from './registers';
import { AdministrativeUnit } from './administrative-unit';

export const resolvers: Resolvers<Ctx> = {
  Query,
  Mutation,
  ForestPlot,
  ForestChange,
  EnergyProject,
  GrowingAreaCode,
  Outbreak,
  LivestockFarm,
  IrrigationWork,
  AquacultureArea,
  OcopProduct,
  NewRuralStatus,
  AdministrativeUnit,
};
