// Sign-in, tokens and who the gateway believes is asking: hub tokens and an external OIDC issuer; every bad
// token is a 401 that says what is wrong, never a silent downgrade to PUBLIC.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, exportJWK, generateKeyPair, importPKCS8, jwtVerify, SignJWT } from 'jose';
import { generateContextKeyPair } from '@hub/infra';
import { Account } from '@hub/directory';
import { startStack, type Stack } from '../stack';

let stack: Stack;
let oidc: Server;
let oidcSign: (claims: Record<string, unknown>, aud?: string) => Promise<string>;

beforeAll(async () => {
  // An external identity provider: its own RSA key, published as JWKS on a local port.
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
  oidc = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => oidc.listen(0, '127.0.0.1', () => r()));
  const jwksUrl = `http://127.0.0.1:${(oidc.address() as AddressInfo).port}/jwks`;
  oidcSign = (claims, aud = 'hub-test') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
      .setIssuer('https://idp.example.gov.vn')
      .setAudience(aud)
      .setSubject('u-42')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  stack = await startStack({
    gatewayEnv: {
      HUB_OIDC_ISSUER: 'https://idp.example.gov.vn',
      HUB_OIDC_AUDIENCE: 'hub-test',
      HUB_OIDC_JWKS_URL: jwksUrl,
      HUB_OIDC_AGENCY_CLAIM: 'org',
      HUB_OIDC_ROLES_CLAIM: 'hub_roles',
    },
  });
});
afterAll(async () => {
  await stack?.stop();
  oidc?.close();
});

const INTERNAL_FIELD = `{ accommodation(code: "LT-0001") { name licenceNumber } }`;

async function forged(opts: { key?: string; exp?: number; iss?: string; aud?: string } = {}) {
  return new SignJWT({ agency: 'SXD', roles: ['OFFICIAL'] })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject('00000000-0000-4000-8000-000000000000')
    .setIssuer(opts.iss ?? 'provincial-data-hub')
    .setAudience(opts.aud ?? 'provincial-data-hub-api')
    .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
    .setExpirationTime(opts.exp ?? '10m')
    .sign(await importPKCS8(opts.key ?? stack.sessionPrivateKey, 'ES256'));
}

describe('sign-in', () => {
  it('gives a short-lived token verifiable with the published JWKS, and a refresh token', async () => {
    const res = await stack.signIn('sxd.official');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 900, refresh_token: expect.any(String) });
    const jwks = await (await fetch(`${stack.gateway.url}/.well-known/jwks.json`)).json();
    const { payload, protectedHeader } = await jwtVerify(res.body.access_token, createLocalJWKSet(jwks as never));
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload).toMatchObject({ agency: 'SXD', roles: ['OFFICIAL'] });
    expect(JSON.stringify(jwks)).not.toMatch(/"d":/);
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    for (const [user, pw] of [
      ['sxd.official', 'wrong-password-123'],
      ['nobody', 'whatever-password'],
    ]) {
      const res = await stack.signIn(user, pw);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        error: 'invalid_grant',
        error_description: 'wrong username or password, or the account cannot sign in now',
      });
    }
  });

  it('rotates refresh tokens: a used one no longer works', async () => {
    const first = await stack.signIn('vhttdl.official');
    const refresh = (t: string) =>
      fetch(`${stack.gateway.url}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: t }),
      });
    const second = await refresh(first.body.refresh_token);
    expect(second.status).toBe(200);
    expect(((await second.json()) as { access_token: string }).access_token).toEqual(expect.any(String));
    expect((await refresh(first.body.refresh_token)).status).toBe(400);
  });

  it('answers a malformed request with 400 and says what to send', async () => {
    const r = await fetch(`${stack.gateway.url}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username":"x"}',
    });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error_description: string }).error_description).toMatch(/grant_type/);
  });
});

describe('who is asking', () => {
  it('an official reads INTERNAL fields; the same query without a token gets them denied', async () => {
    const token = (await stack.signIn('sxd.official')).body.access_token;
    const signedIn = await stack.query(INTERNAL_FIELD, undefined, token);
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data.accommodation.licenceNumber).toMatch(/GP-SVHTTDL/);
    const anonymous = await stack.query(INTERNAL_FIELD);
    expect(anonymous.data.accommodation.licenceNumber).toBeNull();
  });

  it("PERSONAL data: the owning agency's data editor reads it, its other officials and other agencies do not", async () => {
    const q = `{ accommodation(code: "LT-0005") { ownerName } }`;
    const editor = await stack.query(q, undefined, (await stack.signIn('vhttdl.editor')).body.access_token);
    expect(editor.data.accommodation.ownerName).toBe('Nông Văn Thắng');
    for (const user of ['vhttdl.official', 'sxd.official']) {
      const res = await stack.query(q, undefined, (await stack.signIn(user)).body.access_token);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it("stops a disabled account's token on its next request", async () => {
    const token = (await stack.signIn('vp.approver')).body.access_token;
    expect((await stack.query(INTERNAL_FIELD, undefined, token)).status).toBe(200);
    const em = stack.subgraphs.directory.orm.em.fork();
    await em.nativeUpdate(Account, { username: 'vp.approver' }, { status: 'DISABLED', statusReason: 'reported lost' });
    const res = await stack.query(INTERNAL_FIELD, undefined, token);
    expect(res.status).toBe(401);
    expect(res.errors![0]).toMatchObject({
      message: 'The account is disabled: its tokens no longer work',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it.each([
    ['expired', () => forged({ exp: Math.floor(Date.now() / 1000) - 60 }), /expired/],
    ['signed with another key', () => forged({ key: generateContextKeyPair().privateKey }), /signature is not valid/],
    ['of another issuer', () => forged({ iss: 'https://elsewhere' }), /iss/],
    ['for another audience', () => forged({ aud: 'someone-else' }), /aud/],
    [
      'alg none',
      async () =>
        `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"x","iss":"provincial-data-hub","aud":"provincial-data-hub-api"}').toString('base64url')}.`,
      /algorithm|malformed/,
    ],
    ['malformed', async () => 'not.a.token', /malformed/],
  ])('refuses a token %s with 401 and a clear message', async (_what, make, message) => {
    const res = await stack.query('{ __typename }', undefined, await make());
    expect(res.status).toBe(401);
    expect(res.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toMatch(message);
    expect(res.data).toBeUndefined();
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const r = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic YWRtaW46YWRtaW4=' },
      body: '{"query":"{ __typename }"}',
    });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toMatch(/Bearer/);
  });

  it('accepts the external OIDC issuer with its claims mapped to agency and roles', async () => {
    const token = await oidcSign({ org: 'SXD', hub_roles: ['OFFICIAL', 'NOT_A_ROLE'] });
    const res = await stack.query(INTERNAL_FIELD, undefined, token);
    expect(res.errors).toBeUndefined();
    expect(res.data.accommodation.licenceNumber).toBeTruthy();
    const wrongAudience = await stack.query(INTERNAL_FIELD, undefined, await oidcSign({ org: 'SXD' }, 'other-app'));
    expect(wrongAudience.status).toBe(401);
    const noAgency = await stack.query(INTERNAL_FIELD, undefined, await oidcSign({ hub_roles: ['OFFICIAL'] }));
    expect(noAgency.errors![0].message).toMatch(/"org" claim/);
  });

  it('an external (OIDC) account reads `me` as a view of its claims, marked EXTERNAL; nothing answers it with an internal error', async () => {
    const token = await oidcSign({ org: 'SXD', hub_roles: ['OFFICIAL', 'AGENCY_ADMIN'] });
    const me = await stack.query('{ me { id source username agency { code } roles status history { totalCount } } }', undefined, token);
    expect(me.errors).toBeUndefined();
    expect(me.data.me).toEqual({
      id: 'oidc:u-42',
      source: 'EXTERNAL',
      username: 'u-42',
      agency: { code: 'SXD' },
      roles: ['OFFICIAL', 'AGENCY_ADMIN'],
      status: 'ACTIVE',
      history: { totalCount: 0 },
    });
    const hub = await stack.query('{ me { source } }', undefined, (await stack.signIn('sxd.official')).body.access_token);
    expect(hub.data.me).toEqual({ source: 'HUB' });
    // Everything else that takes the caller's account id refuses or works, never an internal error.
    const password = await stack.query(
      'mutation { changePassword(currentPassword: "whatever-it-is", newPassword: "a-brand-new-password") }',
      undefined,
      token,
    );
    expect(password.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Mutation.changePassword' });
    const accounts = await stack.query('{ accounts(first: 1) { totalCount } }', undefined, token);
    expect(accounts.errors).toBeUndefined();
    const agreement = await stack.query(
      'mutation($input: SharingAgreementRequest!) { requestSharingAgreement(input: $input) { status consumer { code } } }',
      {
        input: {
          providerCode: 'SVHTTDL',
          coordinates: ['AccommodationEstablishment.annualRevenue'],
          includesPersonalData: false,
          purpose: 'Kiểm thử',
          legalBasis: 'CV 1/SXD',
          usage: 'Nội bộ',
          validFrom: '2025-01-01',
          validTo: '2025-12-31',
        },
      },
      token,
    );
    expect(agreement.errors).toBeUndefined();
    expect(agreement.data.requestSharingAgreement).toEqual({ status: 'REQUESTED', consumer: { code: 'SXD' } });
    // The security console lists the external caller's events: its account resolves to null, not to an error.
    const auditor = (await stack.signIn('security.auditor')).body.access_token;
    const events = await stack.query(
      '{ auditEvents(filter: { account: "oidc:u-42" }, first: 5) { edges { node { principal { accountId account { username } } } } } }',
      undefined,
      auditor,
    );
    expect(events.errors).toBeUndefined();
    expect(events.data.auditEvents.edges.length).toBeGreaterThan(0);
    for (const e of events.data.auditEvents.edges) expect(e.node.principal).toEqual({ accountId: 'oidc:u-42', account: null });
  });

  it('lets signed-in callers introspect', async () => {
    const token = (await stack.signIn('vhttdl.official')).body.access_token;
    const res = await stack.query('{ __schema { queryType { name } } }', undefined, token);
    expect(res.data.__schema.queryType.name).toBe('Query');
  });
});
