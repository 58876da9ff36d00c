// DataLoader registry: a subgraph declares its batch functions once; each request gets a fresh set of
// loaders bound to its own EntityManager fork, created lazily, never shared across callers.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';

export type BatchFn<K, V> = (em: EntityManager) => (keys: readonly K[]) => Promise<ArrayLike<V | Error>>;
export type BatchFns = Record<string, BatchFn<any, any>>;
export type Loaders<B extends BatchFns> = {
  [N in keyof B]: B[N] extends BatchFn<infer K, infer V> ? DataLoader<K, V> : never;
};

export function defineLoaders<B extends BatchFns>(fns: B): B {
  return fns;
}

export function createLoaders<B extends BatchFns>(fns: B, em: EntityManager): Loaders<B> {
  const made = new Map<string, DataLoader<unknown, unknown>>();
  return new Proxy({} as Loaders<B>, {
    get(_t, name: string) {
      let l = made.get(name);
      if (!l) {
        const fn = fns[name];
        if (!fn) throw new Error(`No loader named ${name}`);
        l = new DataLoader(fn(em) as DataLoader.BatchLoadFn<unknown, unknown>, { maxBatchSize: 5000 });
        made.set(name, l);
      }
      return l;
    },
  });
}

/** Orders `rows` to match `keys` (DataLoader's contract); a missing key gives `fallback` (null by default). */
export function byKeys<K, V, F = null>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K, fallback: F = null as F): (V | F)[] {
  const index = new Map<K, V>();
  for (const r of rows) index.set(keyOf(r), r);
  return keys.map((k) => (index.has(k) ? (index.get(k) as V) : fallback));
}

/** Groups `rows` by key in the order of `keys` (for list-of-children loaders). */
export function groupByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const index = new Map<K, V[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = index.get(k);
    if (list) list.push(r);
    else index.set(k, [r]);
  }
  return keys.map((k) => index.get(k) ?? []);
}
