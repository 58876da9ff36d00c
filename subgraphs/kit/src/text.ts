// Vietnamese-aware text matching: search ignores case and diacritics ("dam thuy" finds "Xã Đàm Thủy").
import { badUserInput } from '@hub/schema';

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

/** Fails the write with BAD_USER_INPUT naming `argument` when `value` is longer than `max` characters. */
export function limitText(argument: string, value: string | null | undefined, max: number): void {
  if (value != null && value.length > max) throw badUserInput(argument, `at most ${max} characters (got ${value.length})`);
}
