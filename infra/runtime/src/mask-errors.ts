// Apollo Server's `formatError` for the gateway and every subgraph: an error with a code of the registry reaches the
// client (without stack or internals); anything else becomes INTERNAL_SERVER_ERROR with an error id, and its details
// go to the log under that id. No stack, SQL text or internal path ever reaches a client.
import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode, internalError, isPublicCode, LOCALIZED_EXTENSION } from '@hub/schema';
import type { Logger } from './logger';

export function maskErrors(log: Logger): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const original = error instanceof GraphQLError ? error.originalError : undefined;
    // A validation rule's bad-input error arrives wrapped as a validation error; it is the caller's bad input.
    if (original instanceof GraphQLError && original.extensions.code === ErrorCode.BAD_USER_INPUT) {
      const { [LOCALIZED_EXTENSION]: _l, ...extensions } = original.extensions;
      return withLocalized({ ...formatted, extensions }, error);
    }
    const code = formatted.extensions?.code;
    if (isPublicCode(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _s, exception: _e, response: _r, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
      return withLocalized({ ...formatted, extensions }, error);
    }
    // Already masked behind the gateway (by a subgraph): its error id is kept, with the service's name.
    const upstreamId = formatted.extensions?.requestId;
    if (code === ErrorCode.INTERNAL_SERVER_ERROR && typeof upstreamId === 'string') {
      const masked = internalError(upstreamId);
      const serviceName = formatted.extensions?.serviceName;
      return {
        message: masked.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { ...masked.extensions, ...(serviceName ? { serviceName } : {}) },
      };
    }
    const errorId = randomUUID();
    log.error({ err: unwrapResolverError(error), errorId, path: formatted.path }, 'internal error');
    const masked = internalError(errorId);
    return { message: masked.message, path: formatted.path, locations: formatted.locations, extensions: masked.extensions };
  };
}

/**
 * The Vietnamese of the message, from the first error down the chain of original errors that carries one (graphql-js
 * and Apollo Server wrap the hub's errors, in their own words: "Variable "$d" got invalid value …; <the hub's
 * message>"). When the message only ends with that error's, `of` says which part the Vietnamese is of, for the
 * gateway to word the rest (gateway/src/language.ts). An error that already carries its own is left as it is.
 */
function withLocalized(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const ext = formatted.extensions as Record<string, unknown>;
  if (ext[LOCALIZED_EXTENSION] !== undefined) return formatted;
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = (e as GraphQLError).originalError, depth++) {
    const said = e instanceof GraphQLError ? (e.extensions?.[LOCALIZED_EXTENSION] as { vi?: unknown } | undefined) : undefined;
    if (typeof said?.vi !== 'string') continue;
    if (e.message === formatted.message) return { ...formatted, extensions: { ...ext, [LOCALIZED_EXTENSION]: { vi: said.vi } } };
    if (formatted.message.endsWith(e.message))
      return { ...formatted, extensions: { ...ext, [LOCALIZED_EXTENSION]: { vi: said.vi, of: e.message } } };
    return formatted;
  }
  return formatted;
}
