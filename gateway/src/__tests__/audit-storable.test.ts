// What the audit store can hold: NUL and lone surrogates escaped at every depth, keys included; nothing copied
// when nothing needs it.
import { escapeText, storable } from '../audit-storable';

it('escapes NUL and lone surrogates as their visible \\uXXXX text, and keeps surrogate pairs', () => {
  expect(escapeText('a\u0000b')).toBe('a\\u0000b');
  expect(escapeText('\ud800')).toBe('\\ud800');
  expect(escapeText('x\udc00')).toBe('x\\udc00');
  expect(escapeText('\ud83d\ude00 ok')).toBe('\ud83d\ude00 ok');
  expect(escapeText('\ud83d\ud83d\ude00')).toBe('\\ud83d\ud83d\ude00');
});

it('walks every string at every depth, keys included, and says so', () => {
  const value = { a: [{ b: 'x\u0000' }, 'fine'], ['k\ud800']: 1, n: 3, t: true, z: null };
  const { value: out, escaped } = storable(value);
  expect(escaped).toBe(true);
  expect(JSON.parse(JSON.stringify(out))).toEqual({ a: [{ b: 'x\\u0000' }, 'fine'], 'k\\ud800': 1, n: 3, t: true, z: null });
  // The input is left as it was.
  expect(value.a[0]).toEqual({ b: 'x\u0000' });
});

it('copies nothing when nothing needs escaping (a bulk write of 10,000 objects)', () => {
  const big = { values: Array.from({ length: 10_000 }, (_, i) => ({ code: `C${i}`, value: i, note: 'Hà Nội \ud83d\ude00' })) };
  const { value, escaped } = storable(big);
  expect(escaped).toBe(false);
  expect(value).toBe(big);
  // One bad value deep inside: only its path is copied.
  big.values[5000] = { ...big.values[5000], note: '\u0000' };
  const r = storable(big);
  expect(r.escaped).toBe(true);
  expect(r.value.values[4999]).toBe(big.values[4999]);
  expect(r.value.values[5000].note).toBe('\\u0000');
});

it("keeps a client's __proto__ key as a key", () => {
  const value = JSON.parse('{"__proto__": {"polluted": "\\u0000"}}');
  const { value: out } = storable(value);
  expect(Object.keys(out)).toEqual(['__proto__']);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
