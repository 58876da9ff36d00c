import type { Resolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';
import { Query } from './query';
import { AdministrativeUnit } from './administrative-unit';
import { Agency } from './agency';
import { Dataset, DatasetOwnership } from './dataset';
import { Provenance } from './provenance';
import { Mutation } from './mutation';
import { Account } from './account';
import { SharingAgreement } from './sharing-agreement';

export const resolvers: Resolvers<Ctx> = {
  Query,
  Mutation,
  Account,
  SharingAgreement,
  AdministrativeUnit,
  Agency,
  Dataset,
  DatasetOwnership,
  Provenance,
};
