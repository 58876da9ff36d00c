// What the audit store can hold: PostgreSQL refuses a NUL in text and in jsonb, and a lone surrogate in jsonb (and
// would store one in text as U+FFFD, so the hash would no longer match). Any client can put either into a variable,
// an operation name or a header; one such record used to fail the INSERT of its whole batch.

import { LONE_SURROGATE, NUL } from '@hub/schema';

/** A NUL or a lone surrogate (the rule is @hub/schema's, the kit's too). */
const UNSTORABLE = new RegExp(`${NUL.source}|${LONE_SURROGATE.source}`);
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** Each unstorable code unit as the visible text `\uXXXX` (NUL → `\u0000`, a lone high surrogate → `\ud800`). */
export const escapeText = (s: string): string => s.replace(UNSTORABLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * `value` with every string PostgreSQL cannot store escaped (keys and values, at every depth), and whether anything
 * was. Copy-on-write: when nothing needs escaping (the usual case) the value itself is returned, nothing copied.
 */
export function storable<T>(value: T): { value: T; escaped: boolean } {
  let escaped = false;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (!UNSTORABLE.test(v)) return v;
      escaped = true;
      return escapeText(v);
    }
    if (Array.isArray(v)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const x = walk(v[i]);
        if (x !== v[i] && !out) out = v.slice(0, i);
        out?.push(x);
      }
      return out ?? v;
    }
    if (v && typeof v === 'object' && !(v instanceof Date)) {
      const keys = Object.keys(v);
      let out: Record<string, unknown> | undefined;
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        const x = (v as Record<string, unknown>)[k];
        const y = walk(x);
        const badKey = UNSTORABLE.test(k);
        if ((y !== x || badKey) && !out) {
          // No prototype: a client's `__proto__` key stays a key.
          out = Object.create(null) as Record<string, unknown>;
          for (let j = 0; j < i; j++) out[keys[j]] = (v as Record<string, unknown>)[keys[j]];
        }
        if (badKey) escaped = true;
        if (out) out[badKey ? escapeText(k) : k] = y;
      }
      return out ?? v;
    }
    return v;
  };
  const out = walk(value) as T;
  return { value: out, escaped };
}
