// The audit subgraph's pure parts: a filter becomes one parameterised WHERE clause (no value ever spliced into
// SQL), bad filter values are named, cursors cannot be forged, and CSV cells cannot smuggle spreadsheet formulas.
import { cell, filterOfQuery } from '../csv';
import { decodeEventCursor, encodeEventCursor, parseEventId, whereOf } from '../events';

describe('whereOf', () => {
  it('puts every value in a parameter', () => {
    const params: unknown[] = [];
    const where = whereOf(
      {
        from: new Date('2026-11-01T00:00:00Z'),
        account: "x' or 1=1 --",
        agency: 'SXD',
        coordinate: 'Query.touristSites',
        outcome: ['DENIED', 'PARTIAL'],
        deniedOnly: true,
        personalOnly: true,
      },
      params,
    );
    expect(where).not.toContain('or 1=1');
    expect(where).toBe(
      "at >= $1 and principal->>'accountId' = $2 and principal->>'agency' = $3 and $4 = any(requested) and outcome = any($5) and jsonb_array_length(denied) > 0 and cardinality(personal) > 0",
    );
    expect(params).toEqual([new Date('2026-11-01T00:00:00Z'), "x' or 1=1 --", 'SXD', 'Query.touristSites', ['denied', 'partial']]);
  });

  it('selects everything with no filter, and PUBLIC callers by kind', () => {
    expect(whereOf(undefined, [])).toBe('true');
    expect(whereOf({ agency: 'PUBLIC' }, [])).toBe("principal->>'kind' = 'PUBLIC'");
  });

  it('names the offending filter field', () => {
    const bad = (f: object) => {
      try {
        whereOf(f, []);
      } catch (e) {
        return (e as { extensions: Record<string, unknown> }).extensions;
      }
      return undefined;
    };
    expect(bad({ from: new Date('yesterday') })).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.from' });
    expect(bad({ from: new Date('2026-02-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z') })).toMatchObject({ argument: 'filter.to' });
    expect(bad({ coordinate: 'Query' })).toMatchObject({ argument: 'filter.coordinate' });
    expect(bad({ outcome: ['MAYBE'] })).toMatchObject({ argument: 'filter.outcome' });
  });
});

describe('cursors and ids', () => {
  const key = { at: '2026-11-21T01:02:03.000Z', chainId: '1b4e28ba-2fa1-11d2-883f-0016d3cca427', seq: 42 };

  it('round-trip, and a forged or altered cursor is refused naming `after`', () => {
    expect(decodeEventCursor(encodeEventCursor(key))).toEqual(key);
    const forged = Buffer.from(JSON.stringify(['x', 'y', 1])).toString('base64url');
    for (const c of [forged, 'nope', `${encodeEventCursor(key)}x`]) {
      expect(() => decodeEventCursor(c)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ argument: 'after' }) }));
    }
  });

  it('parses event ids', () => {
    expect(parseEventId(`${key.chainId}:42`)).toEqual({ chainId: key.chainId, seq: 42 });
    expect(parseEventId('42')).toBeUndefined();
  });
});

describe('CSV', () => {
  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(cell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(cell('+1')).toBe("'+1");
    expect(cell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(cell('Query.touristSites')).toBe('Query.touristSites');
    expect(cell(null)).toBe('');
  });

  it('reads the export filter from query parameters', () => {
    expect(
      filterOfQuery({ outcome: 'ok, denied', deniedOnly: 'true', personalOnly: '0', agency: '', from: '2026-11-01T00:00:00Z' }),
    ).toMatchObject({
      outcome: ['OK', 'DENIED'],
      deniedOnly: true,
      personalOnly: false,
      agency: null,
      from: new Date('2026-11-01T00:00:00Z'),
      to: null,
    });
  });

  it('refuses an export bound that is not an instant, naming it as auditEvents would', () => {
    expect(() => filterOfQuery({ to: 'yesterday' })).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'filter.to' }) }),
    );
  });
});
