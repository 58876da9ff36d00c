import { serializeResult, stringifyResult } from '../serialized';

describe('a response is serialised once', () => {
  it('gives the client the string the audit measured, while the response is unchanged', () => {
    const result = { data: { a: [1, 2] }, errors: undefined, extensions: undefined };
    const text = serializeResult(result);
    expect(stringifyResult({ errors: result.errors, data: result.data, extensions: result.extensions })).toBe(`${text}\n`);
    expect(JSON.parse(text)).toEqual({ data: { a: [1, 2] } });
  });

  it('serialises afresh a response whose errors were replaced after', () => {
    const result = { data: { a: 1 } };
    serializeResult(result);
    const errors = [{ message: 'later' }];
    expect(JSON.parse(stringifyResult({ errors, data: result.data }))).toEqual({ errors, data: { a: 1 } });
  });
});
