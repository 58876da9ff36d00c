import { agencyRef } from '@hub/kit';
import type { Dimension, Indicator as IndicatorEntity } from '../entities';
import type { IndicatorResolvers } from '../__generated__/resolvers-types';
import { AnalyticsService, CatalogueService } from '../services';
import { GROUPS } from '../seed/catalogue';
import type { Ctx } from './context';

const STATUS = ['PROVISIONAL', 'OFFICIAL'] as const;

export const Indicator: IndicatorResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.indicatorByCode.load(ref.code),
  group: (i) => GROUPS.find((g) => g.code === i.groupCode) ?? { code: i.groupCode, name: i.groupCode, nameEn: null },
  dimensions: async (i, _, ctx) =>
    (await ctx.loaders.dimensionByCode.loadMany(i.dimensions)).filter((d): d is Dimension => !!d && !(d instanceof Error)),
  weightIndicator: (i, _, ctx) => (i.weightCode ? ctx.loaders.indicatorByCode.load(i.weightCode) : null),
  agency: (i) => agencyRef(i.agencyCode),
  inputs: async (i, _, ctx) =>
    (await ctx.loaders.indicatorByCode.loadMany(CatalogueService.inputsOf(i))).filter(
      (x): x is IndicatorEntity => !!x && !(x instanceof Error),
    ),
  range: (i) => (i.minValue == null && i.maxValue == null ? null : { min: i.minValue, max: i.maxValue }),
  async timeSeries(i, a, ctx) {
    const s = await new AnalyticsService(ctx.em).timeSeries(i.code, a);
    return {
      unit: s.unit,
      notes: s.notes,
      points: s.points.map((p) => ({
        period: p.period,
        value: p.value,
        status: p.status == null ? null : STATUS[p.status],
        origin: p.origin,
        mappedFrom: p.mappedFrom,
      })),
    };
  },
};
