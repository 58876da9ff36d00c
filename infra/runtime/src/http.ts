// Express's own error page prints the stack trace of a body it could not read (bad JSON, too large): these
// handlers answer in GraphQL's error format instead, with the status that fits and nothing internal, in the language
// the request's Accept-Language prefers (English or Vietnamese; Express negotiates).
import { ErrorCode, msg, type Localized } from '@hub/schema';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';

const said = (req: Request, m: Localized) => (req.acceptsLanguages('en', 'vi') === 'vi' ? m.vi : m.en);

export const jsonErrorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  const status: number = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
  const message = said(
    req,
    err?.type === 'entity.parse.failed'
      ? msg('Request body is not valid JSON', 'Thân yêu cầu không phải JSON hợp lệ')
      : err?.type === 'entity.too.large'
        ? msg('Request body is too large', 'Thân yêu cầu quá lớn')
        : status < 500
          ? msg('Bad request', 'Yêu cầu không hợp lệ')
          : msg('Internal server error', 'Lỗi nội bộ của máy chủ'),
  );
  res
    .status(status)
    .json({ errors: [{ message, extensions: { code: status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_SERVER_ERROR } }] });
};

export const notFound: RequestHandler = (req, res) => {
  res.vary('Accept-Language');
  res.status(404).json({ errors: [{ message: said(req, msg('Not found', 'Không tìm thấy')), extensions: { code: ErrorCode.NOT_FOUND } }] });
};
