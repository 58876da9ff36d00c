// A mutation's intent (who, the operation, its masked variables, the coordinates asked for) is committed before any
// subgraph is called: if it cannot be, nothing is executed and the caller gets 503, so no write takes effect
// unlogged. Its outcome is recorded at the end like every request's, with the same request id.
import { AUDIT_DOWN_ERROR } from '../audit';
import { intentRecord } from '../audit-content';
import { refuse } from '../pipeline/refusal';
import { stage } from '../pipeline/stage';

export const auditIntent = stage({
  name: 'audit-intent',
  phase: 'operation',
  needs: ['http', 'requestId', 'received', 'client', 'principal', 'operation', 'asked'],
  provides: [],
  create: ({ audit }) => ({
    async run(known) {
      if (!audit || known.operation.type !== 'mutation') return;
      try {
        await audit.append(intentRecord(known));
      } catch {
        return refuse(AUDIT_DOWN_ERROR, { status: 503 });
      }
    },
  }),
});
