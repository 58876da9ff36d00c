// Mobile base stations: lookups, the filtered list, registration, changes and decommissioning (a retirement: the
// register keeps the station with its end date).
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { badUserInput, msg, say } from '@hub/schema';
import {
  checkCommuneOnRecord,
  communeOnRecordOf,
  type Connection,
  createRecord,
  field,
  findConnection,
  inputRules,
  locatedWhere,
  type PageArgs,
  searchKey,
  stableId,
  updateVersioned,
  z,
} from '@hub/kit';
import type { CallerClaims } from '@hub/runtime';
import { TelecomStation, type MobileTechnology, type TelecomOperator } from '../entities';
import type { TelecomStationCreate, TelecomStationFilter, TelecomStationUpdate } from '../__generated__/resolvers-types';

const ORDER: MobileTechnology[] = ['G2', 'G3', 'G4', 'G5'];

/** 1 to 4 technologies, none twice; stored oldest first. */
const technologiesRule = () =>
  z
    .array(field.asSent<MobileTechnology>())
    .min(1)
    .max(4)
    .refine((t) => new Set(t).size === t.length, {
      error: () => say(msg('must not name a technology twice', 'không được lặp lại một công nghệ')),
    })
    .transform((t) => ORDER.filter((x) => t.includes(x)));

/** Within the province (with a margin): a position outside it is a typing error. */
const locationRule = () =>
  z.object({ latitude: field.number({ min: 22.2, max: 23.2 }), longitude: field.number({ min: 105.2, max: 106.9 }) });

const TelecomStationCreateRules = inputRules<TelecomStationCreate>()({
  code: field.code(/^BTS-\d{4}$/, 'BTS-0001'),
  name: field.text(200),
  operator: field.asSent<TelecomOperator>(),
  technologies: technologiesRule(),
  shared: z.boolean(),
  communeCode: field.communeCode(),
  location: locationRule(),
  permittedOn: field.pastDate().nullish(),
  communeCodeOnRecord: field.code(/^\d{5}$/, '01438').nullish(),
}).superRefine(checkCommuneOnRecord((v) => v.permittedOn));

/** Left out or null keeps a value. */
const TelecomStationUpdateRules = inputRules<TelecomStationUpdate>()({
  name: field.text(200).optional(),
  technologies: technologiesRule().nullish(),
  shared: z.boolean().nullish(),
  location: locationRule().nullish(),
});

const DecommissionRules = z.object({ decommissionedOn: field.pastDate() });

const what = (code: string) => msg(`base station "${code}"`, `trạm BTS "${code}"`);

export class TelecomStationService {
  constructor(private readonly em: EntityManager) {}

  static where(filter: TelecomStationFilter | null | undefined): FilterQuery<TelecomStation> {
    const extra: FilterQuery<TelecomStation>[] = [];
    if (filter?.operator) extra.push({ operator: filter.operator });
    if (filter?.technology) extra.push({ technologies: { $contains: [filter.technology] } });
    if (filter?.status) extra.push({ status: filter.status });
    return locatedWhere<TelecomStation>(filter, extra);
  }

  byCodes(codes: readonly string[]): Promise<TelecomStation[]> {
    return codes.length ? this.em.find(TelecomStation, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  list(filter: TelecomStationFilter | null | undefined, args: PageArgs, info?: GraphQLResolveInfo): Promise<Connection<TelecomStation>> {
    return findConnection(this.em, TelecomStation, TelecomStationService.where(filter), args, 'code', info);
  }

  create(caller: CallerClaims, input: TelecomStationCreate): Promise<TelecomStation> {
    const c = {
      entity: TelecomStation,
      coordinate: 'Mutation.createTelecomStation',
      input: { schema: TelecomStationCreateRules, value: input },
      unique: (i: { code: string }) => ({ code: i.code }),
      what: (i: { code: string }) => what(i.code),
    };
    return createRecord(this.em, caller, c, (i) =>
      this.em.create(TelecomStation, {
        id: stableId('information-communications.bts', i.code),
        code: i.code,
        name: i.name,
        operator: i.operator,
        technologies: i.technologies,
        shared: i.shared,
        communeCode: i.communeCode,
        communeCodeOnRecord: communeOnRecordOf(i.communeCode, i.permittedOn, i.communeCodeOnRecord),
        latitude: i.location.latitude,
        longitude: i.location.longitude,
        permittedOn: i.permittedOn ?? null,
        status: 'IN_SERVICE',
        decommissionedOn: null,
        searchText: searchKey(i.name),
      }),
    );
  }

  /** A station in service is approved data: `reason` is required. */
  update(caller: CallerClaims, code: string, input: TelecomStationUpdate, expectedVersion: number): Promise<TelecomStation> {
    const write = {
      entity: TelecomStation,
      where: { code },
      what: what(code),
      expectedVersion,
      coordinate: 'Mutation.updateTelecomStation',
      input: { schema: TelecomStationUpdateRules, value: input },
    };
    return updateVersioned(this.em, caller, write, (s, change) => {
      if (change.name !== undefined) {
        s.name = change.name;
        s.searchText = searchKey(change.name);
      }
      if (change.technologies != null) s.technologies = change.technologies;
      if (change.shared != null) s.shared = change.shared;
      if (change.location != null) {
        s.latitude = change.location.latitude;
        s.longitude = change.location.longitude;
      }
    });
  }

  /** Retires the station: status DECOMMISSIONED from that day; the register keeps it. */
  decommission(caller: CallerClaims, code: string, decommissionedOn: string, expectedVersion: number): Promise<TelecomStation> {
    const write = {
      entity: TelecomStation,
      where: { code },
      what: what(code),
      expectedVersion,
      coordinate: 'Mutation.decommissionTelecomStation',
      input: { schema: DecommissionRules, value: { decommissionedOn }, argument: '' },
    };
    return updateVersioned(this.em, caller, write, (s, i) => {
      if (s.status === 'DECOMMISSIONED')
        throw badUserInput('code', msg(`base station "${code}" is decommissioned already`, `trạm BTS "${code}" đã dừng hoạt động`));
      if (s.permittedOn && i.decommissionedOn < String(s.permittedOn))
        throw badUserInput(
          'decommissionedOn',
          msg(
            `must not be before the permission day ${String(s.permittedOn)}`,
            `không được trước ngày chấp thuận ${String(s.permittedOn)}`,
          ),
        );
      s.status = 'DECOMMISSIONED';
      s.decommissionedOn = i.decommissionedOn;
    });
  }
}
