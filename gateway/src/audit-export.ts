// `GET /audit/events.csv`: the audit log of a filtered range as CSV, for security staff. The gateway signs the
// caller in, lets only those who may read `Query.auditEvents` (AUDITORs) through, records the export itself in the
// audit log (committed before the first byte is sent), and streams the audit subgraph's CSV to the caller.
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { randomUUID } from 'node:crypto';
import type express from 'express';
import type { Logger } from 'pino';
import { PUBLIC, type Policy, type PolicyFacts, type Principal, ErrorCode } from '@hub/schema';
import { CONTEXT_HEADER, type CallerClaims } from '@hub/runtime/context-token';
import { AUDIT_DOWN_ERROR, type AuditInput, type AuditWriter } from './audit';
import { recordOutsideGraphQL } from './audit-plugin';
import { claimsOf } from './context';
import { AuthError, type Authenticator } from './auth';

export const EXPORT_COORDINATE = 'Query.auditEvents';
const FILTER_PARAMS = ['from', 'to', 'account', 'agency', 'client', 'operationName', 'operationType', 'username', 'coordinate', 'outcome', 'deniedOnly', 'personalOnly'];

export interface ExportDeps {
  auth: Authenticator;
  audit?: AuditWriter;
  policy?: Policy;
  facts: PolicyFacts;
  /** The audit subgraph's internal base URL (`…/internal`). */
  auditInternalUrl: string;
  signContext(claims: CallerClaims): Promise<string>;
  log: Logger;
}

export function auditExportRoute(app: express.Express, deps: ExportDeps): void {
  app.get('/audit/events.csv', async (req, res) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    const filter = Object.fromEntries(FILTER_PARAMS.filter((k) => typeof req.query[k] === 'string').map((k) => [k, String(req.query[k])]));
    let principal: Principal = PUBLIC;
    const record = (outcome: string, codes: string[], denied: AuditInput['denied'] = []): Promise<boolean> =>
      recordOutsideGraphQL(deps.audit, req, res, {
        requestId,
        principal,
        operation: { type: 'export', name: 'auditEvents.csv', hash: null, document: 'GET /audit/events.csv' },
        variables: filter,
        requested: [EXPORT_COORDINATE],
        denied,
        subgraphs: outcome === 'ok' ? ['audit'] : [],
        outcome,
        errorCodes: codes,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
      });
    if (deps.audit && !(await deps.audit.reachable())) {
      res.status(503).json({ errors: [AUDIT_DOWN_ERROR] });
      return;
    }
    try {
      principal = await deps.auth.principalOf(req.header('authorization'));
    } catch (e) {
      if (!(e instanceof AuthError)) throw e;
      if (await record('rejected', ['UNAUTHENTICATED'])) {
        res.status(e.status).set('WWW-Authenticate', 'Bearer realm="provincial-data-hub", error="invalid_token"').json({ errors: [{ message: e.message, extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
      }
      return;
    }
    const decision = deps.policy
      ? await deps.policy.decide(EXPORT_COORDINATE, { principal, facts: deps.facts })
      : principal.kind === 'ACCOUNT' && principal.roles.includes('AUDITOR')
        ? true
        : 'only AUDITOR accounts may export the audit log';
    if (decision !== true) {
      if (await record('denied', ['FORBIDDEN'], [{ coordinate: EXPORT_COORDINATE, path: null, reason: decision }])) {
        res.status(principal.kind === 'PUBLIC' ? 401 : 403).json({ errors: [{ message: `Not allowed to export the audit log: ${decision}`, extensions: { code: principal.kind === 'PUBLIC' ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN, coordinate: EXPORT_COORDINATE, reason: decision } }] });
      }
      return;
    }
    const claims = claimsOf(principal);
    let upstream: Response;
    try {
      upstream = await fetch(`${deps.auditInternalUrl}/events.csv?${new URLSearchParams(filter)}`, {
        headers: { [CONTEXT_HEADER]: await deps.signContext(claims), 'x-request-id': requestId },
      });
    } catch (e) {
      deps.log.warn({ err: { message: (e as Error).message } }, 'audit subgraph unreachable for export');
      if (await record('error', ['SERVICE_UNAVAILABLE'])) {
        res.status(503).json({ errors: [{ message: 'The audit service is unreachable; try again shortly', extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, serviceName: 'audit' } }] });
      }
      return;
    }
    if (upstream.status !== 200) {
      // A bad filter (400, naming the parameter) or a failure: passed on as the hub's JSON error, and recorded.
      const body = (await upstream.json().catch(() => null)) as { errors?: { message: string; extensions?: { code?: string } }[] } | null;
      const err = upstream.status === 400 && body?.errors?.[0] ? body.errors[0] : { message: 'The export failed', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
      if (await record(upstream.status === 400 ? 'rejected' : 'error', [String(err.extensions?.code ?? 'INTERNAL_SERVER_ERROR')])) {
        res.status(upstream.status === 400 ? 400 : 502).json({ errors: [err] });
      }
      return;
    }
    // The export is on record before any of it leaves the hub.
    if (!(await record('ok', []))) {
      void upstream.body?.cancel();
      return;
    }
    res.status(200).type(upstream.headers.get('content-type') ?? 'text/csv').set('content-disposition', upstream.headers.get('content-disposition') ?? 'attachment; filename="audit-events.csv"');
    const body = Readable.fromWeb(upstream.body as unknown as WebReadableStream<Uint8Array>);
    body.on('error', (e) => {
      deps.log.warn({ err: { message: e.message } }, 'audit export interrupted');
      res.destroy(e);
    });
    body.pipe(res);
  });
}
