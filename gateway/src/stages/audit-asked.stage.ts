// What the operation asked, as its audit records keep it (audit-content.ts): the document with literals hidden, the
// variables masked, the coordinates requested. Worked out before any limit is checked, so that a refused operation
// is recorded with what it asked too.
import { AskedRecords } from '../audit-content';
import { stage } from '../pipeline/stage';

export const auditAsked = stage({
  name: 'audit-asked',
  phase: 'operation',
  needs: ['operation'],
  provides: ['asked'],
  create: ({ audit, masked }) => {
    const asked = new AskedRecords(masked);
    return { run: ({ operation }) => ({ asked: audit ? asked.of(operation) : undefined }) };
  },
});
