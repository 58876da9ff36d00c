// Vietnamese-aware text matching: search ignores case and diacritics ("dam thuy" finds "Xã Đàm Thủy").
import { badUserInput, msg, type Localized } from '@hub/schema';

/** Lower-case, without diacritics, đ as d, single spaces. */
export function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A LIKE pattern matching `text` anywhere in a searchKey column, with LIKE's wildcards escaped. */
export function containsPattern(text: string): string {
  return `%${searchKey(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * How long free text may be, by kind: a name (display name, title), a reason or legal basis, a longer text (the
 * contents of a sharing agreement, a description). The gateway refuses anything longer than its own limit first.
 */
export const TEXT_LIMITS = { name: 200, reason: 2000, text: 8000 } as const;

/** What is wrong with text longer than `max` characters, if it is. */
export function lengthProblem(value: string, max: number): Localized | undefined {
  return value.length > max
    ? msg(`at most ${max} characters (got ${value.length})`, `tối đa ${max} ký tự (nhận được ${value.length})`)
    : undefined;
}

/** Fails the write with BAD_USER_INPUT naming `argument` when `value` is longer than `max` characters. */
export function limitText(argument: string, value: string | null | undefined, max: number): void {
  const problem = value == null ? undefined : lengthProblem(value, max);
  if (problem) throw badUserInput(argument, problem);
}

const NUL = /\u0000/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * What makes text unstorable, if anything: a NUL (PostgreSQL stores none in text or jsonb) or a lone surrogate (not
 * Unicode text). The gateway refuses both before planning, in the same words; the kit refuses them again for a write
 * that did not come through it (an in-process call, a script).
 */
export function storableProblem(value: string): Localized | undefined {
  if (NUL.test(value)) return msg('contains a NUL character (U+0000), which cannot be stored', 'chứa ký tự NUL (U+0000), không lưu được');
  if (LONE_SURROGATE.test(value))
    return msg(
      'contains an invalid character (a lone UTF-16 surrogate, not Unicode text)',
      'chứa một ký tự không hợp lệ (nửa cặp thay thế UTF-16 đứng riêng, không phải văn bản Unicode)',
    );
  return undefined;
}
