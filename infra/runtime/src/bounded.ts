// A Map used as a bounded cache: at most `max` entries, the oldest inserted forgotten first. For what is derived
// from a request again and again (a document's analysis, a signed or verified token).

export function boundedSet<V>(cache: Map<string, V>, key: string, value: V, max: number): V {
  if (!cache.has(key) && cache.size >= max) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}

/** The cached value for `key`, computed and remembered on first use (a compute that throws remembers nothing). */
export function remembered<V>(cache: Map<string, V>, key: string, max: number, compute: () => V): V {
  const hit = cache.get(key);
  return hit !== undefined ? hit : boundedSet(cache, key, compute(), max);
}
