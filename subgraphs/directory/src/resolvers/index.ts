import { Query } from './query';
import { AdministrativeUnitResolvers } from './administrative-unit';
import { AgencyResolvers } from './agency';
import { DatasetResolvers, DatasetOwnershipResolvers } from './dataset';
import { ProvenanceResolvers } from './provenance';

export const resolvers = {
  Query,
  AdministrativeUnit: AdministrativeUnitResolvers,
  Agency: AgencyResolvers,
  Dataset: DatasetResolvers,
  DatasetOwnership: DatasetOwnershipResolvers,
  Provenance: ProvenanceResolvers,
};
