// One JSON log line per answer: request id, operation, duration, status and error codes.
import type { FormattedExecutionResult } from 'graphql';
import { stage } from '../pipeline/stage';

export const log = stage({
  name: 'log',
  phase: 'response',
  needs: ['requestId', 'received', 'sent'],
  uses: ['operation'],
  provides: [],
  create: ({ log: logger }) => ({
    run({ requestId, received, sent, operation }) {
      const errors = sent.graphql?.raised.length
        ? sent.graphql.raised
        : ((sent.body as FormattedExecutionResult | undefined)?.errors ?? []);
      logger.info(
        {
          requestId,
          operationName: operation?.name ?? sent.graphql?.operationName ?? null,
          durationMs: Math.round(Number(process.hrtime.bigint() - received) / 1e5) / 10,
          errors: [...new Set(errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')))],
          status: sent.status,
        },
        'graphql request',
      );
    },
  }),
});
