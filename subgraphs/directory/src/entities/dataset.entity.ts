import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties } from '@hub/kit';

/** A sector database of the province's catalogue. */
export const Dataset = defineEntity({
  name: 'Dataset',
  tableName: 'dataset',
  properties: {
    ...hubEntityProperties,
    code: p.string().length(40).unique(),
    name: p.string().length(300),
    nameEn: p.string().length(300).nullable(),
    sector: p.string().length(200),
    description: p.text().nullable(),
    subgraph: p.string().length(60).nullable(),
  },
});
export type Dataset = InferEntity<typeof Dataset>;
