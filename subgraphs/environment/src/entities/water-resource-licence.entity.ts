import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';
import { provinceToday as today } from '@hub/schema';

export type WaterLicenceKind = 'SURFACE_WATER' | 'GROUNDWATER' | 'DISCHARGE';
export type HolderKind = 'ORGANISATION' | 'PERSON';
export type WaterLicenceStatus = 'VALID' | 'EXPIRED' | 'REVOKED';

/** A water-resource licence: a register that keeps its records (revoked, never deleted). */
export const WaterResourceLicence = defineEntity({
  name: 'WaterResourceLicence',
  tableName: 'water_resource_licence',
  indexes: [{ properties: ['communeCode'] }, { properties: ['energyProjectCode'] }, { properties: ['waterSourceCode'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    kind: p.string().$type<WaterLicenceKind>().length(20),
    purpose: p.string().length(300),
    holderKind: p.string().$type<HolderKind>().length(20),
    holderOrganisation: p.string().length(300).nullable(),
    /** A natural person's name: personal data. */
    holderPerson: p.string().length(200).nullable(),
    /** A natural person's ID number: personal data. */
    holderIdNumber: p.string().length(12).nullable(),
    permittedVolumeM3PerDay: p.double().$type<number>(),
    issuedOn: p.date(),
    validFrom: p.date(),
    validTo: p.date().nullable(),
    /** The directory's agency that issued it (competent on `issuedOn`). */
    issuerCode: p.string().length(20),
    status: p.string().$type<WaterLicenceStatus>().length(10),
    revokedOn: p.date().nullable(),
    revocationReason: p.string().length(2000).nullable(),
    waterSourceCode: p.string().length(20).nullable(),
    /** The industry-trade database's energy project (`NL-0001`…) for hydropower. */
    energyProjectCode: p.string().length(20).nullable(),
    /** Code of today's commune-level unit. */
    communeCode: p.string().length(5),
    /** Code of the commune as it was on `issuedOn` (a commune of an old district before 2025-07-01). */
    communeCodeOnRecord: p.string().length(5),
    searchText: p.string().length(700),
  },
});
export type WaterResourceLicence = InferEntity<typeof WaterResourceLicence>;

/**
 * The status on `day`: a licence stored VALID whose term has ended is EXPIRED from the day after `validTo`, without
 * a write (the stored status changes only by a write: create, update, revoke).
 */
export function statusOn(l: { status?: unknown; validTo?: unknown }, day: string = today()): WaterLicenceStatus {
  if (l.status === 'VALID' && typeof l.validTo === 'string' && l.validTo < day) return 'EXPIRED';
  return l.status as WaterLicenceStatus;
}

/** A licence in force is approved data: changing or revoking it needs a reason. */
export const WaterResourceLicenceHistory = tracked(WaterResourceLicence, {
  fields: {
    communeCode: 'WaterResourceLicence.commune',
    communeCodeOnRecord: 'WaterResourceLicence.communeOnRecord',
    issuerCode: 'WaterResourceLicence.issuer',
    waterSourceCode: 'WaterResourceLicence.waterSource',
    searchText: 'ignore',
  },
  approved: (r) => statusOn(r) === 'VALID',
});
