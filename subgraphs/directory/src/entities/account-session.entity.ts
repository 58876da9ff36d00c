import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, untracked } from '@hub/kit';
import { Account } from './account.entity';

/**
 * A refresh token (stored as its SHA-256 only), rotated on every use. Each sign-in starts a family; a rotation
 * keeps it, so that presenting a token already rotated (stolen and used by someone else, or by its owner after the
 * thief) revokes every token of the family (OAuth 2.0 Security BCP, refresh token rotation).
 */
export const AccountSession = defineEntity({
  name: 'AccountSession',
  tableName: 'account_session',
  indexes: [{ properties: ['account'] }, { properties: ['familyId'] }],
  properties: {
    ...hubEntityProperties,
    account: () => p.manyToOne(Account).deleteRule('cascade'),
    tokenHash: p.string().length(64).unique(),
    familyId: p.uuid(),
    expiresAt: p.datetime(),
    /** When this token was exchanged for the next one of its family. */
    rotatedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});
export type AccountSession = InferEntity<typeof AccountSession>;

/** Sessions are sign-in state, not data: not in the change history. */
export const AccountSessionHistory = untracked(AccountSession);
