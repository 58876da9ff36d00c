import type { Resolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';
import { Query } from './query';
import { Mutation } from './mutation';
import { Indicator } from './indicator';
import { AdministrativeUnit } from './administrative-unit';
import { Period } from './period';

export const resolvers: Resolvers<Ctx> = { Query, Mutation, Indicator, AdministrativeUnit, Period };
