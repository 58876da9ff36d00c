import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';

/** One measured value; `code` is `<station>/<date>/<parameter>`, so ordering by it orders by station, day, parameter. */
export const MonitoringResult = defineEntity({
  name: 'MonitoringResult',
  tableName: 'monitoring_result',
  indexes: [{ properties: ['stationCode'] }, { properties: ['communeCode', 'exceedsLimit'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(60).unique(),
    stationCode: p.string().length(20),
    measuredOn: p.date(),
    parameter: p.string().length(20),
    value: p.double().$type<number>(),
    unit: p.string().length(20),
    standard: p.string().length(40),
    limitMin: p.double().$type<number>().nullable(),
    limitMax: p.double().$type<number>().nullable(),
    /** Computed from value and limit when the result is written. */
    exceedsLimit: p.boolean(),
    /** The station's commune today. */
    communeCode: p.string().length(5),
    /** The station's commune as it was on `measuredOn`. */
    communeCodeOnRecord: p.string().length(5),
  },
});
export type MonitoringResult = InferEntity<typeof MonitoringResult>;

/** Measurements are official data: a change needs a reason. */
export const MonitoringResultHistory = tracked(MonitoringResult, {
  fields: {
    stationCode: 'MonitoringResult.station',
    communeCode: 'MonitoringResult.commune',
    communeCodeOnRecord: 'MonitoringResult.communeOnRecord',
    standard: 'MonitoringResult.limit',
    limitMin: 'MonitoringResult.limit',
    limitMax: 'MonitoringResult.limit',
  },
  approved: () => true,
});
