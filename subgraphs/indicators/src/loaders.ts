// The indicators subgraph's batch functions; the kit makes a fresh DataLoader of each per request.
import { byKeys, defineLoaders } from '@hub/kit';
import { Dimension } from './entities';
import { CatalogueService, uploadSources } from './services';

export const loaders = defineLoaders({
  indicatorByCode: (em) => async (codes: readonly string[]) => byKeys(codes, await new CatalogueService(em).byCodes(codes), (i) => i.code),
  dimensionByCode: (em) => async (codes: readonly string[]) =>
    byKeys(codes, await em.find(Dimension, { code: { $in: [...codes] } }), (d) => d.code),
  uploadSource: (em) => async (ids: readonly number[]) => {
    const m = await uploadSources(em, ids);
    return ids.map((id) => m.get(id) ?? null);
  },
});

export type IndicatorsLoaders = typeof loaders;
