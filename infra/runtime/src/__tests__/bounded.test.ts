import { boundedSet, remembered } from '../bounded';

describe('bounded caches', () => {
  it('forgets the oldest entry first once full', () => {
    const cache = new Map<string, number>();
    for (const [k, v] of [
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ] as const)
      boundedSet(cache, k, v, 2);
    expect([...cache.keys()]).toEqual(['b', 'c']);
    // Replacing a key already held makes no room.
    boundedSet(cache, 'c', 30, 2);
    expect([...cache.entries()]).toEqual([
      ['b', 2],
      ['c', 30],
    ]);
  });

  it('computes once per key, and remembers nothing when the computation throws', () => {
    const cache = new Map<string, number>();
    let calls = 0;
    const compute = () => ++calls;
    expect(remembered(cache, 'k', 10, compute)).toBe(1);
    expect(remembered(cache, 'k', 10, compute)).toBe(1);
    expect(calls).toBe(1);
    expect(() =>
      remembered(cache, 'bad', 10, () => {
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(cache.has('bad')).toBe(false);
  });
});
