// What a caller sees of an error. Every error of every answer Apollo Server formats keeps its registered code and
// loses the rest (stack, exception, response); an error without a public code is replaced by INTERNAL_SERVER_ERROR
// with an error id, its details logged. Callers who may not introspect get no "did you mean" suggestions, which
// would reveal field names. A subgraph's outage, which @apollo/gateway reports once without a path, is reported at
// each field that went null because of it (unavailable-paths.ts).
import type { FormattedExecutionResult } from 'graphql';
import { ErrorCode, LOCALIZED_EXTENSION } from '@hub/schema';
import { maskErrors } from '@hub/runtime/mask-errors';
import { stage, type Operation } from '../pipeline/stage';
import { unavailablePaths } from '../unavailable-paths';

const SUGGESTION = / Did you mean .*\?$/;
/** graphql-js's parser stops at `maxTokens` with this message (a parse error to Apollo Server). */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[nt] \d+ tokens/;

export const errorMasking = stage({
  name: 'error-masking',
  phase: 'response',
  needs: ['answer'],
  uses: ['principal', 'operation'],
  provides: ['shown'],
  create: ({ config, log, policy }) => {
    // The same masking as every subgraph's (one function in @hub/runtime); the token limit gets its own code.
    const mask = maskErrors(log);
    return {
      apollo: {
        formatError: (formatted, error) =>
          formatted.extensions?.code === ErrorCode.GRAPHQL_PARSE_FAILED && TOO_MANY_TOKENS.test(formatted.message)
            ? {
                message: `Token limit of ${config.limits.maxTokens} exceeded: the document was not parsed further.`,
                locations: formatted.locations,
                extensions: {
                  code: ErrorCode.MAX_TOKENS_LIMIT,
                  limit: config.limits.maxTokens,
                  [LOCALIZED_EXTENSION]: {
                    vi: `Vượt giới hạn ${config.limits.maxTokens} token: tài liệu không được phân tích tiếp.`,
                  },
                },
              }
            : mask(formatted, error),
      },
      run({ answer: fetched, principal, operation }) {
        const answer = withUnavailablePaths(fetched, operation, policy?.subgraphOf);
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

/**
 * Each SERVICE_UNAVAILABLE error without a path becomes one error per field the outage left null (at most 50, the
 * last one saying how many more), with the same message and extensions. Without data or without the map of which
 * subgraph serves which field, the error stays as it came.
 */
function withUnavailablePaths<A extends { body?: unknown }>(
  answer: A,
  operation: Operation | undefined,
  subgraphOf: Map<string, string> | undefined,
): A {
  const body = answer.body as FormattedExecutionResult | undefined;
  if (
    !operation ||
    !subgraphOf ||
    !body?.data ||
    !body.errors?.some((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE && !e.path)
  )
    return answer;
  const errors = body.errors.flatMap((e) => {
    const service = e.extensions?.serviceName;
    if (e.extensions?.code !== ErrorCode.SERVICE_UNAVAILABLE || e.path || typeof service !== 'string') return [e];
    const { paths, more } = unavailablePaths(
      operation.schema,
      operation.document,
      operation.definition,
      body.data,
      (c) => subgraphOf.get(c) === service,
    );
    if (!paths.length) return [e];
    return paths.map((path, i) => ({
      ...e,
      path,
      ...(i === paths.length - 1 && more ? { extensions: { ...e.extensions, morePaths: more } } : {}),
    }));
  });
  return { ...answer, body: { ...body, errors } };
}
