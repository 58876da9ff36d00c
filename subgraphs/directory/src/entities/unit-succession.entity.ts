import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties } from '@hub/kit';
import { AdministrativeUnit } from './administrative-unit.entity';

/** A succession link: `predecessor` was merged (or split) into `successor` on `effectiveDate`. */
export const UnitSuccession = defineEntity({
  name: 'UnitSuccession',
  tableName: 'administrative_unit_succession',
  uniques: [{ properties: ['predecessor', 'successor'] }],
  indexes: [{ properties: ['successor'] }],
  properties: {
    ...hubEntityProperties,
    predecessor: () => p.manyToOne(AdministrativeUnit),
    successor: () => p.manyToOne(AdministrativeUnit),
    effectiveDate: p.date(),
    /** The legal basis, e.g. a National Assembly Standing Committee resolution. */
    basis: p.string().length(200).nullable(),
  },
});
export type UnitSuccession = InferEntity<typeof UnitSuccession>;
