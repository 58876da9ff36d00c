import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties } from '@hub/kit';
import type { AdministrativeLevel } from './administrative-unit.entity';

export type AgencyKind = 'PEOPLES_COMMITTEE' | 'OFFICE' | 'DEPARTMENT' | 'PUBLIC_SERVICE_UNIT';

export const Agency = defineEntity({
  name: 'Agency',
  tableName: 'agency',
  indexes: [{ properties: ['parent'] }, { properties: ['successor'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(40).unique(),
    name: p.string().length(300),
    nameEn: p.string().length(300).nullable(),
    kind: p.string().$type<AgencyKind>().length(30),
    level: p.string().$type<AdministrativeLevel>().length(10),
    /** Code of the administrative unit the agency serves. */
    unitCode: p.string().length(5).nullable(),
    parent: () => p.manyToOne(Agency).nullable(),
    validFrom: p.date().nullable(),
    validTo: p.date().nullable(),
    successor: () => p.manyToOne(Agency).nullable(),
    contactAddress: p.string().length(300).nullable(),
    contactPhone: p.string().length(40).nullable(),
    contactEmail: p.string().length(120).nullable(),
    contactWebsite: p.string().length(200).nullable(),
    searchText: p.string().length(700),
  },
});
export type Agency = InferEntity<typeof Agency>;
