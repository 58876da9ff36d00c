import { agencyRef, reads, unitAsOf, unitRef } from '@hub/kit';
import type { EnergyProjectResolvers, ForestChangeResolvers, ForestPlotResolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';

export const ForestPlot: ForestPlotResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.forestPlotByCode.load(ref.code),
  commune: reads(['communeCode'], (r) => unitRef(r.communeCode)),
  managedBy: reads(['managedByCode'], (r) => (r.managedByCode ? agencyRef(r.managedByCode) : null)),
  changes: reads(['code'], (r, _, ctx) => ctx.loaders.changesOfPlot.load(r.code)),
};

export const ForestChange: ForestChangeResolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.forestChangeByCode.load(ref.code),
  plot: reads(['plotCode'], (r, _, ctx) => ctx.loaders.forestPlotByCode.load(r.plotCode)),
  issuer: reads(['issuerCode'], (r) => (r.issuerCode ? agencyRef(r.issuerCode) : null)),
  energyProject: reads(['energyProjectCode'], (r) =>
    r.energyProjectCode ? { __typename: 'EnergyProject' as const, code: r.energyProjectCode } : null,
  ),
  commune: reads(['communeCode'], (r) => unitRef(r.communeCode)),
  communeOnRecord: reads(['communeCodeOnRecord', 'detectedOn'], (r) => unitAsOf(r.communeCodeOnRecord, r.detectedOn)),
};

/** industry-trade's energy project: this subgraph answers its forest conversions from the representation's code. */
export const EnergyProject: EnergyProjectResolvers<Ctx> = {
  __resolveReference: (ref) => ({ __typename: 'EnergyProject', code: ref.code }),
  forestConversions: (p, _, ctx) => ctx.loaders.conversionsOfProject.load(p.code),
};
