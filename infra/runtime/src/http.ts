// Express's own error page prints the stack trace of a body it could not read (bad JSON, too large): these
// handlers answer in GraphQL's error format instead, with the status that fits and nothing internal.
import { ErrorCode } from '@hub/schema';
import type { ErrorRequestHandler, RequestHandler } from 'express';

export const jsonErrorHandler: ErrorRequestHandler = (err, _req, res, next) => {
  if (res.headersSent) return next(err);
  const status: number = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
  const message =
    err?.type === 'entity.parse.failed'
      ? 'Request body is not valid JSON'
      : err?.type === 'entity.too.large'
        ? 'Request body is too large'
        : status < 500
          ? 'Bad request'
          : 'Internal server error';
  res
    .status(status)
    .json({ errors: [{ message, extensions: { code: status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_SERVER_ERROR } }] });
};

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: ErrorCode.NOT_FOUND } }] });
};
