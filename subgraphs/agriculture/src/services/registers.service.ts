// The smaller registers: growing-area codes, livestock farms, irrigation works, aquaculture areas, OCOP products
// and new-rural recognitions. Lookups by code, filtered lists, and the OCOP update (approved data).
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { field, findConnection, inputRules, locatedWhere, searchKey, updateVersioned, type Connection, type PageArgs } from '@hub/kit';
import { msg } from '@hub/schema';
import type { CallerClaims } from '@hub/runtime';
import { AquacultureArea, GrowingAreaCode, IrrigationWork, LivestockFarm, NewRuralStatus, OcopProduct } from '../entities';
import type {
  AquacultureAreaFilter,
  GrowingAreaCodeFilter,
  IrrigationWorkFilter,
  LivestockFarmFilter,
  NewRuralStatusFilter,
  OcopProductFilter,
  OcopProductUpdate,
} from '../__generated__/resolvers-types';
import { addMonths, REFORM_DAY } from '../units';

const OcopProductUpdateRules = inputRules<OcopProductUpdate>()({
  name: field.text(300).optional(),
  stars: field.wholeNumber({ min: 3, max: 5 }).optional(),
  producer: field.text(300).optional(),
  decisionNumber: field.text(60).optional(),
  decidedOn: field.date().optional(),
});

export class RegistersService {
  constructor(private readonly em: EntityManager) {}

  static growingAreaWhere = (f: GrowingAreaCodeFilter | null | undefined): FilterQuery<GrowingAreaCode> =>
    locatedWhere<GrowingAreaCode>(f, f?.certification ? [{ certification: f.certification }] : []);
  static farmWhere = (f: LivestockFarmFilter | null | undefined): FilterQuery<LivestockFarm> =>
    locatedWhere<LivestockFarm>(f, f?.scale ? [{ scale: f.scale }] : []);
  static irrigationWhere = (f: IrrigationWorkFilter | null | undefined): FilterQuery<IrrigationWork> =>
    locatedWhere<IrrigationWork>(f, f?.kind ? [{ kind: f.kind }] : []);
  static aquacultureWhere = (f: AquacultureAreaFilter | null | undefined): FilterQuery<AquacultureArea> =>
    locatedWhere<AquacultureArea>(f, f?.method ? [{ method: f.method }] : []);
  static ocopWhere = (f: (OcopProductFilter & { minStars?: number | null }) | null | undefined): FilterQuery<OcopProduct> =>
    locatedWhere<OcopProduct>(f, f?.minStars != null ? [{ stars: { $gte: f.minStars } }] : []);
  static newRuralWhere(f: NewRuralStatusFilter | null | undefined): FilterQuery<NewRuralStatus> {
    const and: FilterQuery<NewRuralStatus>[] = [];
    if (f?.year != null) and.push({ year: f.year });
    if (f?.level) and.push({ level: f.level });
    if (f?.communeCodes) and.push({ communeCode: { $in: [...f.communeCodes] } });
    return and.length ? { $and: and } : {};
  }

  byCodes<T extends { code: string }>(entity: EntityName<T>, codes: readonly string[]): Promise<T[]> {
    return codes.length ? this.em.find(entity, { code: { $in: [...codes] } } as FilterQuery<T>) : Promise.resolve([]);
  }

  list<T extends object>(entity: EntityName<T>, where: FilterQuery<T>, args: PageArgs, info?: GraphQLResolveInfo): Promise<Connection<T>> {
    return findConnection(this.em, entity, where, args, 'code' as keyof T & string, info);
  }

  /** An OCOP product's certification is a decision of the provincial People's Committee: a reason is required. */
  updateOcop(caller: CallerClaims, code: string, input: OcopProductUpdate, expectedVersion: number): Promise<OcopProduct> {
    const write = {
      entity: OcopProduct,
      where: { code },
      what: msg(`OCOP product "${code}"`, `sản phẩm OCOP "${code}"`),
      expectedVersion,
      coordinate: 'Mutation.updateOcopProduct',
      input: { schema: OcopProductUpdateRules, value: input },
    };
    return updateVersioned(this.em, caller, write, (o, c) => {
      if (c.name !== undefined) o.name = c.name;
      if (c.stars !== undefined) o.stars = c.stars;
      if (c.producer !== undefined) o.producer = c.producer;
      if (c.decisionNumber !== undefined) o.decisionNumber = c.decisionNumber;
      if (c.decidedOn !== undefined) {
        o.decidedOn = c.decidedOn;
        o.validUntil = addMonths(c.decidedOn, 36);
        // a decision after the reform names today's commune
        if (c.decidedOn >= REFORM_DAY) o.communeCodeOnRecord = o.communeCode;
      }
      o.searchText = searchKey(`${o.name} ${o.producer}`);
    });
  }
}
