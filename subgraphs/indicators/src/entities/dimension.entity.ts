import { EntitySchema } from '@mikro-orm/core';
import { HubEntity, HubEntitySchema, tracked } from '@hub/kit';

export interface CategoryDef {
  code: string;
  name: string;
  nameEn: string;
}

/** Tiêu thức phân tổ: a disaggregation dimension (sex, urban/rural, economic sector…) with its categories. */
export class Dimension extends HubEntity {
  code!: string;
  name!: string;
  nameEn!: string;
  categories!: CategoryDef[];
}

export const DimensionSchema = new EntitySchema<Dimension, HubEntity>({
  class: Dimension,
  extends: HubEntitySchema,
  tableName: 'dimension',
  properties: {
    code: { type: 'string', length: 20, unique: true },
    name: { type: 'string', length: 200 },
    nameEn: { type: 'string', length: 200 },
    categories: { type: 'json' },
  },
});

export const DimensionHistory = tracked(DimensionSchema, { approved: () => true });
