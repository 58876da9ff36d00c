// One operation per request: a batch (a JSON array) is refused, saying so, before it is counted against a budget
// (Apollo Server, which takes no batches either, would refuse it later and say less).
import { ErrorCode, hubError, msg } from '@hub/schema';
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
        return refuse(
          hubError(
            msg(
              'Batched requests are not accepted: send one operation per request',
              'Không nhận yêu cầu gộp nhiều thao tác: hãy gửi mỗi yêu cầu một thao tác',
            ),
            { code: ErrorCode.BAD_REQUEST },
          ),
        );
      }
    },
  }),
});
