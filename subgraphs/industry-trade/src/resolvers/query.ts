import type { QueryResolvers } from '../__generated__/resolvers-types';
import { EnergyProjectService, IndustryService, MarketService, TradeService } from '../services';
import type { Ctx } from './context';

// Lists get the resolve info: they read only the columns the asked fields need.
export const Query: QueryResolvers<Ctx> = {
  market: (_, { code }, ctx) => ctx.loaders.marketByCode.load(code),
  markets: (_, a, ctx, info) => new MarketService(ctx.em).list(a.filter, a, info),
  industrialCluster: (_, { code }, ctx) => ctx.loaders.clusterByCode.load(code),
  industrialClusters: (_, a, ctx, info) => new IndustryService(ctx.em).clusters(a.filter, a, info),
  industrialEstablishment: (_, { code }, ctx) => ctx.loaders.establishmentByCode.load(code),
  industrialEstablishments: (_, a, ctx, info) => new IndustryService(ctx.em).establishments(a.filter, a, info),
  tradeCentre: (_, { code }, ctx) => ctx.loaders.tradeCentreByCode.load(code),
  tradeCentres: (_, a, ctx, info) => new TradeService(ctx.em).centres(a.filter, a, info),
  borderGate: (_, { code }, ctx) => ctx.loaders.borderGateByCode.load(code),
  borderGates: (_, a, ctx, info) => new TradeService(ctx.em).gates(a.kind, a, info),
  tradeFlow: (_, { code }, ctx) => ctx.loaders.tradeFlowByCode.load(code),
  energyProject: (_, { code }, ctx) => ctx.loaders.energyProjectByCode.load(code),
  energyProjects: (_, a, ctx, info) => new EnergyProjectService(ctx.em).list(a.filter, a, info),
  fuelStation: (_, { code }, ctx) => ctx.loaders.fuelStationByCode.load(code),
  fuelStations: (_, a, ctx, info) => new TradeService(ctx.em).stations(a.filter, a, info),
};
