// Apollo Server's `formatError` for the gateway and every subgraph: an error with a code of the registry reaches the
// client (without stack or internals); anything else becomes INTERNAL_SERVER_ERROR with an error id, and its details
// go to the log under that id. No stack, SQL text or internal path ever reaches a client.
import { randomUUID } from 'node:crypto';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode, internalError, isPublicCode } from '@hub/schema';
import type { Logger } from './logger';

export function maskErrors(log: Logger): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const original = error instanceof GraphQLError ? error.originalError : undefined;
    // A validation rule's bad-input error arrives wrapped as a validation error; it is the caller's bad input.
    if (original instanceof GraphQLError && original.extensions.code === ErrorCode.BAD_USER_INPUT) {
      return { ...formatted, extensions: { ...original.extensions } };
    }
    const code = formatted.extensions?.code;
    if (isPublicCode(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _s, exception: _e, response: _r, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
      return { ...formatted, extensions };
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
