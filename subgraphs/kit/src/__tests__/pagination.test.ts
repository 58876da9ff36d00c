import { GraphQLError } from 'graphql';
import { connectionFromSorted, currentMaxPageSize, decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageOf, setMaxPageSize } from '../pagination';

const codeOf = (e: unknown) => {
  const { localized: _vi, ...extensions } = (e as GraphQLError).extensions;
  return extensions;
};

describe('pagination', () => {
  it('round-trips cursors and rejects forged ones, naming `after`', () => {
    expect(decodeCursor(encodeCursor('01435'))).toBe('01435');
    expect(() => decodeCursor('not-a-cursor')).toThrow('Invalid value for "after"');
    let thrown: unknown;
    try {
      decodeCursor('bm9wZQ');
    } catch (e) {
      thrown = e;
    }
    // A forged cursor must be refused: no error at all fails here too.
    expect(thrown).toBeDefined();
    expect(codeOf(thrown)).toEqual({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('enforces the maximum page size with BAD_USER_INPUT naming `first`', () => {
    expect(pageOf({ first: MAX_PAGE_SIZE }).limit).toBe(MAX_PAGE_SIZE);
    for (const first of [MAX_PAGE_SIZE + 1, -1, 1.5]) {
      try {
        pageOf({ first });
        throw new Error(`accepted ${first}`);
      } catch (e) {
        expect(codeOf(e)).toEqual({ code: 'BAD_USER_INPUT', argument: 'first' });
        expect((e as Error).message).toContain(`from 0 to ${MAX_PAGE_SIZE}`);
      }
    }
  });

  it("takes the operator's maximum page size (HUB_MAX_PAGE_SIZE)", () => {
    try {
      setMaxPageSize(10000);
      expect(pageOf({ first: 10000 }).limit).toBe(10000);
      expect(() => pageOf({ first: 10001 })).toThrow('from 0 to 10000');
      expect(() => setMaxPageSize(0)).toThrow();
    } finally {
      setMaxPageSize(MAX_PAGE_SIZE);
    }
    expect(currentMaxPageSize()).toBe(MAX_PAGE_SIZE);
  });

  it('pages a sorted list with hasNextPage and endCursor', () => {
    const all = ['a', 'b', 'c', 'd', 'e'];
    const p1 = connectionFromSorted(all, { first: 2 }, (x) => x);
    expect(p1.nodes).toEqual(['a', 'b']);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p3 = connectionFromSorted(
      all,
      { first: 2, after: connectionFromSorted(all, { first: 2, after: p1.pageInfo.endCursor }, (x) => x).pageInfo.endCursor },
      (x) => x,
    );
    expect(p3.nodes).toEqual(['e']);
    expect(p3.pageInfo.hasNextPage).toBe(false);
    expect(p3.totalCount()).toBe(5);
  });
});
