// The directory's batch functions; the kit makes a fresh DataLoader of each per request.
import { byKeys, defineLoaders, groupByKeys } from '@hub/kit';
import { Account } from './entities';
import { AdministrativeUnitService, AgencyService, DatasetService, type AdministrativeUnitView } from './services';
import { isUuid } from './services/account.service';

export const loaders = defineLoaders({
  unitById: (em) => async (ids: readonly string[]) => byKeys(ids, await new AdministrativeUnitService(em).byIds(ids), (u) => u.id),
  /** Current (or most recent) version of each code: how other subgraphs' references resolve. */
  unitByCode: (em) => async (codes: readonly string[]) =>
    byKeys(codes, await new AdministrativeUnitService(em).latestByCodes(codes), (u) => u.code),
  /** Keys are `${code}|${day}` (a checked date): the version valid that day, for dated references; one statement per batch. */
  unitByCodeOn: (em) => async (keys: readonly string[]) => {
    const m = await new AdministrativeUnitService(em).byCodesOn(keys);
    return keys.map((k) => m.get(k) ?? null);
  },
  unitAncestors: (em) => async (ids: readonly string[]) => {
    const m = await new AdministrativeUnitService(em).ancestors(ids);
    return ids.map((id) => m.get(id)!);
  },
  /** Keys are `${id}|${asOf}`; one statement per distinct day in the batch. */
  unitChildren: (em) => async (keys: readonly string[]) => {
    const svc = new AdministrativeUnitService(em);
    const byDay = new Map<string, string[]>();
    for (const k of keys) {
      const [id, day] = k.split('|');
      byDay.set(day, [...(byDay.get(day) ?? []), id]);
    }
    const found = new Map<string, AdministrativeUnitView[]>();
    for (const [day, ids] of byDay) {
      for (const [id, kids] of await svc.children(ids, day)) found.set(`${id}|${day}`, kids);
    }
    return keys.map((k) => found.get(k) ?? []);
  },
  unitSuccessors: (em) => async (ids: readonly string[]) => {
    const m = await new AdministrativeUnitService(em).linked(ids, 'successors');
    return ids.map((id) => m.get(id)!);
  },
  unitPredecessors: (em) => async (ids: readonly string[]) => {
    const m = await new AdministrativeUnitService(em).linked(ids, 'predecessors');
    return ids.map((id) => m.get(id)!);
  },
  unitCurrentCommuneCodes: (em) => async (ids: readonly string[]) => {
    const m = await new AdministrativeUnitService(em).currentCommuneCodes(ids);
    return ids.map((id) => m.get(id)!);
  },
  /** Accounts by id with their agency; an id that is not a uuid (an external account's) finds nothing. */
  accountById: (em) => async (ids: readonly string[]) => {
    const wanted = ids.filter(isUuid);
    return byKeys(ids, wanted.length ? await em.find(Account, { id: { $in: wanted } }, { populate: ['agency'] }) : [], (a) => a.id);
  },
  agencyByCode: (em) => async (codes: readonly string[]) => byKeys(codes, await new AgencyService(em).byCodes(codes), (a) => a.code),
  agencyById: (em) => async (ids: readonly string[]) => byKeys(ids, await new AgencyService(em).byIds(ids), (a) => a.id),
  agencyPredecessors: (em) => async (ids: readonly string[]) =>
    groupByKeys(ids, await new AgencyService(em).predecessorsOf(ids), (a) => a.successor!.id),
  agencyOwnerships: (em) => async (ids: readonly string[]) =>
    groupByKeys(ids, await new DatasetService(em).ownershipsHeldBy(ids), (o) => o.agency.id),
  datasetByCode: (em) => async (codes: readonly string[]) => byKeys(codes, await new DatasetService(em).byCodes(codes), (d) => d.code),
  datasetOwnerships: (em) => async (ids: readonly string[]) =>
    groupByKeys(ids, await new DatasetService(em).ownershipsOf(ids), (o) => o.dataset.id),
});

export type DirectoryLoaders = typeof loaders;
