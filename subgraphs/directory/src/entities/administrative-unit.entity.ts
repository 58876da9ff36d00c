import { EntitySchema } from '@mikro-orm/core';
import { HubEntity, HubEntitySchema } from '@hub/kit';

export type AdministrativeLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
export type AdministrativeUnitKind =
  | 'PROVINCE'
  | 'MUNICIPALITY'
  | 'DISTRICT'
  | 'PROVINCIAL_CITY'
  | 'TOWN'
  | 'COMMUNE'
  | 'WARD'
  | 'TOWNSHIP'
  | 'SPECIAL_ZONE';

/** One version of an administrative unit; a change of parent or territory makes a new version with the same code. */
export class AdministrativeUnit extends HubEntity {
  code!: string;
  name!: string;
  kind!: AdministrativeUnitKind;
  level!: AdministrativeLevel;
  parent?: AdministrativeUnit | null;
  validFrom?: string | null;
  validTo?: string | null;
  /** searchKey(name), for diacritic-insensitive search. */
  searchText!: string;
}

export const AdministrativeUnitSchema = new EntitySchema<AdministrativeUnit, HubEntity>({
  class: AdministrativeUnit,
  extends: HubEntitySchema,
  tableName: 'administrative_unit',
  indexes: [{ properties: ['code'] }, { properties: ['parent'] }],
  uniques: [{ properties: ['code', 'validFrom'] }],
  properties: {
    code: { type: 'string', length: 5 },
    name: { type: 'string', length: 200 },
    kind: { type: 'string', length: 20 },
    level: { type: 'string', length: 10 },
    parent: { kind: 'm:1', entity: () => AdministrativeUnit, nullable: true },
    validFrom: { type: 'date', nullable: true },
    validTo: { type: 'date', nullable: true },
    searchText: { type: 'string', length: 200 },
  },
});
