// Accommodation establishments: lookups, the filtered list, and changes by the owning agency's editors.
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { badUserInput, msg } from '@hub/schema';
import { field, findConnection, inputRules, locatedWhere, searchKey, updateVersioned, type Connection, type PageArgs } from '@hub/kit';
import type { CallerClaims } from '@hub/runtime';
import { AccommodationEstablishment } from '../entities';
import type { AccommodationFilter, AccommodationUpdate } from '../__generated__/resolvers-types';

/** Left out keeps a value; null clears the optional ones (a name and a room count cannot be cleared). */
const AccommodationUpdateRules = inputRules<AccommodationUpdate>()({
  name: field.text(300).optional(),
  starRating: field.wholeNumber({ min: 1, max: 5 }).nullish(),
  rooms: field.wholeNumber({ min: 1, max: 10_000 }).optional(),
  address: field.textOrNull(300).optional(),
  licenceNumber: field.textOrNull(60).optional(),
  ownerName: field.textOrNull(200).optional(),
  annualRevenue: field.number({ min: 0 }).nullish(),
});

export class AccommodationService {
  constructor(private readonly em: EntityManager) {}

  static where(filter: AccommodationFilter | null | undefined): FilterQuery<AccommodationEstablishment> {
    const extra: FilterQuery<AccommodationEstablishment>[] = [];
    if (filter?.type) extra.push({ type: filter.type });
    if (filter?.minStars != null) {
      if (filter.minStars < 1 || filter.minStars > 5)
        throw badUserInput(
          'filter.minStars',
          msg(`must be from 1 to 5, got ${filter.minStars}`, `phải từ 1 đến 5, nhận được ${filter.minStars}`),
        );
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

  /** Changes an establishment if the caller read its current version; every value is checked before anything is read. */
  update(caller: CallerClaims, code: string, input: AccommodationUpdate, expectedVersion: number): Promise<AccommodationEstablishment> {
    const write = {
      entity: AccommodationEstablishment,
      where: { code },
      what: msg(`accommodation establishment "${code}"`, `cơ sở lưu trú "${code}"`),
      expectedVersion,
      coordinate: 'Mutation.updateAccommodation',
      input: { schema: AccommodationUpdateRules, value: input },
    };
    return updateVersioned(this.em, caller, write, (a, change) => {
      if (change.name !== undefined) a.name = change.name;
      if (change.starRating !== undefined) a.starRating = change.starRating;
      if (change.rooms !== undefined) a.rooms = change.rooms;
      for (const k of ['address', 'licenceNumber', 'ownerName'] as const) if (change[k] !== undefined) a[k] = change[k];
      if (change.annualRevenue !== undefined) a.annualRevenue = change.annualRevenue;
      a.searchText = searchKey(a.name);
    });
  }
}
