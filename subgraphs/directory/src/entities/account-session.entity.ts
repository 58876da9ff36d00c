import { EntitySchema } from '@mikro-orm/core';
import { HubEntity, HubEntitySchema, untracked } from '@hub/kit';
import { Account } from './account.entity';

/**
 * A refresh token (stored as its SHA-256 only), rotated on every use. Each sign-in starts a family; a rotation
 * keeps it, so that presenting a token already rotated (stolen and used by someone else, or by its owner after the
 * thief) revokes every token of the family (OAuth 2.0 Security BCP, refresh token rotation).
 */
export class AccountSession extends HubEntity {
  account!: Account;
  tokenHash!: string;
  familyId!: string;
  expiresAt!: Date;
  /** When this token was exchanged for the next one of its family. */
  rotatedAt?: Date | null;
  revokedAt?: Date | null;
}

export const AccountSessionSchema = new EntitySchema<AccountSession, HubEntity>({
  class: AccountSession,
  extends: HubEntitySchema,
  tableName: 'account_session',
  indexes: [{ properties: ['account'] }, { properties: ['familyId'] }],
  properties: {
    account: { kind: 'm:1', entity: () => Account, deleteRule: 'cascade' },
    tokenHash: { type: 'string', length: 64, unique: true },
    familyId: { type: 'uuid' },
    expiresAt: { type: 'datetime' },
    rotatedAt: { type: 'datetime', nullable: true },
    revokedAt: { type: 'datetime', nullable: true },
  },
});

/** Sessions are sign-in state, not data: not in the change history. */
export const AccountSessionHistory = untracked(AccountSessionSchema);
