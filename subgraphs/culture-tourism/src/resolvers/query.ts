import type { QueryResolvers } from '../__generated__/resolvers-types';
import { AccommodationService, TouristSiteService } from '../services';
import type { Ctx } from './context';

export const Query: QueryResolvers<Ctx> = {
  touristSite: (_, { code }, ctx) => ctx.loaders.siteByCode.load(code),
  touristSites: (_, args, ctx) => new TouristSiteService(ctx.em).list(args.filter, args),
  accommodation: (_, { code }, ctx) => ctx.loaders.accommodationByCode.load(code),
  accommodations: (_, args, ctx) => new AccommodationService(ctx.em).list(args.filter, args),
};
