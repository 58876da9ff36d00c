// Demo data: the catalogue (Decision 05/2023/QĐ-TTg subset), the mirror of the demo province's unit tree, and a
// few years of sample values (deterministic), loaded once per database.
import type { EntityManager } from '@mikro-orm/postgresql';
import { searchKey, stableId } from '@hub/kit';
import { Dimension, Indicator } from '../entities';
import { replaceMirror, writeValues, loadMirror, type WriteRow } from '../services/store';
import { parsePeriod } from '../periods';
import { DIMENSIONS, INDICATORS, type IndicatorSeed } from './catalogue';
import { demoUnitTree } from './units';

const id = (kind: string, key: string) => stableId(`indicators.${kind}`, key);

function addCatalogue(em: EntityManager, list: readonly IndicatorSeed[] = INDICATORS): void {
  for (const d of DIMENSIONS) em.create(Dimension, { id: id('dimension', d.code), ...d });
  list.forEach((i, n) => {
    em.create(Indicator, {
      id: id('indicator', i.code),
      num: n + 1,
      code: i.code,
      groupCode: i.code.slice(0, 2),
      name: i.name,
      nameEn: i.nameEn,
      unit: i.unit,
      definition: i.definition ?? null,
      periodicities: i.periodicities,
      levels: i.levels,
      dimensions: i.dimensions ?? [],
      aggregation: i.aggregation,
      weightCode: i.weight ?? null,
      agencyCode: i.agency,
      formula: i.formula ?? null,
      minValue: i.min ?? null,
      maxValue: i.max ?? null,
      searchText: searchKey(`${i.code} ${i.name} ${i.nameEn}`),
    });
  });
}

async function seedCatalogue(em: EntityManager): Promise<void> {
  addCatalogue(em);
  await em.flush();
}

async function seedUnits(em: EntityManager): Promise<void> {
  const { versions, successions } = demoUnitTree();
  await replaceMirror(em, versions, successions);
}

/** Sample values: area, population (by sex), households and poverty for 2023–2025; CPI by month. */
async function seedValues(em: EntityManager): Promise<void> {
  const mirror = await loadMirror(em, true);
  const nums = new Map(INDICATORS.map((i, n) => [i.code, n + 1]));
  const rows: WriteRow[] = [];
  const put = (code: string, period: string, unit: string, value: number, combo = '', status = 1) =>
    rows.push({ indicator: nums.get(code)!, period: parsePeriod(period).key, unit: mirror.keyOf.get(unit)!, combo, value, status });
  for (const year of [2023, 2024, 2025]) {
    const day = `${year}-12-31`;
    const communes = mirror.tree.under('04', 'COMMUNE', day);
    communes.forEach((c, i) => {
      const n = Number(c.code);
      const area = 2000 + (n % 997) * 3 + (year === 2025 ? 4000 : 0);
      const pop = 1500 + (n % 613) * 7 + (year - 2023) * 11 + (year === 2025 ? 5000 : 0);
      const female = Math.round(pop * 0.503);
      put('0101', String(year), c.code, area);
      put('0201', String(year), c.code, pop, '', year === 2025 ? 0 : 1);
      put('0201', String(year), c.code, female, 'SEX=FEMALE', year === 2025 ? 0 : 1);
      put('0201', String(year), c.code, pop - female, 'SEX=MALE', year === 2025 ? 0 : 1);
      put('0203', String(year), c.code, Math.round(pop / 4.2));
      put('1401', String(year), c.code, 5 + ((n + i) % 30) + (2025 - year));
    });
  }
  for (const year of [2024, 2025])
    for (let m = 1; m <= 12; m++) put('1101', `${year}M${String(m).padStart(2, '0')}`, '04', 100 + ((m * 7 + year) % 9) / 2);
  await writeValues(em, rows, { source: 'Niên giám thống kê tỉnh (số liệu mẫu)', reason: 'demo data' });
}

/** The demo data the kit loads, each step once. */
export const seed = { catalogue: seedCatalogue, units: seedUnits, values: seedValues };
