// Reading change history: `history(first, after)` on any entity type, newest first, batched across the records
// of one request, with each value a caller may not read (RESTRICTED or PERSONAL, per the gateway's signed list of
// coordinates this caller may read) replaced by null and `masked: true`.
import { reads } from './selection';
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, msg, type ClassificationLevel } from '@hub/schema';
import type { CallerClaims } from '@hub/runtime';
import { connectionOf, decodeCursor, pageOf, type Connection, type PageArgs } from './pagination';
import { openValue, sealedAad, type ChangeOperation, type StoredFieldChange } from './history';
import { sql } from './sql';

export interface FieldChangeView {
  field: string;
  before: unknown;
  after: unknown;
  masked: boolean;
}

export interface ChangeView {
  id: string;
  operation: ChangeOperation;
  at: Date;
  accountId: string | null;
  agencyCode: string | null;
  accountRoles: string[] | null;
  reason: string | null;
  requestId: string | null;
  changes: FieldChangeView[];
}

/** A `hub_change` row as the reader selects it. */
interface Row {
  id: string;
  entity: string;
  entity_id: string;
  operation: ChangeOperation;
  changes: StoredFieldChange[] | string;
  account_id: string | null;
  agency: string | null;
  roles: string[] | null;
  request_id: string | null;
  reason: string | null;
  at: Date | string;
}

interface Key {
  type: string;
  id: string;
  first?: number | null;
  after?: string | null;
}

/** What the reader needs that does not change per request. */
export interface HistorySettings {
  levels: Map<string, ClassificationLevel>;
  key?: Buffer | null;
}

const COLUMNS = 'id, entity, entity_id, operation, changes, account_id, agency, roles, request_id, reason, at';
const SENSITIVE = new Set<ClassificationLevel>(['RESTRICTED', 'PERSONAL']);

/** A page's sort key: time, then id (changes of one flush share their time). */
const keyOf = (c: ChangeView) => `${c.at.toISOString()}|${c.id}`;

function afterKey(after: string): { at: string; id: string } {
  const [at, id] = decodeCursor(after).split('|');
  if (!/^[0-9a-f-]{36}$/i.test(id ?? '') || Number.isNaN(Date.parse(at)))
    throw badUserInput('after', msg('not a cursor returned by this connection', 'không phải con trỏ (cursor) do kết nối này trả về'));
  return { at, id };
}

/** One request's reader: the caller decides what is masked. */
export class HistoryReader {
  private loader?: DataLoader<string, Connection<ChangeView>>;

  constructor(
    private readonly em: EntityManager,
    private readonly caller: CallerClaims,
    private readonly settings: HistorySettings,
  ) {}

  /** The history of record `id` of GraphQL type `type`, newest first. */
  connection(type: string, id: string, args: PageArgs): Promise<Connection<ChangeView>> {
    pageOf(args); // a bad `first` or `after` fails this field only, before anything is asked
    this.loader ??= new DataLoader((keys: readonly string[]) => this.batch(keys), { maxBatchSize: 1000 });
    return this.loader.load(JSON.stringify({ type, id, first: args.first ?? null, after: args.after ?? null } satisfies Key));
  }

  private async batch(raw: readonly string[]): Promise<(Connection<ChangeView> | Error)[]> {
    const keys = raw.map((k) => JSON.parse(k) as Key);
    const db = sql(this.em);
    const rowsOf = new Map<number, Row[]>();
    // A first page knows its record's total from the same statement (no count per record of a list).
    const totals = new Map<string, number>();
    // First pages of many records: one statement per type and page size.
    const firstPages = new Map<string, number[]>();
    keys.forEach((k, i) => {
      if (k.after != null) return;
      const g = `${k.type}|${k.first}`;
      firstPages.set(g, [...(firstPages.get(g) ?? []), i]);
    });
    for (const group of firstPages.values()) {
      const { type } = keys[group[0]];
      const limit = pageOf(keys[group[0]]).limit + 1;
      const rows = await db.rows<Row & { total: number }>(
        `select ${COLUMNS}, total from (select c.*, row_number() over (partition by entity_id order by at desc, id desc) as n,
             count(*) over (partition by entity_id)::int as total
           from hub_change c where entity = $1 and entity_id = any($2)) t where n <= $3 order by entity_id, at desc, id desc`,
        [type, [...new Set(group.map((i) => keys[i].id))], limit],
      );
      for (const r of rows) totals.set(`${type}|${r.entity_id}`, r.total);
      for (const i of group)
        rowsOf.set(
          i,
          rows.filter((r) => r.entity_id === keys[i].id),
        );
    }
    // Later pages: one statement each (a cursor belongs to one record).
    return Promise.all(
      keys.map(async (k, i) => {
        try {
          const page = pageOf(k);
          let rows = rowsOf.get(i);
          if (!rows) {
            const a = afterKey(k.after!);
            rows = await db.rows<Row>(
              `select ${COLUMNS} from hub_change where entity = $1 and entity_id = $2 and (at, id) < ($3::timestamptz, $4::uuid)
                 order by at desc, id desc limit $5`,
              [k.type, k.id, a.at, a.id, page.limit + 1],
            );
          }
          return connectionOf(
            rows.map((r) => this.view(r)),
            page,
            keyOf,
            async () => {
              // A first page's record with no change has no row: its total is 0.
              if (k.after == null) return totals.get(`${k.type}|${k.id}`) ?? 0;
              const [c] = await db.rows<{ n: number }>('select count(*)::int as n from hub_change where entity = $1 and entity_id = $2', [
                k.type,
                k.id,
              ]);
              return c.n;
            },
          );
        } catch (e) {
          return e as Error;
        }
      }),
    );
  }

  private view(r: Row): ChangeView {
    const stored = typeof r.changes === 'string' ? (JSON.parse(r.changes) as StoredFieldChange[]) : r.changes;
    return {
      id: r.id,
      operation: r.operation,
      at: r.at instanceof Date ? r.at : new Date(r.at),
      accountId: r.account_id,
      agencyCode: r.agency,
      accountRoles: r.roles,
      reason: r.reason,
      requestId: r.request_id,
      changes: stored.map((c) => this.field(r, c)),
    };
  }

  /** May this caller see the value of a change of this kind? Unknown coordinates are never shown. */
  private readable(c: StoredFieldChange): boolean {
    if (c.secret || c.masked) return false;
    if (c.level) return true;
    const level = c.coordinate ? this.settings.levels.get(c.coordinate) : undefined;
    if (!level) return false;
    return !SENSITIVE.has(level) || (this.caller.read ?? []).includes(c.coordinate!);
  }

  private field(r: Row, c: StoredFieldChange): FieldChangeView {
    const masked = { field: c.field, before: null, after: null, masked: true };
    if (!this.readable(c)) return masked;
    if (c.enc !== undefined) {
      const opened = this.settings.key
        ? (openValue(this.settings.key, sealedAad(r.entity, r.entity_id, c.field), c.enc) as
            { before: unknown; after: unknown } | undefined)
        : undefined;
      return opened ? { field: c.field, before: opened.before, after: opened.after, masked: false } : masked;
    }
    return { field: c.field, before: c.before ?? null, after: c.after ?? null, masked: false };
  }
}

/**
 * The resolver of `history(first, after)` on an entity type whose records carry an `id`: one line per type
 * (the kit adds it to every type with a `history: ChangeConnection` field that has no resolver of its own).
 */
export function historyResolver(type: string) {
  return reads(['id'], (parent: { id: string }, args: PageArgs, ctx: { history: HistoryReader }) =>
    ctx.history.connection(type, String(parent.id), args),
  );
}
