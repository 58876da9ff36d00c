import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';

export type TelecomOperator = 'VIETTEL' | 'VINAPHONE' | 'MOBIFONE';
export type MobileTechnology = 'G2' | 'G3' | 'G4' | 'G5';
export type TelecomStationStatus = 'IN_SERVICE' | 'DECOMMISSIONED';

/** Trạm thu phát sóng thông tin di động (BTS). */
export const TelecomStation = defineEntity({
  name: 'TelecomStation',
  tableName: 'telecom_station',
  indexes: [{ properties: ['communeCode'] }, { properties: ['operator'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(200),
    operator: p.string().$type<TelecomOperator>().length(20),
    technologies: p
      .array()
      .$type<MobileTechnology[]>()
      .onCreate(() => []),
    shared: p.boolean(),
    /** Code of today's commune-level unit (the directory's). */
    communeCode: p.string().length(5),
    /** The commune as it was on `permittedOn`. */
    communeCodeOnRecord: p.string().length(5).nullable(),
    /** Exact position: security-sensitive (RESTRICTED). */
    latitude: p.double().$type<number>(),
    longitude: p.double().$type<number>(),
    permittedOn: p.date().nullable(),
    status: p.string().$type<TelecomStationStatus>().length(20),
    decommissionedOn: p.date().nullable(),
    searchText: p.string().length(300),
  },
});
export type TelecomStation = InferEntity<typeof TelecomStation>;

/** A station in service is approved infrastructure data: changing or decommissioning it needs a reason. */
export const TelecomStationHistory = tracked(TelecomStation, {
  fields: {
    communeCode: 'TelecomStation.commune',
    communeCodeOnRecord: 'TelecomStation.communeOnRecord',
    latitude: 'TelecomStation.location',
    longitude: 'TelecomStation.location',
    searchText: 'ignore',
  },
  approved: (s) => s.status === 'IN_SERVICE',
});
