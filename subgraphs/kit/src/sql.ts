// One way to run SQL the ORM does not write (grouped reads, bulk writes, tables that are not entities): on an
// EntityManager fork, inside its transaction when it is in one, with PostgreSQL's own `$1 … $n` placeholders and
// every value sent as a bound parameter, never spliced into the text. The only module that reaches the query
// builder MikroORM runs on (knex), through its public API.
import type { EntityManager, Knex, MikroORM } from '@mikro-orm/postgresql';

export interface Sql {
  /** The rows of one statement, as the caller's row type says they are (column names as selected). */
  rows<R extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs one statement; the number of rows it inserted, updated or deleted. */
  run(text: string, params?: readonly unknown[]): Promise<number>;
  /**
   * Runs `fn` in one transaction: every statement of `tx`, and every flush of `tx.em`, commits together or not at
   * all (inside a transaction already, a savepoint).
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** The EntityManager the statements run on (inside `transaction`, the transaction's). */
  readonly em: EntityManager;
}

/**
 * What can hold a `?` or a `$n`: string literals (E'…' with backslash escapes), quoted names, comments and
 * dollar-quoted bodies are copied (their `?` escaped); `$n` is a placeholder unless it ends a name (`a$1`).
 */
const TOKEN =
  /(?<![\w$])[eE]'(?:[^'\\]|\\[\s\S]|'')*'|'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$|(?<![\w$])\$(\d+)|\?/g;

/**
 * `$n` placeholders rewritten as knex's `?` (the values reordered, and repeated where a placeholder is), every
 * literal `?` escaped so knex leaves it alone. A value no placeholder names is an error, as PostgreSQL makes it.
 */
export function knexBindings(text: string, params: readonly unknown[]): { text: string; bindings: unknown[] } {
  const bindings: unknown[] = [];
  const used = new Set<number>();
  const out = text.replace(TOKEN, (token, _tag: string | undefined, n: string | undefined) => {
    if (n === undefined) return token.replaceAll('?', '\\?');
    const i = Number(n) - 1;
    if (i < 0 || i >= params.length) throw new Error(`SQL names $${n} but has ${params.length} parameter(s)`);
    used.add(i);
    bindings.push(params[i]);
    return '?';
  });
  if (used.size !== params.length) throw new Error(`SQL names ${used.size} of its ${params.length} parameters`);
  return { text: out, bindings };
}

async function execute(em: EntityManager, text: string, params: readonly unknown[]): Promise<{ rows: any[]; rowCount: number | null }> {
  const knex = em.getConnection().getKnex();
  // Without values the text goes as it is: knex reads `?` only when there are bindings.
  let q: Knex.Raw;
  if (params.length) {
    const b = knexBindings(text, params);
    q = knex.raw(b.text, b.bindings as Knex.RawBinding[]);
  } else {
    q = knex.raw(text);
  }
  const trx = em.getTransactionContext<Knex.Transaction>();
  if (trx) q.transacting(trx);
  try {
    return await q;
  } catch (e) {
    throw em
      .getPlatform()
      .getExceptionConverter()
      .convertException(e as Error);
  }
}

/** Raw SQL on `em`: `sql(ctx.em).rows<Row>('select … where code = $1', [code])`. */
export function sql(em: EntityManager): Sql {
  return {
    em,
    rows: async <R extends object>(text: string, params: readonly unknown[] = []) => (await execute(em, text, params)).rows as R[],
    run: async (text, params = []) => (await execute(em, text, params)).rowCount ?? 0,
    transaction: (fn) => em.transactional((tx) => fn(sql(tx))),
  };
}

/** Calls `fn` with every SQL statement the ORM's connection pool sends, as sent (the subgraph's statement counter). */
export function onStatement(orm: MikroORM, fn: (statement: { sql: string; bindings?: readonly unknown[] }) => void): void {
  orm.em.getConnection().getKnex().on('query', fn);
}
