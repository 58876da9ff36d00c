// The indicator catalogue: lookups, the filtered list, and the in-memory view the analytics and the writes use
// (a few hundred rows, kept per process and re-read only when the tables change).
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { containsPattern, findConnection, sql, type Connection } from '@hub/kit';
import { Dimension, Indicator } from '../entities';
import type { QueryIndicatorsArgs } from '../__generated__/resolvers-types';
import { parseFormula, formulaInputs, type Formula } from '../formula';

export interface Catalogue {
  byCode: Map<string, Indicator>;
  byNum: Map<number, Indicator>;
  dimensions: Map<string, Dimension>;
  formulas: Map<string, Formula>;
}

const catalogues = new WeakMap<object, { stamp: string; catalogue: Promise<Catalogue> }>();

/** Changes whenever a row of `indicator` or `dimension` is inserted, updated (MikroORM bumps both) or deleted. */
const STAMP_SQL = `select concat_ws('/',
    (select concat_ws(':', count(*), max(updated_at), sum(version)) from indicator),
    (select concat_ws(':', count(*), max(updated_at), sum(version)) from dimension)) as stamp`;

async function readCatalogue(em: EntityManager): Promise<Catalogue> {
  const [indicators, dimensions] = await Promise.all([em.find(Indicator, {}), em.find(Dimension, {})]);
  const formulas = new Map<string, Formula>();
  for (const i of indicators) if (i.formula) formulas.set(i.code, parseFormula(i.formula));
  return {
    byCode: new Map(indicators.map((i) => [i.code, i])),
    byNum: new Map(indicators.map((i) => [i.num, i])),
    dimensions: new Map(dimensions.map((d) => [d.code, d])),
    formulas,
  };
}

export class CatalogueService {
  constructor(private readonly em: EntityManager) {}

  byCodes(codes: readonly string[]): Promise<Indicator[]> {
    return codes.length ? this.em.find(Indicator, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  list(args: QueryIndicatorsArgs): Promise<Connection<Indicator>> {
    const and: FilterQuery<Indicator>[] = [];
    if (args.group) and.push({ groupCode: args.group });
    if (args.agency) and.push({ agencyCode: args.agency });
    if (args.search) and.push({ searchText: { $like: containsPattern(args.search) } });
    return findConnection(this.em, Indicator, and.length ? { $and: and } : {}, args, 'code');
  }

  /**
   * The catalogue as the database holds it now. Kept per process (per connection pool) and checked on every call
   * with one tiny statement (row counts, latest `updated_at`, summed versions of both tables) instead of hydrating
   * a few hundred entities per request: any committed change, by this process or another (the generator writes
   * with plain SQL), gives a new stamp and a fresh read; a change not yet committed is not seen, as it should not be.
   */
  async load(): Promise<Catalogue> {
    const conn = this.em.getConnection();
    const [{ stamp }] = await sql(this.em).rows<{ stamp: string }>(STAMP_SQL);
    const cached = catalogues.get(conn);
    if (cached && cached.stamp === stamp) return cached.catalogue;
    // A fork of its own: the cached entities do not sit in (or keep alive) the identity map of the request that read them.
    const catalogue = readCatalogue(this.em.fork({ clear: true }) as EntityManager);
    catalogues.set(conn, { stamp, catalogue });
    catalogue.catch(() => {
      if (catalogues.get(conn)?.catalogue === catalogue) catalogues.delete(conn);
    });
    return catalogue;
  }

  static inputsOf(ind: Indicator): string[] {
    return ind.formula ? [...formulaInputs(parseFormula(ind.formula)).keys()] : [];
  }
}
