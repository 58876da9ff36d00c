// A store known to be down is probed before anything else is done: no operation runs (no mutation takes effect)
// unlogged, and when the store is back the next request finds it, with no manual step. The refusal (503) cannot be
// recorded, and says so.
import { AUDIT_DOWN_ERROR } from '../audit';
import { refuse } from '../pipeline/refusal';
import { stage } from '../pipeline/stage';

export const auditGate = stage({
  name: 'audit-gate',
  phase: 'request',
  needs: [],
  provides: [],
  create: ({ audit }) => ({
    async run() {
      if (audit && !(await audit.reachable())) return refuse(AUDIT_DOWN_ERROR, { status: 503, record: false });
    },
  }),
});
