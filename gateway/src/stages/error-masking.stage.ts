// What a caller sees of an error. Every error of every answer Apollo Server formats keeps its registered code and
// loses the rest (stack, exception, response); an error without a public code is replaced by INTERNAL_SERVER_ERROR
// with an error id, its details logged. Callers who may not introspect get no "did you mean" suggestions, which
// would reveal field names.
import type { FormattedExecutionResult } from 'graphql';
import { maskErrors } from '@hub/runtime/mask-errors';
import { stage } from '../pipeline/stage';

const SUGGESTION = / Did you mean .*\?$/;

export const errorMasking = stage({
  name: 'error-masking',
  phase: 'response',
  needs: ['answer'],
  uses: ['principal'],
  provides: ['shown'],
  create: ({ config, log }) => ({
    apollo: {
      // The same masking as every subgraph's (one function in @hub/runtime).
      formatError: maskErrors(log),
    },
    run({ answer, principal }) {
      const body = answer.body as FormattedExecutionResult | undefined;
      if (
        config.limits.publicIntrospection ||
        (principal && principal.kind !== 'PUBLIC') ||
        !answer.graphql ||
        !body?.errors?.some((e) => SUGGESTION.test(e.message))
      )
        return { shown: answer };
      const errors = body.errors.map((e) => (SUGGESTION.test(e.message) ? { ...e, message: e.message.replace(SUGGESTION, '') } : e));
      return { shown: { ...answer, body: { ...body, errors } } };
    },
  }),
});
