// Accommodation establishments: lookups and the filtered list.
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { badUserInput } from '@hub/schema';
import { findConnection, type Connection, type PageArgs } from '@hub/kit';
import { AccommodationEstablishment, type AccommodationType } from '../entities';
import { locatedWhere, type LocatedFilter } from './located';

export interface AccommodationFilter extends LocatedFilter {
  type?: AccommodationType | null;
  minStars?: number | null;
}

export class AccommodationService {
  constructor(private readonly em: EntityManager) {}

  static where(filter: AccommodationFilter | null | undefined): FilterQuery<AccommodationEstablishment> {
    const extra: FilterQuery<AccommodationEstablishment>[] = [];
    if (filter?.type) extra.push({ type: filter.type });
    if (filter?.minStars != null) {
      if (filter.minStars < 1 || filter.minStars > 5) throw badUserInput('filter.minStars', `must be from 1 to 5, got ${filter.minStars}`);
      extra.push({ starRating: { $gte: filter.minStars } });
    }
    return locatedWhere<AccommodationEstablishment>(filter, extra);
  }

  byCodes(codes: readonly string[]): Promise<AccommodationEstablishment[]> {
    return codes.length ? this.em.find(AccommodationEstablishment, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  list(filter: AccommodationFilter | null | undefined, args: PageArgs): Promise<Connection<AccommodationEstablishment>> {
    return findConnection(this.em, AccommodationEstablishment, AccommodationService.where(filter), args, 'code');
  }
}
