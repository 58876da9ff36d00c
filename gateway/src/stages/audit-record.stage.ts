// One audit record per request (audit-content.ts), whoever answered it, committed before the answer is released:
// appended to the gateway's hash chain with the records of concurrent requests in one INSERT (audit.ts). If it
// cannot be committed, the answer is a 503 instead: the hub answers nothing it cannot record.
import { AUDIT_DOWN_ERROR } from '../audit';
import { answerRecord } from '../audit-content';
import { stage, type Answer } from '../pipeline/stage';

const AUDIT_DOWN: Answer = { status: 503, body: { errors: [AUDIT_DOWN_ERROR] }, record: false };

export const auditRecord = stage({
  name: 'audit-record',
  phase: 'response',
  needs: ['http', 'requestId', 'received', 'client', 'shown'],
  uses: ['principal', 'asked', 'denied', 'subgraphs'],
  provides: ['sent'],
  create: ({ audit, levels }) => ({
    async run(known) {
      const { shown } = known;
      if (!audit || shown.record === false) return { sent: shown };
      try {
        await audit.append(answerRecord(known, shown, levels));
        return { sent: shown };
      } catch {
        return { sent: shown.graphql ? { ...AUDIT_DOWN, graphql: shown.graphql } : AUDIT_DOWN };
      }
    },
  }),
});
