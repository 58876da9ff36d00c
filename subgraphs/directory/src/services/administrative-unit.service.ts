// Queries over the administrative-unit tree as of a date. Tree walks are recursive CTEs, one statement per
// batch of units, so the cost of a query does not grow with the number of units it touches. Units are read-only
// reference data here (no mutation edits them), so rows become plain read views, not managed entities: hydrating
// and merging hundreds of entities into the identity map was most of the directory's CPU on large unit lists.
import type { EntityManager } from '@mikro-orm/postgresql';
import { containsPattern, pageOf, connectionOf, sql, type Connection, type Sql } from '@hub/kit';
import type { QueryAdministrativeUnitsArgs } from '../__generated__/resolvers-types';
import type { AdministrativeLevel, AdministrativeUnitKind } from '../entities';
import { today, validOnSql } from './dates';

const COLUMNS =
  'u.id, u.created_at, u.updated_at, u.version, u.code, u.name, u.kind, u.level, u.parent_id, u.valid_from, u.valid_to, u.search_text';

/** An `administrative_unit` row as `COLUMNS` selects it (dates and timestamps as PostgreSQL writes them). */
interface UnitRow {
  id: string;
  created_at: string;
  updated_at: string;
  version: number;
  code: string;
  name: string;
  kind: AdministrativeUnitKind;
  level: AdministrativeLevel;
  parent_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  search_text: string;
}

/**
 * A unit version as the resolvers read it, straight from its row: the entity's fields, the parent as a reference,
 * timestamps parsed only when asked for (provenance).
 */
export class AdministrativeUnitView {
  readonly id: string;
  readonly version: number;
  readonly code: string;
  readonly name: string;
  readonly kind: AdministrativeUnitKind;
  readonly level: AdministrativeLevel;
  readonly parent: { id: string } | null;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly searchText: string;
  /** The day this version was asked for by a dated reference (`code` and `validOn`); null otherwise. */
  readonly validOn: string | null;
  readonly #createdAt: string;
  readonly #updatedAt: string;

  constructor(r: UnitRow, validOn: string | null = null) {
    this.id = r.id;
    this.version = r.version;
    this.code = r.code;
    this.name = r.name;
    this.kind = r.kind;
    this.level = r.level;
    this.parent = r.parent_id ? { id: r.parent_id } : null;
    this.validFrom = r.valid_from ?? null;
    this.validTo = r.valid_to ?? null;
    this.searchText = r.search_text;
    this.validOn = validOn;
    this.#createdAt = r.created_at;
    this.#updatedAt = r.updated_at;
  }

  get createdAt(): Date {
    return new Date(this.#createdAt);
  }

  get updatedAt(): Date {
    return new Date(this.#updatedAt);
  }
}

const view = (r: UnitRow) => new AdministrativeUnitView(r);

export class AdministrativeUnitService {
  private readonly db: Sql;

  constructor(em: EntityManager) {
    this.db = sql(em);
  }

  /** The version valid on `asOf`; without a date, the current version or else the most recent one. */
  async byCode(code: string, asOf?: string | null): Promise<AdministrativeUnitView | null> {
    if (asOf) {
      const rows = await this.db.rows<UnitRow>(
        `select ${COLUMNS} from administrative_unit u where u.code = $1 and ${validOnSql('$2')} limit 1`,
        [code, asOf],
      );
      return rows.map(view)[0] ?? null;
    }
    return (await this.latestByCodes([code]))[0] ?? null;
  }

  /** For each code, its current version, or its most recent one if it was retired. */
  async latestByCodes(codes: readonly string[]): Promise<AdministrativeUnitView[]> {
    if (!codes.length) return [];
    const rows = await this.db.rows<UnitRow>(
      `select distinct on (u.code) ${COLUMNS} from administrative_unit u where u.code = any($1)
       order by u.code, (u.valid_to is null) desc, u.valid_to desc, u.valid_from desc nulls last`,
      [codes],
    );
    return rows.map(view);
  }

  /**
   * For each `code|day` key, the version of that code valid on that day (one statement for the whole batch); a key
   * whose code had no version on its day is missing from the map. Days must be checked dates (`YYYY-MM-DD`).
   */
  async byCodesOn(keys: readonly string[]): Promise<Map<string, AdministrativeUnitView>> {
    const found = new Map<string, AdministrativeUnitView>();
    if (!keys.length) return found;
    const codes = keys.map((k) => k.slice(0, k.lastIndexOf('|')));
    const days = keys.map((k) => k.slice(k.lastIndexOf('|') + 1));
    const rows = await this.db.rows<UnitRow & { asked: string; day: string }>(
      `select distinct on (k.code, k.day) k.code || '|' || k.day as asked, k.day, ${COLUMNS}
       from unnest($1::text[], $2::text[]) as k(code, day)
       join administrative_unit u on u.code = k.code and ${validOnSql('k.day::date')}
       order by k.code, k.day, u.valid_from desc nulls last`,
      [codes, days],
    );
    for (const r of rows) found.set(r.asked, new AdministrativeUnitView(r, r.day));
    return found;
  }

  async byIds(ids: readonly string[]): Promise<AdministrativeUnitView[]> {
    return ids.length
      ? (await this.db.rows<UnitRow>(`select ${COLUMNS} from administrative_unit u where u.id = any($1)`, [ids])).map(view)
      : [];
  }

  async list(args: QueryAdministrativeUnitsArgs): Promise<Connection<AdministrativeUnitView>> {
    const page = pageOf(args);
    const asOf = args.asOf ?? today();
    const params: unknown[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const day = param(asOf);
    const where: string[] = [validOnSql(day)];
    let from = 'administrative_unit u';
    let cte = '';
    if (args.parentCode != null) {
      const root = await this.byCode(args.parentCode, asOf);
      if (!root)
        return connectionOf<AdministrativeUnitView>(
          [],
          page,
          (u) => u.code,
          () => 0,
        );
      cte = `with recursive under(id) as (
          select u.id from administrative_unit u where u.parent_id = ${param(root.id)} and ${validOnSql(day)}
          union all
          select u.id from administrative_unit u join under on u.parent_id = under.id where ${validOnSql(day)}
        )`;
      from = 'administrative_unit u join under on under.id = u.id';
    }
    if (args.level) where.push(`u.level = ${param(args.level)}`);
    if (args.search) where.push(`u.search_text like ${param(containsPattern(args.search))} escape '\\'`);
    const filtered = `${cte} select ${COLUMNS} from ${from} where ${where.join(' and ')}`;
    const filterParams = [...params];
    const pageWhere = page.after !== undefined ? ` and u.code > ${param(page.after)}` : '';
    const rows = await this.db.rows<UnitRow>(`${filtered}${pageWhere} order by u.code limit ${param(page.limit + 1)}`, params);
    return connectionOf(
      rows.map(view),
      page,
      (u) => u.code,
      async () => {
        const [{ n }] = await this.db.rows<{ n: number }>(`select count(*)::int as n from (${filtered}) c`, filterParams);
        return n;
      },
    );
  }

  /** Parent chains of many versions in one statement, nearest parent first. */
  async ancestors(ids: readonly string[]): Promise<Map<string, AdministrativeUnitView[]>> {
    const out = new Map<string, AdministrativeUnitView[]>(ids.map((id) => [id, []]));
    if (!ids.length) return out;
    const rows = await this.db.rows<UnitRow & { hub_root: string }>(
      `with recursive a(root, id, depth) as (
         select u.id, u.parent_id, 1 from administrative_unit u where u.id = any($1) and u.parent_id is not null
         union all
         select a.root, p.parent_id, a.depth + 1 from a join administrative_unit p on p.id = a.id where p.parent_id is not null
       )
       select a.root as hub_root, ${COLUMNS} from a join administrative_unit u on u.id = a.id order by a.root, a.depth`,
      [ids],
    );
    for (const { hub_root, ...row } of rows) out.get(hub_root)!.push(view(row));
    return out;
  }

  /** Children valid on `asOf` of many units (all asked for the same day), grouped by parent id. */
  async children(parentIds: readonly string[], asOf: string): Promise<Map<string, AdministrativeUnitView[]>> {
    const out = new Map<string, AdministrativeUnitView[]>(parentIds.map((id) => [id, []]));
    if (!parentIds.length) return out;
    const rows = await this.db.rows<UnitRow>(
      `select ${COLUMNS} from administrative_unit u where u.parent_id = any($1) and ${validOnSql('$2')} order by u.code`,
      [parentIds, asOf],
    );
    for (const row of rows) out.get(row.parent_id!)!.push(view(row));
    return out;
  }

  /**
   * For each version: the codes of today's communes covering its territory. Walks down to every unit ever
   * under it, then forward through succession links to units that are current, keeping communes.
   */
  async currentCommuneCodes(ids: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(ids.map((id) => [id, []]));
    if (!ids.length) return out;
    const rows = await this.db.rows<{ root: string; code: string }>(
      `with recursive sub(root, id) as (
         select u.id, u.id from administrative_unit u where u.id = any($1)
         union all
         select sub.root, c.id from administrative_unit c join sub on c.parent_id = sub.id
       ), fwd(root, id) as (
         select root, id from sub
         union
         select fwd.root, s.successor_id from fwd join administrative_unit_succession s on s.predecessor_id = fwd.id
       )
       select distinct fwd.root, u.code from fwd join administrative_unit u on u.id = fwd.id
       where u.level = 'COMMUNE' and u.valid_to is null order by fwd.root, u.code`,
      [ids],
    );
    for (const r of rows) out.get(r.root)!.push(r.code);
    return out;
  }

  /** Succession links in one direction: successors of predecessors, or predecessors of successors. */
  async linked(ids: readonly string[], direction: 'successors' | 'predecessors'): Promise<Map<string, AdministrativeUnitView[]>> {
    const out = new Map<string, AdministrativeUnitView[]>(ids.map((id) => [id, []]));
    if (!ids.length) return out;
    const [from, to] = direction === 'successors' ? ['predecessor_id', 'successor_id'] : ['successor_id', 'predecessor_id'];
    const rows = await this.db.rows<UnitRow & { hub_key: string }>(
      `select s.${from} as hub_key, ${COLUMNS} from administrative_unit_succession s
       join administrative_unit u on u.id = s.${to} where s.${from} = any($1) order by u.code`,
      [ids],
    );
    for (const { hub_key, ...row } of rows) out.get(hub_key)!.push(view(row));
    return out;
  }
}
