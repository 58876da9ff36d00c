// Endpoints for the gateway only (sealed by its context token, like /graphql): sign-in, refresh, and the
// account status the gateway checks on every signed-in request. Passwords never pass through GraphQL. The gateway
// passes the client's address, which the sign-in throttle counts beside the username.
import type { Router } from 'express';
import type { InternalDeps } from '@hub/kit';
import { AccountService } from './services/account.service';
import type { SignInPolicy } from './config';
import { SignInThrottleService } from './services/sign-in-throttle.service';
import { policyFactsOf } from './services';

/** Every this many sign-ins, rows of the throttle with nothing left to remember are deleted. */
const SWEEP_EVERY = 500;

export function internalRoutes(router: Router, { em, log, settings: signInPolicy }: InternalDeps<SignInPolicy>): void {
  const accounts = () => new AccountService(em(), signInPolicy);
  let signIns = 0;

  // { username, password, clientAddress }: 200 { account, refreshToken }; 401 { error: INVALID_GRANT, reason };
  // 429 { error: THROTTLED, retryAfterSeconds, by }. The reason is for the gateway's audit record, never the caller.
  router.post('/sign-in', async (req, res) => {
    const { username, password, clientAddress } = req.body ?? {};
    if (typeof username !== 'string' || typeof password !== 'string' || (clientAddress != null && typeof clientAddress !== 'string')) {
      res.status(400).json({ error: 'BAD_REQUEST', message: 'username and password are required; clientAddress is a string' });
      return;
    }
    const result = await accounts().signIn(username, password, clientAddress);
    if (++signIns % SWEEP_EVERY === 0)
      void new SignInThrottleService(em(), signInPolicy).sweep().catch((e) => log.warn({ err: e }, 'sign-in throttle sweep failed'));
    if (result.ok) {
      res.json({ account: result.account, refreshToken: result.refreshToken });
      return;
    }
    log.info({ outcome: result.reason }, 'sign-in refused');
    if (result.reason === 'THROTTLED') {
      res.status(429).json({ error: 'THROTTLED', retryAfterSeconds: result.retryAfterSeconds, by: result.by });
      return;
    }
    res.status(401).json({ error: 'INVALID_GRANT', reason: result.reason });
  });

  // { refreshToken }: 200 { account, refreshToken }; 401 { error: INVALID_GRANT, reason, username? }.
  router.post('/refresh', async (req, res) => {
    const token = req.body?.refreshToken;
    if (typeof token !== 'string') {
      res.status(400).json({ error: 'BAD_REQUEST', message: 'refreshToken is required' });
      return;
    }
    const result = await accounts().refresh(token);
    if (!result.ok) {
      if (result.reason === 'REUSED') log.warn({ username: result.username }, 'refresh token reused: its family is revoked');
      res.status(401).json({ error: 'INVALID_GRANT', reason: result.reason, username: result.username });
      return;
    }
    res.json({ account: result.account, refreshToken: result.refreshToken });
  });

  // What the gateway's policy needs to know: which agency owns each subgraph's database today.
  router.get('/policy-facts', async (_req, res) => {
    res.json(await policyFactsOf(em()));
  });

  router.get('/accounts/:id', async (req, res) => {
    const view = await accounts().view(req.params.id);
    if (!view) {
      res.status(404).json({ error: 'NOT_FOUND' });
      return;
    }
    res.json(view);
  });
}
