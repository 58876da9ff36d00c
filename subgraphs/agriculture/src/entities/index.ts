import { ForestChange, ForestChangeHistory, ForestPlot, ForestPlotHistory } from './forest.entity';
import { GrowingAreaCode, GrowingAreaCodeHistory, Outbreak, OutbreakHistory } from './crops.entity';
import {
  AquacultureArea,
  AquacultureAreaHistory,
  IrrigationWork,
  IrrigationWorkHistory,
  LivestockFarm,
  LivestockFarmHistory,
  NewRuralStatus,
  NewRuralStatusHistory,
  OcopProduct,
  OcopProductHistory,
} from './registers.entity';

export * from './forest.entity';
export * from './crops.entity';
export * from './registers.entity';

export const entities = [
  ForestPlot,
  ForestChange,
  GrowingAreaCode,
  Outbreak,
  LivestockFarm,
  IrrigationWork,
  AquacultureArea,
  OcopProduct,
  NewRuralStatus,
];

/** How each entity's changes are recorded (see the kit's `tracked`). */
export const history = [
  ForestPlotHistory,
  ForestChangeHistory,
  GrowingAreaCodeHistory,
  OutbreakHistory,
  LivestockFarmHistory,
  IrrigationWorkHistory,
  AquacultureAreaHistory,
  OcopProductHistory,
  NewRuralStatusHistory,
];
