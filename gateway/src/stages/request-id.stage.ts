// The request's id, in the `x-request-id` header of every answer and on everything the request leaves behind (logs,
// subgraph calls, audit records), with when it arrived and where it comes from.
import { randomUUID } from 'node:crypto';
import { stage } from '../pipeline/stage';

export const requestId = stage({
  name: 'request-id',
  phase: 'arrival',
  needs: ['http'],
  provides: ['requestId', 'received', 'client'],
  create: () => ({
    run({ http }) {
      const id = randomUUID();
      http.setHeader('x-request-id', id);
      return {
        requestId: id,
        received: process.hrtime.bigint(),
        client: {
          ip: http.ip,
          userAgent: http.header('user-agent') ?? null,
          name: http.header('apollographql-client-name') ?? null,
          version: http.header('apollographql-client-version') ?? null,
        },
      };
    },
  }),
});
