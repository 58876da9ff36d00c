// What a client sees of an error, in the gateway and in every subgraph: registry codes as they are, nothing internal.
import { GraphQLError } from 'graphql';
import pino from 'pino';
import { badUserInput, ErrorCode, msg } from '@hub/schema';
import { maskErrors } from '../mask-errors';

const logged: Record<string, any>[] = [];
const format = maskErrors(pino({ level: 'error' }, { write: (line: string) => void logged.push(JSON.parse(line)) }));
beforeEach(() => logged.splice(0));

describe('maskErrors', () => {
  it('passes an error with a registry code, without its stack or internals', () => {
    const error = badUserInput('first', msg('must be positive', 'phải là số dương'));
    const out = format(
      { message: error.message, path: ['units'], extensions: { ...error.extensions, stacktrace: ['at x'], exception: { sql: 'select' } } },
      error,
    );
    expect(out).toEqual({
      message: 'Invalid value for "first": must be positive',
      path: ['units'],
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        argument: 'first',
        localized: { vi: 'Giá trị không hợp lệ của "first": phải là số dương' },
      },
    });
    expect(logged).toEqual([]);
  });

  it('masks anything else behind an error id, and logs it in full under that id', () => {
    const error = new GraphQLError('duplicate key value violates unique constraint "account_pkey" at /srv/hub');
    const out = format({ message: error.message, path: ['createAccount'], extensions: { code: 'SOME_DRIVER_CODE' } }, error);
    const id = out.extensions?.requestId as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(out).toEqual({
      message: `Internal server error (request ${id})`,
      path: ['createAccount'],
      locations: undefined,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: id, localized: { vi: `Lỗi nội bộ của máy chủ (yêu cầu ${id})` } },
    });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ errorId: id, msg: 'internal error', err: { message: error.message } });
  });

  it("keeps a subgraph's error id and name, and nothing else it sent", () => {
    const out = format(
      {
        message: 'Internal server error (request abc) at db.internal:5432',
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: 'abc', serviceName: 'directory', detail: 'x' },
      },
      new Error(),
    );
    expect(out).toEqual({
      message: 'Internal server error (request abc)',
      path: undefined,
      locations: undefined,
      extensions: {
        code: ErrorCode.INTERNAL_SERVER_ERROR,
        requestId: 'abc',
        localized: { vi: 'Lỗi nội bộ của máy chủ (yêu cầu abc)' },
        serviceName: 'directory',
      },
    });
    expect(logged).toEqual([]);
  });

  it("unwraps a validation rule's bad-input error (it is the caller's input, not a validation failure)", () => {
    const inner = badUserInput('asOf', msg('is not a date', 'không phải một ngày'));
    const wrapped = new GraphQLError(inner.message, { originalError: inner, extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED } });
    expect(format({ message: wrapped.message, extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED } }, wrapped).extensions).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      argument: 'asOf',
      localized: { vi: 'Giá trị không hợp lệ của "asOf": không phải một ngày' },
    });
  });

  it('carries the Vietnamese of a wrapped error with the part of the message it translates', () => {
    const inner = new GraphQLError('Date "x" is not a date in the form YYYY-MM-DD', {
      extensions: { code: ErrorCode.BAD_USER_INPUT, localized: { vi: 'Ngày (Date) "x" không phải ngày dạng YYYY-MM-DD' } },
    });
    const wrapped = new GraphQLError(`Variable "$d" got invalid value "x"; ${inner.message}`, {
      originalError: inner,
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
    expect(format({ message: wrapped.message, extensions: { code: ErrorCode.BAD_USER_INPUT } }, wrapped).extensions).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      localized: { vi: 'Ngày (Date) "x" không phải ngày dạng YYYY-MM-DD', of: inner.message },
    });
  });
});
