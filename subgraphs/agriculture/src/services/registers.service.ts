// The smaller registers: growing-area codes, livestock farms, irrigation works, aquaculture areas, OCOP products
// and new-rural recognitions. Lookups by code, filtered lists, and the OCOP update (approved data).
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import {
  communeOnRecordOf,
  type Connection,
  createRecord,
  deleteVersioned,
  field,
  findConnection,
  inputRules,
  locatedWhere,
  type PageArgs,
  searchKey,
  updateVersioned,
  z,
} from '@hub/kit';
import { badUserInput, msg, type Message } from '@hub/schema';
import type { CallerClaims } from '@hub/runtime';
import { AquacultureArea, GrowingAreaCode, IrrigationWork, LivestockFarm, NewRuralStatus, OcopProduct } from '../entities';
import type {
  AquacultureAreaCreate,
  AquacultureAreaUpdate,
  AquacultureMethod,
  FarmScale,
  GrowingAreaCertification,
  GrowingAreaCodeCreate,
  GrowingAreaCodeUpdate,
  IrrigationWorkCreate,
  IrrigationWorkKind,
  IrrigationWorkUpdate,
  LivestockFarmCreate,
  LivestockFarmUpdate,
  NewRuralLevel,
  NewRuralStatusCreate,
  OcopProductCreate,
  AquacultureAreaFilter,
  GrowingAreaCodeFilter,
  IrrigationWorkFilter,
  LivestockFarmFilter,
  NewRuralStatusFilter,
  OcopProductFilter,
  OcopProductUpdate,
} from '../__generated__/resolvers-types';
import { REFORM_DAY } from '@hub/schema/fixtures/cao-bang';
import { addMonths, departmentOn, TODAY_OF } from '../units';
import { agencyCode, anyCommune, area } from './rules';

const GrowingAreaCodeCreateRules = inputRules<GrowingAreaCodeCreate>()({
  code: field.code(/^VN-CBCA-\d{4}$/, 'VN-CBCA-0101'),
  crop: field.text(120),
  areaHa: area(),
  certification: field.asSent<GrowingAreaCertification>(),
  grower: field.text(300),
  issuedOn: field.date(),
  communeCode: field.communeCode(),
  communeCodeOnRecord: anyCommune().nullish(),
});
const GrowingAreaCodeUpdateRules = inputRules<GrowingAreaCodeUpdate>()({
  areaHa: area().optional(),
  certification: field.asSent<GrowingAreaCertification>().nullish(),
  grower: field.text(300).optional(),
});
const OcopProductCreateRules = inputRules<OcopProductCreate>()({
  code: field.code(/^OCOP-\d{4}$/, 'OCOP-0101'),
  name: field.text(300),
  stars: field.wholeNumber({ min: 3, max: 5 }),
  producer: field.text(300),
  decisionNumber: field.text(60),
  decidedOn: field.date(),
  communeCode: field.communeCode(),
  communeCodeOnRecord: anyCommune().nullish(),
});
const heads = () => field.wholeNumber({ max: 10_000_000 });
const LivestockFarmCreateRules = inputRules<LivestockFarmCreate>()({
  code: field.code(/^TT-\d{4}$/, 'TT-0101'),
  name: field.text(300),
  scale: field.asSent<FarmScale>(),
  species: field.text(120),
  headCount: heads(),
  ownerName: field.textOrNull(300).optional(),
  communeCode: field.communeCode(),
});
const LivestockFarmUpdateRules = inputRules<LivestockFarmUpdate>()({
  name: field.text(300).optional(),
  scale: field.asSent<FarmScale>().nullish(),
  species: field.text(120).optional(),
  headCount: heads().optional(),
  ownerName: field.textOrNull(300).optional(),
});
const irrigated = () => field.number({ min: 0, max: 100000 });
const IrrigationWorkCreateRules = inputRules<IrrigationWorkCreate>()({
  code: field.code(/^TL-\d{4}$/, 'TL-0101'),
  name: field.text(300),
  kind: field.asSent<IrrigationWorkKind>(),
  capacity: field.number({ min: 0 }).nullish(),
  irrigatedHa: irrigated(),
  communeCode: field.communeCode(),
  managedByCode: agencyCode().nullish(),
});
const IrrigationWorkUpdateRules = inputRules<IrrigationWorkUpdate>()({
  name: field.text(300).optional(),
  kind: field.asSent<IrrigationWorkKind>().nullish(),
  capacity: field.number({ min: 0 }).nullish(),
  irrigatedHa: irrigated().optional(),
  managedByCode: field.textOrNull(20).optional(),
});
const AquacultureAreaCreateRules = inputRules<AquacultureAreaCreate>()({
  code: field.code(/^TS-\d{4}$/, 'TS-0101'),
  name: field.text(300),
  species: field.text(120),
  method: field.asSent<AquacultureMethod>(),
  waterAreaHa: area(),
  communeCode: field.communeCode(),
});
const AquacultureAreaUpdateRules = inputRules<AquacultureAreaUpdate>()({
  name: field.text(300).optional(),
  species: field.text(120).optional(),
  method: field.asSent<AquacultureMethod>().nullish(),
  waterAreaHa: area().optional(),
});
const NewRuralStatusCreateRules = inputRules<NewRuralStatusCreate>()({
  year: field.wholeNumber({ min: 2010, max: 2030 }),
  level: field.asSent<NewRuralLevel>(),
  criteriaMet: field.wholeNumber({ max: 19 }),
  decisionNumber: field.text(60),
  decidedOn: field.date(),
  communeCodeOnRecord: anyCommune(),
});
const RevokeRules = z.object({ revokedOn: field.date() });

/** A record of a register that is retired rather than deleted. */
interface Revocable {
  status: 'ACTIVE' | 'REVOKED';
  revokedOn?: string | null;
}

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
  createGrowingArea(caller: CallerClaims, input: GrowingAreaCodeCreate): Promise<GrowingAreaCode> {
    return createRecord(
      this.em,
      caller,
      {
        entity: GrowingAreaCode,
        coordinate: 'Mutation.createGrowingAreaCode',
        input: { schema: GrowingAreaCodeCreateRules, value: input },
        unique: (i) => ({ code: i.code }),
        what: (i) => msg(`growing-area code "${i.code}"`, `mã số vùng trồng "${i.code}"`),
      },
      (i) =>
        this.em.create(GrowingAreaCode, {
          ...i,
          communeCodeOnRecord: communeOnRecordOf(i.communeCode, i.issuedOn, i.communeCodeOnRecord)!,
          issuerCode: departmentOn(i.issuedOn),
          status: 'ACTIVE',
          revokedOn: null,
          searchText: searchKey(`${i.crop} ${i.grower}`),
        }),
    );
  }

  updateGrowingArea(caller: CallerClaims, code: string, input: GrowingAreaCodeUpdate, expectedVersion: number): Promise<GrowingAreaCode> {
    const write = {
      entity: GrowingAreaCode,
      where: { code },
      what: msg(`growing-area code "${code}"`, `mã số vùng trồng "${code}"`),
      expectedVersion,
      coordinate: 'Mutation.updateGrowingAreaCode',
      input: { schema: GrowingAreaCodeUpdateRules, value: input },
    };
    return updateVersioned(this.em, caller, write, (g, c) => {
      if (c.areaHa !== undefined) g.areaHa = c.areaHa;
      if (c.certification != null) g.certification = c.certification;
      if (c.grower !== undefined) g.grower = c.grower;
      g.searchText = searchKey(`${g.crop} ${g.grower}`);
    });
  }

  /** Retires a record of a register (growing-area codes, OCOP certifications, new-rural recognitions). */
  private revoke<T extends { version: number; code: string }>(
    caller: CallerClaims,
    w: { entity: EntityName<T>; code: string; what: Message; coordinate: string; revokedOn: string; expectedVersion: number },
    dateOf: (r: T) => string,
    apply: (r: T, on: string) => void,
    revoked: (r: T) => boolean,
  ): Promise<T> {
    const write = {
      entity: w.entity,
      where: { code: w.code } as FilterQuery<T>,
      what: w.what,
      expectedVersion: w.expectedVersion,
      coordinate: w.coordinate,
      input: { schema: RevokeRules, value: { revokedOn: w.revokedOn }, argument: '' },
    };
    return updateVersioned(this.em, caller, write, (r, c) => {
      if (revoked(r)) throw badUserInput('code', msg('is revoked already', 'đã bị thu hồi'));
      if (c.revokedOn < dateOf(r))
        throw badUserInput('revokedOn', msg(`must not be before ${dateOf(r)}`, `không được trước ngày ${dateOf(r)}`));
      apply(r, c.revokedOn);
    });
  }

  revokeGrowingArea(caller: CallerClaims, code: string, revokedOn: string, expectedVersion: number): Promise<GrowingAreaCode> {
    const what = msg(`growing-area code "${code}"`, `mã số vùng trồng "${code}"`);
    const w = { entity: GrowingAreaCode, code, what, coordinate: 'Mutation.revokeGrowingAreaCode', revokedOn, expectedVersion };
    return this.revoke(
      caller,
      w,
      (g) => g.issuedOn,
      setRevoked,
      (g) => g.status === 'REVOKED',
    );
  }

  createOcop(caller: CallerClaims, input: OcopProductCreate): Promise<OcopProduct> {
    return createRecord(
      this.em,
      caller,
      {
        entity: OcopProduct,
        coordinate: 'Mutation.createOcopProduct',
        input: { schema: OcopProductCreateRules, value: input },
        unique: (i) => ({ code: i.code }),
        what: (i) => msg(`OCOP product "${i.code}"`, `sản phẩm OCOP "${i.code}"`),
      },
      (i) =>
        this.em.create(OcopProduct, {
          ...i,
          communeCodeOnRecord: communeOnRecordOf(i.communeCode, i.decidedOn, i.communeCodeOnRecord)!,
          validUntil: addMonths(i.decidedOn, 36),
          revokedOn: null,
          issuerCode: 'UBND-04',
          searchText: searchKey(`${i.name} ${i.producer}`),
        }),
    );
  }

  revokeOcop(caller: CallerClaims, code: string, revokedOn: string, expectedVersion: number): Promise<OcopProduct> {
    const what = msg(`OCOP product "${code}"`, `sản phẩm OCOP "${code}"`);
    const w = { entity: OcopProduct, code, what, coordinate: 'Mutation.revokeOcopProduct', revokedOn, expectedVersion };
    return this.revoke(
      caller,
      w,
      (o) => o.decidedOn,
      (o, on) => (o.revokedOn = on),
      (o) => o.revokedOn != null,
    );
  }

  createFarm(caller: CallerClaims, input: LivestockFarmCreate): Promise<LivestockFarm> {
    return createRecord(
      this.em,
      caller,
      {
        entity: LivestockFarm,
        coordinate: 'Mutation.createLivestockFarm',
        input: { schema: LivestockFarmCreateRules, value: input },
        unique: (i) => ({ code: i.code }),
        what: (i) => msg(`livestock farm "${i.code}"`, `trang trại "${i.code}"`),
      },
      (i) => this.em.create(LivestockFarm, { ...i, ownerName: i.ownerName ?? null, searchText: searchKey(`${i.name} ${i.species}`) }),
    );
  }

  updateFarm(caller: CallerClaims, code: string, input: LivestockFarmUpdate, expectedVersion: number): Promise<LivestockFarm> {
    const write = {
      entity: LivestockFarm,
      where: { code },
      what: msg(`livestock farm "${code}"`, `trang trại "${code}"`),
      expectedVersion,
      coordinate: 'Mutation.updateLivestockFarm',
      input: { schema: LivestockFarmUpdateRules, value: input },
    };
    return updateVersioned(this.em, caller, write, (f, c) => {
      if (c.name !== undefined) f.name = c.name;
      if (c.scale != null) f.scale = c.scale;
      if (c.species !== undefined) f.species = c.species;
      if (c.headCount !== undefined) f.headCount = c.headCount;
      if (c.ownerName !== undefined) f.ownerName = c.ownerName;
      f.searchText = searchKey(`${f.name} ${f.species}`);
    });
  }

  createIrrigation(caller: CallerClaims, input: IrrigationWorkCreate): Promise<IrrigationWork> {
    return createRecord(
      this.em,
      caller,
      {
        entity: IrrigationWork,
        coordinate: 'Mutation.createIrrigationWork',
        input: { schema: IrrigationWorkCreateRules, value: input },
        unique: (i) => ({ code: i.code }),
        what: (i) => msg(`irrigation work "${i.code}"`, `công trình thủy lợi "${i.code}"`),
      },
      (i) =>
        this.em.create(IrrigationWork, {
          ...i,
          capacity: i.capacity ?? null,
          managedByCode: i.managedByCode ?? null,
          searchText: searchKey(i.name),
        }),
    );
  }

  updateIrrigation(caller: CallerClaims, code: string, input: IrrigationWorkUpdate, expectedVersion: number): Promise<IrrigationWork> {
    const write = {
      entity: IrrigationWork,
      where: { code },
      what: msg(`irrigation work "${code}"`, `công trình thủy lợi "${code}"`),
      expectedVersion,
      coordinate: 'Mutation.updateIrrigationWork',
      input: { schema: IrrigationWorkUpdateRules, value: input },
    };
    return updateVersioned(this.em, caller, write, (w, c) => {
      if (c.name !== undefined) w.name = c.name;
      if (c.kind != null) w.kind = c.kind;
      if (c.capacity !== undefined) w.capacity = c.capacity ?? null;
      if (c.irrigatedHa !== undefined) w.irrigatedHa = c.irrigatedHa;
      if (c.managedByCode !== undefined) w.managedByCode = c.managedByCode;
      w.searchText = searchKey(w.name);
    });
  }

  createAquaculture(caller: CallerClaims, input: AquacultureAreaCreate): Promise<AquacultureArea> {
    return createRecord(
      this.em,
      caller,
      {
        entity: AquacultureArea,
        coordinate: 'Mutation.createAquacultureArea',
        input: { schema: AquacultureAreaCreateRules, value: input },
        unique: (i) => ({ code: i.code }),
        what: (i) => msg(`aquaculture area "${i.code}"`, `vùng nuôi trồng thủy sản "${i.code}"`),
      },
      (i) => this.em.create(AquacultureArea, { ...i, searchText: searchKey(`${i.name} ${i.species}`) }),
    );
  }

  updateAquaculture(caller: CallerClaims, code: string, input: AquacultureAreaUpdate, expectedVersion: number): Promise<AquacultureArea> {
    const write = {
      entity: AquacultureArea,
      where: { code },
      what: msg(`aquaculture area "${code}"`, `vùng nuôi trồng thủy sản "${code}"`),
      expectedVersion,
      coordinate: 'Mutation.updateAquacultureArea',
      input: { schema: AquacultureAreaUpdateRules, value: input },
    };
    return updateVersioned(this.em, caller, write, (a, c) => {
      if (c.name !== undefined) a.name = c.name;
      if (c.species !== undefined) a.species = c.species;
      if (c.method != null) a.method = c.method;
      if (c.waterAreaHa !== undefined) a.waterAreaHa = c.waterAreaHa;
      a.searchText = searchKey(`${a.name} ${a.species}`);
    });
  }

  /** Removes a farm, an irrigation work or an aquaculture area (entered by mistake, closed); a reason is required. */
  remove<T extends { version: number }>(
    caller: CallerClaims,
    entity: EntityName<T>,
    code: string,
    what: Message,
    coordinate: string,
    expectedVersion: number,
  ) {
    return deleteVersioned(this.em, caller, { entity, where: { code } as FilterQuery<T>, what, expectedVersion, coordinate });
  }

  createNewRural(caller: CallerClaims, input: NewRuralStatusCreate): Promise<NewRuralStatus> {
    return createRecord(
      this.em,
      caller,
      {
        entity: NewRuralStatus,
        coordinate: 'Mutation.createNewRuralStatus',
        input: { schema: NewRuralStatusCreateRules, value: input },
        unique: (i) => ({ code: `NTM-${i.year}-${i.communeCodeOnRecord}` }),
        keyArgument: 'input.communeCodeOnRecord',
        what: (i) =>
          msg(
            `new-rural recognition of ${i.communeCodeOnRecord} in ${i.year}`,
            `công nhận nông thôn mới của ${i.communeCodeOnRecord} năm ${i.year}`,
          ),
      },
      (i) => {
        const today = TODAY_OF.get(i.communeCodeOnRecord);
        if (!today) throw badUserInput('input.communeCodeOnRecord', msg('names no commune of the province', 'không phải mã xã của tỉnh'));
        communeOnRecordOf(today, i.decidedOn, i.communeCodeOnRecord); // checks the code fits the decision's date
        return this.em.create(NewRuralStatus, {
          ...i,
          code: `NTM-${i.year}-${i.communeCodeOnRecord}`,
          issuerCode: 'UBND-04',
          communeCode: today,
          status: 'ACTIVE',
          revokedOn: null,
        });
      },
    );
  }

  revokeNewRural(caller: CallerClaims, code: string, revokedOn: string, expectedVersion: number): Promise<NewRuralStatus> {
    const what = msg(`new-rural recognition "${code}"`, `công nhận nông thôn mới "${code}"`);
    const w = { entity: NewRuralStatus, code, what, coordinate: 'Mutation.revokeNewRuralStatus', revokedOn, expectedVersion };
    return this.revoke(
      caller,
      w,
      (n) => n.decidedOn,
      setRevoked,
      (n) => n.status === 'REVOKED',
    );
  }
}

function setRevoked(r: Revocable, on: string) {
  r.status = 'REVOKED';
  r.revokedOn = on;
}
