import { inUnitKey } from '@hub/kit';
import type { AdministrativeUnitResolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';

// The directory sends the unit's `currentCommuneCodes` with each reference (`@requires`): one statement per distinct
// filter for all the units of a request.
export const AdministrativeUnit: AdministrativeUnitResolvers<Ctx> = {
  markets: (u, args, ctx) =>
    ctx.loaders.marketsInUnit.load(inUnitKey(u, { marketClass: args.class ?? null, search: args.search ?? null }, args)),
  industrialEstablishments: (u, args, ctx) =>
    ctx.loaders.establishmentsInUnit.load(inUnitKey(u, { sectorCode: args.sectorCode ?? null }, args)),
  fuelStations: (u, args, ctx) => ctx.loaders.fuelStationsInUnit.load(inUnitKey(u, {}, args)),
  energyProjects: (u, args, ctx) => ctx.loaders.energyProjectsInUnit.load(inUnitKey(u, { kind: args.kind ?? null }, args)),
  tradeCentres: (u, args, ctx) => ctx.loaders.tradeCentresInUnit.load(inUnitKey(u, {}, args)),
};
