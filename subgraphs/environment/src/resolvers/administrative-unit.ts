import { inUnitKey } from '@hub/kit';
import type { AdministrativeUnitResolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';

// The directory sends the unit's `currentCommuneCodes` with each reference (`@requires`): one statement per
// distinct filter for all the units of a request.
export const AdministrativeUnit: AdministrativeUnitResolvers<Ctx> = {
  monitoringStations: (u, args, ctx) => ctx.loaders.stationsInUnit.load(inUnitKey(u, { kind: args.kind ?? null }, args)),
  waterLicences: (u, args, ctx) =>
    ctx.loaders.licencesInUnit.load(inUnitKey(u, { kind: args.kind ?? null, status: args.status ?? null }, args)),
  exceedances: (u, args, ctx) => ctx.loaders.exceedancesInUnit.load(inUnitKey(u, { from: args.from ?? null, to: args.to ?? null }, args)),
  hazardZones: (u, args, ctx) =>
    ctx.loaders.zonesInUnit.load(inUnitKey(u, { kind: args.kind ?? null, riskLevel: args.riskLevel ?? null }, args)),
};
