import type { Resolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';
import { Query } from './query';
import { Mutation } from './mutation';
import { TouristSite } from './tourist-site';
import { AccommodationEstablishment } from './accommodation-establishment';
import { AdministrativeUnit } from './administrative-unit';

export const resolvers: Resolvers<Ctx> = { Query, Mutation, TouristSite, AccommodationEstablishment, AdministrativeUnit };
