import { inUnitKey } from '@hub/kit';
import type { AdministrativeUnitResolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';

// The directory sends the unit's `currentCommuneCodes` with each reference (`@requires`).
export const AdministrativeUnit: AdministrativeUnitResolvers<Ctx> = {
  touristSites: (u, args, ctx) =>
    ctx.loaders.sitesInUnit.load(inUnitKey(u, { category: args.category ?? null, search: args.search ?? null }, args)),
  accommodations: (u, args, ctx) => ctx.loaders.accommodationsInUnit.load(inUnitKey(u, { type: args.type ?? null }, args)),
};
