import { EntitySchema } from '@mikro-orm/core';
import { HubEntity, HubEntitySchema, untracked } from '@hub/kit';
import { Account } from './account.entity';

/** A refresh token (stored as its SHA-256 only), rotated on every use. */
export class AccountSession extends HubEntity {
  account!: Account;
  tokenHash!: string;
  expiresAt!: Date;
  revokedAt?: Date | null;
}

export const AccountSessionSchema = new EntitySchema<AccountSession, HubEntity>({
  class: AccountSession,
  extends: HubEntitySchema,
  tableName: 'account_session',
  indexes: [{ properties: ['account'] }],
  properties: {
    account: { kind: 'm:1', entity: () => Account, deleteRule: 'cascade' },
    tokenHash: { type: 'string', length: 64, unique: true },
    expiresAt: { type: 'datetime' },
    revokedAt: { type: 'datetime', nullable: true },
  },
});

/** Sessions are sign-in state, not data: not in the change history. */
export const AccountSessionHistory = untracked(AccountSessionSchema);
