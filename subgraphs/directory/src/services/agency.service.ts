// Agencies: lookups and the filtered list. Mergers are recorded as `successor` links with end dates.
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { containsPattern, findConnection, type Connection, type PageArgs } from '@hub/kit';
import { Agency } from '../entities';
import type { AgencyFilter } from '../__generated__/resolvers-types';

export class AgencyService {
  constructor(private readonly em: EntityManager) {}

  byCodes(codes: readonly string[]): Promise<Agency[]> {
    return codes.length ? this.em.find(Agency, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  byIds(ids: readonly string[]): Promise<Agency[]> {
    return ids.length ? this.em.find(Agency, { id: { $in: [...ids] } }) : Promise.resolve([]);
  }

  /** Agencies merged into each of the given agencies. */
  predecessorsOf(ids: readonly string[]): Promise<Agency[]> {
    return this.em.find(Agency, { successor: { $in: [...ids] } }, { orderBy: { code: 'asc' } });
  }

  list(filter: AgencyFilter | null | undefined, args: PageArgs): Promise<Connection<Agency>> {
    const and: FilterQuery<Agency>[] = [];
    if (filter?.kind) and.push({ kind: filter.kind });
    if (filter?.level) and.push({ level: filter.level });
    if (filter?.parentCode) and.push({ parent: { code: filter.parentCode } });
    if (filter?.search) and.push({ searchText: { $like: containsPattern(filter.search) } });
    if (filter?.asOf) {
      const d = filter.asOf;
      and.push({ $or: [{ validFrom: null }, { validFrom: { $lte: d } }] }, { $or: [{ validTo: null }, { validTo: { $gte: d } }] });
    }
    return findConnection(this.em, Agency, and.length ? { $and: and } : {}, args, 'code');
  }
}
