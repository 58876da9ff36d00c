import { Query } from './query';
import { Mutation } from './mutation';
import { IndicatorResolvers } from './indicator';
import { AdministrativeUnitResolvers } from './administrative-unit';

export const resolvers = {
  Query,
  Mutation,
  Indicator: IndicatorResolvers,
  AdministrativeUnit: AdministrativeUnitResolvers,
};
