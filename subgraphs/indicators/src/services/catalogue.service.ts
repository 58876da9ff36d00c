// The indicator catalogue: lookups, the filtered list, and the in-memory view the analytics use (read once per
// request: a few hundred rows).
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { containsPattern, findConnection, type Connection, type PageArgs } from '@hub/kit';
import { Dimension, Indicator } from '../entities';
import { parseFormula, formulaInputs, type Formula } from '../formula';

export interface Catalogue {
  byCode: Map<string, Indicator>;
  byNum: Map<number, Indicator>;
  dimensions: Map<string, Dimension>;
  formulas: Map<string, Formula>;
}

export class CatalogueService {
  constructor(private readonly em: EntityManager) {}

  byCodes(codes: readonly string[]): Promise<Indicator[]> {
    return codes.length ? this.em.find(Indicator, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  list(args: PageArgs & { group?: string | null; search?: string | null; agency?: string | null }): Promise<Connection<Indicator>> {
    const and: FilterQuery<Indicator>[] = [];
    if (args.group) and.push({ groupCode: args.group });
    if (args.agency) and.push({ agencyCode: args.agency });
    if (args.search) and.push({ searchText: { $like: containsPattern(args.search) } });
    return findConnection(this.em, Indicator, and.length ? { $and: and } : {}, args, 'code');
  }

  async load(): Promise<Catalogue> {
    const [indicators, dimensions] = await Promise.all([this.em.find(Indicator, {}), this.em.find(Dimension, {})]);
    const formulas = new Map<string, Formula>();
    for (const i of indicators) if (i.formula) formulas.set(i.code, parseFormula(i.formula));
    return {
      byCode: new Map(indicators.map((i) => [i.code, i])),
      byNum: new Map(indicators.map((i) => [i.num, i])),
      dimensions: new Map(dimensions.map((d) => [d.code, d])),
      formulas,
    };
  }

  static inputsOf(ind: Indicator): string[] {
    return ind.formula ? [...formulaInputs(parseFormula(ind.formula)).keys()] : [];
  }
}
