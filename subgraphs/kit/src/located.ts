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

/** One request of the batch: the unit's commune codes, the entity's own conditions, and paging. */
export interface InUnitRequest<T> extends PageArgs {
  communeCodes: readonly string[];
  /** Same filter, same statement: requests are grouped by this key. */
  filterKey: string;
  where: FilterQuery<T>;
}

/**
 * Where a record lies: one commune (`communeCode`, the default) or several (`communeCodes`, a text[] column: a
 * river, an outbreak, a power plant's reservoir), listed under every unit one of them is in.
 */
export type CommuneColumn = 'communeCode' | 'communeCodes';

export async function connectionsInUnits<T extends { code: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  requests: readonly InUnitRequest<T>[],
  column: CommuneColumn = 'communeCode',
): Promise<(Connection<T> | Error)[]> {
  const groups = new Map<string, InUnitRequest<T>[]>();
  for (const r of requests) groups.set(r.filterKey, [...(groups.get(r.filterKey) ?? []), r]);
  const rowsByGroup = new Map<string, T[]>();
  for (const [key, group] of groups) {
    const codes = [...new Set(group.flatMap((r) => r.communeCodes))];
    const inCodes = column === 'communeCode' ? { communeCode: { $in: codes } } : { communeCodes: { $overlap: codes } };
    const rows = codes.length ? await plainRows(em, entity, { $and: [group[0].where, inCodes] } as FilterQuery<T>, { code: 'asc' }) : [];
    rowsByGroup.set(key, rows);
  }
  const communesOf = (row: T): readonly string[] =>
    column === 'communeCode'
      ? [(row as unknown as Located).communeCode]
      : ((row as unknown as { communeCodes: string[] }).communeCodes ?? []);
  // A bad page argument fails its own request only, not the others in the batch.
  return requests.map((r) => {
    const inUnit = new Set(r.communeCodes);
    const rows = rowsByGroup.get(r.filterKey)!.filter((row) => communesOf(row).some((c) => inUnit.has(c)));
    try {
      return connectionFromSorted(rows, r, (row) => row.code);
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
    connectionsInUnits(
      em,
      entity,
      keys.map((k) => {
        const { communeCodes, filter, first, after } = JSON.parse(k) as {
          communeCodes: string[];
          filter: F;
          first: number | null;
          after: string | null;
        };
        return { communeCodes, first, after, filterKey: JSON.stringify(filter), where: where(filter) };
      }),
      column,
    );
}
