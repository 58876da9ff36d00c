// Reading the audit store: the filter of `auditEvents` and of the CSV export as one SQL WHERE clause, keyset pages
// newest first, grouped statistics, all in PostgreSQL. The store's rows stay as the gateway wrote them; this module
// only turns them into the shapes the schema names.
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '@hub/kit';
import { badUserInput, msg, PROVINCE_TIME_ZONE } from '@hub/schema';
import type { SqlQuery } from '@hub/audit-chain';
import type { AccessGroupBy, AccessStatistic, AuditEvent, AuditEventFilter, AuditOutcome } from './__generated__/resolvers-types';

export const OUTCOMES: readonly AuditOutcome[] = ['OK', 'PARTIAL', 'DENIED', 'REJECTED', 'ERROR', 'INTENT'];

/**
 * A row of the store's `audit_record` table as the gateway wrote it (`select *`; the table is @hub/infra's audit
 * store, not an entity of this subgraph). JSON columns hold what the gateway put there; `seq` is a bigint, read as text.
 */
export interface AuditRecordRow {
  chain_id: string;
  seq: string;
  /** As PostgreSQL writes a timestamptz (the ORM's pool does not parse timestamps). */
  at: string;
  request_id: string;
  principal: { kind?: string; accountId?: string; agency?: string; roles?: string[]; username?: string } | null;
  client: { ip?: string; userAgent?: string; name?: string; version?: string } | null;
  operation: {
    type?: string;
    name?: string;
    method?: string;
    refused?: string;
    hash?: string;
    document?: string;
    documentId?: string;
  } | null;
  variables: unknown;
  requested: string[] | null;
  denied: { coordinate: string; path?: unknown; reason: string }[] | null;
  personal: string[] | null;
  subgraphs: string[] | null;
  outcome: string;
  error_codes: string[] | null;
  duration_ms: number;
  response_bytes: number;
  prev_hash: string;
  hash: string;
  signature: string | null;
  escaped: boolean;
  unstorable: string | null;
}

/** The province's day and month (statistics by DAY and MONTH follow local time, UTC+7). */
export const TIME_ZONE = PROVINCE_TIME_ZONE;

/**
 * The audit store's SQL on a request's EntityManager, through the kit's raw-SQL path (the store speaks plain SQL:
 * its rows are never entities); the same `$n` statements run on a pg client in the audit CLI.
 */
export function sqlOn(em: EntityManager): SqlQuery {
  const db = sql(em);
  return (text, params) => db.rows(text, params);
}

/** The end of a range given before (or at) its start. */
export const LATER_THAN_FROM = msg('must be later than from', 'phải muộn hơn from');

/** A DateTime argument as a Date (null when absent); a value that is not one is refused naming the argument. */
export const instant = (v: Date | string | null | undefined, argument: string): Date | null => {
  if (v == null) return null;
  const d = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(d.getTime()))
    throw badUserInput(
      argument,
      msg(`must be an ISO 8601 date-time, got ${JSON.stringify(v)}`, `phải là ngày giờ theo ISO 8601, nhận được ${JSON.stringify(v)}`),
    );
  return d;
};

/** The WHERE clause (with `$n` parameters from `params`) that selects the events a filter asks for. */
export function whereOf(filter: AuditEventFilter | null | undefined, params: unknown[], prefix = 'filter'): string {
  const f = filter ?? {};
  const cond: string[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const from = instant(f.from, `${prefix}.from`);
  const to = instant(f.to, `${prefix}.to`);
  if (from && to && from >= to) throw badUserInput(`${prefix}.to`, LATER_THAN_FROM);
  if (from) cond.push(`at >= ${p(from)}`);
  if (to) cond.push(`at < ${p(to)}`);
  if (f.account) cond.push(`principal->>'accountId' = ${p(f.account)}`);
  if (f.agency) cond.push(f.agency === 'PUBLIC' ? `principal->>'kind' = 'PUBLIC'` : `principal->>'agency' = ${p(f.agency)}`);
  if (f.client) cond.push(`client->>'name' = ${p(f.client)}`);
  if (f.operationName) cond.push(`operation->>'name' = ${p(f.operationName)}`);
  if (f.operationType) cond.push(f.operationType === 'none' ? `operation->>'type' is null` : `operation->>'type' = ${p(f.operationType)}`);
  if (f.username) cond.push(`principal->>'username' = ${p(f.username)}`);
  if (f.coordinate) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/.test(f.coordinate)) {
      throw badUserInput(
        `${prefix}.coordinate`,
        msg(
          `must be a field coordinate such as Query.touristSites, got ${JSON.stringify(f.coordinate)}`,
          `phải là tọa độ của một trường, ví dụ Query.touristSites, nhận được ${JSON.stringify(f.coordinate)}`,
        ),
      );
    }
    cond.push(`${p(f.coordinate)} = any(requested)`);
  }
  if (f.outcome?.length) {
    for (const o of f.outcome)
      if (!OUTCOMES.includes(o))
        throw badUserInput(`${prefix}.outcome`, msg(`unknown outcome ${JSON.stringify(o)}`, `không có kết quả ${JSON.stringify(o)}`));
    cond.push(`outcome = any(${p(f.outcome.map((o) => o.toLowerCase()))})`);
  }
  if (f.deniedOnly) cond.push(`jsonb_array_length(denied) > 0`);
  if (f.personalOnly) cond.push(`cardinality(personal) > 0`);
  return cond.length ? cond.join(' and ') : 'true';
}

/** Keyset position of an event in the newest-first order: (at, chain, seq). */
export interface EventKey {
  at: string;
  chainId: string;
  seq: number;
}

export function encodeEventCursor(k: EventKey): string {
  return Buffer.from(JSON.stringify([k.at, k.chainId, k.seq])).toString('base64url');
}

export function decodeEventCursor(cursor: string, argument = 'after'): EventKey {
  try {
    const [at, chainId, seq] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string, number];
    if (
      typeof at === 'string' &&
      !Number.isNaN(Date.parse(at)) &&
      /^[0-9a-f-]{36}$/.test(chainId) &&
      Number.isInteger(seq) &&
      encodeEventCursor({ at, chainId, seq }) === cursor
    ) {
      return { at, chainId, seq };
    }
  } catch {
    /* falls through */
  }
  throw badUserInput(argument, msg('not a cursor returned by auditEvents', 'không phải con trỏ (cursor) do auditEvents trả về'));
}

/** Rows of one newest-first page after `after` (or from the newest). */
export async function eventPage(
  query: SqlQuery,
  filter: AuditEventFilter | null | undefined,
  limit: number,
  after?: EventKey,
): Promise<AuditRecordRow[]> {
  const params: unknown[] = [];
  let where = whereOf(filter, params);
  if (after) {
    params.push(after.at, after.chainId, after.seq);
    const n = params.length;
    where += ` and (at, chain_id, seq) < ($${n - 2}::timestamptz, $${n - 1}::uuid, $${n}::bigint)`;
  }
  params.push(limit);
  return (await query(
    `select * from audit_record where ${where} order by at desc, chain_id desc, seq desc limit $${params.length}`,
    params,
  )) as AuditRecordRow[];
}

/** How many events the filter selects (one count statement). */
export async function eventCount(query: SqlQuery, filter: AuditEventFilter | null | undefined): Promise<number> {
  const params: unknown[] = [];
  const [row] = (await query(`select count(*)::int as n from audit_record where ${whereOf(filter, params)}`, params)) as { n: number }[];
  return row.n;
}

/** The row of one event, when the store has it. */
export async function eventRow(query: SqlQuery, chainId: string, seq: number): Promise<AuditRecordRow | undefined> {
  const [row] = await query('select * from audit_record where chain_id = $1 and seq = $2', [chainId, seq]);
  return row as AuditRecordRow | undefined;
}

export function keyOfRow(r: AuditRecordRow): EventKey {
  return { at: new Date(r.at).toISOString(), chainId: r.chain_id, seq: Number(r.seq) };
}

export function eventId(chainId: string, seq: number | string): string {
  return `${chainId}:${seq}`;
}

export function parseEventId(id: string): { chainId: string; seq: number } | undefined {
  const m = /^([0-9a-f-]{36}):(\d{1,15})$/.exec(id);
  return m ? { chainId: m[1], seq: Number(m[2]) } : undefined;
}

/** The `AuditEvent` of a stored row. */
export function eventOf(r: AuditRecordRow): AuditEvent {
  const principal = r.principal ?? {};
  const client = r.client ?? {};
  const op = r.operation ?? {};
  return {
    id: eventId(r.chain_id, r.seq),
    chainId: r.chain_id,
    seq: Number(r.seq),
    at: new Date(r.at),
    requestId: r.request_id,
    principal: {
      kind: principal.kind ?? 'PUBLIC',
      accountId: principal.accountId ?? null,
      account: principal.accountId ? { __typename: 'Account', id: principal.accountId } : null,
      agencyCode: principal.agency ?? null,
      roles: principal.roles ?? [],
      username: principal.username ?? null,
    },
    client: { ip: client.ip ?? null, userAgent: client.userAgent ?? null, name: client.name ?? null, version: client.version ?? null },
    operationType: op.type ?? null,
    operationName: op.name ?? null,
    method: op.method ?? null,
    refused: op.refused ?? null,
    documentHash: op.hash ?? null,
    documentId: op.documentId ?? null,
    document: op.document ?? null,
    variables: r.variables == null ? null : JSON.stringify(r.variables),
    requested: r.requested ?? [],
    denied: (r.denied ?? []).map((d) => ({
      coordinate: d.coordinate,
      path: d.path == null ? null : Array.isArray(d.path) ? d.path.join('.') : String(d.path),
      reason: d.reason,
    })),
    personal: r.personal ?? [],
    subgraphs: r.subgraphs ?? [],
    outcome: String(r.outcome).toUpperCase() as AuditOutcome,
    errorCodes: r.error_codes ?? [],
    durationMs: Number(r.duration_ms),
    responseBytes: Number(r.response_bytes),
    hash: r.hash,
    previousHash: r.prev_hash,
    signature: r.signature ?? null,
    escaped: Boolean(r.escaped),
    unstorable: r.unstorable ?? null,
  };
}

export const GROUP_BY: readonly AccessGroupBy[] = ['AGENCY', 'ACCOUNT', 'COORDINATE', 'SUBGRAPH', 'DAY', 'MONTH'];

const GROUP_KEY: Record<AccessGroupBy, { from: string; key: string; order: string }> = {
  AGENCY: { from: 'audit_record', key: `coalesce(principal->>'agency', 'PUBLIC')`, order: 'requests desc, key' },
  ACCOUNT: { from: 'audit_record', key: `coalesce(principal->>'accountId', 'PUBLIC')`, order: 'requests desc, key' },
  COORDINATE: {
    from: 'audit_record cross join lateral unnest(requested) as c(coordinate)',
    key: 'c.coordinate',
    order: 'requests desc, key',
  },
  SUBGRAPH: { from: 'audit_record cross join lateral unnest(subgraphs) as s(subgraph)', key: 's.subgraph', order: 'requests desc, key' },
  DAY: { from: 'audit_record', key: `to_char(at at time zone '${TIME_ZONE}', 'YYYY-MM-DD')`, order: 'key' },
  MONTH: { from: 'audit_record', key: `to_char(at at time zone '${TIME_ZONE}', 'YYYY-MM')`, order: 'key' },
};

interface UsageRow {
  coordinate: string;
  name: string | null;
  version: string | null;
  agency: string;
  requests: number;
  last: Date;
}

/**
 * Each coordinate requested in [from, to) (or only those given): its requests, last use, clients and agencies, from
 * one grouped statement. Intent records are left out, so a mutation counts once.
 */
export async function fieldUsage(query: SqlQuery, from: Date, to: Date, coordinates?: readonly string[] | null) {
  if (!(from < to)) throw badUserInput('to', LATER_THAN_FROM);
  const params: unknown[] = [from, to];
  const only = coordinates?.length ? (params.push([...coordinates]), ' and c.coordinate = any($3)') : '';
  const rows = (await query(
    `select c.coordinate, client->>'name' as name, client->>'version' as version,
            coalesce(principal->>'agency', 'PUBLIC') as agency, count(*)::int as requests, max(at) as last
       from audit_record cross join lateral unnest(requested) as c(coordinate)
      where at >= $1 and at < $2 and outcome <> 'intent'${only}
      group by 1, 2, 3, 4`,
    params,
  )) as UsageRow[];
  const byCoordinate = new Map<
    string,
    {
      requests: number;
      last: Date;
      clients: Map<string, { name: string | null; version: string | null; requests: number; last: Date }>;
      agencies: Map<string, number>;
    }
  >();
  for (const r of rows) {
    const last = new Date(r.last);
    const u = byCoordinate.get(r.coordinate) ?? { requests: 0, last, clients: new Map(), agencies: new Map() };
    byCoordinate.set(r.coordinate, u);
    u.requests += r.requests;
    if (last > u.last) u.last = last;
    const key = JSON.stringify([r.name, r.version]);
    const c = u.clients.get(key) ?? { name: r.name, version: r.version, requests: 0, last };
    c.requests += r.requests;
    if (last > c.last) c.last = last;
    u.clients.set(key, c);
    u.agencies.set(r.agency, (u.agencies.get(r.agency) ?? 0) + r.requests);
  }
  const most = <T extends { requests: number }>(a: T, b: T) => b.requests - a.requests;
  return [...byCoordinate]
    .map(([coordinate, u]) => ({
      coordinate,
      requests: u.requests,
      lastUsed: u.last,
      clients: [...u.clients.values()]
        .sort(most)
        .map((c) => ({ name: c.name, version: c.version, requests: c.requests, lastUsed: c.last })),
      agencies: [...u.agencies].map(([agency, requests]) => ({ agency, requests })).sort(most),
    }))
    .sort((a, b) => b.requests - a.requests || a.coordinate.localeCompare(b.coordinate));
}

/** Of `all` coordinates, those no request asked for in [from, to) (one statement over the distinct coordinates). */
export async function unusedFields(query: SqlQuery, from: Date, to: Date, all: readonly string[]): Promise<string[]> {
  if (!(from < to)) throw badUserInput('to', LATER_THAN_FROM);
  const rows = (await query(
    `select distinct c.coordinate from audit_record cross join lateral unnest(requested) as c(coordinate)
      where at >= $1 and at < $2 and c.coordinate = any($3)`,
    [from, to, [...all]],
  )) as { coordinate: string }[];
  const used = new Set(rows.map((r) => r.coordinate));
  return all.filter((c) => !used.has(c)).sort();
}

/**
 * Requests in [from, to) grouped as asked, counted in one grouped query whose columns are AccessStatistic's fields. A
 * request counts once, by its id: a mutation's intent record and its outcome record are one request (and an intent
 * whose outcome never came, a crash, still counts).
 */
export async function accessStatistics(query: SqlQuery, from: Date, to: Date, groupBy: AccessGroupBy): Promise<AccessStatistic[]> {
  if (!(from < to)) throw badUserInput('to', LATER_THAN_FROM);
  const g = GROUP_KEY[groupBy];
  if (!g) throw badUserInput('groupBy', msg(`must be one of ${GROUP_BY.join(', ')}`, `phải là một trong ${GROUP_BY.join(', ')}`));
  const rows = await query(
    `select ${g.key} as key,
            count(distinct request_id)::int as requests,
            count(distinct request_id) filter (where jsonb_array_length(denied) > 0 or outcome = 'denied')::int as denied,
            count(distinct request_id) filter (where cardinality(personal) > 0)::int as "personalReads",
            count(distinct request_id) filter (where outcome in ('rejected', 'error'))::int as failed,
            count(distinct principal->>'accountId')::int as accounts
       from ${g.from}
      where at >= $1 and at < $2
      group by 1 order by ${g.order}`,
    [from, to],
  );
  return rows as AccessStatistic[];
}
