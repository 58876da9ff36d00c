// The directory's own settings, beyond the kit's: the sign-in throttle. Parsed with the kit's at start-up (the
// definition's `settings`); internal routes get them as `deps.settings`.
import { defineConfig, integer, seconds } from '@hub/runtime';

const delay = (fallback: number) => seconds(fallback, { min: 1, max: 86400 });
const count = (fallback: number) => integer(fallback, { min: 1, max: 100000 });

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

export const directorySettings = defineConfig({
  vars: {
    /** Failed sign-ins of one username (known or not) before each further attempt must wait. */
    HUB_SIGNIN_USER_FREE_FAILURES: count(5),
    /** The first wait; each further failure doubles it, up to the maximum (the temporary lock). */
    HUB_SIGNIN_USER_BASE_DELAY_SECONDS: delay(30),
    HUB_SIGNIN_USER_MAX_DELAY_SECONDS: delay(900),
    /** The same for one client address: high, since a province's staff sign in through a few NAT addresses. */
    HUB_SIGNIN_ADDRESS_FREE_FAILURES: count(50),
    HUB_SIGNIN_ADDRESS_BASE_DELAY_SECONDS: delay(5),
    HUB_SIGNIN_ADDRESS_MAX_DELAY_SECONDS: delay(300),
    /** Failures are forgotten after this long without another one (and a username's at its next success). */
    HUB_SIGNIN_FORGET_AFTER_SECONDS: delay(3600),
  },
  build: (c): SignInPolicy => ({
    username: {
      freeFailures: c.HUB_SIGNIN_USER_FREE_FAILURES,
      baseDelaySeconds: c.HUB_SIGNIN_USER_BASE_DELAY_SECONDS,
      maxDelaySeconds: c.HUB_SIGNIN_USER_MAX_DELAY_SECONDS,
    },
    address: {
      freeFailures: c.HUB_SIGNIN_ADDRESS_FREE_FAILURES,
      baseDelaySeconds: c.HUB_SIGNIN_ADDRESS_BASE_DELAY_SECONDS,
      maxDelaySeconds: c.HUB_SIGNIN_ADDRESS_MAX_DELAY_SECONDS,
    },
    forgetAfterSeconds: c.HUB_SIGNIN_FORGET_AFTER_SECONDS,
  }),
});
