// The kit's input rules: the first wrong field named by its path as sent, what is expected said in plain English,
// the parsed value trimmed and converted as the rules say.
import type { GraphQLError } from 'graphql';
import { field, inputPath, inputRules, parseInput, z } from '../input';

/** The error `parseInput` throws, as a client sees it. */
function refusal(schema: z.ZodType, value: unknown, argument?: string) {
  try {
    parseInput(schema, value, argument);
  } catch (e) {
    const err = e as GraphQLError;
    // The Vietnamese message (for the gateway to answer with) is checked on its own below.
    const { localized: _vi, ...extensions } = err.extensions;
    return { message: err.message, ...extensions };
  }
  throw new Error('parseInput accepted the value');
}

/** The Vietnamese message `parseInput`'s error carries for the gateway. */
function vietnamese(schema: z.ZodType, value: unknown): unknown {
  try {
    parseInput(schema, value);
  } catch (e) {
    return ((e as GraphQLError).extensions.localized as { vi: string }).vi;
  }
  throw new Error('parseInput accepted the value');
}

const Contact = z.object({ name: field.text(), phone: field.code(/^0\d{9}$/, '0912345678') });
const Place = z.object({
  name: field.text(20).optional(),
  note: field.textOrNull('reason').optional(),
  rooms: field.wholeNumber({ min: 1, max: 500 }).optional(),
  stars: field.wholeNumber({ min: 1, max: 5 }).nullish(),
  revenue: field.number({ min: 0 }).nullish(),
  opened: field.date().optional(),
  contacts: z.array(Contact).max(3).optional(),
  kind: z.enum(['HOTEL', 'HOMESTAY']).optional(),
});

describe('parseInput', () => {
  it('returns the parsed value: text trimmed, blank optional text as null, fields left out left out', () => {
    expect(
      parseInput(Place, {
        name: '  Nhà nghỉ Bản Giốc ',
        note: '   ',
        rooms: 12,
        stars: null,
        contacts: [{ name: ' A ', phone: '0912345678' }],
      }),
    ).toEqual({
      name: 'Nhà nghỉ Bản Giốc',
      note: null,
      rooms: 12,
      stars: null,
      contacts: [{ name: 'A', phone: '0912345678' }],
    });
  });

  it.each([
    ['input.name', 'must not be empty', { name: ' ' }],
    ['input.name', 'must not be empty', { name: null }],
    ['input.name', 'at most 20 characters (got 21)', { name: 'x'.repeat(21) }],
    ['input.name', 'contains a NUL character (U+0000), which cannot be stored', { name: 'a\u0000b' }],
    ['input.note', 'contains an invalid character (a lone UTF-16 surrogate, not Unicode text)', { note: 'lý do \ud800' }],
    ['input.note', 'at most 2000 characters (got 2001)', { note: 'x'.repeat(2001) }],
    ['input.rooms', 'must be a whole number from 1 to 500, got 0', { rooms: 0 }],
    ['input.rooms', 'must be a whole number from 1 to 500, got 2.5', { rooms: 2.5 }],
    ['input.rooms', 'must be a whole number from 1 to 500, got null', { rooms: null }],
    ['input.stars', 'must be a whole number from 1 to 5, got 6', { stars: 6 }],
    ['input.revenue', 'must be a number of 0 or more, got -1', { revenue: -1 }],
    ['input.opened', '"2025-02-30" is not a calendar date', { opened: '2025-02-30' }],
    ['input.opened', '"30/01/2025" is not a date in the form YYYY-MM-DD', { opened: '30/01/2025' }],
    [
      'input.contacts[2].phone',
      'must be a code like "0912345678", got "12"',
      {
        contacts: [
          { name: 'A', phone: '0912345678' },
          { name: 'B', phone: '0912345679' },
          { name: 'C', phone: '12' },
        ],
      },
    ],
    ['input.contacts[0].name', 'is required', { contacts: [{ phone: '0912345678' }] }],
    ['input.contacts', 'must have at most 3 items', { contacts: Array(4).fill({ name: 'A', phone: '0912345678' }) }],
    ['input.kind', 'must be one of "HOTEL", "HOMESTAY"', { kind: 'CASTLE' }],
  ])('names %s: %s', (argument, expected, value) => {
    expect(refusal(Place, value)).toEqual({ message: `Invalid value for "${argument}": ${expected}`, code: 'BAD_USER_INPUT', argument });
  });

  it('names the first wrong field only, in the order the rules list them', () => {
    expect(refusal(Place, { rooms: 0, name: '' })).toMatchObject({ argument: 'input.name' });
  });

  it('says what is expected in its own words, never zod’s', () => {
    const messages = [
      refusal(z.object({ a: z.string() }), { a: 1 }),
      refusal(z.object({ a: z.string().email() }), { a: 'x' }),
      refusal(z.object({ a: z.string().regex(/^x$/) }), { a: 'y' }),
      refusal(z.object({ a: z.number().multipleOf(5) }), { a: 3 }),
      refusal(z.object({ a: z.string().refine(() => false) }), { a: 'y' }),
      refusal(z.union([z.string(), z.number()]), true),
      refusal(z.strictObject({ a: z.string() }), { a: 'x', b: 1 }),
    ].map((r) => r.message);
    expect(messages).toEqual([
      'Invalid value for "input.a": must be text, got number',
      'Invalid value for "input.a": must be an email address',
      'Invalid value for "input.a": is not in the expected form',
      'Invalid value for "input.a": must be a multiple of 5',
      'Invalid value for "input.a": is not accepted',
      'Invalid value for "input": matches none of the accepted forms',
      'Invalid value for "input.b": is not a field of this input',
    ]);
  });

  it('starts paths at the argument given, or at the field for a schema of all the arguments', () => {
    expect(refusal(z.object({ name: field.text() }), { name: '' }, 'place')).toMatchObject({ argument: 'place.name' });
    expect(refusal(z.object({ code: field.code(/^PL-\d{4}$/, 'PL-0001') }), { code: 'x' }, '')).toMatchObject({ argument: 'code' });
    expect(inputPath('values', [3, 'categories', 0, 'dimension'])).toBe('values[3].categories[0].dimension');
  });
});

describe('inputRules', () => {
  type Update = { name?: string | null; rooms?: number | null };
  it('builds the schema of a generated input type, one rule per field', () => {
    const rules = inputRules<Update>()({ name: field.text(20).optional(), rooms: field.wholeNumber().nullish() });
    expect(parseInput(rules, { name: ' A ', rooms: null })).toEqual({ name: 'A', rooms: null });
    // @ts-expect-error: `rooms` has no rule
    inputRules<Update>()({ name: field.text(20).optional() });
    // @ts-expect-error: `stars` is not a field of Update
    inputRules<Update>()({ name: field.text(20).optional(), rooms: field.wholeNumber().nullish(), stars: field.wholeNumber() });
    // @ts-expect-error: `rooms` is a number, not text
    inputRules<Update>()({ name: field.text(20).optional(), rooms: field.text().optional() });
  });
});

describe('parseInput in Vietnamese', () => {
  const Rules = z.object({
    name: field.text(20),
    rooms: field.wholeNumber({ max: 100 }),
    opened: field.date().optional(),
    code: field.code(/^DL-\d{4}$/, 'DL-0001').optional(),
  });
  it.each([
    [{ name: ' ', rooms: 1 }, 'Giá trị không hợp lệ của "input.name": không được để trống'],
    [{ name: 'x'.repeat(21), rooms: 1 }, 'Giá trị không hợp lệ của "input.name": tối đa 20 ký tự (nhận được 21)'],
    [{ name: 'A', rooms: 101 }, 'Giá trị không hợp lệ của "input.rooms": phải là số nguyên từ 0 đến 100, nhận được 101'],
    [
      { name: 'A', rooms: 1, opened: '2025-02-30' },
      'Giá trị không hợp lệ của "input.opened": "2025-02-30" không phải một ngày có thật trong lịch',
    ],
    [{ name: 'A', rooms: 1, code: 'X' }, 'Giá trị không hợp lệ của "input.code": phải là mã dạng "DL-0001", nhận được "X"'],
    [{ name: 'A', rooms: 1, extra: 1 }, 'Giá trị không hợp lệ của "input.extra": không phải một trường của đầu vào này'],
  ])('%j → %s', (value, expected) => {
    expect(vietnamese(Rules.strict(), value)).toBe(expected);
  });

  it('leaves the English message English after a Vietnamese one was made', () => {
    vietnamese(Rules, { name: ' ', rooms: 1 });
    expect(refusal(Rules, { name: ' ', rooms: 1 })).toMatchObject({ message: 'Invalid value for "input.name": must not be empty' });
  });
});
