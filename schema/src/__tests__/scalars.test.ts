import { Kind, type GraphQLError } from 'graphql';
import { DateScalar, DateTimeScalar, dateProblem, provinceToday, scalarMessageInVietnamese } from '../scalars';

describe('Date scalar', () => {
  it('accepts real calendar dates and keeps them as strings', () => {
    expect(DateScalar.parseValue('2025-07-01')).toBe('2025-07-01');
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2024-02-29' }, undefined)).toBe('2024-02-29');
    expect(DateScalar.serialize(new Date('2025-06-30T12:00:00Z'))).toBe('2025-06-30');
  });

  it.each([
    ['2025-13-01', 'not a calendar date'],
    ['2025-02-29', 'not a calendar date'],
    ['2025-7-1', 'not a date in the form YYYY-MM-DD'],
    ['yesterday', 'not a date in the form YYYY-MM-DD'],
  ])('rejects %s and says why', (value, why) => {
    expect(dateProblem(value)?.en).toContain(why);
    expect(() => DateScalar.parseValue(value)).toThrow(why);
  });

  it('rejects a non-string literal with BAD_USER_INPUT', () => {
    try {
      DateScalar.parseLiteral({ kind: Kind.INT, value: '20250701' }, undefined);
      throw new Error('accepted');
    } catch (e) {
      expect((e as { extensions: { code: string } }).extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('DateTime scalar', () => {
  it('round-trips an ISO instant and rejects one without offset', () => {
    expect(DateTimeScalar.serialize(DateTimeScalar.parseValue('2025-07-01T08:00:00+07:00'))).toBe('2025-07-01T01:00:00.000Z');
    expect(() => DateTimeScalar.parseValue('2025-07-01T08:00:00')).toThrow('ISO 8601');
  });
});

describe('scalar messages read back in Vietnamese (for errors that lost their localized extension)', () => {
  it.each(['2025-02-30', '2025-2-3', 42, 'x'])('the Date error for %j', (value) => {
    let error: GraphQLError | undefined;
    try {
      DateScalar.parseValue(value);
    } catch (e) {
      error = e as GraphQLError;
    }
    expect(scalarMessageInVietnamese(error!.message)).toBe((error!.extensions.localized as { vi: string }).vi);
  });

  it('the DateTime error', () => {
    let error: GraphQLError | undefined;
    try {
      DateTimeScalar.parseValue('yesterday');
    } catch (e) {
      error = e as GraphQLError;
    }
    expect(scalarMessageInVietnamese(error!.message)).toBe((error!.extensions.localized as { vi: string }).vi);
  });
});

describe("the province's day", () => {
  it.each([
    ['2025-06-30T16:59:59Z', '2025-06-30'],
    ['2025-06-30T17:00:00Z', '2025-07-01'],
    ['2025-06-30T23:59:59Z', '2025-07-01'],
    ['2025-12-31T17:30:00Z', '2026-01-01'],
    ['2024-02-28T18:00:00Z', '2024-02-29'],
  ])('at %s UTC it is %s in Cao Bằng (UTC+7)', (utc, day) => {
    expect(provinceToday(new Date(utc))).toBe(day);
  });
});
