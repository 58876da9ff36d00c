import type { AdministrativeUnitResolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';

export const AdministrativeUnit: AdministrativeUnitResolvers<Ctx> = {
  touristSites(u, args, ctx) {
    const filter = { category: args.category ?? null, search: args.search ?? null };
    return ctx.loaders.sitesInUnit.load(JSON.stringify({ communeCodes: u.currentCommuneCodes, filter, first: args.first, after: args.after }));
  },
  accommodations(u, args, ctx) {
    const filter = { type: args.type ?? null };
    return ctx.loaders.accommodationsInUnit.load(
      JSON.stringify({ communeCodes: u.currentCommuneCodes, filter, first: args.first, after: args.after }),
    );
  },
};
