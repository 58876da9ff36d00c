import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties } from '@hub/kit';

export type AdministrativeLevel = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';
export type AdministrativeUnitKind =
  'PROVINCE' | 'MUNICIPALITY' | 'DISTRICT' | 'PROVINCIAL_CITY' | 'TOWN' | 'COMMUNE' | 'WARD' | 'TOWNSHIP' | 'SPECIAL_ZONE';

/** One version of an administrative unit; a change of parent or territory makes a new version with the same code. */
export const AdministrativeUnit = defineEntity({
  name: 'AdministrativeUnit',
  tableName: 'administrative_unit',
  indexes: [{ properties: ['code'] }, { properties: ['parent'] }],
  uniques: [{ properties: ['code', 'validFrom'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(5),
    name: p.string().length(200),
    kind: p.string().$type<AdministrativeUnitKind>().length(20),
    level: p.string().$type<AdministrativeLevel>().length(10),
    parent: () => p.manyToOne(AdministrativeUnit).nullable(),
    validFrom: p.date().nullable(),
    validTo: p.date().nullable(),
    /** searchKey(name), for diacritic-insensitive search. */
    searchText: p.string().length(200),
  },
});
export type AdministrativeUnit = InferEntity<typeof AdministrativeUnit>;
