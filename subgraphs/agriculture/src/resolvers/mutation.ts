import type { MutationResolvers } from '../__generated__/resolvers-types';
import { ForestService, OutbreakService, RegistersService } from '../services';
import type { Ctx } from './context';

// `reason` is taken by the kit as the reason of the change (required where the record is approved data).
export const Mutation: MutationResolvers<Ctx> = {
  createForestPlot: (_, a, ctx) => new ForestService(ctx.em).createPlot(ctx.caller, a.input),
  updateForestPlot: (_, a, ctx) => new ForestService(ctx.em).updatePlot(ctx.caller, a.code, a.input, a.expectedVersion),
  deleteForestPlot: (_, a, ctx) => new ForestService(ctx.em).deletePlot(ctx.caller, a.code, a.expectedVersion),
  recordForestChange: (_, a, ctx) => new ForestService(ctx.em).recordChange(ctx.caller, a.input),
  openOutbreak: (_, a, ctx) => new OutbreakService(ctx.em).open(ctx.caller, a.input),
  advanceOutbreakStatus: (_, a, ctx) => new OutbreakService(ctx.em).advance(ctx.caller, a.code, a.status, a.on, a.expectedVersion),
  updateOcopProduct: (_, a, ctx) => new RegistersService(ctx.em).updateOcop(ctx.caller, a.code, a.input, a.expectedVersion),
};
