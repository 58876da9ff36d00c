// The hub's two languages. Every message a caller can see is written in English and in Vietnamese where it is made;
// the error carries both (the English one as its message, the Vietnamese one in `extensions.localized`), and the
// gateway answers in the language the request's Accept-Language prefers (gateway/src/stages/language.stage.ts),
// removing `localized`. Codes and every other extension stay the same in both languages.

export const LANGUAGES = ['en', 'vi'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A message in both languages. */
export interface Localized {
  readonly en: string;
  readonly vi: string;
}

/** A message as a call site gives it: in both languages, or (text from elsewhere, a caller's own words) as it is. */
export type Message = string | Localized;

/** The extension that carries the other language's message from where an error is made to the gateway. */
export const LOCALIZED_EXTENSION = 'localized';

/** `msg('at most 3 values', 'tối đa 3 giá trị')`. */
export function msg(en: string, vi: string): Localized {
  return { en, vi };
}

/** The message in `language`; text given as it is stays as it is. */
export function inLanguage(m: Message, language: Language): string {
  return typeof m === 'string' ? m : m[language];
}

/** Both languages of a message, text given as it is standing for both. */
export function bothLanguages(m: Message): Localized {
  return typeof m === 'string' ? { en: m, vi: m } : m;
}

/**
 * Joins messages part by part in each language: `joinMessages(msg('Invalid value for "x": ', 'Giá trị không hợp lệ cho "x": '), detail)`.
 */
export function joinMessages(...parts: Message[]): Localized {
  return { en: parts.map((p) => inLanguage(p, 'en')).join(''), vi: parts.map((p) => inLanguage(p, 'vi')).join('') };
}

// Rules whose messages are made deep inside a library's callback (zod's, in the kit's input rules) cannot return
// both languages; they ask `say()`, which answers in the language of the check being run. A check runs synchronously,
// so `speaking()` sets it for exactly that run.
let current: Language = 'en';

/** The message in the language of the check being run (English unless inside `speaking('vi', …)`). */
export function say(m: Message): string {
  return inLanguage(m, current);
}

/** Runs `check` (synchronous) with `say()` answering in `language`. */
export function speaking<T>(language: Language, check: () => T): T {
  const before = current;
  current = language;
  try {
    return check();
  } finally {
    current = before;
  }
}
