import type { QueryResolvers } from '../__generated__/resolvers-types';
import { AccommodationService, TouristSiteService } from '../services';
import type { Ctx } from './context';

// Lists get the resolve info: they read only the columns the asked fields need.
export const Query: QueryResolvers<Ctx> = {
  touristSite: (_, { code }, ctx) => ctx.loaders.siteByCode.load(code),
  touristSites: (_, args, ctx, info) => new TouristSiteService(ctx.em).list(args.filter, args, info),
  accommodation: (_, { code }, ctx) => ctx.loaders.accommodationByCode.load(code),
  accommodations: (_, args, ctx, info) => new AccommodationService(ctx.em).list(args.filter, args, info),
};
