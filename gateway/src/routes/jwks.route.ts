// `GET /.well-known/jwks.json`: the public key of the hub's session tokens, for services that check them.
import express, { type Router } from 'express';
import type { Authenticator } from '../auth';

export function jwksRoute(auth: Authenticator): Router {
  const router = express.Router();
  router.get('/.well-known/jwks.json', (_req, res) => {
    res.json(auth.jwks());
  });
  return router;
}
