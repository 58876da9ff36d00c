// Water sources: lookups and the filtered list.
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { containsPattern, findConnection, type Connection, type PageArgs } from '@hub/kit';
import { WaterSource } from '../entities';
import type { WaterSourceFilter } from '../__generated__/resolvers-types';

export class WaterSourceService {
  constructor(private readonly em: EntityManager) {}

  static where(filter: WaterSourceFilter | null | undefined): FilterQuery<WaterSource> {
    const and: FilterQuery<WaterSource>[] = [];
    if (filter?.kind) and.push({ kind: filter.kind });
    if (filter?.search) and.push({ searchText: { $like: containsPattern(filter.search) } });
    if (filter?.communeCodes) and.push({ communeCodes: { $overlap: [...filter.communeCodes] } });
    return and.length ? { $and: and } : {};
  }

  byCodes(codes: readonly string[]): Promise<WaterSource[]> {
    return codes.length ? this.em.find(WaterSource, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  list(filter: WaterSourceFilter | null | undefined, args: PageArgs, info?: GraphQLResolveInfo): Promise<Connection<WaterSource>> {
    return findConnection(this.em, WaterSource, WaterSourceService.where(filter), args, 'code', info);
  }
}
