// The console's only link to the hub: sign-in at /auth/token, GraphQL at /graphql, the CSV export at
// /audit/events.csv, all on the gateway that served the page. Tokens live in this object only (memory): never in
// storage or cookies, so closing the tab signs out.

export const CLIENT_NAME = 'security-console';
export const CLIENT_VERSION = '1';

import type { AuditEventFilter, AuditOutcome } from './__generated__/graph-inputs';

/** The filter of `auditEvents`, generated from the graph's schema (`npm run codegen`), never copied by hand. */
export type { AuditEventFilter };
export type Outcome = AuditOutcome;
/** Every outcome, in the order the filter shows them; the compiler checks the list against the schema's enum. */
export const OUTCOMES = ['OK', 'PARTIAL', 'DENIED', 'REJECTED', 'ERROR', 'INTENT'] as const satisfies readonly Outcome[];
type MissingOutcome = Exclude<Outcome, (typeof OUTCOMES)[number]>;
const everyOutcome: MissingOutcome extends never ? true : MissingOutcome = true;
void everyOutcome;

export interface AuditPrincipal {
  kind: string;
  accountId: string | null;
  agencyCode: string | null;
  roles: string[];
  account: { username: string; displayName: string } | null;
  /** For a sign-in: the username tried. */
  username: string | null;
}

export interface AuditEventSummary {
  id: string;
  at: string;
  principal: AuditPrincipal;
  client: { name: string | null; ip: string | null };
  operationType: string | null;
  operationName: string | null;
  outcome: Outcome;
  denied: { coordinate: string }[];
  personal: string[];
  errorCodes: string[];
  durationMs: number;
}

export interface AuditEvent extends Omit<AuditEventSummary, 'denied' | 'client'> {
  chainId: string;
  seq: number;
  requestId: string;
  client: { ip: string | null; userAgent: string | null; name: string | null; version: string | null };
  method: string | null;
  refused: string | null;
  documentHash: string | null;
  document: string | null;
  variables: string | null;
  requested: string[];
  denied: { coordinate: string; path: string | null; reason: string }[];
  subgraphs: string[];
  responseBytes: number;
  hash: string;
  previousHash: string;
}

export interface AccessStatistic {
  key: string;
  requests: number;
  denied: number;
  personalReads: number;
  failed: number;
  accounts: number;
}

export interface ChainReport {
  ok: boolean;
  records: number;
  chains: number;
  checkedAt: string;
  brokenLink: { chainId: string; seq: number; eventId: string; reason: string } | null;
}

const PRINCIPAL = 'principal { kind accountId agencyCode roles username account { username displayName } }';

export const EVENTS_QUERY = `query ConsoleEvents($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id at ${PRINCIPAL} client { name ip } operationType operationName outcome denied { coordinate } personal errorCodes durationMs } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const EVENT_QUERY = `query ConsoleEvent($id: ID!) {
  auditEvent(id: $id) {
    id chainId seq at requestId ${PRINCIPAL}
    client { ip userAgent name version }
    operationType operationName method refused documentHash document variables
    requested denied { coordinate path reason } personal subgraphs
    outcome errorCodes durationMs responseBytes hash previousHash
  }
}`;

const STAT = '{ key requests denied personalReads failed accounts }';
export interface FieldUsage {
  coordinate: string;
  requests: number;
  lastUsed: string;
  clients: { name: string | null; version: string | null; requests: number; lastUsed: string }[];
  agencies: { agency: string; requests: number }[];
}

export const USAGE_QUERY = `query ConsoleFieldUsage($from: DateTime!, $to: DateTime!, $subgraph: String) {
  fieldUsage(from: $from, to: $to) { coordinate requests lastUsed clients { name version requests lastUsed } agencies { agency requests } }
  unusedFields(from: $from, to: $to, subgraph: $subgraph)
}`;

export const STATISTICS_QUERY = `query ConsoleStatistics($from: DateTime!, $to: DateTime!) {
  byDay: accessStatistics(from: $from, to: $to, groupBy: DAY) ${STAT}
  byAgency: accessStatistics(from: $from, to: $to, groupBy: AGENCY) ${STAT}
  byCoordinate: accessStatistics(from: $from, to: $to, groupBy: COORDINATE) ${STAT}
}`;

export const VERIFY_QUERY = `query ConsoleVerifyChain($from: DateTime, $to: DateTime) {
  verifyAuditChain(from: $from, to: $to) { ok records chains checkedAt brokenLink { chainId seq eventId reason } }
}`;

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [k: string]: unknown };
}

/** Why a call failed, in terms the page can show. */
export class ApiError extends Error {
  constructor(
    readonly kind: 'forbidden' | 'expired' | 'unavailable' | 'network' | 'other',
    message: string,
  ) {
    super(message);
  }
}

export interface Identity {
  username: string;
  agency: string | null;
  roles: string[];
}

/** Reads the claims of the hub's access token (shown to the user; the gateway checks the signature). */
export function identityOf(accessToken: string): Identity {
  try {
    const part = accessToken.split('.')[1] ?? '';
    const json = decodeURIComponent(
      Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
    );
    const claims = JSON.parse(json) as { username?: unknown; sub?: unknown; agency?: unknown; roles?: unknown };
    return {
      username: typeof claims.username === 'string' ? claims.username : String(claims.sub ?? '?'),
      agency: typeof claims.agency === 'string' ? claims.agency : null,
      roles: Array.isArray(claims.roles) ? claims.roles.map(String) : [],
    };
  } catch {
    return { username: '?', agency: null, roles: [] };
  }
}

interface TokenAnswer {
  access_token?: string;
  refresh_token?: string;
  error?: string;
  error_description?: string;
}

async function tokenRequest(body: Record<string, string>): Promise<{ status: number; answer: TokenAnswer }> {
  let r: Response;
  try {
    r = await fetch('/auth/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new ApiError('network', 'network');
  }
  const answer = (await r.json().catch(() => ({}))) as TokenAnswer;
  return { status: r.status, answer };
}

export class Session {
  private constructor(
    private accessToken: string,
    private refreshToken: string | undefined,
    readonly identity: Identity,
  ) {}

  /** Signs in with the password grant; throws ApiError with the gateway's description on failure. */
  static async signIn(username: string, password: string): Promise<Session> {
    const { status, answer } = await tokenRequest({ grant_type: 'password', username, password });
    if (status !== 200 || !answer.access_token) {
      throw new ApiError(status === 503 ? 'unavailable' : 'other', answer.error_description ?? answer.error ?? `HTTP ${status}`);
    }
    return new Session(answer.access_token, answer.refresh_token, identityOf(answer.access_token));
  }

  /** Trades the refresh token for a new access token once; false when that is not possible. */
  private async renew(): Promise<boolean> {
    if (!this.refreshToken) return false;
    const token = this.refreshToken;
    this.refreshToken = undefined;
    const { status, answer } = await tokenRequest({ grant_type: 'refresh_token', refresh_token: token });
    if (status !== 200 || !answer.access_token) return false;
    this.accessToken = answer.access_token;
    this.refreshToken = answer.refresh_token;
    return true;
  }

  private async send(url: string, init: RequestInit): Promise<Response> {
    const call = () =>
      fetch(url, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          authorization: `Bearer ${this.accessToken}`,
          'apollographql-client-name': CLIENT_NAME,
          'apollographql-client-version': CLIENT_VERSION,
        },
      });
    let r: Response;
    try {
      r = await call();
      if (r.status === 401 && (await this.renew())) r = await call();
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw new ApiError('network', 'network');
    }
    if (r.status === 401) throw new ApiError('expired', 'expired');
    if (r.status === 503) throw new ApiError('unavailable', 'unavailable');
    return r;
  }

  /**
   * Runs one operation. A FORBIDDEN error (the account is not an auditor) and an answer without data throw;
   * other errors beside data come back as `partial` messages.
   */
  async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<{ data: T; partial: string[] }> {
    const r = await this.send('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await r.json().catch(() => ({}))) as { data?: T | null; errors?: GraphQLError[] };
    const errors = body.errors ?? [];
    const forbidden = errors.find((e) => e.extensions?.code === 'FORBIDDEN');
    if (forbidden) throw new ApiError('forbidden', forbidden.message);
    if (!body.data) throw new ApiError('other', errors.map((e) => e.message).join('; ') || `HTTP ${r.status}`);
    return { data: body.data, partial: errors.map((e) => e.message) };
  }

  /** Downloads the CSV export of a filter: fetched with the bearer token, saved through a Blob link. */
  async exportCsv(filter: AuditEventFilter): Promise<string> {
    const r = await this.send(`/audit/events.csv?${csvQuery(filter)}`, { method: 'GET', headers: { accept: 'text/csv' } });
    if (r.status === 403) throw new ApiError('forbidden', 'forbidden');
    if (!r.ok) {
      const text = await r.text().catch(() => '');
      throw new ApiError('other', text.slice(0, 300) || `HTTP ${r.status}`);
    }
    const blob = await r.blob();
    const name =
      /filename="?([^";]+)"?/.exec(r.headers.get('content-disposition') ?? '')?.[1] ??
      `audit-events-${new Date().toISOString().slice(0, 10)}.csv`;
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60_000);
    return name;
  }
}

/** The export endpoint's query string for a filter (same conditions as `auditEvents`). */
export function csvQuery(filter: AuditEventFilter): string {
  const q = new URLSearchParams();
  for (const key of ['from', 'to', 'account', 'agency', 'client', 'operationName', 'operationType', 'username', 'coordinate'] as const) {
    const v = filter[key];
    if (v) q.set(key, v);
  }
  if (filter.outcome?.length) q.set('outcome', filter.outcome.join(','));
  if (filter.deniedOnly) q.set('deniedOnly', 'true');
  if (filter.personalOnly) q.set('personalOnly', 'true');
  return q.toString();
}
