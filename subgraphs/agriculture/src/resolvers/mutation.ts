import type { MutationResolvers } from '../__generated__/resolvers-types';
import { msg } from '@hub/schema';
import { AquacultureArea, IrrigationWork, LivestockFarm } from '../entities';
import { ForestService, OutbreakService, RegistersService } from '../services';
import type { Ctx } from './context';

// `reason` is taken by the kit as the reason of the change (required where the record is approved data).
export const Mutation: MutationResolvers<Ctx> = {
  createForestPlot: (_, a, ctx) => new ForestService(ctx.em).createPlot(ctx.caller, a.input),
  updateForestPlot: (_, a, ctx) => new ForestService(ctx.em).updatePlot(ctx.caller, a.code, a.input, a.expectedVersion),
  deleteForestPlot: (_, a, ctx) => new ForestService(ctx.em).deletePlot(ctx.caller, a.code, a.expectedVersion),
  recordForestChange: (_, a, ctx) => new ForestService(ctx.em).recordChange(ctx.caller, a.input),
  updateForestChange: (_, a, ctx) => new ForestService(ctx.em).updateChange(ctx.caller, a.code, a.input, a.expectedVersion),
  deleteForestChange: (_, a, ctx) => new ForestService(ctx.em).deleteChange(ctx.caller, a.code, a.expectedVersion),
  updateOutbreak: (_, a, ctx) => new OutbreakService(ctx.em).update(ctx.caller, a.code, a.input, a.expectedVersion),
  openOutbreak: (_, a, ctx) => new OutbreakService(ctx.em).open(ctx.caller, a.input),
  advanceOutbreakStatus: (_, a, ctx) => new OutbreakService(ctx.em).advance(ctx.caller, a.code, a.status, a.on, a.expectedVersion),
  updateOcopProduct: (_, a, ctx) => new RegistersService(ctx.em).updateOcop(ctx.caller, a.code, a.input, a.expectedVersion),
  createOcopProduct: (_, a, ctx) => new RegistersService(ctx.em).createOcop(ctx.caller, a.input),
  revokeOcopProduct: (_, a, ctx) => new RegistersService(ctx.em).revokeOcop(ctx.caller, a.code, a.revokedOn, a.expectedVersion),
  createGrowingAreaCode: (_, a, ctx) => new RegistersService(ctx.em).createGrowingArea(ctx.caller, a.input),
  updateGrowingAreaCode: (_, a, ctx) => new RegistersService(ctx.em).updateGrowingArea(ctx.caller, a.code, a.input, a.expectedVersion),
  revokeGrowingAreaCode: (_, a, ctx) => new RegistersService(ctx.em).revokeGrowingArea(ctx.caller, a.code, a.revokedOn, a.expectedVersion),
  createLivestockFarm: (_, a, ctx) => new RegistersService(ctx.em).createFarm(ctx.caller, a.input),
  updateLivestockFarm: (_, a, ctx) => new RegistersService(ctx.em).updateFarm(ctx.caller, a.code, a.input, a.expectedVersion),
  deleteLivestockFarm: (_, a, ctx) =>
    new RegistersService(ctx.em).remove(
      ctx.caller,
      LivestockFarm,
      a.code,
      msg(`livestock farm "${a.code}"`, `trang trại "${a.code}"`),
      'Mutation.deleteLivestockFarm',
      a.expectedVersion,
    ),
  createIrrigationWork: (_, a, ctx) => new RegistersService(ctx.em).createIrrigation(ctx.caller, a.input),
  updateIrrigationWork: (_, a, ctx) => new RegistersService(ctx.em).updateIrrigation(ctx.caller, a.code, a.input, a.expectedVersion),
  deleteIrrigationWork: (_, a, ctx) =>
    new RegistersService(ctx.em).remove(
      ctx.caller,
      IrrigationWork,
      a.code,
      msg(`irrigation work "${a.code}"`, `công trình thủy lợi "${a.code}"`),
      'Mutation.deleteIrrigationWork',
      a.expectedVersion,
    ),
  createAquacultureArea: (_, a, ctx) => new RegistersService(ctx.em).createAquaculture(ctx.caller, a.input),
  updateAquacultureArea: (_, a, ctx) => new RegistersService(ctx.em).updateAquaculture(ctx.caller, a.code, a.input, a.expectedVersion),
  deleteAquacultureArea: (_, a, ctx) =>
    new RegistersService(ctx.em).remove(
      ctx.caller,
      AquacultureArea,
      a.code,
      msg(`aquaculture area "${a.code}"`, `vùng nuôi trồng thủy sản "${a.code}"`),
      'Mutation.deleteAquacultureArea',
      a.expectedVersion,
    ),
  createNewRuralStatus: (_, a, ctx) => new RegistersService(ctx.em).createNewRural(ctx.caller, a.input),
  revokeNewRuralStatus: (_, a, ctx) => new RegistersService(ctx.em).revokeNewRural(ctx.caller, a.code, a.revokedOn, a.expectedVersion),
};
