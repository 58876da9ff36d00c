import type { AdministrativeUnitResolvers } from '../__generated__/resolvers-types';
import { AnalyticsService } from '../services';
import type { Ctx } from './context';
import { row } from './data';

export const AdministrativeUnit: AdministrativeUnitResolvers<Ctx> = {
  async indicatorValues(u, a, ctx) {
    // Its arguments are the query's fields: errors name them as they are (`periods`, not `query.periods`).
    const r = await new AnalyticsService(ctx.em).data(
      { indicators: a.indicators, periods: a.periods, units: { codes: [u.code] }, disaggregateBy: a.disaggregateBy },
      { at: '' },
    );
    return r.cells.map((c) => row(c, ctx));
  },
};
