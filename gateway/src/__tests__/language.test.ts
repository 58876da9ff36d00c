import { preferredLanguage, spoken, translate } from '../language';

describe('preferredLanguage', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['vi', 'vi'],
    ['vi-VN', 'vi'],
    ['vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7', 'vi'],
    ['en-US,en;q=0.9,vi;q=0.8', 'en'],
    ['en;q=0.5, vi', 'vi'],
    ['fr-FR, de', 'en'],
    ['vi;q=0, en', 'en'],
    ['*', 'en'],
    ['garbage;;;q=x', 'en'],
  ])('%j → %s', (header, expected) => {
    expect(preferredLanguage(header, 'en')).toBe(expected);
  });

  it('falls back to the operator’s default when the header names neither language', () => {
    expect(preferredLanguage('fr', 'vi')).toBe('vi');
    expect(preferredLanguage(undefined, 'vi')).toBe('vi');
    expect(preferredLanguage('en', 'vi')).toBe('en');
  });
});

describe('spoken', () => {
  const error = {
    message: 'Invalid value for "first": must be an integer from 0 to 100, got 500',
    path: ['touristSites'],
    extensions: { code: 'BAD_USER_INPUT', argument: 'first', localized: { vi: 'Giá trị không hợp lệ của "first": …' } },
  };

  it('answers with the Vietnamese the error carries, codes and other extensions unchanged, `localized` removed', () => {
    expect(spoken(error, 'vi')).toEqual({
      message: 'Giá trị không hợp lệ của "first": …',
      path: ['touristSites'],
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
  });

  it('keeps the English message in English and removes `localized` there too', () => {
    expect(spoken(error, 'en')).toEqual({
      message: error.message,
      path: ['touristSites'],
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
  });

  it('returns the same object when there is nothing to change (no copy on the way out)', () => {
    const plain = { message: 'x', extensions: { code: 'FORBIDDEN' } };
    expect(spoken(plain, 'en')).toBe(plain);
  });

  it('translates the words graphql-js put before the hub’s own message', () => {
    const wrapped = {
      message: 'Variable "$d" got invalid value "2025-02-30"; Date "2025-02-30" is not a calendar date',
      extensions: {
        code: 'BAD_USER_INPUT',
        localized: {
          vi: 'Ngày (Date) "2025-02-30" không phải một ngày có thật trong lịch',
          of: 'Date "2025-02-30" is not a calendar date',
        },
      },
    };
    expect(spoken(wrapped, 'vi').message).toBe(
      'Biến "$d" nhận giá trị không hợp lệ "2025-02-30"; Ngày (Date) "2025-02-30" không phải một ngày có thật trong lịch',
    );
  });
});

describe('translate (graphql-js and Apollo Server wording)', () => {
  it.each([
    [
      'Cannot query field "nme" on type "TouristSite". Did you mean "name"?',
      'Không thể truy vấn trường "nme" trên kiểu "TouristSite". Có phải ý bạn là "name"?',
    ],
    ['Cannot query field "x" on type "Query".', 'Không thể truy vấn trường "x" trên kiểu "Query".'],
    ['Syntax Error: Expected Name, found <EOF>.', 'Lỗi cú pháp: Cần Name, nhưng gặp <EOF>.'],
    ['Unknown argument "frist" on field "Query.touristSites".', 'Trường "Query.touristSites" không có tham số "frist".'],
    [
      'Field "Query.administrativeUnit" argument "code" of type "String!" is required, but it was not provided.',
      'Trường "Query.administrativeUnit" cần tham số "code" kiểu "String!", nhưng tham số này không được gửi.',
    ],
    ['Variable "$n" of required type "Int!" was not provided.', 'Biến "$n" kiểu bắt buộc "Int!" không được gửi.'],
    [
      'Variable "$n" got invalid value "x"; Int cannot represent non-integer value: "x"',
      'Biến "$n" nhận giá trị không hợp lệ "x"; Int không biểu diễn được giá trị không phải số nguyên: "x"',
    ],
    ['Value "HOTELL" does not exist in "AccommodationKind" enum.', 'Giá trị "HOTELL" không có trong enum "AccommodationKind".'],
    [
      'Field "touristSites" of type "TouristSiteConnection!" must have a selection of subfields. Did you mean "touristSites { ... }"?',
      'Trường "touristSites" kiểu "TouristSiteConnection!" phải chọn các trường con. Có phải ý bạn là "touristSites { ... }"?',
    ],
  ])('%s', (en, vi) => {
    expect(translate(en)).toBe(vi);
  });

  it('leaves a message it does not know alone', () => {
    expect(translate('Something nobody wrote a rule for')).toBeUndefined();
  });
});
