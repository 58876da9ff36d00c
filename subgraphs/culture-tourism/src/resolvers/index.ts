import { Query } from './query';
import { TouristSiteResolvers } from './tourist-site';
import { AccommodationEstablishmentResolvers } from './accommodation-establishment';
import { AdministrativeUnitResolvers } from './administrative-unit';

export const resolvers = {
  Query,
  TouristSite: TouristSiteResolvers,
  AccommodationEstablishment: AccommodationEstablishmentResolvers,
  AdministrativeUnit: AdministrativeUnitResolvers,
};
