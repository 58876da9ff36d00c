// The agriculture subgraph's batch functions; the kit makes a fresh DataLoader of each per request.
import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byKeys, defineLoaders, groupByKeys, inUnitBatch } from '@hub/kit';
import {
  AquacultureArea,
  ForestPlot,
  GrowingAreaCode,
  IrrigationWork,
  LivestockFarm,
  NewRuralStatus,
  OcopProduct,
  Outbreak,
} from './entities';
import { ForestService, OutbreakService, RegistersService } from './services';

/** The batch function of a lookup by code in one of the smaller registers. */
const one =
  <T extends { code: string }>(entity: EntityName<T>) =>
  (em: EntityManager) =>
  async (codes: readonly string[]) =>
    byKeys(codes, await new RegistersService(em).byCodes(entity, codes), (r) => r.code);

export const loaders = defineLoaders({
  forestPlotByCode: (em) => async (codes: readonly string[]) =>
    byKeys(codes, await new ForestService(em).plotsByCodes(codes), (r) => r.code),
  forestChangeByCode: (em) => async (codes: readonly string[]) =>
    byKeys(codes, await new ForestService(em).changesByCodes(codes), (r) => r.code),
  changesOfPlot: (em) => async (plotCodes: readonly string[]) =>
    groupByKeys(plotCodes, await new ForestService(em).changesOfPlots(plotCodes), (c) => c.plotCode),
  conversionsOfProject: (em) => async (projectCodes: readonly string[]) =>
    groupByKeys(projectCodes, await new ForestService(em).conversionsOfProjects(projectCodes), (c) => c.energyProjectCode!),
  outbreakByCode: (em) => async (codes: readonly string[]) => byKeys(codes, await new OutbreakService(em).byCodes(codes), (r) => r.code),
  growingAreaCodeByCode: one(GrowingAreaCode),
  livestockFarmByCode: one(LivestockFarm),
  irrigationWorkByCode: one(IrrigationWork),
  aquacultureAreaByCode: one(AquacultureArea),
  ocopProductByCode: one(OcopProduct),
  newRuralStatusByCode: one(NewRuralStatus),
  forestPlotsInUnit: inUnitBatch(ForestPlot, ForestService.plotWhere),
  ocopProductsInUnit: inUnitBatch(OcopProduct, RegistersService.ocopWhere),
  /** Outbreaks touching any commune of the unit (an outbreak spans several). */
  outbreaksInUnit: inUnitBatch(Outbreak, OutbreakService.where, 'communeCodes'),
});

export type Loaders = typeof loaders;
