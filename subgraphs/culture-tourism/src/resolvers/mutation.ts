import { AccommodationService, TouristSiteService, type AccommodationUpdate, type TouristSiteUpdate } from '../services';
import type { Ctx } from './context';

// `reason` is taken by the kit as the reason of the change (required: sites and establishments are published).
export const Mutation = {
  updateTouristSite: (_: unknown, a: { code: string; input: TouristSiteUpdate; expectedVersion: number }, ctx: Ctx) =>
    new TouristSiteService(ctx.em).update(ctx.caller, a.code, a.input, a.expectedVersion),
  updateAccommodation: (_: unknown, a: { code: string; input: AccommodationUpdate; expectedVersion: number }, ctx: Ctx) =>
    new AccommodationService(ctx.em).update(ctx.caller, a.code, a.input, a.expectedVersion),
};
