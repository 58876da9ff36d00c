// A browser app on another origin calls the gateway (Debian's chromium, headless): from an origin the operator
// allowed, it signs in at /auth/token and queries /graphql with the token; from any other origin the browser gets
// nothing. The preflight is answered without reaching the pipeline. Credentials are bearer tokens, never cookies.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD } from '@hub/directory';
import { launchBrowser, withBrowser } from '../browser';
import { startStack, type Stack } from '../stack';

const maybe = withBrowser('CORS browser test');

/** A front-end app's page: nothing but a script the test drives through page.evaluate. */
async function appServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>app</title>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

maybe('browser apps on other origins', () => {
  let stack: Stack;
  let browser: Browser;
  let allowed: { server: Server; origin: string };
  let other: { server: Server; origin: string };
  beforeAll(async () => {
    allowed = await appServer();
    other = await appServer();
    stack = await startStack({ gatewayEnv: { HUB_CORS_ORIGINS: `https://app.example.gov.vn, ${allowed.origin}` } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    allowed?.server.close();
    other?.server.close();
  });

  /** What an app's code gets: the sign-in, then a query with the token and Apollo's client headers. */
  const callFrom = async (origin: string) => {
    const page = await browser.newPage();
    await page.goto(origin);
    const out = await page.evaluate(
      async ({ gateway, password }) => {
        try {
          const signIn = await fetch(`${gateway}/auth/token`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ grant_type: 'password', username: 'vhttdl.official', password }),
          });
          const { access_token: token } = await signIn.json();
          const r = await fetch(`${gateway}/graphql`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${token}`,
              'apollographql-client-name': 'tourism-portal',
              'apollographql-client-version': '1.0',
            },
            body: JSON.stringify({ query: '{ accommodations(first: 1) { nodes { name licenceNumber } } }' }),
          });
          return { status: r.status, requestId: r.headers.get('x-request-id'), body: await r.json() };
        } catch (e) {
          return { failed: String(e) };
        }
      },
      { gateway: stack.gateway.url, password: DEMO_PASSWORD },
    );
    await page.close();
    return out as { status?: number; requestId?: string | null; body?: any; failed?: string };
  };

  it('lets an allowed origin sign in and query with its token, and read the request id', async () => {
    const r = await callFrom(allowed.origin);
    expect(r.failed).toBeUndefined();
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.accommodations.nodes[0].licenceNumber).toEqual(expect.any(String));
    expect(r.requestId).toMatch(/\S/);
  });

  it('gives any other origin nothing: the browser refuses the answer', async () => {
    const r = await callFrom(other.origin);
    expect(r.failed).toMatch(/Failed to fetch|TypeError/);
  });

  it('answers the preflight for an allowed origin only, with no credentials rule', async () => {
    const pre = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: allowed.origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(allowed.origin);
    expect(pre.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    expect(pre.headers.get('access-control-max-age')).toBe('600');
    const refused = await fetch(`${stack.gateway.url}/auth/token`, {
      method: 'OPTIONS',
      headers: { origin: other.origin, 'access-control-request-method': 'POST' },
    });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    // Same-origin pages (the explorer, the console) get no CORS headers at all.
    const page = await fetch(`${stack.gateway.url}/explorer`, { headers: { origin: allowed.origin } });
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });
});
