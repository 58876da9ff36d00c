import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, untracked } from '@hub/kit';

/**
 * Failed sign-ins of one username or one client address, in the directory's database so that every gateway
 * replica sees the same count. The key is a SHA-256 (`u:` username, `a:` address): the table holds no username.
 */
export const SignInThrottle = defineEntity({
  name: 'SignInThrottle',
  tableName: 'sign_in_throttle',
  properties: {
    ...hubEntityProperties,
    key: p.string().length(80).unique(),
    failures: p
      .integer()
      .default(0)
      .onCreate(() => 0),
    lastFailureAt: p.datetime().nullable(),
    /** Attempts before this time are refused (429) without a password check; it passes by itself. */
    blockedUntil: p.datetime().nullable(),
  },
});
export type SignInThrottle = InferEntity<typeof SignInThrottle>;

/** Sign-in bookkeeping, not data: not in the change history. */
export const SignInThrottleHistory = untracked(SignInThrottle);
