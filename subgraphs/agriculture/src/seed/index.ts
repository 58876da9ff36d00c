// Loads the agriculture demo data (see data.ts: generated deterministically, sample data), in named steps.
import type { EntityManager } from '@mikro-orm/postgresql';
import { searchKey, stableId } from '@hub/kit';
import {
  AquacultureArea,
  ForestChange,
  ForestPlot,
  GrowingAreaCode,
  IrrigationWork,
  LivestockFarm,
  NewRuralStatus,
  OcopProduct,
  Outbreak,
} from '../entities';
import { AQUACULTURE, CHANGES, FARMS, GROWING_AREAS, IRRIGATION, NEW_RURAL, OCOP_PRODUCTS, OUTBREAKS, PLOTS } from './data';

export * from './data';

const id = (kind: string, code: string) => stableId(`agriculture.${kind}`, code);

async function forest(em: EntityManager): Promise<void> {
  for (const p of PLOTS)
    em.create(ForestPlot, { id: id('plot', p.code), ...p, searchText: searchKey(`${p.mainSpecies} ${p.holderOrganisation ?? ''}`) });
  for (const c of CHANGES) em.create(ForestChange, { id: id('change', c.code), ...c });
  await em.flush();
}

async function crops(em: EntityManager): Promise<void> {
  for (const g of GROWING_AREAS)
    em.create(GrowingAreaCode, { id: id('growing-area', g.code), ...g, searchText: searchKey(`${g.crop} ${g.grower}`) });
  for (const o of OUTBREAKS) em.create(Outbreak, { id: id('outbreak', o.code), ...o });
  await em.flush();
}

async function registers(em: EntityManager): Promise<void> {
  for (const f of FARMS) em.create(LivestockFarm, { id: id('farm', f.code), ...f, searchText: searchKey(`${f.name} ${f.species}`) });
  for (const w of IRRIGATION) em.create(IrrigationWork, { id: id('irrigation', w.code), ...w, searchText: searchKey(w.name) });
  for (const a of AQUACULTURE)
    em.create(AquacultureArea, { id: id('aquaculture', a.code), ...a, searchText: searchKey(`${a.name} ${a.species}`) });
  for (const o of OCOP_PRODUCTS) em.create(OcopProduct, { id: id('ocop', o.code), ...o, searchText: searchKey(`${o.name} ${o.producer}`) });
  for (const n of NEW_RURAL) em.create(NewRuralStatus, { id: id('new-rural', n.code), ...n });
  await em.flush();
}

/** The demo data the kit loads once per database (`npm start`, tests with `seed: true`), step by step. */
export const seed = { forest, crops, registers };
