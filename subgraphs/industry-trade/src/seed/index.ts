// Loads the industry and trade demo data in one transaction. Rows are built deterministically (fixed lists, a seeded
// generator): the same codes, ids and values at every load. Sample data (dữ liệu mẫu) except where cao-bang.ts says.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { searchKey, stableId } from '@hub/kit';
import {
  BorderGate,
  EnergyProject,
  FuelStation,
  IndustrialCluster,
  IndustrialEstablishment,
  Market,
  TradeCentre,
  TradeFlow,
  type CommodityGroup,
  type TradeDirection,
} from '../entities';
import {
  BORDER_GATES,
  BRANDS,
  bare,
  CLUSTERS,
  codeOnRecord,
  COMMUNE_PCS,
  COMPANY_FORMS,
  ENERGY,
  FAMILY,
  FUEL_OPERATORS,
  GIVEN,
  KNOWN_MARKETS,
  LUNAR_CYCLES,
  MERGES,
  MIDDLE,
  nameOfOld,
  random,
  SECTORS,
  TRADE_CENTRES,
  VILLAGES,
  type MarketSeed,
} from './cao-bang';

const id = (kind: string, key: string) => stableId(`industry-trade.${kind}`, key);
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const dayBetween = (r: () => number, fromYear: number, toYear: number) => {
  const y = fromYear + Math.floor(r() * (toYear - fromYear + 1));
  return `${y}-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}`;
};

export type Row<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt' | 'version'>;

export function markets(): Row<Market>[] {
  const seeds: MarketSeed[] = [...KNOWN_MARKETS];
  MERGES.forEach((m, i) => {
    // The old communes' centres keep their markets; a sample village market day in each commune.
    for (const old of m.from) seeds.push({ name: `Chợ ${bare(nameOfOld(old))}`, communeCode: m.code, marketClass: 'CLASS_III' });
    seeds.push({ name: `Chợ phiên ${VILLAGES[i % VILLAGES.length]}`, communeCode: m.code, marketClass: 'CLASS_III' });
  });
  const r = random(34_2024);
  return seeds.map((s, i) => {
    const stalls =
      s.marketClass === 'CLASS_I'
        ? 450 + Math.floor(r() * 300)
        : s.marketClass === 'CLASS_II'
          ? 200 + Math.floor(r() * 200)
          : 20 + Math.floor(r() * 150);
    return {
      code: `CH-${pad(i + 1, 4)}`,
      name: s.name,
      marketClass: s.marketClass,
      stalls,
      operatingDays: s.daily || i % 3 === 0 ? 'DAILY' : LUNAR_CYCLES[i % LUNAR_CYCLES.length],
      managedByCode: COMMUNE_PCS[s.communeCode] ?? (s.marketClass === 'CLASS_I' ? 'UBND-04' : 'SCT'),
      communeCode: s.communeCode,
      searchText: searchKey(s.name),
    };
  });
}

export function clusters(): Row<IndustrialCluster>[] {
  return CLUSTERS.map((c, i) => ({
    code: `CCN-${pad(i + 1, 2)}`,
    name: c.name,
    areaHa: c.areaHa,
    occupancyRate: c.occupancyRate,
    status: c.status,
    decisionNumber: c.decisionNumber,
    decisionDate: c.decisionDate,
    issuerCode: 'UBND-04',
    communeCode: c.communeCode,
    communeCodeOnRecord: c.decisionDate >= '2025-07-01' ? c.communeCode : c.oldCode,
  }));
}

export function establishments(): Row<IndustrialEstablishment>[] {
  const r = random(7_2_2025);
  const clusterRows = clusters();
  const rows: Row<IndustrialEstablishment>[] = [];
  MERGES.forEach((m, mi) => {
    const here = clusterRows.filter((c) => c.communeCode === m.code && c.status !== 'PLANNED');
    for (let k = 0; k < 4; k++) {
      const i = rows.length;
      const sector = SECTORS[(mi * 4 + k * 5) % SECTORS.length];
      const brand = BRANDS[(i * 7) % BRANDS.length];
      const form = COMPANY_FORMS[i % COMPANY_FORMS.length];
      const name = `${form} ${sector.label} ${brand} ${bare(m.name)}`;
      const employees = 5 + Math.floor(r() * (k === 0 ? 400 : 80));
      const output = round(employees * (0.4 + r() * 1.6), 1);
      rows.push({
        code: `CSCN-${pad(i + 1, 4)}`,
        name,
        taxCode: `48${pad(100000 + ((i * 7919) % 900000), 6)}${pad(10 + (i % 90), 2)}`,
        sectorCode: sector.code,
        mainProducts: sector.products,
        clusterCode: here.length && k < 2 ? here[k % here.length].code : null,
        communeCode: m.code,
        employees,
        annualOutputBillionVnd: output,
        revenueBillionVnd: round(output * (0.8 + r() * 0.5), 1),
        representativeName: `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i >> 1) % MIDDLE.length]} ${GIVEN[(i * 5) % GIVEN.length]}`,
        representativePhone: `09${pad(Math.floor(r() * 1e8), 8)}`,
        searchText: searchKey(name),
      });
    }
  });
  return rows;
}

export function tradeCentres(): Row<TradeCentre>[] {
  return TRADE_CENTRES.map((t, i) => ({ code: `TM-${pad(i + 1, 2)}`, ...t }));
}

export function borderGates(): Row<BorderGate>[] {
  return BORDER_GATES.map((g, i) => ({
    code: `CK-${pad(i + 1, 2)}`,
    name: g.name,
    kind: g.kind,
    counterpartGate: g.counterpartGate,
    openedOn: g.openedOn,
    communeCode: g.communeCode,
  }));
}

/** Quarters of the trade statistics: 2023Q1 … 2026Q3. */
export const QUARTERS = [2023, 2024, 2025, 2026].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}Q${q}`)).filter((q) => q <= '2026Q3');
export const DIRECTIONS: TradeDirection[] = ['IMPORT', 'EXPORT'];
export const GROUPS: CommodityGroup[] = ['AGRICULTURAL', 'MINERALS', 'MACHINERY', 'CONSUMER_GOODS', 'CHEMICALS'];

export function tradeFlows(): Row<TradeFlow>[] {
  const r = random(2023_01);
  const rows: Row<TradeFlow>[] = [];
  borderGates().forEach((g, gi) => {
    if (!BORDER_GATES[gi].trades) return;
    const scale = g.kind === 'INTERNATIONAL' ? 40_000_000 : g.kind === 'MAIN' ? 8_000_000 : 1_500_000;
    for (const periodId of QUARTERS)
      for (const direction of DIRECTIONS)
        for (const commodityGroup of GROUPS) {
          rows.push({
            code: `${g.code}-${periodId}-${direction}-${commodityGroup}`,
            borderGateCode: g.code,
            periodId,
            direction,
            commodityGroup,
            valueUsd: Math.round(scale * (0.05 + r() * 0.4)),
          });
        }
  });
  return rows;
}

export function energyProjects(): Row<EnergyProject>[] {
  const r = random(12_2025);
  return ENERGY.map((e, i) => ({
    code: `NL-${pad(i + 1, 4)}`,
    name: e.name,
    kind: e.kind,
    capacityMw: e.capacityMw,
    communeCodes: e.communeCodes,
    operator: e.operator,
    status: e.status,
    commissionedOn: e.commissionedOn,
    endedOn: e.status === 'SUSPENDED' || e.status === 'CANCELLED' ? '2024-12-31' : null,
    investmentBillionVnd: round(e.kind === 'GRID' ? 80 + r() * 400 : e.capacityMw * (18 + r() * 10), 1),
    searchText: searchKey(e.name),
  }));
}

export function fuelStations(): Row<FuelStation>[] {
  const r = random(100_2019);
  const rows: Row<FuelStation>[] = [];
  MERGES.forEach((m) => {
    for (let k = 0; k < 2; k++) {
      const i = rows.length;
      const operator = FUEL_OPERATORS[(i + k) % FUEL_OPERATORS.length];
      const licensedOn = dayBetween(r, 2019, 2026);
      const day = licensedOn > '2026-11-30' ? '2026-11-30' : licensedOn;
      const name = `Cửa hàng xăng dầu ${bare(m.name)}${k ? ` số ${k + 1}` : ''}`;
      rows.push({
        code: `XD-${pad(i + 1, 4)}`,
        name,
        operator,
        licenceNumber: `${pad(i + 1, 3)}/GCNĐĐK-SCT`,
        licensedOn: day,
        issuerCode: 'SCT',
        tankCapacityM3: 25 * (2 + Math.floor(r() * 5)),
        communeCode: m.code,
        communeCodeOnRecord: codeOnRecord(m.code, day, i),
        searchText: searchKey(`${name} ${operator}`),
      });
    }
  });
  return rows;
}

export async function seedIndustryTrade(em: EntityManager): Promise<void> {
  const load = <T extends { code: string }>(entity: EntityName<T>, kind: string, rows: Row<T>[]) => {
    for (const row of rows) em.create(entity, { id: id(kind, row.code), ...row } as never);
  };
  load(Market, 'market', markets());
  load(IndustrialCluster, 'cluster', clusters());
  load(IndustrialEstablishment, 'establishment', establishments());
  load(TradeCentre, 'trade-centre', tradeCentres());
  load(BorderGate, 'border-gate', borderGates());
  load(TradeFlow, 'trade-flow', tradeFlows());
  load(EnergyProject, 'energy', energyProjects());
  load(FuelStation, 'fuel', fuelStations());
  await em.flush();
}

/** The demo data the kit loads once (`npm start`, tests with `seed: true`). */
export const seed = seedIndustryTrade;
