import type { QueryResolvers } from '../__generated__/resolvers-types';
import { HazardZoneService, MonitoringService, WaterLicenceService, WaterSourceService } from '../services';
import type { Ctx } from './context';

// Lists get the resolve info: they read only the columns the asked fields need.
export const Query: QueryResolvers<Ctx> = {
  waterSource: (_, { code }, ctx) => ctx.loaders.sourceByCode.load(code),
  waterSources: (_, args, ctx, info) => new WaterSourceService(ctx.em).list(args.filter, args, info),
  waterLicence: (_, { code }, ctx) => ctx.loaders.licenceByCode.load(code),
  waterLicences: (_, args, ctx, info) => new WaterLicenceService(ctx.em).list(args.filter, args, info),
  monitoringStation: (_, { code }, ctx) => ctx.loaders.stationByCode.load(code),
  monitoringStations: (_, args, ctx, info) => new MonitoringService(ctx.em).list(args.filter, args, info),
  monitoringResult: (_, { code }, ctx) => ctx.loaders.resultByCode.load(code),
  hazardZone: (_, { code }, ctx) => ctx.loaders.zoneByCode.load(code),
  hazardZones: (_, args, ctx, info) => new HazardZoneService(ctx.em).list(args.filter, args, info),
};
