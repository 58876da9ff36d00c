import type { QueryResolvers } from '../__generated__/resolvers-types';
import {
  PostalPointService,
  PressAgencyService,
  PublishingLicenceService,
  TelecomStationService,
  VillageWithoutCoverageService,
} from '../services';
import type { Ctx } from './context';

// Lists get the resolve info: they read only the columns the asked fields need.
export const Query: QueryResolvers<Ctx> = {
  pressAgency: (_, { code }, ctx) => ctx.loaders.pressAgencyByCode.load(code),
  pressAgencies: (_, args, ctx, info) => new PressAgencyService(ctx.em).list(args.filter, args, info),
  publishingLicence: (_, { number }, ctx) => ctx.loaders.licenceByNumber.load(number),
  publishingLicences: (_, args, ctx, info) => new PublishingLicenceService(ctx.em).list(args.filter, args, info),
  postalPoint: (_, { code }, ctx) => ctx.loaders.postalPointByCode.load(code),
  postalPoints: (_, args, ctx, info) => new PostalPointService(ctx.em).list(args.filter, args, info),
  telecomStation: (_, { code }, ctx) => ctx.loaders.stationByCode.load(code),
  telecomStations: (_, args, ctx, info) => new TelecomStationService(ctx.em).list(args.filter, args, info),
  villageWithoutCoverage: (_, { code }, ctx) => ctx.loaders.villageByCode.load(code),
  villagesWithoutCoverage: (_, args, ctx, info) => new VillageWithoutCoverageService(ctx.em).list(args.filter, args, info),
};
