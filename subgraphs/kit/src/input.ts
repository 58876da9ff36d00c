// A mutation's input as a zod schema: `parseInput` checks the value a client sent and fails with one BAD_USER_INPUT
// naming the first wrong field by its path as sent (`input.contacts[2].phone`) and saying, in plain English and in
// Vietnamese, what is expected (each rule's words are in both: `say(msg(en, vi))`). `field` holds the rules departments share (text by kind, codes, dates, numbers) so that no service
// repeats them; `inputRules` ties a schema to the generated type of its GraphQL input, field for field.
import { z } from 'zod';
import { badUserInput, dateProblem, msg, provinceToday, say, speaking } from '@hub/schema';
import { REFORM_DAY } from '@hub/schema/fixtures/cao-bang';
import { MERGED_FROM } from './communes';
import { lengthProblem, storableProblem, TEXT_LIMITS } from './text';

/** The kit's zod: schemas given to `parseInput` and `updateVersioned` are built with the same copy. */
export { z };

/** A length in characters, or the kind of text whose limit applies (`TEXT_LIMITS`). */
export type TextLimit = number | keyof typeof TEXT_LIMITS;

const maxOf = (limit: TextLimit) => (typeof limit === 'number' ? limit : TEXT_LIMITS[limit]);

const KINDS_VI: Record<string, string> = { string: 'văn bản', number: 'một số', boolean: 'true/false', object: 'một đối tượng' };
const kindOf = (v: unknown) =>
  v === null
    ? 'null'
    : v === undefined
      ? say(msg('nothing', 'không có gì'))
      : Array.isArray(v)
        ? say(msg('a list', 'một danh sách'))
        : say(msg(typeof v, KINDS_VI[typeof v] ?? typeof v));

/** Text that can be stored, trimmed, at most `max` characters once trimmed. */
function storableText(max: number, whenNotText: (input: unknown) => string) {
  return z
    .string({ error: (iss) => whenNotText(iss.input) })
    .superRefine((s, ctx) => {
      const problem = storableProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: say(problem) });
    })
    .trim()
    .superRefine((s, ctx) => {
      const problem = lengthProblem(s, max);
      if (problem) ctx.addIssue({ code: 'custom', message: say(problem) });
    });
}

const range = (min: number | undefined, max: number | undefined) =>
  say(
    min !== undefined && max !== undefined
      ? msg(`from ${min} to ${max}`, `từ ${min} đến ${max}`)
      : min !== undefined
        ? msg(`of ${min} or more`, `từ ${min} trở lên`)
        : msg(`of ${max} or less`, `không quá ${max}`),
  );
const notEmpty = () => say(msg('must not be empty', 'không được để trống'));

/** The rules departments share; each says in its message what is expected. */
export const field = {
  /** Text that must not be empty: trimmed, at most `limit` characters, no NUL or lone surrogate. */
  text(limit: TextLimit = 'name') {
    const notText = (input: unknown) =>
      input === null
        ? notEmpty()
        : input === undefined
          ? say(msg('is required', 'là bắt buộc'))
          : say(msg(`must be text, got ${kindOf(input)}`, `phải là văn bản, nhận được ${kindOf(input)}`));
    return storableText(maxOf(limit), notText).min(1, { error: notEmpty });
  },

  /** Optional text: trimmed, at most `limit` characters; null or blank text is null (it clears the value). */
  textOrNull(limit: TextLimit = 'name') {
    return storableText(maxOf(limit), (input) =>
      say(msg(`must be text or null, got ${kindOf(input)}`, `phải là văn bản hoặc null, nhận được ${kindOf(input)}`)),
    )
      .nullable()
      .transform((s) => s || null);
  },

  /** A code of the form `pattern` (trimmed), as `example` shows it: `field.code(/^DL-\d{4}$/, 'DL-0001')`. */
  code(pattern: RegExp, example: string) {
    const expected = (got: string) =>
      say(
        msg(`must be a code like ${JSON.stringify(example)}, got ${got}`, `phải là mã dạng ${JSON.stringify(example)}, nhận được ${got}`),
      );
    return z
      .string({ error: (iss) => expected(kindOf(iss.input)) })
      .trim()
      .refine((s) => pattern.test(s), { error: (iss) => expected(JSON.stringify(iss.input)) });
  },

  /** A calendar date as `YYYY-MM-DD` (the `Date` scalar's rule, for a date sent as text). */
  date() {
    const notText = (input: unknown) =>
      say(msg(`must be a date as YYYY-MM-DD, got ${kindOf(input)}`, `phải là ngày dạng YYYY-MM-DD, nhận được ${kindOf(input)}`));
    return z.string({ error: (iss) => notText(iss.input) }).superRefine((s, ctx) => {
      const problem = dateProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: say(problem) });
    });
  },

  /** A date (`YYYY-MM-DD`) not after today in the province: when something was issued, detected, measured. */
  pastDate() {
    return field.date().refine((d) => d <= provinceToday(), {
      error: (iss) =>
        say(
          msg(
            `must not be in the future, got ${JSON.stringify(iss.input)}`,
            `không được ở tương lai, nhận được ${JSON.stringify(iss.input)}`,
          ),
        ),
    });
  },

  /** The code of one of today's commune-level units (since the reform of 1 July 2025): a located record's `communeCode`. */
  communeCode() {
    return field.code(/^\d{5}$/, '01435').refine((c) => MERGED_FROM.has(c), {
      error: (iss) =>
        say(
          msg(
            `must be the code of a commune-level unit valid since ${REFORM_DAY}, got ${JSON.stringify(iss.input)}`,
            `phải là mã của đơn vị hành chính cấp xã có hiệu lực từ ngày ${REFORM_DAY}, nhận được ${JSON.stringify(iss.input)}`,
          ),
        ),
    });
  },

  /** A whole number, 0 or more unless `min` says otherwise, and at most `max` when given. */
  wholeNumber({ min = 0, max }: { min?: number; max?: number } = {}) {
    const expected = (iss: { input?: unknown }) => {
      const got = JSON.stringify(iss.input) ?? kindOf(undefined);
      return say(msg(`must be a whole number ${range(min, max)}, got ${got}`, `phải là số nguyên ${range(min, max)}, nhận được ${got}`));
    };
    const n = z.number({ error: expected }).int({ error: expected }).min(min, { error: expected });
    return max === undefined ? n : n.max(max, { error: expected });
  },

  /** A finite number within `min` and `max` (either may be left out). */
  number({ min, max }: { min?: number; max?: number } = {}) {
    const expected = (iss: { input?: unknown }) => {
      const bounds = min === undefined && max === undefined ? '' : ` ${range(min, max)}`;
      const got = JSON.stringify(iss.input) ?? kindOf(undefined);
      return say(msg(`must be a number${bounds}, got ${got}`, `phải là một số${bounds}, nhận được ${got}`));
    };
    let n = z.number({ error: expected });
    if (min !== undefined) n = n.min(min, { error: expected });
    if (max !== undefined) n = n.max(max, { error: expected });
    return n;
  },

  /** Taken as sent: a value GraphQL has already checked against the schema (an enum, an ID) and no rule adds to. */
  asSent<T>() {
    return z.custom<T>(() => true);
  },
};

/**
 * The rules of a GraphQL input type, one per field of its generated type: a field without a rule, a rule for a field
 * the type does not have, or a rule that accepts another kind of value than the field's fails to compile, so the
 * SDL and the rules cannot drift apart. `inputRules<AccommodationUpdate>()({ name: field.text(300).optional(), … })`.
 */
export function inputRules<I extends object>() {
  return <S extends { [K in keyof I]-?: z.ZodType<unknown, I[K] | undefined> }>(
    shape: S & { [K in Exclude<keyof S, keyof I>]: never },
  ): z.ZodObject<S> => z.object(shape as S);
}

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['text', 'văn bản'],
  number: ['a number', 'một số'],
  int: ['a whole number', 'một số nguyên'],
  bigint: ['a whole number', 'một số nguyên'],
  boolean: ['true or false', 'true hoặc false'],
  date: ['a date', 'một ngày'],
  array: ['a list', 'một danh sách'],
  tuple: ['a list', 'một danh sách'],
  object: ['an object', 'một đối tượng'],
  record: ['an object', 'một đối tượng'],
  null: ['null', 'null'],
};

const FORMATS: Record<string, [string, string]> = {
  email: ['an email address', 'một địa chỉ email'],
  url: ['a URL', 'một URL'],
  uuid: ['a UUID', 'một UUID'],
  datetime: ['an ISO 8601 date-time', 'một thời điểm ISO 8601'],
  date: ['a date as YYYY-MM-DD', 'một ngày dạng YYYY-MM-DD'],
};

const named = (pair: [string, string] | undefined, fallback: string) => (pair ? say(msg(pair[0], pair[1])) : fallback);

/** What an issue of one of zod's own checks means, in plain words (the kit's rules give their own words). */
function expectedOf(iss: z.core.$ZodRawIssue): string {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return say(msg('is required', 'là bắt buộc'));
      if (iss.input === null) return say(msg('must not be null', 'không được là null'));
      return say(
        msg(
          `must be ${named(TYPE_NAMES[iss.expected], iss.expected)}, got ${kindOf(iss.input)}`,
          `phải là ${named(TYPE_NAMES[iss.expected], iss.expected)}, nhận được ${kindOf(iss.input)}`,
        ),
      );
    case 'too_big': {
      const open = iss.inclusive === false;
      const bound = say(open ? msg('less than', 'ít hơn') : msg('at most', 'tối đa'));
      if (iss.origin === 'string')
        return say(msg(`must be ${bound} ${iss.maximum} characters long`, `phải dài ${bound} ${iss.maximum} ký tự`));
      if (iss.origin === 'array' || iss.origin === 'set')
        return say(msg(`must have ${bound} ${iss.maximum} items`, `phải có ${bound} ${iss.maximum} mục`));
      return say(msg(`must be ${bound} ${iss.maximum}`, open ? `phải nhỏ hơn ${iss.maximum}` : `phải không lớn hơn ${iss.maximum}`));
    }
    case 'too_small': {
      const open = iss.inclusive === false;
      const bound = say(open ? msg('more than', 'nhiều hơn') : msg('at least', 'ít nhất'));
      if (iss.origin === 'string')
        return Number(iss.minimum) <= 1
          ? notEmpty()
          : say(msg(`must be ${bound} ${iss.minimum} characters long`, `phải dài ${bound} ${iss.minimum} ký tự`));
      if (iss.origin === 'array' || iss.origin === 'set')
        return Number(iss.minimum) <= 1
          ? say(msg('must have at least one item', 'phải có ít nhất một mục'))
          : say(msg(`must have ${bound} ${iss.minimum} items`, `phải có ${bound} ${iss.minimum} mục`));
      return say(msg(`must be ${bound} ${iss.minimum}`, open ? `phải lớn hơn ${iss.minimum}` : `phải không nhỏ hơn ${iss.minimum}`));
    }
    case 'invalid_format':
      return FORMATS[iss.format]
        ? say(msg(`must be ${FORMATS[iss.format][0]}`, `phải là ${FORMATS[iss.format][1]}`))
        : say(msg('is not in the expected form', 'không đúng dạng cần có'));
    case 'not_multiple_of':
      return say(msg(`must be a multiple of ${iss.divisor}`, `phải là bội số của ${iss.divisor}`));
    case 'invalid_value': {
      const values = iss.values.map((v) => JSON.stringify(v)).join(', ');
      return iss.values.length === 1
        ? say(msg(`must be ${values}`, `phải là ${values}`))
        : say(msg(`must be one of ${values}`, `phải là một trong ${values}`));
    }
    case 'unrecognized_keys':
      return say(msg('is not a field of this input', 'không phải một trường của đầu vào này'));
    case 'invalid_union':
      return say(msg('matches none of the accepted forms', 'không khớp dạng nào được chấp nhận'));
    case 'invalid_key':
      return say(msg('has a key that is not accepted', 'có một khóa không được chấp nhận'));
    case 'invalid_element':
      return say(msg('has an entry that is not accepted', 'có một phần tử không được chấp nhận'));
    default:
      return say(msg('is not accepted', 'không được chấp nhận'));
  }
}

/** `input`, `["contacts", 2, "phone"]` → `input.contacts[2].phone`; without an argument the path starts at a field. */
export function inputPath(argument: string, path: readonly PropertyKey[]): string {
  let out = argument;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/**
 * The value checked by `schema` and parsed (trimmed, converted as the schema says), or one BAD_USER_INPUT naming the
 * first wrong field under `argument` (give `''` for a schema of all the arguments). Rules are synchronous: a rule
 * that needs the database belongs in the service, after this.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, argument = 'input'): z.output<S> {
  const r = schema.safeParse(value, { error: expectedOf });
  if (r.success) return r.data;
  const first = r.error.issues[0];
  const path = first.code === 'unrecognized_keys' ? [...first.path, first.keys[0]] : first.path;
  const enMessage = first.message;
  // The same check again with every rule speaking Vietnamese: its first issue is the same one, in the other words.
  // (zod words an issue when it is first read: read inside.)
  const viMessage = speaking('vi', () => {
    const vi = schema.safeParse(value, { error: expectedOf });
    return vi.success ? enMessage : vi.error.issues[0].message;
  });
  throw badUserInput(inputPath(argument, path) || 'input', msg(enMessage, viMessage));
}
