// Small fluent seed builders for cross-service tests.
import type { EntityManager } from '@mikro-orm/postgresql';
import { searchKey } from '@hub/kit';
import { TouristSite } from '@hub/culture-tourism';

export class TouristSiteBuilder {
  private n = 1;
  private communes: string[] = ['01240'];
  private prefix = 'TB';

  constructor(private readonly em: EntityManager) {}

  count(n: number): this {
    this.n = n;
    return this;
  }

  /** Spread the sites over these commune codes, in turn. */
  inCommunes(codes: string[]): this {
    this.communes = codes;
    return this;
  }

  withCodePrefix(prefix: string): this {
    this.prefix = prefix;
    return this;
  }

  async insert(): Promise<TouristSite[]> {
    const em = this.em.fork();
    const sites = Array.from({ length: this.n }, (_, i) => {
      const name = `Điểm thử ${this.prefix} ${i + 1}`;
      return em.create(TouristSite, {
        code: `${this.prefix}-${String(i + 1).padStart(5, '0')}`,
        name,
        category: 'LANDSCAPE',
        communeCode: this.communes[i % this.communes.length],
        searchText: searchKey(name),
      } as TouristSite);
    });
    await em.flush();
    return sites;
  }
}

export const touristSites = (em: EntityManager) => new TouristSiteBuilder(em);
