import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';

export type MonitoringStationKind = 'AIR' | 'SURFACE_WATER' | 'GROUNDWATER' | 'WASTEWATER_AUTOMATIC';

export const MonitoringStation = defineEntity({
  name: 'MonitoringStation',
  tableName: 'monitoring_station',
  indexes: [{ properties: ['communeCode'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(300),
    kind: p.string().$type<MonitoringStationKind>().length(30),
    /** Code of today's commune-level unit. */
    communeCode: p.string().length(5),
    /** Code of its commune before 2025-07-01 (a commune of an old district), for a station older than the reform. */
    formerCommuneCode: p.string().length(5).nullable(),
    /** Exact position: security-sensitive (RESTRICTED). */
    latitude: p.double().$type<number>().nullable(),
    longitude: p.double().$type<number>().nullable(),
    /** The directory's agency operating it. */
    operatorCode: p.string().length(20),
    establishedOn: p.date().nullable(),
    searchText: p.string().length(300),
  },
});
export type MonitoringStation = InferEntity<typeof MonitoringStation>;

/** The station register is published data: any change after creation needs a reason. */
export const MonitoringStationHistory = tracked(MonitoringStation, {
  fields: {
    communeCode: 'MonitoringStation.commune',
    formerCommuneCode: 'MonitoringStation.formerCommune',
    latitude: 'MonitoringStation.location',
    longitude: 'MonitoringStation.location',
    operatorCode: 'MonitoringStation.operator',
    searchText: 'ignore',
  },
  approved: () => true,
});
