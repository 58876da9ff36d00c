import { EntitySchema } from '@mikro-orm/core';
import { HubEntity, HubEntitySchema } from '@hub/kit';
import { AdministrativeUnit } from './administrative-unit.entity';

/** A succession link: `predecessor` was merged (or split) into `successor` on `effectiveDate`. */
export class UnitSuccession extends HubEntity {
  predecessor!: AdministrativeUnit;
  successor!: AdministrativeUnit;
  effectiveDate!: string;
  /** The legal basis, e.g. a National Assembly Standing Committee resolution. */
  basis?: string | null;
}

export const UnitSuccessionSchema = new EntitySchema<UnitSuccession, HubEntity>({
  class: UnitSuccession,
  extends: HubEntitySchema,
  tableName: 'administrative_unit_succession',
  uniques: [{ properties: ['predecessor', 'successor'] }],
  indexes: [{ properties: ['successor'] }],
  properties: {
    predecessor: { kind: 'm:1', entity: () => AdministrativeUnit },
    successor: { kind: 'm:1', entity: () => AdministrativeUnit },
    effectiveDate: { type: 'date' },
    basis: { type: 'string', length: 200, nullable: true },
  },
});
