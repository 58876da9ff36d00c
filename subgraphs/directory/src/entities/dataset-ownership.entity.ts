import { EntitySchema } from '@mikro-orm/core';
import { HubEntity, HubEntitySchema, tracked } from '@hub/kit';
import { Agency } from './agency.entity';
import { Dataset } from './dataset.entity';

/** A period during which `agency` owned `dataset`. */
export class DatasetOwnership extends HubEntity {
  dataset!: Dataset;
  agency!: Agency;
  validFrom?: string | null;
  validTo?: string | null;
  basis?: string | null;
}

export const DatasetOwnershipSchema = new EntitySchema<DatasetOwnership, HubEntity>({
  class: DatasetOwnership,
  extends: HubEntitySchema,
  tableName: 'dataset_ownership',
  indexes: [{ properties: ['dataset'] }, { properties: ['agency'] }],
  properties: {
    dataset: { kind: 'm:1', entity: () => Dataset },
    agency: { kind: 'm:1', entity: () => Agency },
    validFrom: { type: 'date', nullable: true },
    validTo: { type: 'date', nullable: true },
    basis: { type: 'string', length: 300, nullable: true },
  },
});

/** Shown in the dataset's history as `ownerships[<id>].agency`, `.validFrom`, `.validTo`, `.basis`. */
export const DatasetOwnershipHistory = tracked(DatasetOwnershipSchema, {
  partOf: { type: 'Dataset', id: (o) => o.dataset.id, as: 'ownerships' },
  fields: { dataset: 'ignore' },
});
