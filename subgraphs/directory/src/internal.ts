// Endpoints for the gateway only (sealed by its context token, like /graphql): sign-in, refresh, and the
// account status the gateway checks on every signed-in request. Passwords never pass through GraphQL.
import type { Router } from 'express';
import type { InternalDeps } from '@hub/kit';
import { AccountService } from './services/account.service';
import { directoryConfig } from './config';
import { DatasetOwnership } from './entities';
import { SharingAgreementService, today, validOn } from './services';

export function internalRoutes(router: Router, { em, log }: InternalDeps): void {
  const accounts = () => new AccountService(em(), directoryConfig.HUB_LOGIN_MAX_FAILURES);

  router.post('/sign-in', async (req, res) => {
    const { username, password } = req.body ?? {};
    if (typeof username !== 'string' || typeof password !== 'string') {
      res.status(400).json({ error: 'BAD_REQUEST', message: 'username and password are required' });
      return;
    }
    const result = await accounts().signIn(username, password);
    if (typeof result === 'string') {
      log.info({ username, outcome: result }, 'sign-in refused');
      res.status(result === 'INVALID_CREDENTIALS' ? 401 : 403).json({ error: result });
      return;
    }
    res.json(result);
  });

  router.post('/refresh', async (req, res) => {
    const token = req.body?.refreshToken;
    const result = typeof token === 'string' ? await accounts().refresh(token) : null;
    if (!result) {
      res.status(401).json({ error: 'INVALID_REFRESH_TOKEN' });
      return;
    }
    res.json(result);
  });

  // What the gateway's policy needs to know: which agency owns each subgraph's database today.
  router.get('/policy-facts', async (_req, res) => {
    const day = today();
    const rows = await em().find(DatasetOwnership, { dataset: { subgraph: { $ne: null } } }, { populate: ['dataset', 'agency'] });
    const owners: Record<string, string> = {};
    for (const o of rows) if (validOn(o, day)) owners[o.dataset.subgraph!] = o.agency.code;
    res.json({ owners, grants: await new SharingAgreementService(em()).inForce() });
  });

  router.get('/accounts/:id', async (req, res) => {
    const view = /^[0-9a-f-]{36}$/i.test(req.params.id) ? await accounts().view(req.params.id) : null;
    if (!view) {
      res.status(404).json({ error: 'NOT_FOUND' });
      return;
    }
    res.json(view);
  });
}
