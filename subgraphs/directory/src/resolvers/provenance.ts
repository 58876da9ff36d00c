import type { ProvenanceResolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';

// The directory serves Dataset itself, so the provenance's dataset is loaded here rather than left as a reference.
export const Provenance: ProvenanceResolvers<Ctx> = {
  dataset: (p, _, ctx) => ctx.loaders.datasetByCode.load(p.dataset.code),
};
