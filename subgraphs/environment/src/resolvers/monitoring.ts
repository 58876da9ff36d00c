import { agencyRef, reads, unitAsOf, unitRef } from '@hub/kit';
import type { MonitoringResultResolvers, MonitoringStationResolvers } from '../__generated__/resolvers-types';
import { childKey } from '@hub/kit';
import type { Ctx } from './context';

/** The last day of the districts: a station's former commune is named as of then. */
const LAST_DAY_BEFORE_REFORM = '2025-06-30';

export const MonitoringStation: MonitoringStationResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.stationByCode.load(ref.code),
  commune: reads(['communeCode'], (s) => unitRef(s.communeCode)),
  formerCommune: reads(['formerCommuneCode'], (s) => unitAsOf(s.formerCommuneCode, LAST_DAY_BEFORE_REFORM)),
  location: reads(['latitude', 'longitude'], (s) =>
    s.latitude != null && s.longitude != null ? { latitude: s.latitude, longitude: s.longitude } : null,
  ),
  operator: reads(['operatorCode'], (s) => agencyRef(s.operatorCode)),
  results: reads(['code'], (s, args, ctx) =>
    ctx.loaders.stationResults.load(
      childKey(s.code, { parameter: args.parameter ?? null, from: args.from ?? null, to: args.to ?? null }, args),
    ),
  ),
};

export const MonitoringResult: MonitoringResultResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.resultByCode.load(ref.code),
  station: reads(['stationCode'], (r, _, ctx) => ctx.loaders.stationByCode.load(r.stationCode)),
  limit: reads(['standard', 'limitMin', 'limitMax'], (r) => ({ standard: r.standard, min: r.limitMin, max: r.limitMax })),
  commune: reads(['communeCode'], (r) => unitRef(r.communeCode)),
  communeOnRecord: reads(['communeCodeOnRecord', 'measuredOn'], (r) => unitAsOf(r.communeCodeOnRecord, r.measuredOn)),
};
