// What a caller sees of an error. Every error of every answer Apollo Server formats keeps its registered code and
// loses the rest (stack, exception, response); an error without a public code is replaced by INTERNAL_SERVER_ERROR
// with an error id, its details logged. Callers who may not introspect get no "did you mean" suggestions, which
// would reveal field names.
import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type FormattedExecutionResult, type GraphQLFormattedError } from 'graphql';
import { internalError, isPublicCode } from '@hub/schema';
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
      formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
        const original = error instanceof GraphQLError ? error.originalError : undefined;
        // The hub's input rule's errors arrive wrapped as validation errors; they are the caller's bad input.
        if (original instanceof GraphQLError && original.extensions.code === 'BAD_USER_INPUT') {
          return { ...formatted, extensions: { ...original.extensions } };
        }
        const code = formatted.extensions?.code;
        if (isPublicCode(code) && code !== 'INTERNAL_SERVER_ERROR') {
          const { stacktrace: _s, exception: _e, response: _r, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
          return { ...formatted, extensions };
        }
        // Already masked by a subgraph: keep its error id, drop anything else.
        if (code === 'INTERNAL_SERVER_ERROR' && typeof formatted.extensions?.requestId === 'string') {
          const { message, path, locations } = formatted;
          const { code: c, requestId, serviceName } = formatted.extensions as Record<string, unknown>;
          return { message, path, locations, extensions: { code: c, requestId, ...(serviceName ? { serviceName } : {}) } };
        }
        const errorId = randomUUID();
        log.error({ err: unwrapResolverError(error), errorId, path: formatted.path }, 'internal error');
        const masked = internalError(errorId);
        return { message: masked.message, path: formatted.path, locations: formatted.locations, extensions: masked.extensions };
      },
    },
    run({ answer, principal }) {
      const body = answer.body as FormattedExecutionResult | undefined;
      if (config.limits.publicIntrospection || (principal && principal.kind !== 'PUBLIC') || !answer.graphql || !body?.errors?.some((e) => SUGGESTION.test(e.message))) return { shown: answer };
      const errors = body.errors.map((e) => (SUGGESTION.test(e.message) ? { ...e, message: e.message.replace(SUGGESTION, '') } : e));
      return { shown: { ...answer, body: { ...body, errors } } };
    },
  }),
});
