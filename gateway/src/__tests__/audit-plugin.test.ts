// What the audit record keeps of a request's variables: secrets and PERSONAL variables masked, large ones by size,
// digest and beginning.
import { createHash } from 'node:crypto';
import { MASK, maskVariables, recordedVariables, VARIABLES_HEAD, VARIABLES_RECORD_LIMIT } from '../audit-plugin';

describe('maskVariables', () => {
  it('masks secret-looking keys at any depth and PERSONAL variables, leaving the rest as sent', () => {
    const vars = {
      i: { username: 'a', password: 'p1', nested: [{ token: 't', keep: 1 }, { keep: 2 }] },
      list: [{ value: 1 }, { clientSecret: 's' }],
      owner: { name: 'Nguyễn Văn A' },
    };
    expect(maskVariables(vars, new Set(['owner']))).toEqual({
      i: { username: 'a', password: MASK, nested: [{ token: MASK, keep: 1 }, { keep: 2 }] },
      list: [{ value: 1 }, { clientSecret: MASK }],
      owner: MASK,
    });
    // Nothing sent is changed.
    expect(vars.i.password).toBe('p1');
    expect(vars.list[1]).toEqual({ clientSecret: 's' });
  });

  it('returns parts with nothing to mask as they are (a bulk write is not copied)', () => {
    const values = Array.from({ length: 1000 }, (_, i) => ({ indicator: 'G001', period: '2026M01', unit: `U${i}`, value: i }));
    const masked = maskVariables({ v: values }, new Set())!;
    expect(masked.v).toBe(values);
    expect(maskVariables(undefined, new Set())).toBeNull();
  });
});

describe('recordedVariables', () => {
  it('keeps small variables whole', () => {
    const masked = { c: 'LT-0005', s: 'x'.repeat(1000) };
    expect(recordedVariables(masked)).toBe(masked);
    expect(recordedVariables(null)).toBeNull();
  });

  it('records large variables by size, SHA-256 and beginning of their masked JSON', () => {
    const masked = maskVariables({ password: 'Very-Secret', v: Array.from({ length: 5000 }, (_, i) => ({ unit: `U${i}`, value: i })) }, new Set())!;
    const text = JSON.stringify(masked);
    expect(text.length).toBeGreaterThan(VARIABLES_RECORD_LIMIT);
    const r = recordedVariables(masked) as Record<string, unknown>;
    expect(r).toEqual({ truncated: true, bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex'), head: text.slice(0, VARIABLES_HEAD) });
    expect(r.head).toMatch(/^\{"password":"\[masked\]","v":\[\{"unit":"U0","value":0\}/);
    expect(JSON.stringify(r)).not.toContain('Very-Secret');
  });

  it('counts bytes, not characters, and never cuts a character in two', () => {
    // 'ệ' is 3 bytes in UTF-8: 30,000 of them are 90,000 bytes in 30,000 characters.
    const wide = { name: 'ệ'.repeat(30_000) };
    expect((recordedVariables(wide) as { bytes: number }).bytes).toBe(Buffer.byteLength(JSON.stringify(wide)));
    // An emoji is two UTF-16 units: the head ends before a pair it would split.
    const emoji = { s: `${'a'.repeat(VARIABLES_HEAD - 7)}${'😀'.repeat(40_000)}` };
    const head = (recordedVariables(emoji) as { head: string }).head;
    expect(head.length).toBe(VARIABLES_HEAD - 1);
    expect(head.endsWith('a')).toBe(true);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(head)).toBe(false);
  });
});
