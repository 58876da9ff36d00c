// Queries over the administrative-unit tree as of a date. Tree walks are recursive CTEs, one statement per
// batch of units, so the cost of a query does not grow with the number of units it touches. Units are read-only
// reference data here (no mutation edits them), so rows become plain read views, not managed entities: hydrating
// and merging hundreds of entities into the identity map was most of the directory's CPU on large unit lists.
import type { EntityManager } from '@mikro-orm/postgresql';
import { containsPattern, pageOf, connectionOf, type Connection } from '@hub/kit';
import type { AdministrativeUnit, AdministrativeLevel, AdministrativeUnitKind } from '../entities';
import type { QueryAdministrativeUnitsArgs } from '../__generated__/resolvers-types';
import { today, VALID_ON } from './dates';

const COLUMNS = 'u.id, u.created_at, u.updated_at, u.version, u.code, u.name, u.kind, u.level, u.parent_id, u.valid_from, u.valid_to, u.search_text';

/**
 * A unit version as the resolvers read it, straight from its row: the entity's fields, the parent as a reference,
 * timestamps parsed only when asked for (provenance).
 */
class UnitView {
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
  readonly #createdAt: string;
  readonly #updatedAt: string;

  constructor(r: Record<string, unknown>) {
    this.id = r.id as string;
    this.version = r.version as number;
    this.code = r.code as string;
    this.name = r.name as string;
    this.kind = r.kind as AdministrativeUnitKind;
    this.level = r.level as AdministrativeLevel;
    this.parent = r.parent_id ? { id: r.parent_id as string } : null;
    this.validFrom = (r.valid_from as string | null) ?? null;
    this.validTo = (r.valid_to as string | null) ?? null;
    this.searchText = r.search_text as string;
    this.#createdAt = r.created_at as string;
    this.#updatedAt = r.updated_at as string;
  }

  get createdAt(): Date {
    return new Date(this.#createdAt);
  }

  get updatedAt(): Date {
    return new Date(this.#updatedAt);
  }
}

const unitView = (r: Record<string, unknown>): AdministrativeUnit => new UnitView(r) as unknown as AdministrativeUnit;

export class AdministrativeUnitService {
  constructor(private readonly em: EntityManager) {}

  private exec(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    return this.em.getConnection().execute(sql, params as any[]);
  }

  private map(rows: Record<string, unknown>[]): AdministrativeUnit[] {
    return rows.map(unitView);
  }

  /** The version valid on `asOf`; without a date, the current version or else the most recent one. */
  async byCode(code: string, asOf?: string | null): Promise<AdministrativeUnit | null> {
    if (asOf) {
      const rows = await this.exec(`select ${COLUMNS} from administrative_unit u where u.code = ? and ${VALID_ON} limit 1`, [code, asOf, asOf]);
      return this.map(rows)[0] ?? null;
    }
    return (await this.latestByCodes([code]))[0] ?? null;
  }

  /** For each code, its current version, or its most recent one if it was retired. */
  async latestByCodes(codes: readonly string[]): Promise<AdministrativeUnit[]> {
    if (!codes.length) return [];
    const rows = await this.exec(
      `select distinct on (u.code) ${COLUMNS} from administrative_unit u where u.code in (?)
       order by u.code, (u.valid_to is null) desc, u.valid_to desc, u.valid_from desc nulls last`,
      [codes],
    );
    return this.map(rows);
  }

  async byIds(ids: readonly string[]): Promise<AdministrativeUnit[]> {
    return ids.length ? this.map(await this.exec(`select ${COLUMNS} from administrative_unit u where u.id in (?)`, [ids])) : [];
  }

  async list(args: QueryAdministrativeUnitsArgs): Promise<Connection<AdministrativeUnit>> {
    const page = pageOf(args);
    const asOf = args.asOf ?? today();
    const where: string[] = [VALID_ON];
    const params: unknown[] = [asOf, asOf];
    let from = 'administrative_unit u';
    const cte: string[] = [];
    const cteParams: unknown[] = [];
    if (args.parentCode != null) {
      const root = await this.byCode(args.parentCode, asOf);
      if (!root) return connectionOf<AdministrativeUnit>([], page, (u) => u.code, () => 0);
      cte.push(`with recursive under(id) as (
          select u.id from administrative_unit u where u.parent_id = ? and ${VALID_ON}
          union all
          select u.id from administrative_unit u join under on u.parent_id = under.id where ${VALID_ON}
        )`);
      cteParams.push(root.id, asOf, asOf, asOf, asOf);
      from = 'administrative_unit u join under on under.id = u.id';
    }
    if (args.level) {
      where.push('u.level = ?');
      params.push(args.level);
    }
    if (args.search) {
      where.push(`u.search_text like ? escape '\\'`);
      params.push(containsPattern(args.search));
    }
    const filtered = `${cte.join('')} select ${COLUMNS} from ${from} where ${where.join(' and ')}`;
    const pageWhere = page.after !== undefined ? ' and u.code > ?' : '';
    const rows = await this.exec(`${filtered}${pageWhere} order by u.code limit ?`, [
      ...cteParams,
      ...params,
      ...(page.after !== undefined ? [page.after] : []),
      page.limit + 1,
    ]);
    return connectionOf(this.map(rows), page, (u) => u.code, async () => {
      const [{ n }] = await this.exec(`select count(*)::int as n from (${filtered}) c`, [...cteParams, ...params]);
      return n as number;
    });
  }

  /** Parent chains of many versions in one statement, nearest parent first. */
  async ancestors(ids: readonly string[]): Promise<Map<string, AdministrativeUnit[]>> {
    const out = new Map<string, AdministrativeUnit[]>(ids.map((id) => [id, []]));
    if (!ids.length) return out;
    const rows = await this.exec(
      `with recursive a(root, id, depth) as (
         select u.id, u.parent_id, 1 from administrative_unit u where u.id in (?) and u.parent_id is not null
         union all
         select a.root, p.parent_id, a.depth + 1 from a join administrative_unit p on p.id = a.id where p.parent_id is not null
       )
       select a.root as hub_root, ${COLUMNS} from a join administrative_unit u on u.id = a.id order by a.root, a.depth`,
      [ids],
    );
    for (const { hub_root, ...row } of rows) out.get(hub_root as string)!.push(unitView(row));
    return out;
  }

  /** Children valid on `asOf` of many units (all asked for the same day), grouped by parent id. */
  async children(parentIds: readonly string[], asOf: string): Promise<Map<string, AdministrativeUnit[]>> {
    const out = new Map<string, AdministrativeUnit[]>(parentIds.map((id) => [id, []]));
    if (!parentIds.length) return out;
    const rows = await this.exec(
      `select ${COLUMNS} from administrative_unit u where u.parent_id in (?) and ${VALID_ON} order by u.code`,
      [parentIds, asOf, asOf],
    );
    for (const row of rows) out.get(row.parent_id as string)!.push(unitView(row));
    return out;
  }

  /**
   * For each version: the codes of today's communes covering its territory. Walks down to every unit ever
   * under it, then forward through succession links to units that are current, keeping communes.
   */
  async currentCommuneCodes(ids: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(ids.map((id) => [id, []]));
    if (!ids.length) return out;
    const rows = await this.exec(
      `with recursive sub(root, id) as (
         select u.id, u.id from administrative_unit u where u.id in (?)
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
    for (const r of rows) out.get(r.root as string)!.push(r.code as string);
    return out;
  }

  /** Succession links in one direction: successors of predecessors, or predecessors of successors. */
  async linked(ids: readonly string[], direction: 'successors' | 'predecessors'): Promise<Map<string, AdministrativeUnit[]>> {
    const out = new Map<string, AdministrativeUnit[]>(ids.map((id) => [id, []]));
    if (!ids.length) return out;
    const [from, to] = direction === 'successors' ? ['predecessor_id', 'successor_id'] : ['successor_id', 'predecessor_id'];
    const rows = await this.exec(
      `select s.${from} as hub_key, ${COLUMNS} from administrative_unit_succession s
       join administrative_unit u on u.id = s.${to} where s.${from} in (?) order by u.code`,
      [ids],
    );
    for (const { hub_key, ...row } of rows) out.get(hub_key as string)!.push(unitView(row));
    return out;
  }
}
