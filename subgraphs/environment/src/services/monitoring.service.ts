// Monitoring stations and their results: lookups, lists, exceedances, and the writes of the station register and of
// measurements.
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  createRecord,
  field,
  findConnection,
  inputRules,
  locatedWhere,
  searchKey,
  updateVersioned,
  z,
  type Connection,
  type PageArgs,
} from '@hub/kit';
import { badUserInput, msg, say } from '@hub/schema';
import type { CallerClaims } from '@hub/runtime';
import { MonitoringResult, MonitoringStation } from '../entities';
import type {
  MonitoringResultInput,
  MonitoringStationCreate,
  MonitoringStationFilter,
  MonitoringStationKind,
  MonitoringStationUpdate,
} from '../__generated__/resolvers-types';
import { PARAMETERS, exceeds, limitOf } from '../standards';
import { REFORM_DAY, agencyCodeRule, communeCodeRule, today } from './shared';

const latitude = () => field.number({ min: 22.3, max: 23.2 });
const longitude = () => field.number({ min: 105.2, max: 106.9 });

const StationCreateRules = inputRules<MonitoringStationCreate>()({
  code: field.code(/^QT-\d{3,4}$/, 'QT-001'),
  name: field.text(300),
  kind: field.asSent<MonitoringStationKind>(),
  communeCode: field.communeCode(),
  formerCommuneCode: communeCodeRule().nullish(),
  latitude: latitude().nullish(),
  longitude: longitude().nullish(),
  operatorCode: agencyCodeRule(),
  establishedOn: field.date().nullish(),
}).superRefine((i, ctx) => {
  if ((i.latitude == null) !== (i.longitude == null))
    ctx.addIssue({
      code: 'custom',
      path: [i.latitude == null ? 'latitude' : 'longitude'],
      message: say(msg('latitude and longitude go together', 'vĩ độ và kinh độ phải cùng có hoặc cùng không')),
    });
  if (i.establishedOn && i.establishedOn > today())
    ctx.addIssue({ code: 'custom', path: ['establishedOn'], message: say(msg('must not be after today', 'không được sau ngày hôm nay')) });
});

const StationUpdateRules = inputRules<MonitoringStationUpdate>()({
  name: field.text(300).optional(),
  communeCode: field.communeCode().optional(),
  latitude: latitude().nullable().optional(),
  longitude: longitude().nullable().optional(),
  operatorCode: agencyCodeRule().optional(),
});

const ResultRules = inputRules<MonitoringResultInput>()({
  stationCode: field.code(/^QT-\d{3,4}$/, 'QT-001'),
  measuredOn: field.date(),
  parameter: z.string().refine((p) => PARAMETERS.includes(p), {
    error: () => say(msg(`must be one of ${PARAMETERS.join(', ')}`, `phải là một trong ${PARAMETERS.join(', ')}`)),
  }),
  value: field.number(),
}).superRefine((i, ctx) => {
  const bad = i.parameter === 'pH' ? i.value < 0 || i.value > 14 : i.value < 0;
  if (bad)
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: say(
        i.parameter === 'pH'
          ? msg(`must be from 0 to 14 for pH, got ${i.value}`, `phải từ 0 đến 14 với pH, nhận được ${i.value}`)
          : msg(`must be 0 or more, got ${i.value}`, `phải từ 0 trở lên, nhận được ${i.value}`),
      ),
    });
  if (i.measuredOn > today())
    ctx.addIssue({ code: 'custom', path: ['measuredOn'], message: say(msg('must not be after today', 'không được sau ngày hôm nay')) });
});

const station = (code: string) => msg(`monitoring station "${code}"`, `trạm quan trắc "${code}"`);

export interface ResultFilter {
  parameter?: string | null;
  from?: string | null;
  to?: string | null;
}

export class MonitoringService {
  constructor(private readonly em: EntityManager) {}

  static where(filter: MonitoringStationFilter | null | undefined): FilterQuery<MonitoringStation> {
    return locatedWhere<MonitoringStation>(filter, filter?.kind ? [{ kind: filter.kind }] : []);
  }

  static resultWhere(filter: ResultFilter): FilterQuery<MonitoringResult> {
    const and: FilterQuery<MonitoringResult>[] = [];
    if (filter.parameter) and.push({ parameter: filter.parameter });
    if (filter.from) and.push({ measuredOn: { $gte: filter.from } });
    if (filter.to) and.push({ measuredOn: { $lte: filter.to } });
    return and.length ? { $and: and } : {};
  }

  /** The results that exceed their limit, in a period. */
  static exceedanceWhere(filter: ResultFilter): FilterQuery<MonitoringResult> {
    return { $and: [MonitoringService.resultWhere(filter), { exceedsLimit: true }] };
  }

  stationsByCodes(codes: readonly string[]): Promise<MonitoringStation[]> {
    return codes.length ? this.em.find(MonitoringStation, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  resultsByCodes(codes: readonly string[]): Promise<MonitoringResult[]> {
    return codes.length ? this.em.find(MonitoringResult, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  list(
    filter: MonitoringStationFilter | null | undefined,
    args: PageArgs,
    info?: GraphQLResolveInfo,
  ): Promise<Connection<MonitoringStation>> {
    return findConnection(this.em, MonitoringStation, MonitoringService.where(filter), args, 'code', info);
  }

  createStation(caller: CallerClaims, input: MonitoringStationCreate): Promise<MonitoringStation> {
    return createRecord(
      this.em,
      caller,
      {
        entity: MonitoringStation,
        coordinate: 'Mutation.createMonitoringStation',
        input: { schema: StationCreateRules, value: input },
        unique: (i) => ({ code: i.code }),
        what: (i) => station(i.code),
      },
      (i) =>
        this.em.create(MonitoringStation, {
          code: i.code,
          name: i.name,
          kind: i.kind,
          communeCode: i.communeCode,
          formerCommuneCode: i.formerCommuneCode ?? null,
          latitude: i.latitude ?? null,
          longitude: i.longitude ?? null,
          operatorCode: i.operatorCode,
          establishedOn: i.establishedOn ?? null,
          searchText: searchKey(i.name),
        }),
    );
  }

  updateStation(caller: CallerClaims, code: string, input: MonitoringStationUpdate, expectedVersion: number): Promise<MonitoringStation> {
    const write = {
      entity: MonitoringStation,
      where: { code },
      what: station(code),
      expectedVersion,
      coordinate: 'Mutation.updateMonitoringStation',
      input: { schema: StationUpdateRules, value: input },
    };
    return updateVersioned(this.em, caller, write, (s, change) => {
      const lat = change.latitude !== undefined ? change.latitude : s.latitude;
      const lon = change.longitude !== undefined ? change.longitude : s.longitude;
      if ((lat == null) !== (lon == null))
        throw badUserInput(
          lat == null ? 'input.latitude' : 'input.longitude',
          msg('latitude and longitude go together', 'vĩ độ và kinh độ phải cùng có hoặc cùng không'),
        );
      s.latitude = lat ?? null;
      s.longitude = lon ?? null;
      if (change.name !== undefined) {
        s.name = change.name;
        s.searchText = searchKey(change.name);
      }
      if (change.communeCode !== undefined) s.communeCode = change.communeCode;
      if (change.operatorCode !== undefined) s.operatorCode = change.operatorCode;
    });
  }

  /** Deletes a station recorded by mistake; one with results is refused (its measurements are official data). */
  deleteStation(caller: CallerClaims, code: string, expectedVersion: number): Promise<MonitoringStation> {
    const write = {
      entity: MonitoringStation,
      where: { code },
      what: station(code),
      expectedVersion,
      coordinate: 'Mutation.deleteMonitoringStation',
    };
    return updateVersioned(this.em, caller, write, async (s) => {
      const results = await this.em.count(MonitoringResult, { stationCode: s.code });
      if (results > 0)
        throw badUserInput(
          'code',
          msg(
            `${station(code).en} has ${results} results: it cannot be deleted`,
            `${station(code).vi} có ${results} kết quả: không thể xóa`,
          ),
        );
      this.em.remove(s);
    });
  }

  addResult(caller: CallerClaims, input: MonitoringResultInput): Promise<MonitoringResult> {
    const codeOf = (i: MonitoringResultInput) => `${i.stationCode}/${i.measuredOn}/${i.parameter}`;
    return createRecord(
      this.em,
      caller,
      {
        entity: MonitoringResult,
        coordinate: 'Mutation.addMonitoringResult',
        input: { schema: ResultRules, value: input },
        unique: (i) => ({ code: codeOf(i) }),
        what: (i) => msg(`monitoring result "${codeOf(i)}"`, `kết quả quan trắc "${codeOf(i)}"`),
        keyArgument: 'input.parameter',
      },
      async (i) => {
        const s = await this.em.findOne(MonitoringStation, { code: i.stationCode });
        if (!s) throw badUserInput('input.stationCode', msg(`no ${station(i.stationCode).en}`, `không có ${station(i.stationCode).vi}`));
        const limit = limitOf(s.kind, i.parameter);
        if (!limit)
          throw badUserInput(
            'input.parameter',
            msg(`a ${s.kind} station does not measure ${i.parameter}`, `trạm loại ${s.kind} không quan trắc thông số ${i.parameter}`),
          );
        if (s.establishedOn && i.measuredOn < s.establishedOn)
          throw badUserInput(
            'input.measuredOn',
            msg(
              `must not be before the station was established (${s.establishedOn})`,
              `không được trước ngày trạm hoạt động (${s.establishedOn})`,
            ),
          );
        return this.em.create(MonitoringResult, {
          code: codeOf(i),
          stationCode: s.code,
          measuredOn: i.measuredOn,
          parameter: i.parameter,
          value: i.value,
          unit: limit.unit,
          standard: limit.standard,
          limitMin: limit.min,
          limitMax: limit.max,
          exceedsLimit: exceeds(i.value, limit),
          communeCode: s.communeCode,
          communeCodeOnRecord: i.measuredOn < REFORM_DAY ? (s.formerCommuneCode ?? s.communeCode) : s.communeCode,
        });
      },
    );
  }
}
