// Lists of children for many parents at once (a station's results, a source's licences): one statement per distinct
// filter for every parent of a request, each parent's list paged in memory (keys made by childKey). The same grouped
// batch as the in-unit lists (located.ts), with the parent's code as the value.
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { groupedConnections } from './located';
import type { PageArgs } from './pagination';

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
  return (em: EntityManager) => (keys: readonly string[]) =>
    groupedConnections(
      em,
      entity,
      keys.map((k) => {
        const { parent, filter, first, after } = JSON.parse(k) as { parent: string; filter: F; first: number | null; after: string | null };
        return { values: [parent], first, after, filterKey: JSON.stringify(filter), where: () => where(filter) };
      }),
      parentProperty,
    );
}
