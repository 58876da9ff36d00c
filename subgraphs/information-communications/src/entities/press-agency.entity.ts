import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';

export type PressAgencyKind = 'PRINT' | 'ELECTRONIC' | 'RADIO_TV' | 'MAGAZINE';
export type PressAgencyStatus = 'ACTIVE' | 'MERGED' | 'CEASED';

/** Cơ quan báo chí: a press agency of the province and the licence it operates under. */
export const PressAgency = defineEntity({
  name: 'PressAgency',
  tableName: 'press_agency',
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(300),
    kind: p.string().$type<PressAgencyKind>().length(20),
    licenceNumber: p.string().length(60),
    licensedOn: p.date(),
    /** The directory agency that issued the licence; null when the issuer (the Ministry) is not in the directory. */
    issuerCode: p.string().length(20).nullable(),
    licensedByName: p.string().length(300).nullable(),
    governingAgencyCode: p.string().length(20).nullable(),
    governingBodyName: p.string().length(300),
    status: p.string().$type<PressAgencyStatus>().length(20),
    endedOn: p.date().nullable(),
    successorCode: p.string().length(20).nullable(),
    website: p.string().length(200).nullable(),
    searchText: p.string().length(300),
  },
});
export type PressAgency = InferEntity<typeof PressAgency>;

/** The press register is published data: any change needs a reason. */
export const PressAgencyHistory = tracked(PressAgency, {
  fields: {
    issuerCode: 'PressAgency.issuer',
    governingAgencyCode: 'PressAgency.governingAgency',
    successorCode: 'PressAgency.successor',
    searchText: 'ignore',
  },
  approved: () => true,
});
