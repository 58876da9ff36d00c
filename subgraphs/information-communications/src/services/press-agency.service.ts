// Press agencies: lookups and the filtered list.
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { containsPattern, findConnection, type Connection, type PageArgs } from '@hub/kit';
import { PressAgency } from '../entities';
import type { PressAgencyFilter } from '../__generated__/resolvers-types';

export class PressAgencyService {
  constructor(private readonly em: EntityManager) {}

  static where(filter: PressAgencyFilter | null | undefined): FilterQuery<PressAgency> {
    const and: FilterQuery<PressAgency>[] = [];
    if (filter?.kind) and.push({ kind: filter.kind });
    if (filter?.status) and.push({ status: filter.status });
    if (filter?.search) and.push({ searchText: { $like: containsPattern(filter.search) } });
    return and.length ? { $and: and } : {};
  }

  byCodes(codes: readonly string[]): Promise<PressAgency[]> {
    return codes.length ? this.em.find(PressAgency, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  list(filter: PressAgencyFilter | null | undefined, args: PageArgs, info?: GraphQLResolveInfo): Promise<Connection<PressAgency>> {
    return findConnection(this.em, PressAgency, PressAgencyService.where(filter), args, 'code', info);
  }
}
