import type { Resolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';
import { Query } from './query';
import { Mutation } from './mutation';
import { EnergyProject, WaterResourceLicence, WaterSource } from './water';
import { MonitoringResult, MonitoringStation } from './monitoring';
import { ClimateHazardZone } from './hazard-zone';
import { AdministrativeUnit } from './administrative-unit';

export const resolvers: Resolvers<Ctx> = {
  Query,
  Mutation,
  WaterSource,
  WaterResourceLicence,
  EnergyProject,
  MonitoringStation,
  MonitoringResult,
  ClimateHazardZone,
  AdministrativeUnit,
};
