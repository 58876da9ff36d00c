import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';

export type PublishingLicenceKind = 'PUBLISHING' | 'PRINTING';
export type PublishingLicenceStatus = 'VALID' | 'EXPIRED' | 'REVOKED';

/** Giấy phép xuất bản bản tin / giấy phép hoạt động in issued by the department. */
export const PublishingLicence = defineEntity({
  name: 'PublishingLicence',
  tableName: 'publishing_licence',
  indexes: [{ properties: ['communeCode'] }, { properties: ['status'] }],
  properties: {
    ...hubEntityProperties,
    number: p.string().length(40).unique(),
    kind: p.string().$type<PublishingLicenceKind>().length(20),
    holderName: p.string().length(300),
    /** The bulletin's title (PUBLISHING) or the printed products (PRINTING). */
    subject: p.string().length(300),
    issuedOn: p.date(),
    issuerCode: p.string().length(20),
    validUntil: p.date().nullable(),
    status: p.string().$type<PublishingLicenceStatus>().length(20),
    revokedOn: p.date().nullable(),
    /** Today's commune of the holder's seat. */
    communeCode: p.string().length(5),
    /** The commune as it was on `issuedOn`. */
    communeCodeOnRecord: p.string().length(5),
    searchText: p.string().length(600),
  },
});
export type PublishingLicence = InferEntity<typeof PublishingLicence>;

/** A licence in force is approved data: revoking or changing it needs a reason. */
export const PublishingLicenceHistory = tracked(PublishingLicence, {
  fields: {
    issuerCode: 'PublishingLicence.issuer',
    communeCode: 'PublishingLicence.commune',
    communeCodeOnRecord: 'PublishingLicence.communeOnRecord',
    searchText: 'ignore',
  },
  approved: (r) => r.status === 'VALID',
});
