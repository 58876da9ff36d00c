// Loads the culture and tourism demo data in one transaction; ids and codes are derived from the lists' order.
import type { EntityManager } from '@mikro-orm/postgresql';
import { searchKey, stableId } from '@hub/kit';
import { AccommodationEstablishment, SiteVisitorCount, TouristSite } from '../entities';
import { ACCOMMODATIONS, SITES } from './cao-bang';

const id = (kind: string, key: string) => stableId(`culture-tourism.${kind}`, key);
export const siteCode = (i: number) => `DL-${String(i + 1).padStart(4, '0')}`;
export const accommodationCode = (i: number) => `LT-${String(i + 1).padStart(4, '0')}`;

/** Deterministic sample visitor numbers: bigger for famous sites, growing after 2022. */
export function visitors(i: number, year: number): { domestic: number; international: number } {
  const base = 4000 + ((i * 7919) % 9000) + (i < 5 ? 120000 : 0);
  const growth = 1 + 0.18 * (year - 2021);
  return { domestic: Math.round(base * growth), international: Math.round((base * growth) / (i < 5 ? 12 : 40)) };
}

export async function seedCultureTourism(em: EntityManager): Promise<void> {
  SITES.forEach((s, i) => {
    const code = siteCode(i);
    const site = em.create(TouristSite, {
      id: id('site', code),
      code,
      name: s.name,
      nameEn: s.nameEn ?? null,
      category: s.category,
      description: s.description ?? null,
      communeCode: s.commune,
      address: null,
      latitude: s.lat,
      longitude: s.lng,
      searchText: searchKey(`${s.name} ${s.nameEn ?? ''}`),
    });
    for (let year = 2021; year <= 2025; year++) {
      em.create(SiteVisitorCount, { id: id('visits', `${code}:${year}`), site, year, ...visitors(i, year) });
    }
  });
  ACCOMMODATIONS.forEach((a, i) => {
    const code = accommodationCode(i);
    em.create(AccommodationEstablishment, {
      id: id('accommodation', code),
      code,
      name: a.name,
      type: a.type,
      starRating: a.stars,
      rooms: a.rooms,
      communeCode: a.commune,
      address: null,
      licenceNumber: `04-${String(1000 + i * 37)}/GP-SVHTTDL`,
      ownerName: a.owner ?? null,
      annualRevenue: Math.round(a.rooms * (a.stars ?? 1) * 95.5),
      searchText: searchKey(a.name),
    });
  });
  await em.flush();
}

/** The demo data the kit loads once (`npm start`, tests with `seed: true`). */
export const seed = seedCultureTourism;
