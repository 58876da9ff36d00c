import { inUnitKey } from '@hub/kit';
import type { AdministrativeUnitResolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';

// The directory sends the unit's `currentCommuneCodes` with each reference (`@requires`): one statement per distinct
// filter answers the lists of every unit of a request.
export const AdministrativeUnit: AdministrativeUnitResolvers<Ctx> = {
  postalPoints: (u, args, ctx) => ctx.loaders.postalPointsInUnit.load(inUnitKey(u, { kind: args.kind ?? null }, args)),
  telecomStations: (u, args, ctx) =>
    ctx.loaders.stationsInUnit.load(inUnitKey(u, { operator: args.operator ?? null, technology: args.technology ?? null }, args)),
  villagesWithoutCoverage: (u, args, ctx) => ctx.loaders.villagesInUnit.load(inUnitKey(u, {}, args)),
};
