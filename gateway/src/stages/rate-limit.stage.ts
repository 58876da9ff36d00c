// The budgets of /graphql (rate-limit.ts), per client address and per signed-in account: a request over one gets
// 429 with Retry-After and a RATE_LIMITED error.
import { rateLimited } from '@hub/schema';
import { refuse } from '../pipeline/refusal';
import { stage } from '../pipeline/stage';

export const rateLimit = stage({
  name: 'rate-limit',
  phase: 'request',
  needs: ['http', 'principal'],
  provides: [],
  create: ({ rateLimits }) => ({
    async run({ http, principal }) {
      const wait = await rateLimits.graphqlWait(http.ip ?? 'unknown', principal);
      if (wait) return refuse(rateLimited(wait.seconds, wait.by), { headers: { 'Retry-After': String(wait.seconds) } });
    },
  }),
});
