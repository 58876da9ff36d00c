import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';
import { Agency } from './agency.entity';
import { Dataset } from './dataset.entity';

/** A period during which `agency` owned `dataset`. */
export const DatasetOwnership = defineEntity({
  name: 'DatasetOwnership',
  tableName: 'dataset_ownership',
  indexes: [{ properties: ['dataset'] }, { properties: ['agency'] }],
  properties: {
    ...hubEntityProperties,
    dataset: () => p.manyToOne(Dataset),
    agency: () => p.manyToOne(Agency),
    validFrom: p.date().nullable(),
    validTo: p.date().nullable(),
    basis: p.string().length(300).nullable(),
  },
});
export type DatasetOwnership = InferEntity<typeof DatasetOwnership>;

/** Shown in the dataset's history as `ownerships[<id>].agency`, `.validFrom`, `.validTo`, `.basis`. */
export const DatasetOwnershipHistory = tracked(DatasetOwnership, {
  partOf: { type: 'Dataset', id: (o) => o.dataset.id, as: 'ownerships' },
  fields: { dataset: 'ignore' },
});
