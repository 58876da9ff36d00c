// Relay-style cursor connections with keyset pagination: `first`/`after`, a hard maximum page size, and
// opaque cursors that encode the sort key of the last row.
import type { GraphQLResolveInfo } from 'graphql';
import { badUserInput } from '@hub/schema';
import { selectedProperties } from './selection';

export const DEFAULT_PAGE_SIZE = 50;
/** The default largest page (`first`); an operator changes it with HUB_MAX_PAGE_SIZE (see setMaxPageSize). */
export const MAX_PAGE_SIZE = 1000;

let maxPageSize = MAX_PAGE_SIZE;

/**
 * Sets the largest page this process serves (the subgraph's HUB_MAX_PAGE_SIZE, applied once at start-up); every
 * connection and batch of children pages within it.
 */
export function setMaxPageSize(n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new Error(`max page size must be a positive integer, got ${n}`);
  maxPageSize = n;
}

export function currentMaxPageSize(): number {
  return maxPageSize;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page {
  /** Rows to return. Query `limit + 1` rows to learn whether a next page exists. */
  limit: number;
  /** Sort key of the last row already seen, decoded from `after`. */
  after?: string;
}

export function encodeCursor(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!raw.startsWith('k:') || encodeCursor(raw.slice(2)) !== cursor) {
    throw badUserInput('after', 'not a cursor returned by this connection');
  }
  return raw.slice(2);
}

export function pageOf(args: PageArgs, max = maxPageSize): Page {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw badUserInput('first', `must be an integer from 0 to ${max}, got ${first}`);
  }
  return { limit: first, after: args.after == null ? undefined : decodeCursor(args.after) };
}

export interface Connection<T> {
  /** Built only when the client asks for them: a cursor per node was a tenth of a large list's time. */
  edges: () => { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Counted only when the client asks for it. */
  totalCount: () => Promise<number> | number;
}

/** Builds a connection from up to `limit + 1` rows sorted by `keyOf`. */
export function connectionOf<T>(
  rows: T[],
  page: Page,
  keyOf: (row: T) => string,
  totalCount: () => Promise<number> | number,
): Connection<T> {
  const hasNextPage = rows.length > page.limit;
  const nodes = hasNextPage ? rows.slice(0, page.limit) : rows;
  return {
    edges: () => nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node })),
    nodes,
    pageInfo: { hasNextPage, endCursor: nodes.length ? encodeCursor(keyOf(nodes[nodes.length - 1])) : null },
    totalCount,
  };
}

/** Pages an in-memory list already sorted by `keyOf` (for children fetched in one batch). */
export function connectionFromSorted<T>(all: T[], args: PageArgs, keyOf: (row: T) => string): Connection<T> {
  const page = pageOf(args);
  const start = page.after === undefined ? 0 : all.findIndex((r) => keyOf(r) > page.after!);
  const rest = start < 0 ? [] : all.slice(start, start + page.limit + 1);
  return connectionOf(rest, page, keyOf, () => all.length);
}

/**
 * One page of `entity` rows matching `where`, ordered by the unique string property `key` (keyset
 * pagination); `totalCount` is counted only if asked for.
 *
 * The rows are plain objects with the entity's property names, not managed entities: a list is only read, and
 * hydrating entities (identity map, change-set snapshots, reference propagation) was the top of the subgraph's
 * profile for large pages (benchmark B). A many-to-one property comes back as a reference `{ id }`, as an
 * unloaded reference of a managed entity would.
 */
export async function findConnection<T extends object>(
  em: import('@mikro-orm/postgresql').EntityManager,
  entity: import('@mikro-orm/core').EntityName<T>,
  where: import('@mikro-orm/core').FilterQuery<T>,
  args: PageArgs,
  key: keyof T & string,
  /** The list field's resolve info: only the columns its nodes need are read (see selectedProperties). */
  info?: GraphQLResolveInfo,
): Promise<Connection<T>> {
  const page = pageOf(args);
  const keyed = page.after !== undefined ? ({ $and: [where, { [key]: { $gt: page.after } }] } as never) : where;
  const fields = info && selectedProperties(info, em.getMetadata().find(entity)!, [key]);
  const rows = await plainRows(em, entity, keyed, { [key]: 'asc' }, page.limit + 1, fields);
  return connectionOf(
    rows,
    page,
    (r) => String(r[key]),
    () => em.count(entity, where),
  );
}

/** Rows of `entity` as plain objects (see findConnection): one statement, no entity is created or tracked. */
export async function plainRows<T extends object>(
  em: import('@mikro-orm/postgresql').EntityManager,
  entity: import('@mikro-orm/core').EntityName<T>,
  where: import('@mikro-orm/core').FilterQuery<T>,
  orderBy: Record<string, 'asc' | 'desc'>,
  limit?: number,
  /** Properties to read; every column when absent. */
  fields?: readonly string[],
): Promise<T[]> {
  const qb = em
    .createQueryBuilder(entity)
    .select(fields ? ([...fields] as never) : '*')
    .where(where)
    .orderBy(orderBy as never);
  if (limit !== undefined) qb.limit(limit);
  const rows = await qb.execute<Record<string, unknown>[]>('all', true);
  const refs = em
    .getMetadata()
    .find(entity)!
    .relations.filter((r) => r.kind === 'm:1' || r.kind === '1:1')
    .map((r) => r.name);
  if (refs.length) {
    for (const row of rows) for (const name of refs) if (row[name] != null && typeof row[name] !== 'object') row[name] = { id: row[name] };
  }
  return rows as T[];
}
