// Relay-style cursor connections with keyset pagination: `first`/`after`, a hard maximum page size, and
// opaque cursors that encode the sort key of the last row.
import { badUserInput } from '@hub/schema';

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
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Resolved only when the client asks for it (GraphQL calls function-valued properties). */
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
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    nodes,
    pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
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
 */
export async function findConnection<T extends object>(
  em: import('@mikro-orm/postgresql').EntityManager,
  entity: import('@mikro-orm/core').EntityName<T>,
  where: import('@mikro-orm/core').FilterQuery<T>,
  args: PageArgs,
  key: keyof T & string,
): Promise<Connection<T>> {
  const page = pageOf(args);
  const keyed = page.after !== undefined ? ({ $and: [where, { [key]: { $gt: page.after } }] } as never) : where;
  const rows = await em.find(entity, keyed, { orderBy: { [key]: 'asc' } as never, limit: page.limit + 1 });
  return connectionOf(rows, page, (r) => String(r[key]), () => em.count(entity, where));
}
