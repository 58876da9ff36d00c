import { Query } from './query';
import { Mutation } from './mutation';
import { TouristSiteResolvers } from './tourist-site';
import { AccommodationEstablishmentResolvers } from './accommodation-establishment';
import { AdministrativeUnitResolvers } from './administrative-unit';

export const resolvers = {
  Query,
  Mutation,
  TouristSite: TouristSiteResolvers,
  AccommodationEstablishment: AccommodationEstablishmentResolvers,
  AdministrativeUnit: AdministrativeUnitResolvers,
};
