// The information-communications subgraph's batch functions; the kit makes a fresh DataLoader of each per request.
import { byKeys, defineLoaders, inUnitBatch } from '@hub/kit';
import { PostalPoint, TelecomStation, VillageWithoutCoverage } from './entities';
import {
  PostalPointService,
  PressAgencyService,
  PublishingLicenceService,
  TelecomStationService,
  VillageWithoutCoverageService,
} from './services';

export const loaders = defineLoaders({
  pressAgencyByCode: (em) => async (codes: readonly string[]) =>
    byKeys(codes, await new PressAgencyService(em).byCodes(codes), (r) => r.code),
  licenceByNumber: (em) => async (numbers: readonly string[]) =>
    byKeys(numbers, await new PublishingLicenceService(em).byNumbers(numbers), (r) => r.number),
  postalPointByCode: (em) => async (codes: readonly string[]) =>
    byKeys(codes, await new PostalPointService(em).byCodes(codes), (r) => r.code),
  stationByCode: (em) => async (codes: readonly string[]) =>
    byKeys(codes, await new TelecomStationService(em).byCodes(codes), (r) => r.code),
  villageByCode: (em) => async (codes: readonly string[]) =>
    byKeys(codes, await new VillageWithoutCoverageService(em).byCodes(codes), (r) => r.code),
  postalPointsInUnit: inUnitBatch(PostalPoint, PostalPointService.where),
  stationsInUnit: inUnitBatch(TelecomStation, TelecomStationService.where),
  villagesInUnit: inUnitBatch(VillageWithoutCoverage, VillageWithoutCoverageService.where),
});

export type Loaders = typeof loaders;
