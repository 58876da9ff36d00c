// The hub's one registry of error codes. Every error a client can see is built here, with a stable
// `extensions.code`; nothing else in the codebase invents codes.
import { GraphQLError, type GraphQLErrorExtensions } from 'graphql';
import { joinMessages, LOCALIZED_EXTENSION, msg, type Localized, type Message } from './language';

export const ErrorCode = {
  /** The caller sent something invalid; `extensions.argument` names what. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** The caller is not signed in, or the token is not valid. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The caller may not read or do this; `extensions.coordinate` and `extensions.reason` say what and why. */
  FORBIDDEN: 'FORBIDDEN',
  /** A write lost an optimistic-concurrency race; re-read and try again. */
  CONFLICT: 'CONFLICT',
  /**
   * Too many requests from this caller or this address (HTTP 429): `extensions.retryAfterSeconds`, like the
   * `Retry-After` header, says when to try again.
   */
  RATE_LIMITED: 'RATE_LIMITED',
  /** A subgraph or store the answer needs is not reachable; `extensions.serviceName` names it. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** Something failed inside the hub; details are in the server log under the request id, never in the answer. */
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** The HTTP request itself is not one the endpoint takes (body, content type, method, batch). */
  BAD_REQUEST: 'BAD_REQUEST',
  /** No such path. */
  NOT_FOUND: 'NOT_FOUND',
  /** The route does not take this HTTP method (405); the `Allow` header names the one it takes. */
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  /** The request's body stopped arriving: the server's request timeout closed the connection (408). */
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  /** The request's body is larger than the endpoint takes (413). */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /**
   * An operation limit (HTTP 400): the operation nests deeper than `extensions.limit` (`extensions.found` says how
   * deep it goes), fragments expanded, introspection not counted.
   */
  MAX_DEPTH_LIMIT: 'MAX_DEPTH_LIMIT',
  /** An operation limit (400): introspection (`__schema`, `__type`) nests deeper than its own limit. */
  MAX_INTROSPECTION_DEPTH_LIMIT: 'MAX_INTROSPECTION_DEPTH_LIMIT',
  /** An operation limit (400): more aliases than `extensions.limit` (`__typename` included). */
  MAX_ALIASES_LIMIT: 'MAX_ALIASES_LIMIT',
  /** An operation limit (400): more directives than `extensions.limit`. */
  MAX_DIRECTIVES_LIMIT: 'MAX_DIRECTIVES_LIMIT',
  /** An operation limit (400): the document has more tokens than `extensions.limit`; it was not parsed further. */
  MAX_TOKENS_LIMIT: 'MAX_TOKENS_LIMIT',
  /**
   * An operation limit (400): the estimated cost (`extensions.found`; each list counts `first` items) exceeds
   * `extensions.limit`. Ask for fewer items or fewer nested lists.
   */
  COST_ESTIMATED_TOO_EXPENSIVE: 'COST_ESTIMATED_TOO_EXPENSIVE',
  /** Introspection is not open to this caller (400): sign in, or the operator opens it to anonymous callers. */
  INTROSPECTION_DISABLED: 'INTROSPECTION_DISABLED',
  /** The request is well formed GraphQL but breaks a rule of the schema (Apollo Server's code). */
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** No registered operation has the `documentId` the request names (400). */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /**
   * The operator requires registered operations of callers who are not signed in (HUB_PERSISTED_ONLY=public), and
   * this one is not registered (400). Send a registered document's id, or sign in.
   */
  PERSISTED_QUERY_NOT_IN_LIST: 'PERSISTED_QUERY_NOT_IN_LIST',
  /** The document is not GraphQL (Apollo Server's code); the message says where it stops parsing. */
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  /** No operation of the document matches the request's `operationName` (Apollo Server's code). */
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const KNOWN = new Set<string>(Object.values(ErrorCode));

/** Codes a client may see as they are. Apollo's own request-level codes pass through too. */
export function isPublicCode(code: unknown): boolean {
  return typeof code === 'string' && (KNOWN.has(code) || code === 'PERSISTED_QUERY_NOT_SUPPORTED');
}

export type LimitCode =
  | typeof ErrorCode.MAX_DEPTH_LIMIT
  | typeof ErrorCode.MAX_INTROSPECTION_DEPTH_LIMIT
  | typeof ErrorCode.MAX_ALIASES_LIMIT
  | typeof ErrorCode.MAX_DIRECTIVES_LIMIT
  | typeof ErrorCode.MAX_TOKENS_LIMIT
  | typeof ErrorCode.COST_ESTIMATED_TOO_EXPENSIVE;

/**
 * A registry error: the English message as its message, the Vietnamese one in `extensions.localized` for the gateway
 * to answer with when the caller prefers it (language.ts). Text given as it is (a string) has no Vietnamese.
 */
export function hubError(message: Message, extensions: GraphQLErrorExtensions): GraphQLError {
  if (typeof message === 'string') return new GraphQLError(message, { extensions });
  return new GraphQLError(message.en, { extensions: { ...extensions, [LOCALIZED_EXTENSION]: { vi: message.vi } } });
}

/** An operation broke a limit: 400, the limit and what the operation has (`found`) in `extensions`. */
export function limitExceeded(code: LimitCode, message: Localized, limit: number, found?: number): GraphQLError {
  return hubError(message, { code, limit, ...(found === undefined ? {} : { found }), http: { status: 400 } });
}

/** The caller passed a bad value for `argument`; the message says what is wrong with it. */
export function badUserInput(argument: string, message: Localized): GraphQLError {
  return hubError(joinMessages(msg(`Invalid value for "${argument}": `, `Giá trị không hợp lệ của "${argument}": `), message), {
    code: ErrorCode.BAD_USER_INPUT,
    argument,
  });
}

/** `reason` says why, in both languages; `extensions.reason` keeps the English one (apps may match on it). */
export function forbidden(coordinate: string, reason: Localized): GraphQLError {
  const what = coordinate.startsWith('Mutation.') ? 'thực hiện' : 'đọc';
  return hubError(joinMessages(msg(`Not allowed to read ${coordinate}: `, `Không được phép ${what} ${coordinate}: `), reason), {
    code: ErrorCode.FORBIDDEN,
    coordinate,
    reason: reason.en,
  });
}

export function unauthenticated(message: Localized): GraphQLError {
  return hubError(message, { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } });
}

export function conflict(message: Localized): GraphQLError {
  return hubError(message, { code: ErrorCode.CONFLICT });
}

/** `by`: what ran out, the caller's budget (`principal`) or its address's (`address`). */
export function rateLimited(retryAfterSeconds: number, by: 'principal' | 'address'): GraphQLError {
  const whose = by === 'principal' ? msg('this account', 'tài khoản này') : msg('this address', 'địa chỉ này');
  return hubError(
    msg(
      `Too many requests from ${whose.en}: try again in ${retryAfterSeconds} s`,
      `Quá nhiều yêu cầu từ ${whose.vi}: hãy thử lại sau ${retryAfterSeconds} giây`,
    ),
    { code: ErrorCode.RATE_LIMITED, retryAfterSeconds, http: { status: 429 } },
  );
}

export function serviceUnavailable(serviceName: string, message?: Localized): GraphQLError {
  return hubError(message ?? msg(`The ${serviceName} service is unavailable`, `Dịch vụ ${serviceName} hiện không hoạt động`), {
    code: ErrorCode.SERVICE_UNAVAILABLE,
    serviceName,
  });
}

export function internalError(requestId?: string): GraphQLError {
  return hubError(
    requestId
      ? msg(`Internal server error (request ${requestId})`, `Lỗi nội bộ của máy chủ (yêu cầu ${requestId})`)
      : msg('Internal server error', 'Lỗi nội bộ của máy chủ'),
    { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
  );
}
