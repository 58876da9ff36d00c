// The language of an answer's messages: English or Vietnamese, as the request's Accept-Language prefers
// (RFC 9110 §12.5.4, with q-values, through `negotiator`, the library Express itself uses), else the operator's
// default (HUB_DEFAULT_LANGUAGE). Codes and every other extension are the same in both languages.
// The hub's own messages carry their Vietnamese text from where they are made (`extensions.localized`, see
// schema/src/language.ts); the messages graphql-js and Apollo Server write (parse and validation errors, variable
// coercion) are translated here, by the patterns of their fixed wording. A message nobody translated stays English.
import Negotiator from 'negotiator';
import type { GraphQLFormattedError } from 'graphql';
import { LANGUAGES, LOCALIZED_EXTENSION, scalarMessageInVietnamese, type Language } from '@hub/schema';

/** The language Accept-Language prefers among the hub's, or `fallback` when it names none of them (or is absent). */
export function preferredLanguage(acceptLanguage: string | undefined, fallback: Language): Language {
  if (!acceptLanguage?.trim()) return fallback;
  const best = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language([...LANGUAGES]);
  return (best as Language | undefined) ?? fallback;
}

/** What `extensions.localized` holds: the whole message in Vietnamese; `of` when it is a wrapped error's own message. */
interface LocalizedExtension {
  vi?: unknown;
  /** The English message `vi` translates, when the error's message only ends with it (graphql-js wraps). */
  of?: unknown;
}

/** One error in `language`, without `extensions.localized`. */
export function spoken<E extends GraphQLFormattedError>(error: E, language: Language): E {
  const ext = error.extensions as Record<string, unknown> | undefined;
  const localized = ext?.[LOCALIZED_EXTENSION] as LocalizedExtension | undefined;
  let extensions = ext;
  if (ext && LOCALIZED_EXTENSION in ext) {
    const { [LOCALIZED_EXTENSION]: _l, ...rest } = ext;
    extensions = rest;
  }
  const message = language === 'vi' ? vietnamese(error.message, localized) : error.message;
  if (message === error.message && extensions === ext) return error;
  return { ...error, message, ...(extensions ? { extensions } : {}) };
}

function vietnamese(message: string, localized: LocalizedExtension | undefined): string {
  const vi = typeof localized?.vi === 'string' ? localized.vi : undefined;
  if (vi !== undefined) {
    const of = typeof localized?.of === 'string' ? localized.of : undefined;
    if (of === undefined || of === message) return vi;
    // graphql-js put the hub's message after its own words ("Variable "$d" got invalid value …; <message>").
    if (message.endsWith(of)) return `${translate(message.slice(0, message.length - of.length)) ?? message.slice(0, -of.length)}${vi}`;
  }
  return translate(message) ?? message;
}

type Rule = [RegExp, (...groups: string[]) => string];

// graphql-js 16's and Apollo Server 4's messages, by their wording. A part that is itself a message (after "; ")
// is translated again.
const RULES: Rule[] = [
  [/^Syntax Error: (.*)$/s, (rest) => `Lỗi cú pháp: ${translate(rest) ?? rest}`],
  [/^Expected (.+), found (.+)\.$/, (a, b) => `Cần ${a}, nhưng gặp ${b}.`],
  [/^Unexpected (.+)\.$/, (a) => `Không mong đợi ${a}.`],
  [/^Unterminated string\.$/, () => 'Chuỗi chưa được đóng.'],
  [/^Invalid number, (.+)$/, (a) => `Số không hợp lệ, ${a}`],
  [
    /^Cannot query field "(.+?)" on type "(.+?)"\.(.*)$/s,
    (f, t, rest) => `Không thể truy vấn trường "${f}" trên kiểu "${t}".${suffix(rest)}`,
  ],
  [/^Unknown argument "(.+?)" on field "(.+?)"\.(.*)$/s, (a, f, rest) => `Trường "${f}" không có tham số "${a}".${suffix(rest)}`],
  [/^Unknown argument "(.+?)" on directive "(.+?)"\.(.*)$/s, (a, d, rest) => `Chỉ thị "${d}" không có tham số "${a}".${suffix(rest)}`],
  [
    /^Field "(.+?)" argument "(.+?)" of type "(.+?)" is required, but it was not provided\.$/,
    (f, a, t) => `Trường "${f}" cần tham số "${a}" kiểu "${t}", nhưng tham số này không được gửi.`,
  ],
  [
    /^Field "(.+?)" must not have a selection since type "(.+?)" has no subfields\.$/,
    (f, t) => `Trường "${f}" không được có phần chọn vì kiểu "${t}" không có trường con.`,
  ],
  [
    /^Field "(.+?)" of type "(.+?)" must have a selection of subfields\.(.*)$/s,
    (f, t, rest) => `Trường "${f}" kiểu "${t}" phải chọn các trường con.${suffix(rest)}`,
  ],
  [/^Variable "(.+?)" of required type "(.+?)" was not provided\.$/, (v, t) => `Biến "${v}" kiểu bắt buộc "${t}" không được gửi.`],
  [/^Variable "(.+?)" of non-null type "(.+?)" must not be null\.$/, (v, t) => `Biến "${v}" kiểu không rỗng "${t}" không được là null.`],
  [
    /^Variable "(.+?)" got invalid value (.+?); (.*)$/s,
    (v, val, rest) => `Biến "${v}" nhận giá trị không hợp lệ ${val}; ${translate(rest) ?? rest}`,
  ],
  [/^Variable "(.+?)" got invalid value (.+?); $/s, (v, val) => `Biến "${v}" nhận giá trị không hợp lệ ${val}; `],
  [/^Variable "(.+?)" is never used in operation "(.+?)"\.$/, (v, o) => `Biến "${v}" không được dùng trong thao tác "${o}".`],
  [/^Variable "(.+?)" is never used\.$/, (v) => `Biến "${v}" không được dùng.`],
  [/^Variable "(.+?)" is not defined by operation "(.+?)"\.$/, (v, o) => `Biến "${v}" không được khai báo trong thao tác "${o}".`],
  [/^Variable "(.+?)" is not defined\.$/, (v) => `Biến "${v}" không được khai báo.`],
  [/^Variable "(.+?)" cannot be non-input type "(.+?)"\.$/, (v, t) => `Biến "${v}" không thể có kiểu "${t}" (không phải kiểu đầu vào).`],
  [
    /^Variable "(.+?)" of type "(.+?)" used in position expecting type "(.+?)"\.$/,
    (v, a, b) => `Biến "${v}" kiểu "${a}" được dùng ở vị trí cần kiểu "${b}".`,
  ],
  [/^There can be only one variable named "(.+?)"\.$/, (v) => `Chỉ được có một biến tên "${v}".`],
  [/^Field "(.+?)" of required type "(.+?)" was not provided\.$/, (f, t) => `Trường "${f}" kiểu bắt buộc "${t}" không được gửi.`],
  [/^Field "(.+?)" is not defined by type "(.+?)"\.(.*)$/s, (f, t, rest) => `Kiểu "${t}" không có trường "${f}".${suffix(rest)}`],
  [
    /^Expected value of type "(.+?)", found (.+?); (.*)$/s,
    (t, v, rest) => `Cần giá trị kiểu "${t}", nhưng gặp ${v}; ${translate(rest) ?? rest}`,
  ],
  [/^Expected value of type "(.+?)", found (.+)\.$/s, (t, v) => `Cần giá trị kiểu "${t}", nhưng gặp ${v}.`],
  [/^Expected type "(.+?)" to be an object\.$/, (t) => `Cần kiểu "${t}" là một đối tượng.`],
  [/^Value "(.+?)" does not exist in "(.+?)" enum\.(.*)$/s, (v, e, rest) => `Giá trị "${v}" không có trong enum "${e}".${suffix(rest)}`],
  [
    /^Enum "(.+?)" cannot represent non-enum value: (.+?)\.(.*)$/s,
    (e, v, rest) => `Enum "${e}" không biểu diễn được giá trị không thuộc enum: ${v}.${suffix(rest)}`,
  ],
  [/^Int cannot represent non-integer value: (.+)$/s, (v) => `Int không biểu diễn được giá trị không phải số nguyên: ${v}`],
  [
    /^Int cannot represent non 32-bit signed integer value: (.+)$/s,
    (v) => `Int không biểu diễn được giá trị ngoài số nguyên có dấu 32 bit: ${v}`,
  ],
  [/^Float cannot represent non numeric value: (.+)$/s, (v) => `Float không biểu diễn được giá trị không phải số: ${v}`],
  [/^String cannot represent a non string value: (.+)$/s, (v) => `String không biểu diễn được giá trị không phải chuỗi: ${v}`],
  [/^Boolean cannot represent a non boolean value: (.+)$/s, (v) => `Boolean không biểu diễn được giá trị không phải boolean: ${v}`],
  [/^ID cannot represent value: (.+)$/s, (v) => `ID không biểu diễn được giá trị: ${v}`],
  [
    /^ID cannot represent a non-string and non-integer value: (.+)$/s,
    (v) => `ID không biểu diễn được giá trị không phải chuỗi hay số nguyên: ${v}`,
  ],
  [/^Unknown type "(.+?)"\.(.*)$/s, (t, rest) => `Không có kiểu "${t}".${suffix(rest)}`],
  [/^Unknown fragment "(.+?)"\.$/, (f) => `Không có fragment "${f}".`],
  [/^Unknown directive "(.+?)"\.$/, (d) => `Không có chỉ thị "${d}".`],
  [/^The directive "(.+?)" can only be used once at this location\.$/, (d) => `Chỉ thị "${d}" chỉ được dùng một lần ở vị trí này.`],
  [/^Directive "(.+?)" may not be used on (.+)\.$/, (d, w) => `Chỉ thị "${d}" không được dùng trên ${w}.`],
  [/^Fragment "(.+?)" is never used\.$/, (f) => `Fragment "${f}" không được dùng.`],
  [/^Cannot spread fragment "(.+?)" within itself(.*)\.$/, (f, via) => `Không thể trải fragment "${f}" trong chính nó${via}.`],
  [/^There can be only one fragment named "(.+?)"\.$/, (f) => `Chỉ được có một fragment tên "${f}".`],
  [/^There can be only one operation named "(.+?)"\.$/, (o) => `Chỉ được có một thao tác tên "${o}".`],
  [/^There can be only one argument named "(.+?)"\.$/, (a) => `Chỉ được có một tham số tên "${a}".`],
  [/^There can be only one input field named "(.+?)"\.$/, (a) => `Chỉ được có một trường đầu vào tên "${a}".`],
  [
    /^This anonymous operation must be the only defined operation\.$/,
    () => 'Thao tác không tên này phải là thao tác duy nhất của tài liệu.',
  ],
  [
    /^Anonymous Subscription must select only one top level field\.$/,
    () => 'Subscription không tên chỉ được chọn một trường cấp cao nhất.',
  ],
  [
    /^Fields "(.+?)" conflict because (.+)\. Use different aliases on the fields to fetch both if this was intentional\.$/s,
    (f, why) => `Các trường "${f}" xung đột vì ${why}. Hãy dùng bí danh khác nhau để lấy cả hai nếu đó là chủ ý.`,
  ],
  [/^Schema is not configured to execute (.+) operation\.$/, (o) => `Lược đồ không thực hiện được thao tác ${o}.`],
  [/^Unknown operation named "(.+?)"\.$/, (o) => `Không có thao tác tên "${o}".`],
  [
    /^Must provide operation name if query contains multiple operations\.$/,
    () => 'Hãy gửi tên thao tác (operationName) khi tài liệu có nhiều thao tác.',
  ],
  [
    /^GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension\.$/,
    () => 'Thao tác GraphQL phải có `query` không rỗng hoặc phần mở rộng `persistedQuery`.',
  ],
  [
    /^This operation has been blocked as a potential Cross-Site Request Forgery \(CSRF\)\. Please either specify a 'content-type' header \(with a type that is not one of (.+?)\) or provide a non-empty value for one of the following headers: (.+?)\n?$/s,
    (types, headers) =>
      `Thao tác này bị chặn vì có thể là giả mạo yêu cầu liên trang (CSRF). Hãy gửi tiêu đề 'content-type' (khác ${types}) hoặc một giá trị không rỗng cho một trong các tiêu đề: ${headers}`,
  ],
  [
    /^GET requests only support query operations, not (\w+) operations$/,
    (o) => `Yêu cầu GET chỉ chạy được thao tác query, không chạy được ${o}`,
  ],
  [/^Apollo Server supports only GET\/POST requests\.$/, () => 'Chỉ nhận yêu cầu GET hoặc POST.'],
  [
    /^POST body missing, invalid Content-Type, or JSON object has no keys\.$/,
    () => 'Thiếu thân POST, Content-Type không hợp lệ, hoặc đối tượng JSON không có khóa nào.',
  ],
  [/^GraphQL queries must be strings\.(.*)$/s, () => 'Truy vấn GraphQL phải là một chuỗi (văn bản GraphQL).'],
  [
    /^`(variables|extensions)` in a POST body must be an object if provided\.$/,
    (f) => `\`${f}\` trong thân POST, nếu có, phải là một đối tượng.`,
  ],
  [
    /^`(variables|extensions)` in a POST body should be provided as an object, not a recursively JSON-encoded string\.$/,
    (f) => `\`${f}\` trong thân POST phải là một đối tượng, không phải một chuỗi JSON mã hóa lồng.`,
  ],
  [/^`operationName` in a POST body must be a string if provided\.$/, () => '`operationName` trong thân POST, nếu có, phải là một chuỗi.'],
  [/^The (\w+) search parameter contains invalid JSON\.$/, (f) => `Tham số tìm kiếm ${f} chứa JSON không hợp lệ.`],
  [
    /^The (\w+) search parameter should contain a JSON-encoded object\.$/,
    (f) => `Tham số tìm kiếm ${f} phải chứa một đối tượng mã hóa JSON.`,
  ],
  [/^The '(\w+)' search parameter may only be specified once\.$/, (f) => `Tham số tìm kiếm '${f}' chỉ được nêu một lần.`],
  [/^PersistedQueryNotFound$/, () => 'Không tìm thấy truy vấn đã lưu (PersistedQueryNotFound): hãy gửi kèm toàn văn truy vấn.'],
  [/^provided sha does not match query$/, () => 'Mã sha gửi kèm không khớp với truy vấn.'],
  [/^Not found$/, () => 'Không tìm thấy'],
  [/^Bad request$/, () => 'Yêu cầu không hợp lệ'],
  [/^Internal server error$/, () => 'Lỗi nội bộ của máy chủ'],
  [/^Request body is not valid JSON$/, () => 'Thân yêu cầu không phải JSON hợp lệ'],
  [/^Request body is too large$/, () => 'Thân yêu cầu quá lớn'],
];

/** graphql-js's "Did you mean …?" after a message. */
function suffix(rest: string): string {
  const m = /^ Did you mean (.+)\?$/s.exec(rest);
  if (m) return ` Có phải ý bạn là ${m[1].replace(/ or /g, ' hoặc ')}?`;
  return rest;
}

/** The Vietnamese of a message of graphql-js or Apollo Server, if it is one of theirs. */
export function translate(message: string): string | undefined {
  for (const [pattern, say] of RULES) {
    const m = pattern.exec(message);
    if (m) return say(...m.slice(1));
  }
  // The hub's scalars, whose errors Apollo Server rewraps without their Vietnamese (a variable that does not coerce).
  return scalarMessageInVietnamese(message);
}
