import { inUnitKey } from '@hub/kit';
import type { AdministrativeUnitResolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';

// The directory sends the unit's `currentCommuneCodes` with each reference (`@requires`).
export const AdministrativeUnit: AdministrativeUnitResolvers<Ctx> = {
  forestPlots: (u, a, ctx) => ctx.loaders.forestPlotsInUnit.load(inUnitKey(u, { purpose: a.purpose ?? null }, a)),
  outbreaks: (u, a, ctx) => ctx.loaders.outbreaksInUnit.load(inUnitKey(u, { category: a.category ?? null, status: a.status ?? null }, a)),
  ocopProducts: (u, a, ctx) => ctx.loaders.ocopProductsInUnit.load(inUnitKey(u, { minStars: a.minStars ?? null }, a)),
};
