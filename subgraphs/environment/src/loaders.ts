// The environment subgraph's batch functions; the kit makes a fresh DataLoader of each per request.
import { byKeys, childBatch, defineLoaders, groupByKeys, inUnitBatch } from '@hub/kit';
import { ClimateHazardZone, MonitoringResult, MonitoringStation, WaterResourceLicence } from './entities';
import { HazardZoneService, MonitoringService, WaterLicenceService, WaterSourceService } from './services';

export const loaders = defineLoaders({
  sourceByCode: (em) => async (codes: readonly string[]) => byKeys(codes, await new WaterSourceService(em).byCodes(codes), (r) => r.code),
  licenceByCode: (em) => async (codes: readonly string[]) => byKeys(codes, await new WaterLicenceService(em).byCodes(codes), (r) => r.code),
  stationByCode: (em) => async (codes: readonly string[]) =>
    byKeys(codes, await new MonitoringService(em).stationsByCodes(codes), (r) => r.code),
  resultByCode: (em) => async (codes: readonly string[]) =>
    byKeys(codes, await new MonitoringService(em).resultsByCodes(codes), (r) => r.code),
  zoneByCode: (em) => async (codes: readonly string[]) => byKeys(codes, await new HazardZoneService(em).byCodes(codes), (r) => r.code),
  /** EnergyProject.waterLicences: the licences of many projects in one statement. */
  licencesByProject: (em) => async (codes: readonly string[]) =>
    groupByKeys(codes, await new WaterLicenceService(em).byEnergyProjects(codes), (r) => r.energyProjectCode!),
  /** MonitoringStation.results, keys made by childKey. */
  stationResults: childBatch(MonitoringResult, 'stationCode', MonitoringService.resultWhere),
  /** WaterSource.licences, keys made by childKey. */
  sourceLicences: childBatch(WaterResourceLicence, 'waterSourceCode', () => ({})),
  stationsInUnit: inUnitBatch(MonitoringStation, MonitoringService.where),
  licencesInUnit: inUnitBatch(WaterResourceLicence, WaterLicenceService.where),
  exceedancesInUnit: inUnitBatch(MonitoringResult, MonitoringService.exceedanceWhere),
  zonesInUnit: inUnitBatch(ClimateHazardZone, HazardZoneService.where),
});

export type Loaders = typeof loaders;
