// `GET /audit/events.csv`: the audit log of a filtered range as CSV, for security staff. It reuses the pipeline's
// stages (request-id, audit-gate, authenticate, error-masking, audit-record): the caller is signed in as for
// /graphql, only those who may read `Query.auditEvents` (AUDITORs) get through, the export is recorded in the audit
// log (committed before the first byte is sent), and the audit subgraph's CSV is streamed to the caller.
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type express from 'express';
import type { Logger } from 'pino';
import { ErrorCode, hubError, msg, reasonInVietnamese, type Policy, type PolicyFacts } from '@hub/schema';
import { CONTEXT_HEADER, type CallerClaims } from '@hub/runtime/context-token';
import { claimsOf } from '../context';
import { Run, type Pipeline } from '../pipeline/adapter';
import { refuse } from '../pipeline/refusal';

const EXPORT_COORDINATE = 'Query.auditEvents';
const FILTER_PARAMS = [
  'from',
  'to',
  'account',
  'agency',
  'client',
  'operationName',
  'operationType',
  'username',
  'coordinate',
  'outcome',
  'deniedOnly',
  'personalOnly',
];
const EXPORT = { type: 'export', name: 'auditEvents.csv', hash: null, document: 'GET /audit/events.csv' };

export interface ExportDeps {
  /** The stages it reuses. */
  stages: Pipeline;
  policy?: Policy;
  facts: PolicyFacts;
  /** The audit subgraph's internal base URL (`…/internal`). */
  auditInternalUrl: string;
  signContext(claims: CallerClaims): Promise<string>;
  log: Logger;
}

export function auditExportRoute(app: express.Express, deps: ExportDeps): void {
  app.get('/audit/events.csv', async (req, res) => {
    const run = await Run.start(deps.stages, req, res);
    const filter = Object.fromEntries(FILTER_PARAMS.filter((k) => typeof req.query[k] === 'string').map((k) => [k, String(req.query[k])]));
    run.provide({ asked: { operation: EXPORT, variables: filter, requested: [EXPORT_COORDINATE] } });
    const refused = await run.through('request');
    if (refused) return run.send(res, refused.answer());
    const principal = run.state.principal!;
    const decision = deps.policy
      ? await deps.policy.decide(EXPORT_COORDINATE, { principal, facts: deps.facts })
      : principal.kind === 'ACCOUNT' && principal.roles.includes('AUDITOR')
        ? true
        : 'only AUDITOR accounts may export the audit log';
    if (decision !== true) {
      run.provide({ denied: [{ coordinate: EXPORT_COORDINATE, path: null, reason: decision }] });
      const anonymous = principal.kind === 'PUBLIC';
      const error = hubError(
        msg(`Not allowed to export the audit log: ${decision}`, `Không được phép xuất nhật ký kiểm toán: ${reasonInVietnamese(decision)}`),
        { code: anonymous ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN, coordinate: EXPORT_COORDINATE, reason: decision },
      );
      return run.send(
        res,
        refuse(error, { status: anonymous ? 401 : 403, record: { outcome: 'denied', errorCodes: [ErrorCode.FORBIDDEN] } }).answer(),
      );
    }
    let upstream: Response;
    try {
      upstream = await fetch(`${deps.auditInternalUrl}/events.csv?${new URLSearchParams(filter)}`, {
        headers: { [CONTEXT_HEADER]: await deps.signContext(claimsOf(principal)), 'x-request-id': run.state.requestId! },
      });
    } catch (e) {
      deps.log.warn({ err: { message: (e as Error).message } }, 'audit subgraph unreachable for export');
      const error = hubError(
        msg('The audit service is unreachable; try again shortly', 'Không kết nối được dịch vụ kiểm toán; hãy thử lại sau ít phút'),
        { code: ErrorCode.SERVICE_UNAVAILABLE, serviceName: 'audit' },
      );
      return run.send(res, refuse(error, { status: 503 }).answer());
    }
    if (upstream.status !== 200) {
      // A bad filter (400, naming the parameter) or a failure: passed on as the hub's JSON error, and recorded.
      const body = (await upstream.json().catch(() => null)) as {
        errors?: { message: string; extensions?: Record<string, unknown> }[];
      } | null;
      const given = upstream.status === 400 ? body?.errors?.[0] : undefined;
      const error = given
        ? {
            message: given.message,
            extensions: { ...given.extensions, code: String(given.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR) },
          }
        : hubError(msg('The export failed', 'Xuất dữ liệu không thành công'), { code: ErrorCode.INTERNAL_SERVER_ERROR });
      return run.send(res, refuse(error, { status: upstream.status === 400 ? 400 : 502 }).answer());
    }
    // The export is on record before any of it leaves the hub.
    run.provide({ subgraphs: ['audit'] });
    const sent = await run.respond({ status: 200, record: { outcome: 'ok', errorCodes: [] } });
    if (sent.status !== 200) {
      void upstream.body?.cancel();
      return run.send(res, sent);
    }
    res
      .status(200)
      .type(upstream.headers.get('content-type') ?? 'text/csv')
      .set('content-disposition', upstream.headers.get('content-disposition') ?? 'attachment; filename="audit-events.csv"');
    const body = Readable.fromWeb(upstream.body as unknown as WebReadableStream<Uint8Array>);
    body.on('error', (e) => {
      deps.log.warn({ err: { message: e.message } }, 'audit export interrupted');
      res.destroy(e);
    });
    body.pipe(res);
  });
}
