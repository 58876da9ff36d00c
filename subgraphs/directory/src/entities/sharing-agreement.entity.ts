import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';
import { Agency } from './agency.entity';

export type AgreementStatus = 'REQUESTED' | 'APPROVED' | 'REFUSED' | 'SUSPENDED' | 'ENDED';

/** A data-sharing agreement with the contents Decree 47/2020/NĐ-CP requires. */
export const SharingAgreement = defineEntity({
  name: 'SharingAgreement',
  tableName: 'sharing_agreement',
  indexes: [{ properties: ['provider'] }, { properties: ['consumer'] }, { properties: ['status'] }],
  properties: {
    ...hubEntityProperties,
    provider: () => p.manyToOne(Agency),
    consumer: () => p.manyToOne(Agency),
    /** Coordinates (`Type.field`) or whole types (`Type`) shared. */
    coordinates: p.array(),
    includesPersonalData: p.boolean(),
    purpose: p.text(),
    /** Document number of the written request / legal basis. */
    legalBasis: p.string().length(200),
    /** Where and how the consumer uses the data. */
    usage: p.text(),
    validFrom: p.date(),
    validTo: p.date(),
    processingAfterReceipt: p.text().nullable(),
    protectionCommitments: p.text().nullable(),
    retention: p.text().nullable(),
    deletion: p.text().nullable(),
    status: p
      .string()
      .$type<AgreementStatus>()
      .length(10)
      .default('REQUESTED')
      .onCreate(() => 'REQUESTED'),
    statusReason: p.text().nullable(),
    /** An account id: a directory account's uuid, or `oidc:<subject>` for an account of the external identity provider. */
    requestedBy: p.string().length(100),
    decidedBy: p.string().length(100).nullable(),
    decidedAt: p.datetime().nullable(),
  },
});
export type SharingAgreement = InferEntity<typeof SharingAgreement>;

/** An agreement in force is approved data: changing it (suspending, ending) needs a reason. */
export const SharingAgreementHistory = tracked(SharingAgreement, {
  fields: { requestedBy: 'INTERNAL', decidedBy: 'INTERNAL' },
  approved: (before) => before.status === 'APPROVED',
});
