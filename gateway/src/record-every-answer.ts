// No record, no answer, for every response of a route, whoever writes it: the GraphQL pipeline records its own
// requests (the audit plugin), and this guard records any other answer (Apollo Server's HTTP-level refusals: CSRF,
// methods, malformed bodies; express's) just before it leaves, as `rejected` (4xx) or `error` (5xx) with the reason.
// If that record cannot be committed, the answer becomes a 503 instead.
import type { NextFunction, Request, Response } from 'express';
import type { Principal } from '@hub/schema';
import { PUBLIC } from '@hub/schema';
import { AUDIT_DOWN_ERROR, NOTHING_ASKED, type AuditWriter } from './audit';
import { clientRecord, principalRecord } from './audit-plugin';

const RECORDED = Symbol('hub.audit.recorded');
const STARTED = Symbol('hub.audit.started');
const flag = (res: Response) => res as unknown as Record<symbol, boolean>;

/** Says that this request's record is taken care of (committed, or impossible and answered 503). */
export function markRecorded(res: Response): void {
  flag(res)[RECORDED] = true;
}

/**
 * Says that the GraphQL pipeline has taken the request on and will record it when it answers, even if the client
 * goes away meanwhile. (If the pipeline fails unexpectedly and answers without its record, the guard still records
 * that answer.)
 */
export function markStarted(res: Response): void {
  flag(res)[STARTED] = true;
}

const isRecorded = (res: Response) => flag(res)[RECORDED] === true;

/** The message and code of an answer's body (GraphQL errors or OAuth-style errors), for the record. */
function reasonOf(chunk: unknown): { message: string | null; code: string | null } {
  const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8', 0, Math.min(chunk.length, 4096)) : '';
  try {
    const body = JSON.parse(text) as { errors?: { message?: unknown; extensions?: { code?: unknown } }[]; error?: unknown; error_description?: unknown };
    const e = body.errors?.[0];
    if (e) return { message: typeof e.message === 'string' ? e.message : null, code: typeof e.extensions?.code === 'string' ? e.extensions.code : null };
    if (typeof body.error === 'string') return { message: typeof body.error_description === 'string' ? body.error_description : body.error, code: body.error.toUpperCase() };
  } catch {
    // Not JSON: the first line of the text, if any.
  }
  return { message: text ? text.split('\n')[0].slice(0, 500) : null, code: null };
}

/**
 * Express middleware: holds back the end of any response of this route that nothing has recorded, records it, then
 * lets it go (or answers 503 if the record cannot be committed). `requestIdOf` and `principalOf` read what earlier
 * steps learnt of the request.
 */
export function recordEveryAnswer(writer: AuditWriter | undefined, requestIdOf: (res: Response) => string, principalOf: (req: Request) => Principal | undefined) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!writer) return next();
    const started = process.hrtime.bigint();
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    const record = (status: number, chunk: unknown, reason?: string) => {
      const { message, code } = reasonOf(chunk);
      return writer.append({
        ...NOTHING_ASKED,
        requestId: requestIdOf(res),
        principal: principalRecord(principalOf(req) ?? PUBLIC),
        client: clientRecord(req),
        operation: { ...NOTHING_ASKED.operation, method: req.method, refused: reason ?? message },
        outcome: status >= 500 ? 'error' : status >= 400 ? 'rejected' : 'ok',
        errorCodes: status >= 400 ? [code ?? (status === 405 ? 'METHOD_NOT_ALLOWED' : status === 408 ? 'REQUEST_TIMEOUT' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST')] : [],
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
        responseBytes: typeof chunk === 'string' || Buffer.isBuffer(chunk) ? Buffer.byteLength(chunk as string) : 0,
      });
    };
    (res as unknown as { end: (...args: unknown[]) => Response }).end = (...args: unknown[]) => {
      if (isRecorded(res) || res.headersSent) return end(...args);
      markRecorded(res);
      void record(res.statusCode, args[0]).then(
        () => end(...args),
        () => {
          // The answer is replaced (headers are not sent yet): no record, no answer.
          const body = JSON.stringify({ errors: [AUDIT_DOWN_ERROR] });
          res.status(503);
          res.setHeader('content-type', 'application/json; charset=utf-8');
          res.setHeader('content-length', Buffer.byteLength(body));
          end(body);
        },
      );
      return res;
    };
    // A connection that closes before anything answered (the server's request timeout on a slow body, or a client
    // that went away) is recorded too; nobody is waiting for an answer.
    res.once('close', () => {
      if (isRecorded(res) || flag(res)[STARTED] || res.writableFinished) return;
      markRecorded(res);
      record(408, undefined, 'the connection closed before the request was complete (request timeout, or the client went away)').catch(() => undefined);
    });
    next();
  };
}
