// Villages without mobile coverage (the department's survey): lookups and the filtered list.
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { findConnection, locatedWhere, type Connection, type PageArgs } from '@hub/kit';
import { VillageWithoutCoverage } from '../entities';
import type { VillageWithoutCoverageFilter } from '../__generated__/resolvers-types';

export class VillageWithoutCoverageService {
  constructor(private readonly em: EntityManager) {}

  static where(filter: VillageWithoutCoverageFilter | null | undefined): FilterQuery<VillageWithoutCoverage> {
    return locatedWhere<VillageWithoutCoverage>(filter, filter?.plannedOperator ? [{ plannedOperator: filter.plannedOperator }] : []);
  }

  byCodes(codes: readonly string[]): Promise<VillageWithoutCoverage[]> {
    return codes.length ? this.em.find(VillageWithoutCoverage, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  list(
    filter: VillageWithoutCoverageFilter | null | undefined,
    args: PageArgs,
    info?: GraphQLResolveInfo,
  ): Promise<Connection<VillageWithoutCoverage>> {
    return findConnection(this.em, VillageWithoutCoverage, VillageWithoutCoverageService.where(filter), args, 'code', info);
  }
}
