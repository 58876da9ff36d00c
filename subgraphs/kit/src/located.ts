// Records located in communes, the pattern every department with assets on the map shares: a commune code on the
// entity, list filters by search text and communes, and `AdministrativeUnit.<things>` (contributed with
// `@requires(fields: "currentCommuneCodes")`) answered for many units with one statement per distinct filter.
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { connectionFromSorted, plainRows, type Connection, type PageArgs } from './pagination';
import { containsPattern } from './text';
import type { UnitRef } from './refs';

export interface Located {
  code: string;
  communeCode: string;
}

export interface LocatedFilter {
  search?: string | null;
  communeCodes?: readonly string[] | null;
}

/** Conditions common to located records; `extra` adds the entity's own (category, type…). */
export function locatedWhere<T extends Located>(filter: LocatedFilter | null | undefined, extra: FilterQuery<T>[] = []): FilterQuery<T> {
  const and: FilterQuery<T>[] = [...extra];
  if (filter?.search) and.push({ searchText: { $like: containsPattern(filter.search) } } as FilterQuery<T>);
  if (filter?.communeCodes) and.push({ communeCode: { $in: [...filter.communeCodes] } } as FilterQuery<T>);
  return and.length ? ({ $and: and } as FilterQuery<T>) : ({} as FilterQuery<T>);
}

/** One request of a grouped batch: the values its rows hold (a unit's communes, a parent's code), the entity's own conditions, and paging. */
export interface GroupedRequest<T> extends PageArgs {
  values: readonly string[];
  /** Same filter, same statement: requests are grouped by this key. */
  filterKey: string;
  /** The entity's own conditions for the filter (it may throw BAD_USER_INPUT: those requests get the error). */
  where: () => FilterQuery<T>;
}

/**
 * Where a record lies: one commune (`communeCode`, the default) or several (`communeCodes`, a text[] column: a
 * river, an outbreak, a power plant's reservoir), listed under every unit one of them is in.
 */
export type CommuneColumn = 'communeCode' | 'communeCodes';

/**
 * The lists of many requests at once: one statement per distinct filter for the rows whose `property` is any of the
 * group's values (with `many`, a text[] column that overlaps them), then each request's page of the rows that hold
 * one of its own values, in code order. The in-unit lists (values: a unit's communes) and the children lists
 * (values: the parent's code) are both this.
 */
export async function groupedConnections<T extends { code: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  requests: readonly GroupedRequest<T>[],
  property: string,
  many = false,
): Promise<(Connection<T> | Error)[]> {
  const groups = new Map<string, GroupedRequest<T>[]>();
  for (const r of requests) {
    const group = groups.get(r.filterKey);
    if (group) group.push(r);
    else groups.set(r.filterKey, [r]);
  }
  const valuesOf = (row: T): readonly string[] => {
    const v = (row as Record<string, unknown>)[property];
    return many ? ((v as string[] | null) ?? []) : [String(v)];
  };
  // Each group's rows by the value they hold, in code order (a row spanning several values stands under each).
  const indexByGroup = new Map<string, { rows: T[]; byValue: Map<string, T[]> }>();
  const failed = new Map<string, Error>();
  for (const [key, group] of groups) {
    const values = [...new Set(group.flatMap((r) => r.values))];
    const match = { [property]: many ? { $overlap: values } : { $in: values } };
    let where: FilterQuery<T>;
    try {
      where = group[0].where();
    } catch (e) {
      // A filter that is wrong (a BAD_USER_INPUT naming its argument) fails the requests that sent it, not the batch.
      failed.set(key, e as Error);
      continue;
    }
    const rows = values.length ? await plainRows(em, entity, { $and: [where, match] } as FilterQuery<T>, { code: 'asc' }) : [];
    const byValue = new Map<string, T[]>();
    for (const row of rows)
      for (const v of valuesOf(row)) {
        const list = byValue.get(v);
        if (list) list.push(row);
        else byValue.set(v, [row]);
      }
    indexByGroup.set(key, { rows, byValue });
  }
  // A bad page argument fails its own request only, not the others in the batch.
  return requests.map((r) => {
    const error = failed.get(r.filterKey);
    if (error) return error;
    const { rows, byValue } = indexByGroup.get(r.filterKey)!;
    let mine: T[];
    if (r.values.length === 1) mine = byValue.get(r.values[0]) ?? [];
    else {
      const wanted = new Set(r.values);
      mine = rows.filter((row) => valuesOf(row).some((v) => wanted.has(v)));
    }
    try {
      return connectionFromSorted(mine, r, (row) => row.code);
    } catch (e) {
      return e as Error;
    }
  });
}

/** The key of one `AdministrativeUnit.<things>` request for an in-unit loader: the unit's communes, the filter, the page. */
export function inUnitKey<F>(unit: UnitRef, filter: F, page: PageArgs): string {
  return JSON.stringify({ communeCodes: unit.currentCommuneCodes ?? [], filter, first: page.first ?? null, after: page.after ?? null });
}

/**
 * The batch function of an in-unit loader for `entity`: keys made by inUnitKey, `where` turns a request's filter
 * into the entity's conditions (its service's filter, say).
 */
export function inUnitBatch<F, T extends { code: string }>(
  entity: EntityName<T>,
  where: (filter: F) => FilterQuery<T>,
  column: CommuneColumn = 'communeCode',
) {
  return (em: EntityManager) => (keys: readonly string[]) =>
    groupedConnections(
      em,
      entity,
      keys.map((k) => {
        const { communeCodes, filter, first, after } = JSON.parse(k) as {
          communeCodes: string[];
          filter: F;
          first: number | null;
          after: string | null;
        };
        return { values: communeCodes, first, after, filterKey: JSON.stringify(filter), where: () => where(filter) };
      }),
      column,
      column === 'communeCodes',
    );
}
