// Vietnamese-aware text matching: search ignores case and diacritics ("dam thuy" finds "Xã Đàm Thủy").

/** Lower-case, without diacritics, đ as d, single spaces. */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A LIKE pattern matching `text` anywhere in a searchKey column, with LIKE's wildcards escaped. */
export function containsPattern(text: string): string {
  return `%${searchKey(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
