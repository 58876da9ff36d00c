import type { GraphQLResolveInfo } from 'graphql';
import type { PageArgs } from '@hub/kit';
import { AnalyticsService, CatalogueService, type DataQuery } from '../services';
import { parsePeriod, previousYear } from '../periods';
import { GROUPS } from '../seed/catalogue';
import type { Ctx } from './context';
import { dataResult, selects } from './data';

export const Query = {
  indicator: (_: unknown, { code }: { code: string }, ctx: Ctx) => ctx.loaders.indicatorByCode.load(code),
  indicators: (_: unknown, args: PageArgs & { group?: string; search?: string; agency?: string }, ctx: Ctx) => new CatalogueService(ctx.em).list(args),
  indicatorGroups: () => GROUPS,
  period: (_: unknown, { id }: { id: string }) => {
    const p = parsePeriod(id, 'id');
    return { id: p.id, type: p.type, year: p.year, startDate: p.start, endDate: p.end, previousYear: previousYear(p).id };
  },
  async indicatorData(_: unknown, { query }: { query: DataQuery }, ctx: Ctx, info: GraphQLResolveInfo) {
    const service = new AnalyticsService(ctx.em);
    // Status, source and update time are shown only in rows: a matrix alone is read as values only.
    return dataResult(await service.data(query, { detail: selects(info, 'rows') }), service.timer.ms, ctx);
  },
};
