// Relay-style cursor connections with keyset pagination: `first`/`after`, a hard maximum page size, and
// opaque cursors that encode the sort key of the last row.
import type { GraphQLResolveInfo } from 'graphql';
import { badUserInput, msg } from '@hub/schema';
import { raw, type EntityMetadata, type EntityProperty, type Platform } from '@mikro-orm/core';
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
    throw badUserInput('after', msg('not a cursor returned by this connection', 'không phải con trỏ (cursor) do kết nối này trả về'));
  }
  return raw.slice(2);
}

export function pageOf(args: PageArgs, max = maxPageSize): Page {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw badUserInput(
      'first',
      msg(`must be an integer from 0 to ${max}, got ${first}`, `phải là số nguyên từ 0 đến ${max}, nhận được ${first}`),
    );
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

/**
 * Rows of `entity` as plain objects (see findConnection): one statement, no entity is created or tracked. Each
 * column is selected under its property's name and comes back as the driver parsed it; only references and date-times
 * are converted, as MikroORM's result mapper converts them. That mapper, run on every column of every row, was a
 * tenth of a large list's time in the subgraph (benchmark B1).
 */
export async function plainRows<T extends object>(
  em: import('@mikro-orm/postgresql').EntityManager,
  entity: import('@mikro-orm/core').EntityName<T>,
  where: import('@mikro-orm/core').FilterQuery<T>,
  orderBy: Record<string, 'asc' | 'desc'>,
  limit?: number,
  /** Properties to read; every column when absent. */
  fields?: readonly string[],
): Promise<T[]> {
  const meta = em.getMetadata().find(entity)!;
  const reader = rowReader(meta, fields, em.getPlatform());
  const qb = em.createQueryBuilder(entity);
  qb.select(reader.columns(qb.alias) as never)
    .where(where)
    .orderBy(orderBy as never);
  if (limit !== undefined) qb.limit(limit);
  const rows = await qb.execute<Record<string, unknown>[]>('all', !!reader.mapped);
  reader.convert(rows);
  return rows as T[];
}

interface RowReader {
  columns(alias: string): unknown[];
  convert(rows: Record<string, unknown>[]): void;
  /** Rows come through MikroORM's result mapper. */
  mapped?: boolean;
}

/** A many-to-one or one-to-one value as a reference `{ id }`, as an unloaded reference of a managed entity would be. */
function refsAsObjects(meta: EntityMetadata<any>, rows: Record<string, unknown>[]): void {
  const refs = meta.relations.filter((r) => r.kind === 'm:1' || r.kind === '1:1').map((r) => r.name);
  if (refs.length)
    for (const row of rows) for (const name of refs) if (row[name] != null && typeof row[name] !== 'object') row[name] = { id: row[name] };
}

const readers = new WeakMap<object, Map<string, RowReader>>();

/** How to select `fields` of `meta` under their property names, and what to convert afterwards (cached per entity and field list). */
function rowReader(meta: EntityMetadata<any>, fields: readonly string[] | undefined, platform: Platform): RowReader {
  const key = fields ? fields.join(',') : '*';
  let byFields = readers.get(meta);
  if (!byFields) readers.set(meta, (byFields = new Map()));
  const known = byFields.get(key);
  if (known) return known;
  const wanted = fields
    ? fields.map((f) => meta.properties[f])
    : meta.props.filter(
        (prop) => prop.persist !== false && !(prop.kind === '1:1' && !prop.owner) && prop.kind !== '1:m' && prop.kind !== 'm:n',
      );
  // A column a property maps one to one; anything else (an embeddable, a formula, a composite reference) is read
  // through MikroORM's own mapper.
  const direct = (prop: EntityProperty | undefined): prop is EntityProperty =>
    !!prop &&
    prop.persist !== false &&
    !prop.formula &&
    prop.fieldNames?.length === 1 &&
    (prop.kind === 'scalar' || prop.kind === 'm:1' || (prop.kind === '1:1' && !!prop.owner));
  if (!wanted.every(direct)) {
    const mapped: RowReader = { columns: () => (fields ? [...fields] : ['*']), convert: (rows) => refsAsObjects(meta, rows), mapped: true };
    byFields.set(key, mapped);
    return mapped;
  }
  const props = wanted as EntityProperty[];
  const q = (name: string) => platform.quoteIdentifier(name);
  // What MikroORM's result mapper does to such columns: a reference becomes `{ id }`, a date-time text (the driver
  // leaves them as text) a Date, read in the ORM's time zone when the text carries none.
  const tz = platform.getTimezone();
  const toDate = (v: string) =>
    platform.parseDate(!tz || tz === 'local' || v.includes('+') || v.lastIndexOf('-') > 10 || v.endsWith('Z') ? v : v + tz);
  const converters: [string, (v: unknown) => unknown][] = [];
  for (const prop of props) {
    if (prop.kind !== 'scalar') converters.push([prop.name, (v) => (typeof v === 'object' ? v : { id: v })]);
    else if (prop.runtimeType === 'Date' && !platform.isNumericProperty(prop))
      converters.push([prop.name, (v) => (typeof v === 'string' ? toDate(v) : v)]);
  }
  const reader: RowReader = {
    columns: (alias) => props.map((prop) => raw(`${q(alias)}.${q(prop.fieldNames[0])} as ${q(prop.name)}`)),
    convert(rows) {
      if (!converters.length) return;
      for (const row of rows) for (const [name, to] of converters) if (row[name] != null) row[name] = to(row[name]);
    },
  };
  byFields.set(key, reader);
  return reader;
}
