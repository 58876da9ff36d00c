// Text PostgreSQL cannot store, and that is not Unicode: the one rule the gateway (refusing input before planning,
// escaping what the audit keeps) and the kit (refusing a write that did not come through the gateway) apply.
import { msg, type Localized } from './language';

/** A NUL: PostgreSQL stores none in text or jsonb. */
export const NUL = /\u0000/;
/** A UTF-16 surrogate that is not half of a pair: not Unicode text (jsonb refuses it). */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What makes text unstorable, if anything: a NUL, or a lone surrogate. */
export function storableProblem(value: string): Localized | undefined {
  if (NUL.test(value)) return msg('contains a NUL character (U+0000), which cannot be stored', 'chứa ký tự NUL (U+0000), không lưu được');
  if (LONE_SURROGATE.test(value))
    return msg(
      'contains an invalid character (a lone UTF-16 surrogate, not Unicode text)',
      'chứa một ký tự không hợp lệ (nửa cặp thay thế UTF-16 đứng riêng, không phải văn bản Unicode)',
    );
  return undefined;
}
