// Loads the environment demo data (see cao-bang.ts: real rivers, sample records), one named step per register;
// ids are derived from the codes.
import type { EntityManager } from '@mikro-orm/postgresql';
import { searchKey, stableId } from '@hub/kit';
import { ClimateHazardZone, MonitoringResult, MonitoringStation, WaterResourceLicence, WaterSource } from '../entities';
import { HAZARD_ZONES, LICENCES, RESULTS, STATIONS, WATER_SOURCES } from './cao-bang';

export * from './cao-bang';

const id = (kind: string, code: string) => stableId(`environment.${kind}`, code);

async function waterSources(em: EntityManager): Promise<void> {
  for (const s of WATER_SOURCES) em.create(WaterSource, { id: id('source', s.code), ...s, searchText: searchKey(s.name) });
  await em.flush();
}

async function waterLicences(em: EntityManager): Promise<void> {
  for (const l of LICENCES)
    em.create(WaterResourceLicence, {
      id: id('licence', l.code),
      ...l,
      searchText: searchKey(`${l.code} ${l.holderOrganisation ?? ''} ${l.purpose}`),
    });
  await em.flush();
}

async function monitoring(em: EntityManager): Promise<void> {
  for (const s of STATIONS) em.create(MonitoringStation, { id: id('station', s.code), ...s, searchText: searchKey(s.name) });
  for (const r of RESULTS) em.create(MonitoringResult, { id: id('result', r.code), ...r });
  await em.flush();
}

async function hazardZones(em: EntityManager): Promise<void> {
  for (const z of HAZARD_ZONES) em.create(ClimateHazardZone, { id: id('zone', z.code), ...z, searchText: searchKey(z.name) });
  await em.flush();
}

export const seed = { waterSources, waterLicences, monitoring, hazardZones };
