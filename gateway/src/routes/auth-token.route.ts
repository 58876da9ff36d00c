// POST /auth/token, a route beside the GraphQL pipeline: the password grant (`{ grant_type: "password", username,
// password }`) and the refresh grant (`{ grant_type: "refresh_token", refresh_token }`), JSON only. Passwords go to
// the directory and nowhere else (never into GraphQL, a log or the audit). Every attempt leaves exactly one audit
// record (the username tried, the client address, the outcome and why), committed before the answer: without a
// record no token is released (503). Every failure of a credential says the same thing, and the directory does the
// same work for each, so an answer never tells whether a username exists or why it cannot sign in; the reason is
// in the audit record for security staff. It reuses the pipeline's request-id, audit-gate and audit-record stages.
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { ErrorCode, LOCALIZED_EXTENSION, msg, type AccountView, type Localized, type Principal } from '@hub/schema';
import type { Authenticator, Directory } from '../auth';
import { addressOf, type RateLimits } from '../rate-limit';
import { Run, runOf, type Pipeline } from '../pipeline/adapter';

/** The one answer to a failed password sign-in, whatever the reason. */
const SIGN_IN_FAILED = msg(
  'wrong username or password, or the account cannot sign in now',
  'sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản hiện không đăng nhập được',
);
const REFRESH_FAILED = msg(
  'the refresh token is not valid (used, expired or revoked): sign in again',
  'mã làm mới (refresh token) không hợp lệ (đã dùng, đã hết hạn hoặc đã bị thu hồi): hãy đăng nhập lại',
);
const USAGE = msg(
  'send JSON: grant_type "password" with username and password, or "refresh_token" with refresh_token',
  'hãy gửi JSON: grant_type "password" kèm username và password, hoặc "refresh_token" kèm refresh_token',
);
const UNAVAILABLE = msg('sign-in is unavailable: try again shortly', 'hiện không đăng nhập được: hãy thử lại sau ít phút');
/** What the audit keeps of a username tried (the body may hold up to 16 KB of it). */
const USERNAME_RECORDED = 200;

export interface SignInDeps {
  /** The stages it reuses: request-id, audit-gate, error-masking and audit-record. */
  stages: Pipeline;
  directory: Directory;
  auth: Authenticator;
  limits: RateLimits;
  log: Logger;
}

interface Attempt {
  grant: 'password' | 'refresh_token' | null;
  username?: string;
}

/** An answer of the token endpoint and what its audit record says. */
interface Answer {
  status: number;
  body: Record<string, unknown>;
  outcome: 'ok' | 'rejected' | 'error';
  /** The OAuth error and, for the record only, why. */
  codes: string[];
  principal?: Principal;
  retryAfter?: number;
}

/** `error_description` in English, its Vietnamese beside it for the language stage (which keeps one of them). */
const refused = (status: number, error: string, description: Localized, reason: string, retryAfter?: number): Answer => ({
  status,
  body: { error, error_description: description.en, [LOCALIZED_EXTENSION]: { error_description: description.vi } },
  outcome: status >= 500 ? 'error' : 'rejected',
  codes: [error, reason],
  retryAfter,
});

const tooMany = (seconds: number, reason: string) =>
  refused(
    429,
    'too_many_requests',
    msg(`too many sign-in attempts: try again in ${seconds} s`, `đăng nhập quá nhiều lần: hãy thử lại sau ${seconds} giây`),
    reason,
    seconds,
  );

const principalOf = (a: AccountView): Principal => ({
  kind: 'ACCOUNT',
  accountId: a.id,
  agency: a.agency,
  roles: a.roles as never,
  editorOf: a.editorOf ?? [],
});

export function signInRoute({ stages, directory, auth, limits, log }: SignInDeps): Router {
  const router = express.Router();

  /** Records the attempt, then answers; no record, no answer but 503 (and no token leaves). */
  const answer = (_req: Request, res: Response, attempt: Attempt, a: Answer) => {
    const run = runOf(res);
    run.provide({
      ...(a.principal ? { principal: a.principal } : {}),
      asked: {
        operation: { type: 'sign-in', name: attempt.grant, hash: null, document: null },
        variables: null,
        requested: [],
        username: attempt.username?.slice(0, USERNAME_RECORDED),
      },
    });
    return run.send(res, {
      status: a.status,
      headers: a.retryAfter ? { 'Retry-After': String(a.retryAfter) } : {},
      body: a.body,
      record: { outcome: a.outcome, errorCodes: a.codes },
    });
  };

  router.use(async (req, res, next) => {
    res.locals.run = await Run.start(stages, req, res);
    // Tokens must not be kept by a browser or a proxy (RFC 6749 §5.1), and neither must the errors.
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Pragma', 'no-cache');
    next();
  });

  // The address's budget comes first: a flood is turned away before any body is read or password checked.
  router.use(async (req, res, next) => {
    try {
      const seconds = await limits.tokenWait(addressOf(req));
      if (seconds) return answer(req, res, { grant: null }, tooMany(seconds, 'RATE_LIMITED'));
      next();
    } catch (e) {
      next(e);
    }
  });

  router.post('/', express.json({ limit: '16kb' }), async (req, res, next) => {
    const b = (req.body ?? {}) as Record<string, unknown>;
    const grant = b.grant_type === 'password' || b.grant_type === 'refresh_token' ? b.grant_type : null;
    const attempt: Attempt = { grant, username: typeof b.username === 'string' ? b.username : undefined };
    try {
      if (!req.is('application/json')) return answer(req, res, attempt, refused(400, 'invalid_request', USAGE, 'WRONG_CONTENT_TYPE'));
      // The audit gate before the directory is asked: no session starts or rotates unlogged.
      if (await runOf(res).through('request')) {
        return answer(
          req,
          res,
          attempt,
          refused(
            503,
            'temporarily_unavailable',
            msg('the audit store is unavailable: try again shortly', 'kho nhật ký kiểm toán hiện không hoạt động: hãy thử lại sau ít phút'),
            'AUDIT_UNAVAILABLE',
          ),
        );
      }
      if (grant === 'password' && typeof b.username === 'string' && typeof b.password === 'string') {
        return answer(req, res, attempt, await passwordGrant(b.username, b.password, addressOf(req)));
      }
      if (grant === 'refresh_token' && typeof b.refresh_token === 'string') {
        const r = await refreshGrant(b.refresh_token);
        return answer(req, res, { grant, username: r.username }, r.answer);
      }
      return answer(req, res, attempt, refused(400, 'invalid_request', USAGE, 'MISSING_PARAMETERS'));
    } catch (e) {
      next(e);
    }
  });

  const passwordGrant = async (username: string, password: string, address: string): Promise<Answer> => {
    const r = await directory.signIn(username, password, address);
    if (r.status === 200) {
      const account = r.body.account as AccountView;
      return {
        status: 200,
        body: { ...(await auth.issue(account)), refresh_token: r.body.refreshToken },
        outcome: 'ok',
        codes: [],
        principal: principalOf(account),
      };
    }
    if (r.status === 429) {
      const seconds = Math.max(1, Number(r.body.retryAfterSeconds) || 1);
      return tooMany(seconds, r.body.by === 'ADDRESS' ? 'THROTTLED_ADDRESS' : 'THROTTLED_USERNAME');
    }
    if (r.status === 401) return refused(400, 'invalid_grant', SIGN_IN_FAILED, String(r.body.reason ?? 'INVALID_GRANT'));
    log.error({ status: r.status }, 'the directory failed a sign-in');
    return refused(503, 'temporarily_unavailable', UNAVAILABLE, 'DIRECTORY_UNAVAILABLE');
  };

  const refreshGrant = async (token: string): Promise<{ answer: Answer; username?: string }> => {
    const r = await directory.refresh(token);
    if (r.status === 200) {
      const account = r.body.account as AccountView;
      const body = { ...(await auth.issue(account)), refresh_token: r.body.refreshToken };
      return { answer: { status: 200, body, outcome: 'ok', codes: [], principal: principalOf(account) }, username: account.username };
    }
    const username = typeof r.body.username === 'string' ? r.body.username : undefined;
    if (r.status === 401)
      return { answer: refused(400, 'invalid_grant', REFRESH_FAILED, String(r.body.reason ?? 'INVALID_GRANT')), username };
    log.error({ status: r.status }, 'the directory failed a refresh');
    return { answer: refused(503, 'temporarily_unavailable', UNAVAILABLE, 'DIRECTORY_UNAVAILABLE') };
  };

  // Any other method: refused, and recorded like every request to this route.
  router.all('/', (req, res) => {
    res.set('Allow', 'POST');
    return answer(
      req,
      res,
      { grant: null },
      refused(405, 'invalid_request', msg('use POST', 'hãy dùng POST'), ErrorCode.METHOD_NOT_ALLOWED),
    );
  });

  // A body that is not JSON, or too large.
  router.use((err: { type?: string }, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (err?.type === 'entity.too.large')
      return answer(
        req,
        res,
        { grant: null },
        refused(413, 'invalid_request', msg('the body is too large', 'thân yêu cầu quá lớn'), 'BODY_TOO_LARGE'),
      );
    if (err?.type?.startsWith('entity.'))
      return answer(req, res, { grant: null }, refused(400, 'invalid_request', USAGE, 'MALFORMED_BODY'));
    log.error({ err }, 'sign-in failed');
    return answer(req, res, { grant: null }, refused(503, 'temporarily_unavailable', UNAVAILABLE, 'INTERNAL_ERROR'));
  });

  return router;
}
