// Natural-hazard zones: lookups and the filtered list.
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { findConnection, locatedWhere, type Connection, type PageArgs } from '@hub/kit';
import { ClimateHazardZone } from '../entities';
import type { HazardZoneFilter } from '../__generated__/resolvers-types';

export class HazardZoneService {
  constructor(private readonly em: EntityManager) {}

  static where(filter: HazardZoneFilter | null | undefined): FilterQuery<ClimateHazardZone> {
    const extra: FilterQuery<ClimateHazardZone>[] = [];
    if (filter?.kind) extra.push({ kind: filter.kind });
    if (filter?.riskLevel) extra.push({ riskLevel: filter.riskLevel });
    return locatedWhere<ClimateHazardZone>(filter, extra);
  }

  byCodes(codes: readonly string[]): Promise<ClimateHazardZone[]> {
    return codes.length ? this.em.find(ClimateHazardZone, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  list(filter: HazardZoneFilter | null | undefined, args: PageArgs, info?: GraphQLResolveInfo): Promise<Connection<ClimateHazardZone>> {
    return findConnection(this.em, ClimateHazardZone, HazardZoneService.where(filter), args, 'code', info);
  }
}
