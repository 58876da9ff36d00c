// Scalars shared by every subgraph and by the gateway's input checks. A Date is kept as its
// `YYYY-MM-DD` string end to end: no time zone can shift it. JSON is graphql-scalars' own.
import { ErrorCode, hubError } from './errors';
import { msg, type Localized } from './language';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns the problem with a `YYYY-MM-DD` string, or null when it is a real calendar date. */
export function dateProblem(value: unknown): Localized | null {
  if (typeof value !== 'string')
    return msg(`expected a date string YYYY-MM-DD, got ${typeof value}`, `cần một ngày dạng YYYY-MM-DD, nhận được ${typeof value}`);
  const m = DATE_RE.exec(value);
  if (!m) return msg(`"${value}" is not a date in the form YYYY-MM-DD`, `"${value}" không phải ngày dạng YYYY-MM-DD`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) {
    return msg(`"${value}" is not a calendar date`, `"${value}" không phải một ngày có thật trong lịch`);
  }
  return null;
}

function parseDate(value: unknown): string {
  const problem = dateProblem(value);
  if (problem) throw hubError(msg(`Date ${problem.en}`, `Ngày (Date) ${problem.vi}`), { code: ErrorCode.BAD_USER_INPUT });
  return value as string;
}

export function formatDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** The province's time zone (UTC+7, no daylight saving): its calendar days are the ones its rules are dated by. */
export const PROVINCE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const provinceDay = new Intl.DateTimeFormat('en-CA', { timeZone: PROVINCE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The day it is in the province at `now`, `YYYY-MM-DD`: at 00:30 on 1 July 2025 in Cao Bằng (17:30 on 30 June UTC) it
 * is 2025-07-01, the day the merged communes and departments took over. Never the UTC date (`formatDate(new Date())`),
 * which is the day before for the first seven hours of every day.
 */
export function provinceToday(now: Date = new Date()): string {
  return provinceDay.format(now);
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, `YYYY-MM-DD` (ISO 8601).',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize(value) {
    if (value instanceof Date) return formatDate(value);
    return parseDate(value);
  },
  parseValue: parseDate,
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.STRING) {
      const kind = ast.kind.toLowerCase();
      throw hubError(
        msg(`Date expected a string YYYY-MM-DD, got a ${kind} literal`, `Ngày (Date) cần một chuỗi YYYY-MM-DD, nhận được giá trị ${kind}`),
        { code: ErrorCode.BAD_USER_INPUT },
      );
    }
    return parseDate(ast.value);
  },
});

const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !DATETIME_RE.test(value) || Number.isNaN(Date.parse(value))) {
    const got = JSON.stringify(value) ?? 'nothing';
    throw hubError(
      msg(
        `DateTime expected an ISO 8601 date-time with offset, got ${got}`,
        `Thời điểm (DateTime) cần dạng ISO 8601 có múi giờ, nhận được ${got}`,
      ),
      { code: ErrorCode.BAD_USER_INPUT },
    );
  }
  return new Date(value);
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'A point in time, ISO 8601 with offset.',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    return parseDateTime(value).toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral(ast: ValueNode) {
    return parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined);
  },
});

/**
 * The Vietnamese of a message of these scalars that reached the gateway without its `localized` extension (Apollo
 * Server rewraps a variable's coercion error without the original): the same templates as above, read back.
 */
export function scalarMessageInVietnamese(message: string): string | undefined {
  let m = /^Date "(.*)" is not a calendar date$/s.exec(message);
  if (m) return `Ngày (Date) "${m[1]}" không phải một ngày có thật trong lịch`;
  m = /^Date "(.*)" is not a date in the form YYYY-MM-DD$/s.exec(message);
  if (m) return `Ngày (Date) "${m[1]}" không phải ngày dạng YYYY-MM-DD`;
  m = /^Date expected a date string YYYY-MM-DD, got (\w+)$/.exec(message);
  if (m) return `Ngày (Date) cần một ngày dạng YYYY-MM-DD, nhận được ${m[1]}`;
  m = /^DateTime expected an ISO 8601 date-time with offset, got (.*)$/s.exec(message);
  if (m) return `Thời điểm (DateTime) cần dạng ISO 8601 có múi giờ, nhận được ${m[1]}`;
  return undefined;
}

/** Any JSON value (values before and after a change in the history): graphql-scalars' JSON. */
export const JSONScalar: GraphQLScalarType = GraphQLJSON;

/** The hub's custom scalars by name: subgraphs resolve them, the gateway checks inputs with them. */
export const scalars = { Date: DateScalar, DateTime: DateTimeScalar, JSON: JSONScalar };

/** A value of the JSON scalar. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * The TypeScript type of each custom scalar's values in resolvers (as `parseValue` gives them, as resolvers return
 * them), for the generated resolver types (`npm run codegen`).
 */
export const SCALAR_TYPES = {
  Date: 'string',
  DateTime: 'Date',
  JSON: '@hub/schema#JsonValue',
} as const satisfies Record<keyof typeof scalars, string>;
