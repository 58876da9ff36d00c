import { EntitySchema } from '@mikro-orm/core';
import { HubEntity, HubEntitySchema, untracked } from '@hub/kit';

/**
 * Failed sign-ins of one username or one client address, in the directory's database so that every gateway
 * replica sees the same count. The key is a SHA-256 (`u:` username, `a:` address): the table holds no username.
 */
export class SignInThrottle extends HubEntity {
  key!: string;
  failures = 0;
  lastFailureAt?: Date | null;
  /** Attempts before this time are refused (429) without a password check; it passes by itself. */
  blockedUntil?: Date | null;
}

export const SignInThrottleSchema = new EntitySchema<SignInThrottle, HubEntity>({
  class: SignInThrottle,
  extends: HubEntitySchema,
  tableName: 'sign_in_throttle',
  properties: {
    key: { type: 'string', length: 80, unique: true },
    failures: { type: 'integer' },
    lastFailureAt: { type: 'datetime', nullable: true },
    blockedUntil: { type: 'datetime', nullable: true },
  },
});

/** Sign-in bookkeeping, not data: not in the change history. */
export const SignInThrottleHistory = untracked(SignInThrottleSchema);
