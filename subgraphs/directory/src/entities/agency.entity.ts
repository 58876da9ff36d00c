import { EntitySchema } from '@mikro-orm/core';
import { HubEntity, HubEntitySchema } from '@hub/kit';
import type { AdministrativeLevel } from './administrative-unit.entity';

export type AgencyKind = 'PEOPLES_COMMITTEE' | 'OFFICE' | 'DEPARTMENT' | 'PUBLIC_SERVICE_UNIT';

export class Agency extends HubEntity {
  code!: string;
  name!: string;
  nameEn?: string | null;
  kind!: AgencyKind;
  level!: AdministrativeLevel;
  /** Code of the administrative unit the agency serves. */
  unitCode?: string | null;
  parent?: Agency | null;
  validFrom?: string | null;
  validTo?: string | null;
  successor?: Agency | null;
  contactAddress?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  contactWebsite?: string | null;
  searchText!: string;
}

export const AgencySchema = new EntitySchema<Agency, HubEntity>({
  class: Agency,
  extends: HubEntitySchema,
  tableName: 'agency',
  indexes: [{ properties: ['parent'] }, { properties: ['successor'] }],
  properties: {
    code: { type: 'string', length: 40, unique: true },
    name: { type: 'string', length: 300 },
    nameEn: { type: 'string', length: 300, nullable: true },
    kind: { type: 'string', length: 30 },
    level: { type: 'string', length: 10 },
    unitCode: { type: 'string', length: 5, nullable: true },
    parent: { kind: 'm:1', entity: () => Agency, nullable: true },
    validFrom: { type: 'date', nullable: true },
    validTo: { type: 'date', nullable: true },
    successor: { kind: 'm:1', entity: () => Agency, nullable: true },
    contactAddress: { type: 'string', length: 300, nullable: true },
    contactPhone: { type: 'string', length: 40, nullable: true },
    contactEmail: { type: 'string', length: 120, nullable: true },
    contactWebsite: { type: 'string', length: 200, nullable: true },
    searchText: { type: 'string', length: 700 },
  },
});
