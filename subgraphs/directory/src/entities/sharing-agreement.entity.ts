import { EntitySchema } from '@mikro-orm/core';
import { HubEntity, HubEntitySchema, tracked } from '@hub/kit';
import { Agency } from './agency.entity';

export type AgreementStatus = 'REQUESTED' | 'APPROVED' | 'REFUSED' | 'SUSPENDED' | 'ENDED';

/** A data-sharing agreement with the contents Decree 47/2020/NĐ-CP requires. */
export class SharingAgreement extends HubEntity {
  provider!: Agency;
  consumer!: Agency;
  /** Coordinates (`Type.field`) or whole types (`Type`) shared. */
  coordinates!: string[];
  includesPersonalData!: boolean;
  purpose!: string;
  /** Document number of the written request / legal basis. */
  legalBasis!: string;
  /** Where and how the consumer uses the data. */
  usage!: string;
  validFrom!: string;
  validTo!: string;
  processingAfterReceipt?: string | null;
  protectionCommitments?: string | null;
  retention?: string | null;
  deletion?: string | null;
  status: AgreementStatus = 'REQUESTED';
  statusReason?: string | null;
  requestedBy!: string;
  decidedBy?: string | null;
  decidedAt?: Date | null;
}

export const SharingAgreementSchema = new EntitySchema<SharingAgreement, HubEntity>({
  class: SharingAgreement,
  extends: HubEntitySchema,
  tableName: 'sharing_agreement',
  indexes: [{ properties: ['provider'] }, { properties: ['consumer'] }, { properties: ['status'] }],
  properties: {
    provider: { kind: 'm:1', entity: () => Agency },
    consumer: { kind: 'm:1', entity: () => Agency },
    coordinates: { type: 'text[]' },
    includesPersonalData: { type: 'boolean' },
    purpose: { type: 'text' },
    legalBasis: { type: 'string', length: 200 },
    usage: { type: 'text' },
    validFrom: { type: 'date' },
    validTo: { type: 'date' },
    processingAfterReceipt: { type: 'text', nullable: true },
    protectionCommitments: { type: 'text', nullable: true },
    retention: { type: 'text', nullable: true },
    deletion: { type: 'text', nullable: true },
    status: { type: 'string', length: 10 },
    statusReason: { type: 'text', nullable: true },
    // An account id: a directory account's uuid, or `oidc:<subject>` for an account of the external identity provider.
    requestedBy: { type: 'string', length: 100 },
    decidedBy: { type: 'string', length: 100, nullable: true },
    decidedAt: { type: 'datetime', nullable: true },
  },
});

/** An agreement in force is approved data: changing it (suspending, ending) needs a reason. */
export const SharingAgreementHistory = tracked(SharingAgreementSchema, {
  fields: { requestedBy: 'INTERNAL', decidedBy: 'INTERNAL' },
  approved: (before) => before.status === 'APPROVED',
});
