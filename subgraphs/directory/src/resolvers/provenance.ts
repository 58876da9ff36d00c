import type { Ctx } from './context';

// The directory serves Dataset itself, so the provenance's dataset is loaded here rather than left as a reference.
export const ProvenanceResolvers = {
  dataset: (p: { dataset: { code: string } }, _: unknown, ctx: Ctx) => ctx.loaders.datasetByCode.load(p.dataset.code),
};
