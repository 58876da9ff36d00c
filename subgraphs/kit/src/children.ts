// Lists of children for many parents at once (a station's results, a source's licences): one statement per distinct
// filter for every parent of a request, each parent's list paged in memory (keys made by childKey).
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { connectionFromSorted, plainRows, type Connection, type PageArgs } from './pagination';

/** The key of one parent's request: the parent, the filter and the page. */
export function childKey<F>(parent: string, filter: F, page: PageArgs): string {
  return JSON.stringify({ parent, filter, first: page.first ?? null, after: page.after ?? null });
}

/** The batch function of a children loader: `parentProperty` holds the parent's code, `where` the filter's conditions. */
export function childBatch<F, T extends { code: string }>(
  entity: EntityName<T>,
  parentProperty: keyof T & string,
  where: (filter: F) => FilterQuery<T>,
) {
  return (em: EntityManager) =>
    async (keys: readonly string[]): Promise<(Connection<T> | Error)[]> => {
      const requests = keys.map((k) => JSON.parse(k) as { parent: string; filter: F; first: number | null; after: string | null });
      const groups = new Map<string, { filter: F; parents: Set<string> }>();
      for (const r of requests) {
        const fk = JSON.stringify(r.filter);
        const g = groups.get(fk) ?? { filter: r.filter, parents: new Set<string>() };
        g.parents.add(r.parent);
        groups.set(fk, g);
      }
      const rowsByGroup = new Map<string, Map<string, T[]>>();
      for (const [fk, g] of groups) {
        const rows = await plainRows(
          em,
          entity,
          { $and: [where(g.filter), { [parentProperty]: { $in: [...g.parents] } }] } as FilterQuery<T>,
          { code: 'asc' },
        );
        const byParent = new Map<string, T[]>();
        for (const row of rows) {
          const p = String(row[parentProperty]);
          byParent.set(p, [...(byParent.get(p) ?? []), row]);
        }
        rowsByGroup.set(fk, byParent);
      }
      // A bad page argument fails its own request only.
      return requests.map((r) => {
        try {
          return connectionFromSorted(rowsByGroup.get(JSON.stringify(r.filter))!.get(r.parent) ?? [], r, (row) => row.code);
        } catch (e) {
          return e as Error;
        }
      });
    };
}
