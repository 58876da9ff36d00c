import type { Resolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';
import { Query } from './query';
import { Mutation } from './mutation';
import { PressAgency } from './press-agency';
import { PublishingLicence } from './publishing-licence';
import { PostalPoint } from './postal-point';
import { TelecomStation } from './telecom-station';
import { VillageWithoutCoverage } from './village-without-coverage';
import { AdministrativeUnit } from './administrative-unit';

export const resolvers: Resolvers<Ctx> = {
  Query,
  Mutation,
  PressAgency,
  PublishingLicence,
  PostalPoint,
  TelecomStation,
  VillageWithoutCoverage,
  AdministrativeUnit,
};
