// Markets: lookups, the filtered list, and the editors' create, update and delete.
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  createRecord,
  deleteVersioned,
  field,
  findConnection,
  inputRules,
  locatedWhere,
  searchKey,
  stableId,
  updateVersioned,
  type Connection,
  type PageArgs,
} from '@hub/kit';
import { msg } from '@hub/schema';
import type { CallerClaims } from '@hub/runtime';
import { Market } from '../entities';
import type { MarketClass, MarketCreate, MarketFilter, MarketUpdate } from '../__generated__/resolvers-types';
import { agencyCode, byCodes } from './common';

const MarketCreateRules = inputRules<MarketCreate>()({
  code: field.code(/^CH-\d{4}$/, 'CH-0001'),
  name: field.text(300),
  marketClass: field.asSent<MarketClass>(),
  stalls: field.wholeNumber({ max: 5000 }),
  operatingDays: field.text(100),
  managedByCode: agencyCode(),
  communeCode: field.communeCode(),
});

const MarketUpdateRules = inputRules<MarketUpdate>()({
  name: field.text(300).nullish(),
  marketClass: field.asSent<MarketClass>().nullish(),
  stalls: field.wholeNumber({ max: 5000 }).nullish(),
  operatingDays: field.text(100).nullish(),
  managedByCode: agencyCode().nullish(),
});

export class MarketService {
  constructor(private readonly em: EntityManager) {}

  static where(filter: MarketFilter | null | undefined): FilterQuery<Market> {
    return locatedWhere<Market>(filter, filter?.marketClass ? [{ marketClass: filter.marketClass }] : []);
  }

  byCodes(codes: readonly string[]): Promise<Market[]> {
    return byCodes(this.em, Market, codes);
  }

  list(filter: MarketFilter | null | undefined, args: PageArgs, info?: GraphQLResolveInfo): Promise<Connection<Market>> {
    return findConnection(this.em, Market, MarketService.where(filter), args, 'code', info);
  }

  create(caller: CallerClaims, input: MarketCreate): Promise<Market> {
    const create = {
      entity: Market,
      coordinate: 'Mutation.createMarket',
      input: { schema: MarketCreateRules, value: input },
      unique: (i: MarketCreate) => ({ code: i.code }),
      what: (i: MarketCreate) => msg(`market "${i.code}"`, `chợ "${i.code}"`),
    };
    return createRecord(this.em, caller, create, (i) =>
      this.em.create(Market, { id: stableId('industry-trade.market', i.code), ...i, searchText: searchKey(i.name) }),
    );
  }

  private write(code: string, expectedVersion: number, coordinate: string) {
    return { entity: Market, where: { code }, what: msg(`market "${code}"`, `chợ "${code}"`), expectedVersion, coordinate };
  }

  update(caller: CallerClaims, code: string, input: MarketUpdate, expectedVersion: number): Promise<Market> {
    const write = { ...this.write(code, expectedVersion, 'Mutation.updateMarket'), input: { schema: MarketUpdateRules, value: input } };
    return updateVersioned(this.em, caller, write, (m, change) => {
      if (change.name != null) m.name = change.name;
      if (change.marketClass != null) m.marketClass = change.marketClass;
      if (change.stalls != null) m.stalls = change.stalls;
      if (change.operatingDays != null) m.operatingDays = change.operatingDays;
      if (change.managedByCode != null) m.managedByCode = change.managedByCode;
      m.searchText = searchKey(m.name);
    });
  }

  delete(caller: CallerClaims, code: string, expectedVersion: number): Promise<Market> {
    return deleteVersioned(this.em, caller, this.write(code, expectedVersion, 'Mutation.deleteMarket'));
  }
}
