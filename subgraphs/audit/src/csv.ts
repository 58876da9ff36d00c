// The CSV export of a filtered range: `GET /internal/events.csv` (sealed: only the gateway calls it, after it has
// checked the caller is an AUDITOR and recorded the export). Streamed page by page with backpressure, so an
// export of any size holds one page in memory.
import { ErrorCode } from '@hub/schema';
import type express from 'express';
import { stringify } from 'csv-stringify';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '@hub/runtime';
import type { AuditEventFilter, AuditOutcome } from './__generated__/resolvers-types';
import { eventOf, eventPage, instant, keyOfRow, sqlOn, type AuditRecordRow } from './events';

const PAGE = 2000;

export const CSV_COLUMNS = [
  'id',
  'at',
  'requestId',
  'principalKind',
  'accountId',
  'agency',
  'roles',
  'clientIp',
  'userAgent',
  'clientName',
  'clientVersion',
  'operationType',
  'operationName',
  'documentHash',
  'outcome',
  'errorCodes',
  'requested',
  'denied',
  'personal',
  'subgraphs',
  'durationMs',
  'responseBytes',
  'variables',
  'document',
  'hash',
  'previousHash',
  'username',
  'method',
  'refused',
] as const;

/** A spreadsheet would run a cell starting with = + - @ as a formula: such text is prefixed with a quote. */
export const cell = (v: unknown): string => {
  const s = v == null ? '' : String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};

function rowOf(r: AuditRecordRow): string[] {
  const e = eventOf(r);
  return [
    e.id,
    e.at.toISOString(),
    e.requestId,
    e.principal.kind,
    e.principal.accountId,
    e.principal.agencyCode,
    e.principal.roles.join(' '),
    e.client.ip,
    e.client.userAgent,
    e.client.name,
    e.client.version,
    e.operationType,
    e.operationName,
    e.documentHash,
    e.outcome,
    e.errorCodes.join(' '),
    e.requested.join(' '),
    e.denied.map((d) => `${d.coordinate}: ${d.reason}`).join('; '),
    e.personal.join(' '),
    e.subgraphs.join(' '),
    e.durationMs,
    e.responseBytes,
    e.variables,
    e.document,
    e.hash,
    e.previousHash,
    e.principal.username,
    e.method,
    e.refused,
  ].map(cell);
}

/**
 * The export's filter from query parameters (the same names as `AuditEventFilter`; lists comma-separated). Instants
 * are read here, as the DateTime scalar reads them for `auditEvents`; one that is not an instant is refused naming it.
 */
export function filterOfQuery(q: Record<string, unknown>): AuditEventFilter {
  const s = (k: string) => (typeof q[k] === 'string' && q[k] !== '' ? (q[k] as string) : null);
  const b = (k: string) => s(k) === 'true' || s(k) === '1';
  return {
    from: instant(s('from'), 'filter.from'),
    to: instant(s('to'), 'filter.to'),
    account: s('account'),
    agency: s('agency'),
    client: s('client'),
    operationName: s('operationName'),
    operationType: s('operationType'),
    username: s('username'),
    coordinate: s('coordinate'),
    outcome: s('outcome')
      ? (s('outcome')!
          .split(',')
          .map((o) => o.trim().toUpperCase()) as AuditOutcome[])
      : null,
    deniedOnly: b('deniedOnly'),
    personalOnly: b('personalOnly'),
  };
}

export function csvRoute(router: express.Router, deps: { em: () => EntityManager; log: Logger }): void {
  router.get('/events.csv', async (req, res) => {
    const query = sqlOn(deps.em());
    let filter: AuditEventFilter;
    let first: AuditRecordRow[];
    try {
      filter = filterOfQuery(req.query as Record<string, unknown>);
      first = await eventPage(query, filter, PAGE);
    } catch (e) {
      const ext = (e as { extensions?: Record<string, unknown> }).extensions;
      if (ext?.code === 'BAD_USER_INPUT') {
        res.status(400).json({ errors: [{ message: (e as Error).message, extensions: ext }] });
        return;
      }
      deps.log.error({ err: e }, 'audit export failed');
      res.status(500).json({ errors: [{ message: 'The export failed', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
      return;
    }
    res.status(200).type('text/csv; charset=utf-8').set('content-disposition', `attachment; filename="audit-events.csv"`);
    const csv = stringify({ header: true, columns: [...CSV_COLUMNS], bom: true });
    csv.pipe(res);
    const write = async (row: string[]) => {
      if (!csv.write(row)) await new Promise<void>((r) => csv.once('drain', () => r()));
    };
    let closed = false;
    res.on('close', () => {
      closed = true;
    });
    try {
      let rows = first;
      for (;;) {
        for (const r of rows) await write(rowOf(r));
        if (rows.length < PAGE || closed) break;
        rows = await eventPage(query, filter, PAGE, keyOfRow(rows[rows.length - 1]));
      }
      csv.end();
    } catch (e) {
      deps.log.error({ err: e }, 'audit export failed mid-stream');
      res.destroy(e as Error); // the client sees a truncated download, never a partial file that looks complete
    }
  });
}
