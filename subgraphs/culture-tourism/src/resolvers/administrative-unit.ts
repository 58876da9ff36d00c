import type { PageArgs } from '@hub/kit';
import type { AccommodationType, TouristSiteCategory } from '../entities';
import type { Ctx } from './context';

/** The directory sends the unit's `currentCommuneCodes` with each reference (`@requires`). */
export interface UnitRef {
  code: string;
  currentCommuneCodes: string[];
}

export const AdministrativeUnitResolvers = {
  touristSites(u: UnitRef, args: PageArgs & { category?: TouristSiteCategory; search?: string }, ctx: Ctx) {
    const filter = { category: args.category ?? null, search: args.search ?? null };
    return ctx.loaders.sitesInUnit.load(JSON.stringify({ communeCodes: u.currentCommuneCodes, filter, first: args.first, after: args.after }));
  },
  accommodations(u: UnitRef, args: PageArgs & { type?: AccommodationType }, ctx: Ctx) {
    const filter = { type: args.type ?? null };
    return ctx.loaders.accommodationsInUnit.load(
      JSON.stringify({ communeCodes: u.currentCommuneCodes, filter, first: args.first, after: args.after }),
    );
  },
};
