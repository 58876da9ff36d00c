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

/**
 * What makes text unstorable, if anything: a NUL (PostgreSQL stores none in text or jsonb) or a lone surrogate (not
 * Unicode text). The gateway refuses both before planning, by the same rule (@hub/schema); the kit refuses them
 * again for a write that did not come through it (an in-process call, a script).
 */
export { storableProblem } from '@hub/schema';
