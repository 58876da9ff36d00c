import { AnalyticsService } from '../services';
import type { Ctx } from './context';
import { row } from './data';

export const AdministrativeUnitResolvers = {
  async indicatorValues(u: { code: string }, a: { indicators: string[]; periods: string[]; disaggregateBy?: string[] }, ctx: Ctx) {
    const r = await new AnalyticsService(ctx.em).data({ indicators: a.indicators, periods: a.periods, units: { codes: [u.code] }, disaggregateBy: a.disaggregateBy });
    return r.cells.map((c) => row(c, ctx));
  },
};
