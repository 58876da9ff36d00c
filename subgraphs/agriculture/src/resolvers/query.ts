import type { QueryResolvers } from '../__generated__/resolvers-types';
import { AquacultureArea, GrowingAreaCode, IrrigationWork, LivestockFarm, NewRuralStatus, OcopProduct } from '../entities';
import { ForestService, OutbreakService, RegistersService as R } from '../services';
import type { Ctx } from './context';

export const Query: QueryResolvers<Ctx> = {
  forestPlot: (_, { code }, ctx) => ctx.loaders.forestPlotByCode.load(code),
  forestPlots: (_, a, ctx, info) => new ForestService(ctx.em).plots(a.filter, a, info),
  forestChange: (_, { code }, ctx) => ctx.loaders.forestChangeByCode.load(code),
  forestChanges: (_, a, ctx, info) => new ForestService(ctx.em).changes(a.filter, a, info),
  growingAreaCode: (_, { code }, ctx) => ctx.loaders.growingAreaCodeByCode.load(code),
  growingAreaCodes: (_, a, ctx, info) => new R(ctx.em).list(GrowingAreaCode, R.growingAreaWhere(a.filter), a, info),
  outbreak: (_, { code }, ctx) => ctx.loaders.outbreakByCode.load(code),
  outbreaks: (_, a, ctx, info) => new OutbreakService(ctx.em).list(a.filter, a, info),
  livestockFarm: (_, { code }, ctx) => ctx.loaders.livestockFarmByCode.load(code),
  livestockFarms: (_, a, ctx, info) => new R(ctx.em).list(LivestockFarm, R.farmWhere(a.filter), a, info),
  irrigationWork: (_, { code }, ctx) => ctx.loaders.irrigationWorkByCode.load(code),
  irrigationWorks: (_, a, ctx, info) => new R(ctx.em).list(IrrigationWork, R.irrigationWhere(a.filter), a, info),
  aquacultureArea: (_, { code }, ctx) => ctx.loaders.aquacultureAreaByCode.load(code),
  aquacultureAreas: (_, a, ctx, info) => new R(ctx.em).list(AquacultureArea, R.aquacultureWhere(a.filter), a, info),
  ocopProduct: (_, { code }, ctx) => ctx.loaders.ocopProductByCode.load(code),
  ocopProducts: (_, a, ctx, info) => new R(ctx.em).list(OcopProduct, R.ocopWhere(a.filter), a, info),
  newRuralStatus: (_, { code }, ctx) => ctx.loaders.newRuralStatusByCode.load(code),
  newRuralStatuses: (_, a, ctx, info) => new R(ctx.em).list(NewRuralStatus, R.newRuralWhere(a.filter), a, info),
};
