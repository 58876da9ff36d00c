import type { Indicator } from '../entities';
import { AnalyticsService, CatalogueService } from '../services';
import { GROUPS } from '../seed/catalogue';
import type { Periodicity } from '../periods';
import type { Ctx } from './context';

const STATUS = ['PROVISIONAL', 'OFFICIAL'] as const;

export const IndicatorResolvers = {
  __resolveReference: (ref: { code: string }, ctx: Ctx) => ctx.loaders.indicatorByCode.load(ref.code),
  group: (i: Indicator) => GROUPS.find((g) => g.code === i.groupCode) ?? { code: i.groupCode, name: i.groupCode, nameEn: null },
  dimensions: async (i: Indicator, _: unknown, ctx: Ctx) => (await ctx.loaders.dimensionByCode.loadMany(i.dimensions)).filter((d) => d && !(d instanceof Error)),
  weightIndicator: (i: Indicator, _: unknown, ctx: Ctx) => (i.weightCode ? ctx.loaders.indicatorByCode.load(i.weightCode) : null),
  agency: (i: Indicator) => ({ __typename: 'Agency', code: i.agencyCode }),
  inputs: async (i: Indicator, _: unknown, ctx: Ctx) => (await ctx.loaders.indicatorByCode.loadMany(CatalogueService.inputsOf(i))).filter((x) => x && !(x instanceof Error)),
  range: (i: Indicator) => (i.minValue == null && i.maxValue == null ? null : { min: i.minValue, max: i.maxValue }),
  async timeSeries(
    i: Indicator,
    a: { unit: string; from: string; to: string; periodicity?: Periodicity; categories?: { dimension: string; category: string }[] },
    ctx: Ctx,
  ) {
    const s = await new AnalyticsService(ctx.em).timeSeries(i.code, a);
    return {
      unit: s.unit,
      notes: s.notes,
      points: s.points.map((p) => ({ period: p.period, value: p.value, status: p.status == null ? null : STATUS[p.status], origin: p.origin, mappedFrom: p.mappedFrom })),
    };
  },
};
