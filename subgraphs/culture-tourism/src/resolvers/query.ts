import type { GraphQLResolveInfo } from 'graphql';
import type { PageArgs } from '@hub/kit';
import { AccommodationService, TouristSiteService, type AccommodationFilter, type TouristSiteFilter } from '../services';
import type { Ctx } from './context';

export const Query = {
  touristSite: (_: unknown, { code }: { code: string }, ctx: Ctx) => ctx.loaders.siteByCode.load(code),
  touristSites: (_: unknown, args: PageArgs & { filter?: TouristSiteFilter }, ctx: Ctx, info: GraphQLResolveInfo) =>
    new TouristSiteService(ctx.em).list(args.filter, args, info),
  accommodation: (_: unknown, { code }: { code: string }, ctx: Ctx) => ctx.loaders.accommodationByCode.load(code),
  accommodations: (_: unknown, args: PageArgs & { filter?: AccommodationFilter }, ctx: Ctx, info: GraphQLResolveInfo) =>
    new AccommodationService(ctx.em).list(args.filter, args, info),
};
