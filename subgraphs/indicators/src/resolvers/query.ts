import type { QueryResolvers } from '../__generated__/resolvers-types';
import { AnalyticsService, CatalogueService } from '../services';
import { parsePeriod } from '../periods';
import { GROUPS } from '../seed/catalogue';
import type { Ctx } from './context';
import { dataResult, selects } from './data';
import { periodView } from './period';

export const Query: QueryResolvers<Ctx> = {
  indicator: (_, { code }, ctx) => ctx.loaders.indicatorByCode.load(code),
  indicators: (_, args, ctx) => new CatalogueService(ctx.em).list(args),
  indicatorGroups: () => GROUPS,
  period: (_, { id }) => periodView(parsePeriod(id, 'id')),
  async indicatorData(_, { query }, ctx, info) {
    const service = new AnalyticsService(ctx.em);
    // Status, source and update time are shown only in rows: a matrix alone is read as values only.
    return dataResult(await service.data(query, { detail: selects(info, 'rows') }), service.timer.ms, ctx);
  },
};
