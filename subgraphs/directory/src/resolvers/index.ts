import { Query } from './query';
import { AdministrativeUnitResolvers } from './administrative-unit';
import { AgencyResolvers } from './agency';
import { DatasetResolvers, DatasetOwnershipResolvers } from './dataset';
import { ProvenanceResolvers } from './provenance';
import { Mutation } from './mutation';
import { AccountResolvers } from './account';
import { SharingAgreementResolvers } from './sharing-agreement';

export const resolvers = {
  Query,
  Mutation,
  Account: AccountResolvers,
  SharingAgreement: SharingAgreementResolvers,
  AdministrativeUnit: AdministrativeUnitResolvers,
  Agency: AgencyResolvers,
  Dataset: DatasetResolvers,
  DatasetOwnership: DatasetOwnershipResolvers,
  Provenance: ProvenanceResolvers,
};
