// What a caller sees of an error. Every error of every answer Apollo Server formats keeps its registered code and
// loses the rest (stack, exception, response); an error without a public code is replaced by INTERNAL_SERVER_ERROR
// with an error id, its details logged. Callers who may not introspect get no "did you mean" suggestions, which
// would reveal field names.
import type { FormattedExecutionResult } from 'graphql';
import { ErrorCode } from '@hub/schema';
import { maskErrors } from '@hub/runtime/mask-errors';
import { stage } from '../pipeline/stage';

const SUGGESTION = / Did you mean .*\?$/;
/** graphql-js's parser stops at `maxTokens` with this message (a parse error to Apollo Server). */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[nt] \d+ tokens/;

export const errorMasking = stage({
  name: 'error-masking',
  phase: 'response',
  needs: ['answer'],
  uses: ['principal'],
  provides: ['shown'],
  create: ({ config, log }) => {
    // The same masking as every subgraph's (one function in @hub/runtime); the token limit gets its own code.
    const mask = maskErrors(log);
    return {
      apollo: {
        formatError: (formatted, error) =>
          formatted.extensions?.code === ErrorCode.GRAPHQL_PARSE_FAILED && TOO_MANY_TOKENS.test(formatted.message)
            ? {
                message: `Token limit of ${config.limits.maxTokens} exceeded: the document was not parsed further.`,
                locations: formatted.locations,
                extensions: { code: ErrorCode.MAX_TOKENS_LIMIT, limit: config.limits.maxTokens },
              }
            : mask(formatted, error),
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
    };
  },
});
