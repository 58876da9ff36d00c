// Who is asking (auth.ts): no Authorization header is the PUBLIC principal; a token that is not valid is a 401 that
// says why, never a silent downgrade to PUBLIC.
import { unauthenticated } from '@hub/schema';
import { AuthError } from '../auth';
import { refuse } from '../pipeline/refusal';
import { stage } from '../pipeline/stage';

const CHALLENGE = { 'WWW-Authenticate': 'Bearer realm="provincial-data-hub", error="invalid_token"' };

export const authenticate = stage({
  name: 'authenticate',
  phase: 'request',
  needs: ['http'],
  provides: ['principal'],
  create: ({ auth }) => ({
    async run({ http }) {
      try {
        return { principal: await auth.principalOf(http.header('authorization')) };
      } catch (e) {
        if (!(e instanceof AuthError)) throw e;
        return refuse(unauthenticated(e.said), { status: e.status, headers: e.status === 401 ? CHALLENGE : {} });
      }
    },
  }),
});
