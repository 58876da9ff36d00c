// The one way the gateway refuses a request: a registry error (its code and message) with the HTTP status and
// headers that go with it, the body the caller gets and what the audit records. A stage (or a route) returns one;
// the adapter answers it the way of the phase it was refused in: an HTTP answer before GraphQL, GraphQL errors after.
import type { Answer, AnswerRecord, RequestState } from './stage';

/** An error as the registry (schema/src/errors.ts) builds it, a GraphQLError or a plain object like AUDIT_DOWN_ERROR. */
export interface RegistryError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  /** `code` from the registry; `http.status` where the registry gives one. */
  readonly extensions: { readonly [key: string]: unknown };
}

export interface RefusalOptions {
  /** The HTTP status; by default the one the registry error carries, else 400. */
  status?: number;
  headers?: Record<string, string>;
  /** What the audit records, where it is not what the status and the codes say; false when nothing can be recorded. */
  record?: Pick<AnswerRecord, 'outcome' | 'errorCodes'> | false;
  /** Fields the refusing stage provides all the same (the policy's denials of a request it refuses). */
  provided?: Partial<RequestState>;
}

/** An error as the caller gets it: message, path, and the extensions but for the HTTP status they carried. */
export interface RefusedError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions: Readonly<Record<string, unknown>>;
}

export class Refusal {
  constructor(
    readonly status: number,
    readonly errors: readonly RefusedError[],
    readonly headers: Readonly<Record<string, string>>,
    readonly record: AnswerRecord | false,
    readonly provided: Partial<RequestState>,
  ) {}

  /** The answer to a request refused before it became GraphQL: `{ errors }` with the status and headers. */
  answer(): Answer {
    return { status: this.status, headers: this.headers, body: { errors: this.errors }, record: this.record };
  }
}

/** What the audit calls a refused answer of this status. */
export const outcomeOf = (status: number): AnswerRecord['outcome'] => (status >= 500 ? 'error' : status === 403 ? 'denied' : 'rejected');

/** Builds the refusal: status, registry code, body, headers and audit record, for one error or several. */
export function refuse(error: RegistryError | readonly RegistryError[], options: RefusalOptions = {}): Refusal {
  const list: readonly RegistryError[] = isList(error) ? error : [error];
  const status = options.status ?? (list[0]?.extensions.http as { status?: number } | undefined)?.status ?? 400;
  const errors = list.map(({ message, path, extensions: { http: _http, ...extensions } }) => ({
    message,
    ...(path ? { path } : {}),
    extensions,
  }));
  const record: AnswerRecord | false =
    options.record === false
      ? false
      : {
          outcome: options.record?.outcome ?? outcomeOf(status),
          errorCodes: options.record?.errorCodes ?? [...new Set(list.map((e) => String(e.extensions.code)))],
          refused: list[0]?.message,
        };
  return new Refusal(status, errors, options.headers ?? {}, record, options.provided ?? {});
}

const isList = (e: RegistryError | readonly RegistryError[]): e is readonly RegistryError[] => Array.isArray(e);
