// The directory's own settings, beyond the kit's.
import { z } from 'zod';
import { parseEnv } from '@hub/kit';

const seconds = (fallback: number) => z.coerce.number().int().min(1).max(86400).default(fallback);
const count = (fallback: number) => z.coerce.number().int().min(1).max(100000).default(fallback);

export const directoryConfig = parseEnv(
  z.object({
    /** Failed sign-ins of one username (known or not) before each further attempt must wait. */
    HUB_SIGNIN_USER_FREE_FAILURES: count(5),
    /** The first wait; each further failure doubles it, up to the maximum (the temporary lock). */
    HUB_SIGNIN_USER_BASE_DELAY_SECONDS: seconds(30),
    HUB_SIGNIN_USER_MAX_DELAY_SECONDS: seconds(900),
    /** The same for one client address: high, since a province's staff sign in through a few NAT addresses. */
    HUB_SIGNIN_ADDRESS_FREE_FAILURES: count(50),
    HUB_SIGNIN_ADDRESS_BASE_DELAY_SECONDS: seconds(5),
    HUB_SIGNIN_ADDRESS_MAX_DELAY_SECONDS: seconds(300),
    /** Failures are forgotten after this long without another one (and a username's at its next success). */
    HUB_SIGNIN_FORGET_AFTER_SECONDS: seconds(3600),
  }),
);

export interface ThrottleRule {
  freeFailures: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
}

export interface SignInPolicy {
  username: ThrottleRule;
  address: ThrottleRule;
  forgetAfterSeconds: number;
}

export const signInPolicy: SignInPolicy = {
  username: {
    freeFailures: directoryConfig.HUB_SIGNIN_USER_FREE_FAILURES,
    baseDelaySeconds: directoryConfig.HUB_SIGNIN_USER_BASE_DELAY_SECONDS,
    maxDelaySeconds: directoryConfig.HUB_SIGNIN_USER_MAX_DELAY_SECONDS,
  },
  address: {
    freeFailures: directoryConfig.HUB_SIGNIN_ADDRESS_FREE_FAILURES,
    baseDelaySeconds: directoryConfig.HUB_SIGNIN_ADDRESS_BASE_DELAY_SECONDS,
    maxDelaySeconds: directoryConfig.HUB_SIGNIN_ADDRESS_MAX_DELAY_SECONDS,
  },
  forgetAfterSeconds: directoryConfig.HUB_SIGNIN_FORGET_AFTER_SECONDS,
};
