// The kit's rules for located records: today's commune code, the commune on a record's date, dates not in the future.
import { checkCommuneOnRecord, communeOnRecordOf, isCommuneOnRecord, MERGED_FROM, TODAY_COMMUNE_CODES } from '../communes';
import { field, parseInput, z } from '../input';

const failure = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    const err = e as { message: string; extensions: Record<string, unknown> };
    return { message: err.message, argument: err.extensions.argument };
  }
  throw new Error('did not fail');
};

describe("today's communes and the old ones each took over", () => {
  it('has the 56 commune-level units of Cao Bằng since 1 July 2025, each with the communes merged into it', () => {
    expect(TODAY_COMMUNE_CODES).toHaveLength(56);
    expect(MERGED_FROM.get('01435')).toEqual(['01435', '01438', '01441']);
  });

  it('takes an old commune of the merge before the reform, and only today’s code from the reform on', () => {
    expect(isCommuneOnRecord('01435', '01438', '2024-05-20')).toBe(true);
    expect(isCommuneOnRecord('01435', '01426', '2024-05-20')).toBe(false);
    expect(isCommuneOnRecord('01435', '01435', '2025-07-01')).toBe(true);
    expect(isCommuneOnRecord('01435', '01438', '2025-07-01')).toBe(false);
  });

  it('stores the code sent, or the seat before the reform and today’s code after; null without a date', () => {
    expect(communeOnRecordOf('01435', '2024-05-20', '01441')).toBe('01441');
    expect(communeOnRecordOf('01435', '2024-05-20')).toBe('01435');
    expect(communeOnRecordOf('01435', '2025-09-01')).toBe('01435');
    expect(communeOnRecordOf('01435', null, '01438')).toBeNull();
  });

  it('refuses a code that does not fit the date, naming the argument and the communes that would', () => {
    expect(failure(() => communeOnRecordOf('01435', '2024-05-20', '01426'))).toEqual({
      message:
        'Invalid value for "input.communeCodeOnRecord": on 2024-05-20 the commune was one of those merged into 01435 (01435, 01438, 01441), got "01426"',
      argument: 'input.communeCodeOnRecord',
    });
    expect(failure(() => communeOnRecordOf('01435', '2025-08-01', '01438', 'input.communeAtIssue')).argument).toBe('input.communeAtIssue');
  });
});

describe('input rules', () => {
  const Licence = z
    .object({ communeCode: field.communeCode(), communeCodeOnRecord: field.code(/^\d{5}$/, '01438').nullish(), issuedOn: field.pastDate() })
    .superRefine(checkCommuneOnRecord((v) => v.issuedOn));

  it("accepts today's code and an old commune of its merge on a date before the reform", () => {
    expect(parseInput(Licence, { communeCode: ' 01435 ', communeCodeOnRecord: '01438', issuedOn: '2024-05-20' })).toEqual({
      communeCode: '01435',
      communeCodeOnRecord: '01438',
      issuedOn: '2024-05-20',
    });
  });

  it.each([
    ['input.communeCode', 'must be the code of a commune-level unit valid since 2025-07-01, got "01438"', { communeCode: '01438' }],
    ['input.communeCode', 'must be a code like "01435", got "1435"', { communeCode: '1435' }],
    ['input.issuedOn', 'must not be in the future, got "2999-01-01"', { issuedOn: '2999-01-01' }],
    [
      'input.communeCodeOnRecord',
      'on 2024-05-20 the commune was one of those merged into 01435 (01435, 01438, 01441), got "01426"',
      { communeCodeOnRecord: '01426' },
    ],
  ])('names %s: %s', (argument, expected, change) => {
    const value = { communeCode: '01435', communeCodeOnRecord: '01438', issuedOn: '2024-05-20', ...change };
    expect(failure(() => parseInput(Licence, value))).toEqual({ message: `Invalid value for "${argument}": ${expected}`, argument });
  });
});
