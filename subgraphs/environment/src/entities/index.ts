import { WaterSource, WaterSourceHistory } from './water-source.entity';
import { WaterResourceLicence, WaterResourceLicenceHistory } from './water-resource-licence.entity';
import { MonitoringStation, MonitoringStationHistory } from './monitoring-station.entity';
import { MonitoringResult, MonitoringResultHistory } from './monitoring-result.entity';
import { ClimateHazardZone, ClimateHazardZoneHistory } from './climate-hazard-zone.entity';

export * from './water-source.entity';
export * from './water-resource-licence.entity';
export * from './monitoring-station.entity';
export * from './monitoring-result.entity';
export * from './climate-hazard-zone.entity';

export const entities = [WaterSource, WaterResourceLicence, MonitoringStation, MonitoringResult, ClimateHazardZone];

/** How each entity's changes are recorded (see the kit's `tracked`). */
export const history = [
  WaterSourceHistory,
  WaterResourceLicenceHistory,
  MonitoringStationHistory,
  MonitoringResultHistory,
  ClimateHazardZoneHistory,
];
