// No record, no answer, for every response of a route, whoever writes it: the pipeline records its own answers (the
// audit-record stage), and this guard sends any other answer (Apollo Server's HTTP-level refusals: CSRF, methods,
// malformed bodies; Express's) through the response stages too, just before it leaves, as `rejected` (4xx) or
// `error` (5xx) with the reason. If that record cannot be committed, the answer becomes a 503 instead.
import type { Response } from 'express';
import { ErrorCode } from '@hub/schema';
import { AUDIT_DOWN_ERROR } from './audit';
import type { Answer, AnswerRecord } from './pipeline/stage';

/** What the guard knows of the request: the pipeline's progress, and how to put an answer through its response stages. */
export interface AnswerGuard {
  /** The answer is recorded (or cannot be, and a 503 is sent instead): it goes as it is. */
  answered: boolean;
  /** The GraphQL pipeline has taken the request on: it records it when it answers, even if the client goes away. */
  started: boolean;
  /** The answer that may leave, once the response stages have seen this one. */
  respond(answer: Answer): Promise<Answer>;
}

/** The message and code of an answer's body (GraphQL errors or OAuth-style errors), for the record. */
function reasonOf(chunk: unknown): { message: string | null; code: string | null; body?: unknown } {
  const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8', 0, Math.min(chunk.length, 4096)) : '';
  try {
    const body = JSON.parse(text) as {
      errors?: { message?: unknown; extensions?: { code?: unknown } }[];
      error?: unknown;
      error_description?: unknown;
    };
    const e = body.errors?.[0];
    if (e)
      return {
        message: typeof e.message === 'string' ? e.message : null,
        code: typeof e.extensions?.code === 'string' ? e.extensions.code : null,
        body,
      };
    if (typeof body.error === 'string')
      return { message: typeof body.error_description === 'string' ? body.error_description : body.error, code: body.error.toUpperCase() };
  } catch {
    // Not JSON: the first line of the text, if any.
  }
  return { message: text ? text.split('\n')[0].slice(0, 500) : null, code: null };
}

/**
 * An answer written by someone else, as the response stages see it: its record, and the body of a refusal in GraphQL's
 * error format (the language stage may word its messages again; the answer is then replaced).
 */
function writtenAnswer(status: number, chunk: unknown, reason?: string): Answer {
  const { message, code, body } = reasonOf(chunk);
  const record: AnswerRecord = {
    outcome: status >= 500 ? 'error' : status >= 400 ? 'rejected' : 'ok',
    errorCodes:
      status >= 400
        ? [
            code ??
              (status === 405
                ? ErrorCode.METHOD_NOT_ALLOWED
                : status === 408
                  ? ErrorCode.REQUEST_TIMEOUT
                  : status === 413
                    ? ErrorCode.PAYLOAD_TOO_LARGE
                    : ErrorCode.BAD_REQUEST),
          ]
        : [],
    refused: reason ?? message ?? undefined,
    bytes: typeof chunk === 'string' || Buffer.isBuffer(chunk) ? Buffer.byteLength(chunk as string) : 0,
  };
  return status >= 400 && body ? { status, body, record } : { status, record };
}

/**
 * Holds back the end of any response nothing has answered through the pipeline, puts it through the response stages,
 * then lets it go (or sends what they answer instead: a 503 if the record cannot be committed).
 */
export function guardAnswers(res: Response, guard: AnswerGuard): void {
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  (res as unknown as { end: (...args: unknown[]) => Response }).end = (...args: unknown[]) => {
    if (guard.answered || res.headersSent) return end(...args);
    guard.answered = true;
    const answer = writtenAnswer(res.statusCode, args[0]);
    const replace = (status: number, value: unknown) => {
      // Headers are not sent yet: the answer is replaced.
      const body = JSON.stringify(value);
      res.status(status);
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('content-length', Buffer.byteLength(body));
      end(body);
    };
    void guard.respond(answer).then(
      (sent) => (sent === answer ? end(...args) : replace(sent.status, sent.body)),
      // Not known to be recorded: no record, no answer.
      () => replace(503, { errors: [AUDIT_DOWN_ERROR] }),
    );
    return res;
  };
  // A connection that closes before anything answered (the server's request timeout on a slow body, or a client
  // that went away) is recorded too; nobody is waiting for an answer.
  res.once('close', () => {
    if (guard.answered || guard.started || res.writableFinished) return;
    guard.answered = true;
    guard
      .respond(
        writtenAnswer(408, undefined, 'the connection closed before the request was complete (request timeout, or the client went away)'),
      )
      .catch(() => undefined);
  });
}
