import { PressAgency, PressAgencyHistory } from './press-agency.entity';
import { PublishingLicence, PublishingLicenceHistory } from './publishing-licence.entity';
import { PostalPoint, PostalPointHistory } from './postal-point.entity';
import { TelecomStation, TelecomStationHistory } from './telecom-station.entity';
import { VillageWithoutCoverage, VillageWithoutCoverageHistory } from './village-without-coverage.entity';

export * from './press-agency.entity';
export * from './publishing-licence.entity';
export * from './postal-point.entity';
export * from './telecom-station.entity';
export * from './village-without-coverage.entity';

export const entities = [PressAgency, PublishingLicence, PostalPoint, TelecomStation, VillageWithoutCoverage];

/** How each entity's changes are recorded (see the kit's `tracked`). */
export const history = [
  PressAgencyHistory,
  PublishingLicenceHistory,
  PostalPointHistory,
  TelecomStationHistory,
  VillageWithoutCoverageHistory,
];
