// Accommodation establishments: lookups, the filtered list, and changes by the owning agency's editors.
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { badUserInput } from '@hub/schema';
import { findConnection, limitText, locatedWhere, searchKey, updateVersioned, type Connection, type PageArgs } from '@hub/kit';
import type { CallerClaims } from '@hub/runtime';
import { AccommodationEstablishment } from '../entities';
import type { AccommodationFilter, AccommodationUpdate } from '../__generated__/resolvers-types';

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

  list(
    filter: AccommodationFilter | null | undefined,
    args: PageArgs,
    info?: GraphQLResolveInfo,
  ): Promise<Connection<AccommodationEstablishment>> {
    return findConnection(this.em, AccommodationEstablishment, AccommodationService.where(filter), args, 'code', info);
  }

  /** Changes an establishment if the caller read its current version; every value is checked before anything is written. */
  update(caller: CallerClaims, code: string, input: AccommodationUpdate, expectedVersion: number): Promise<AccommodationEstablishment> {
    const where = {
      entity: AccommodationEstablishment,
      where: { code },
      what: `accommodation establishment "${code}"`,
      expectedVersion,
      coordinate: 'Mutation.updateAccommodation',
    };
    return updateVersioned(this.em, caller, where, (a) => {
      for (const [k, max] of [
        ['name', 300],
        ['address', 300],
        ['licenceNumber', 60],
        ['ownerName', 200],
      ] as const)
        limitText(`input.${k}`, input[k], max);
      if (input.name !== undefined && !input.name?.trim()) throw badUserInput('input.name', 'must not be empty');
      if (input.starRating != null && (!Number.isInteger(input.starRating) || input.starRating < 1 || input.starRating > 5)) {
        throw badUserInput('input.starRating', `must be from 1 to 5, got ${input.starRating}`);
      }
      if (input.rooms !== undefined && (input.rooms === null || !Number.isInteger(input.rooms) || input.rooms < 1 || input.rooms > 10000)) {
        throw badUserInput('input.rooms', 'must be a whole number from 1 to 10000');
      }
      if (input.annualRevenue != null && !(input.annualRevenue >= 0)) throw badUserInput('input.annualRevenue', 'must be 0 or more');
      if (input.name != null) a.name = input.name.trim();
      if (input.starRating !== undefined) a.starRating = input.starRating;
      if (input.rooms != null) a.rooms = input.rooms;
      for (const k of ['address', 'licenceNumber', 'ownerName'] as const) if (input[k] !== undefined) a[k] = input[k]?.trim() || null;
      if (input.annualRevenue !== undefined) a.annualRevenue = input.annualRevenue;
      a.searchText = searchKey(a.name);
    });
  }
}
