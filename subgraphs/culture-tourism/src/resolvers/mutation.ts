import type { MutationResolvers } from '../__generated__/resolvers-types';
import { AccommodationService, TouristSiteService } from '../services';
import type { Ctx } from './context';

// `reason` is taken by the kit as the reason of the change (required: sites and establishments are published).
export const Mutation: MutationResolvers<Ctx> = {
  updateTouristSite: (_, a, ctx) => new TouristSiteService(ctx.em).update(ctx.caller, a.code, a.input, a.expectedVersion),
  updateAccommodation: (_, a, ctx) => new AccommodationService(ctx.em).update(ctx.caller, a.code, a.input, a.expectedVersion),
};
