// A mutation's input as a zod schema: `parseInput` checks the value a client sent and fails with one BAD_USER_INPUT
// naming the first wrong field by its path as sent (`input.contacts[2].phone`) and saying, in plain English, what is
// expected. `field` holds the rules departments share (text by kind, codes, dates, numbers) so that no service
// repeats them; `inputRules` ties a schema to the generated type of its GraphQL input, field for field.
import { z } from 'zod';
import { badUserInput, dateProblem } from '@hub/schema';
import { lengthProblem, storableProblem, TEXT_LIMITS } from './text';

/** The kit's zod: schemas given to `parseInput` and `updateVersioned` are built with the same copy. */
export { z };

/** A length in characters, or the kind of text whose limit applies (`TEXT_LIMITS`). */
export type TextLimit = number | keyof typeof TEXT_LIMITS;

const maxOf = (limit: TextLimit) => (typeof limit === 'number' ? limit : TEXT_LIMITS[limit]);

const kindOf = (v: unknown) => (v === null ? 'null' : v === undefined ? 'nothing' : Array.isArray(v) ? 'a list' : typeof v);

/** Text that can be stored, trimmed, at most `max` characters once trimmed. */
function storableText(max: number, whenNotText: (input: unknown) => string) {
  return z
    .string({ error: (iss) => whenNotText(iss.input) })
    .superRefine((s, ctx) => {
      const problem = storableProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .trim()
    .superRefine((s, ctx) => {
      const problem = lengthProblem(s, max);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

const range = (min: number | undefined, max: number | undefined) =>
  min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `of ${min} or more` : `of ${max} or less`;

/** The rules departments share; each says in its message what is expected. */
export const field = {
  /** Text that must not be empty: trimmed, at most `limit` characters, no NUL or lone surrogate. */
  text(limit: TextLimit = 'name') {
    const notText = (input: unknown) =>
      input === null ? 'must not be empty' : input === undefined ? 'is required' : `must be text, got ${kindOf(input)}`;
    return storableText(maxOf(limit), notText).min(1, 'must not be empty');
  },

  /** Optional text: trimmed, at most `limit` characters; null or blank text is null (it clears the value). */
  textOrNull(limit: TextLimit = 'name') {
    return storableText(maxOf(limit), (input) => `must be text or null, got ${kindOf(input)}`)
      .nullable()
      .transform((s) => s || null);
  },

  /** A code of the form `pattern` (trimmed), as `example` shows it: `field.code(/^DL-\d{4}$/, 'DL-0001')`. */
  code(pattern: RegExp, example: string) {
    const expected = `must be a code like ${JSON.stringify(example)}`;
    return z
      .string({ error: (iss) => `${expected}, got ${kindOf(iss.input)}` })
      .trim()
      .refine((s) => pattern.test(s), { error: (iss) => `${expected}, got ${JSON.stringify(iss.input)}` });
  },

  /** A calendar date as `YYYY-MM-DD` (the `Date` scalar's rule, for a date sent as text). */
  date() {
    return z.string({ error: (iss) => `must be a date as YYYY-MM-DD, got ${kindOf(iss.input)}` }).superRefine((s, ctx) => {
      const problem = dateProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
  },

  /** A whole number, 0 or more unless `min` says otherwise, and at most `max` when given. */
  wholeNumber({ min = 0, max }: { min?: number; max?: number } = {}) {
    const expected = (iss: { input?: unknown }) =>
      `must be a whole number ${range(min, max)}, got ${JSON.stringify(iss.input) ?? 'nothing'}`;
    const n = z.number({ error: expected }).int({ error: expected }).min(min, { error: expected });
    return max === undefined ? n : n.max(max, { error: expected });
  },

  /** A finite number within `min` and `max` (either may be left out). */
  number({ min, max }: { min?: number; max?: number } = {}) {
    const expected = (iss: { input?: unknown }) =>
      `must be a number${min === undefined && max === undefined ? '' : ` ${range(min, max)}`}, got ${JSON.stringify(iss.input) ?? 'nothing'}`;
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

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  date: 'a date',
  array: 'a list',
  tuple: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

const FORMATS: Record<string, string> = {
  email: 'an email address',
  url: 'a URL',
  uuid: 'a UUID',
  datetime: 'an ISO 8601 date-time',
  date: 'a date as YYYY-MM-DD',
};

/** What an issue of one of zod's own checks means, in plain English (the kit's rules give their own words). */
function expectedOf(iss: z.core.$ZodRawIssue): string {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'is required';
      if (iss.input === null) return 'must not be null';
      return `must be ${TYPE_NAMES[iss.expected] ?? iss.expected}, got ${kindOf(iss.input)}`;
    case 'too_big': {
      const bound = iss.inclusive === false ? 'less than' : 'at most';
      if (iss.origin === 'string') return `must be ${bound} ${iss.maximum} characters long`;
      if (iss.origin === 'array' || iss.origin === 'set') return `must have ${bound} ${iss.maximum} items`;
      return `must be ${bound} ${iss.maximum}`;
    }
    case 'too_small': {
      const bound = iss.inclusive === false ? 'more than' : 'at least';
      if (iss.origin === 'string')
        return Number(iss.minimum) <= 1 ? 'must not be empty' : `must be ${bound} ${iss.minimum} characters long`;
      if (iss.origin === 'array' || iss.origin === 'set')
        return Number(iss.minimum) <= 1 ? 'must have at least one item' : `must have ${bound} ${iss.minimum} items`;
      return `must be ${bound} ${iss.minimum}`;
    }
    case 'invalid_format':
      return FORMATS[iss.format] ? `must be ${FORMATS[iss.format]}` : 'is not in the expected form';
    case 'not_multiple_of':
      return `must be a multiple of ${iss.divisor}`;
    case 'invalid_value':
      return iss.values.length === 1
        ? `must be ${JSON.stringify(iss.values[0])}`
        : `must be one of ${iss.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return 'is not a field of this input';
    case 'invalid_union':
      return 'matches none of the accepted forms';
    case 'invalid_key':
      return 'has a key that is not accepted';
    case 'invalid_element':
      return 'has an entry that is not accepted';
    default:
      return 'is not accepted';
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
  throw badUserInput(inputPath(argument, path) || 'input', first.message);
}
