// Messages the writes and the analytics both give, in English and Vietnamese (issue 15): each is worded once here.
import { msg, type Localized } from '@hub/schema';
import type { Level } from './rules';

export const unknownIndicator = (code: string): Localized => msg(`unknown indicator "${code}"`, `chỉ tiêu "${code}" không tồn tại`);

export const unknownUnit = (code: string): Localized =>
  msg(`unknown administrative unit "${code}"`, `đơn vị hành chính "${code}" không tồn tại`);

/** A period of a periodicity the indicator is not collected by (`id`: the period as given, when there is one). */
export function periodicityNotAllowed(code: string, type: string, allowed: readonly string[], id?: string): Localized {
  const given = id === undefined ? '' : ` ("${id}")`;
  return msg(
    `indicator ${code} has no ${type} values${given}; it allows ${allowed.join(', ')}`,
    `chỉ tiêu ${code} không có giá trị theo kỳ ${type}${given}; chỉ tiêu này chỉ có các kỳ ${allowed.join(', ')}`,
  );
}

/** `dimension` as the message shows it (quoted or not). */
export const notBrokenDownBy = (code: string, dimension: string): Localized =>
  msg(`indicator ${code} is not broken down by ${dimension}`, `chỉ tiêu ${code} không được phân tổ theo ${dimension}`);

export const AT_MOST_1000_PERIODS = msg('at most 1000 periods', 'tối đa 1000 kỳ');

/** The level words: "cấp tỉnh", "cấp huyện", "cấp xã". */
export const LEVEL_VI: Record<Level, string> = { PROVINCE: 'tỉnh', DISTRICT: 'huyện', COMMUNE: 'xã' };
