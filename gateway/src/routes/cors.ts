// Browser apps on other origins: CORS for the routes an app calls (`/graphql`, `/auth/token`, the audit export), for
// the origins the operator lists in HUB_CORS_ORIGINS and no others (none by default; the demo allows a local
// front-end's dev server). Uses the `cors` package Apollo Server itself depends on. Credentials are bearer tokens in
// the Authorization header, never cookies: `Access-Control-Allow-Credentials` is not sent, and an app's
// `fetch(…, { credentials: 'include' })` gets nothing more. A preflight is answered here (204, cached by the browser
// for 10 minutes) and never reaches the pipeline or the audit log: it carries no operation.
import cors from 'cors';
import type { RequestHandler } from 'express';

/** The paths browser apps call; everything else (explorer, console, metrics, health) is same-origin only. */
export const CORS_PATHS = ['/graphql', '/auth/token', '/audit/events.csv'];

/** Request headers an app may send: content type, the token, Apollo's client identification, the CSRF header. */
const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'apollographql-client-name',
  'apollographql-client-version',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-request-id',
];

/** Response headers an app may read: the request id (to report a fault), when to retry after a 429. */
const EXPOSED_HEADERS = ['x-request-id', 'retry-after'];

/** Exactly these origins (scheme, host and port, as a browser sends `Origin`). */
export function corsMiddleware(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
}

/** The problem with one configured origin, or null: `https://app.example.gov.vn`, `http://localhost:5173`. */
export function originProblem(value: string): string | null {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return `${JSON.stringify(value)} is not an origin such as https://app.example.gov.vn`;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return `${JSON.stringify(value)} must be http:// or https://`;
  if (u.origin !== value) return `${JSON.stringify(value)} must be an origin only (scheme, host, port; no path or slash), e.g. ${u.origin}`;
  return null;
}
