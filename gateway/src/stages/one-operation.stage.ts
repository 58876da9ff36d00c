// One operation per request: a batch (a JSON array) is refused, saying so, before it is counted against a budget
// (Apollo Server, which takes no batches either, would refuse it later and say less).
import { ErrorCode } from '@hub/schema';
import { refuse } from '../pipeline/refusal';
import { stage } from '../pipeline/stage';

export const oneOperation = stage({
  name: 'one-operation',
  phase: 'request',
  needs: ['http'],
  provides: [],
  create: () => ({
    run({ http }) {
      if (Array.isArray(http.body)) {
        return refuse({
          message: 'Batched requests are not accepted: send one operation per request',
          extensions: { code: ErrorCode.BAD_REQUEST },
        });
      }
    },
  }),
});
