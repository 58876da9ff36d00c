import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';

export interface CategoryDef {
  code: string;
  name: string;
  nameEn: string;
}

/** Tiêu thức phân tổ: a disaggregation dimension (sex, urban/rural, economic sector…) with its categories. */
export const Dimension = defineEntity({
  name: 'Dimension',
  tableName: 'dimension',
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(200),
    nameEn: p.string().length(200),
    categories: p.json<CategoryDef[]>(),
  },
});
export type Dimension = InferEntity<typeof Dimension>;

export const DimensionHistory = tracked(Dimension, { approved: () => true });
