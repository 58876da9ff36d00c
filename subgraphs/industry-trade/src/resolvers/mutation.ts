import type { MutationResolvers } from '../__generated__/resolvers-types';
import { EnergyProjectService, IndustryService, MarketService } from '../services';
import type { Ctx } from './context';

// `reason` is taken by the kit as the reason of the change (required for approved data: an OPERATING energy project).
export const Mutation: MutationResolvers<Ctx> = {
  createMarket: (_, a, ctx) => new MarketService(ctx.em).create(ctx.caller, a.input),
  updateMarket: (_, a, ctx) => new MarketService(ctx.em).update(ctx.caller, a.code, a.input, a.expectedVersion),
  deleteMarket: (_, a, ctx) => new MarketService(ctx.em).delete(ctx.caller, a.code, a.expectedVersion),
  createEnergyProject: (_, a, ctx) => new EnergyProjectService(ctx.em).create(ctx.caller, a.input),
  updateEnergyProject: (_, a, ctx) => new EnergyProjectService(ctx.em).update(ctx.caller, a.code, a.input, a.expectedVersion),
  retireEnergyProject: (_, a, ctx) => new EnergyProjectService(ctx.em).retire(ctx.caller, a.code, a.status, a.endedOn, a.expectedVersion),
  updateIndustrialEstablishment: (_, a, ctx) =>
    new IndustryService(ctx.em).updateEstablishment(ctx.caller, a.code, a.input, a.expectedVersion),
};
