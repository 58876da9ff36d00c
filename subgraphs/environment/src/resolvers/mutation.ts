import type { MutationResolvers } from '../__generated__/resolvers-types';
import { MonitoringService, WaterLicenceService } from '../services';
import type { Ctx } from './context';

// `reason` is taken by the kit as the reason of the change (required for approved data).
export const Mutation: MutationResolvers<Ctx> = {
  createWaterLicence: (_, a, ctx) => new WaterLicenceService(ctx.em).create(ctx.caller, a.input),
  updateWaterLicence: (_, a, ctx) => new WaterLicenceService(ctx.em).update(ctx.caller, a.code, a.input, a.expectedVersion),
  revokeWaterLicence: (_, a, ctx) => new WaterLicenceService(ctx.em).revoke(ctx.caller, a.code, a.revokedOn, a.expectedVersion),
  createMonitoringStation: (_, a, ctx) => new MonitoringService(ctx.em).createStation(ctx.caller, a.input),
  updateMonitoringStation: (_, a, ctx) => new MonitoringService(ctx.em).updateStation(ctx.caller, a.code, a.input, a.expectedVersion),
  deleteMonitoringStation: (_, a, ctx) => new MonitoringService(ctx.em).deleteStation(ctx.caller, a.code, a.expectedVersion),
  addMonitoringResult: (_, a, ctx) => new MonitoringService(ctx.em).addResult(ctx.caller, a.input),
};
