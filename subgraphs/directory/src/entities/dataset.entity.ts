import { EntitySchema } from '@mikro-orm/core';
import { HubEntity, HubEntitySchema } from '@hub/kit';

/** A sector database of the province's catalogue. */
export class Dataset extends HubEntity {
  code!: string;
  name!: string;
  nameEn?: string | null;
  sector!: string;
  description?: string | null;
  subgraph?: string | null;
}

export const DatasetSchema = new EntitySchema<Dataset, HubEntity>({
  class: Dataset,
  extends: HubEntitySchema,
  tableName: 'dataset',
  properties: {
    code: { type: 'string', length: 40, unique: true },
    name: { type: 'string', length: 300 },
    nameEn: { type: 'string', length: 300, nullable: true },
    sector: { type: 'string', length: 200 },
    description: { type: 'text', nullable: true },
    subgraph: { type: 'string', length: 60, nullable: true },
  },
});
