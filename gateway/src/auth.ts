// Who is asking. A request without Authorization is the PUBLIC principal; a bearer token must be a hub session
// token (ES256, signed with the gateway's session key, published at /.well-known/jwks.json) or a token of the
// configured OIDC issuer. Anything else is a 401 that says what is wrong: never a silent downgrade to PUBLIC.
// A hub account is looked up in the directory on every request, so a disabled account stops at once.
import { createPublicKey, randomUUID } from 'node:crypto';
import {
  createRemoteJWKSet,
  decodeJwt,
  errors as joseErrors,
  exportJWK,
  importPKCS8,
  jwtVerify,
  SignJWT,
  type JWK,
  type KeyLike,
} from 'jose';
import {
  joinMessages,
  msg,
  PUBLIC,
  ROLES,
  type AccountView,
  type Localized,
  type PolicyFactsView,
  type Principal,
  type Role,
} from '@hub/schema';

export interface OidcConfig {
  issuer: string;
  audience: string;
  jwksUrl: string;
  agencyClaim: string;
  rolesClaim: string;
  /** The claim listing the databases (catalogue codes) the account edits as DATA_EDITOR. */
  editorOfClaim: string;
}

export interface AuthConfig {
  sessionPrivateKey: string;
  sessionTtlSeconds: number;
  oidc?: OidcConfig;
}

const SESSION_ISSUER = 'provincial-data-hub';
const SESSION_AUDIENCE = 'provincial-data-hub-api';

export class AuthError extends Error {
  constructor(
    readonly said: Localized,
    readonly status = 401,
  ) {
    super(said.en);
  }
}

/** The directory's sealed internal endpoints (sign-in, refresh, account status). */
export interface Directory {
  /** `clientAddress`: where the attempt came from, which the directory's throttle counts beside the username. */
  signIn(username: string, password: string, clientAddress: string): Promise<{ status: number; body: any }>;
  refresh(refreshToken: string): Promise<{ status: number; body: any }>;
  account(id: string): Promise<AccountView | null>;
  policyFacts(): Promise<PolicyFactsView>;
}

export function directoryClient(internalUrl: string, contextToken: () => Promise<string>): Directory {
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${internalUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-hub-context': await contextToken() },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    return { status: r.status, body: await r.json().catch(() => ({})) };
  };
  return {
    signIn: (username, password, clientAddress) => call('POST', '/sign-in', { username, password, clientAddress }),
    refresh: (refreshToken) => call('POST', '/refresh', { refreshToken }),
    async account(id) {
      const r = await call('GET', `/accounts/${encodeURIComponent(id)}`);
      if (r.status === 404) return null;
      if (r.status !== 200) throw new Error(`directory answered ${r.status}`);
      return r.body as AccountView;
    },
    async policyFacts() {
      const r = await call('GET', '/policy-facts');
      if (r.status !== 200) throw new Error(`directory answered ${r.status}`);
      return r.body as PolicyFactsView;
    },
  };
}

/** Catalogue codes from a claim or the directory's view: strings only, at most 200 of them. */
const asCodes = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((c): c is string => typeof c === 'string' && c.length <= 40).slice(0, 200) : [];

const asRoles = (v: unknown): Role[] => (Array.isArray(v) ? v.filter((r): r is Role => (ROLES as readonly string[]).includes(r)) : []);

function explain(e: unknown): Localized {
  if (e instanceof joseErrors.JWTExpired)
    return msg('the token has expired: sign in again or refresh it', 'mã thông báo (token) đã hết hạn: hãy đăng nhập lại hoặc làm mới nó');
  if (e instanceof joseErrors.JOSEAlgNotAllowed)
    return msg(
      'the token is signed with an algorithm the hub does not accept',
      'mã thông báo được ký bằng thuật toán mà hệ thống không chấp nhận',
    );
  if (e instanceof joseErrors.JWSSignatureVerificationFailed)
    return msg('the token signature is not valid', 'chữ ký của mã thông báo không hợp lệ');
  if (e instanceof joseErrors.JWTClaimValidationFailed)
    return msg(`the token's ${e.claim} claim is not accepted`, `trường ${e.claim} của mã thông báo không được chấp nhận`);
  if (e instanceof joseErrors.JWKSNoMatchingKey)
    return msg(
      'the token is signed with a key the issuer does not publish',
      'mã thông báo được ký bằng khóa mà bên phát hành không công bố',
    );
  return MALFORMED;
}

const MALFORMED = msg('the token is malformed', 'mã thông báo sai định dạng');
const invalidToken = (why: Localized) => new AuthError(joinMessages(msg('Invalid token: ', 'Mã thông báo không hợp lệ: '), why));

export class Authenticator {
  private constructor(
    private readonly cfg: AuthConfig,
    private readonly privateKey: KeyLike,
    private readonly publicKey: KeyLike,
    private readonly jwk: JWK,
    private readonly directory: Directory,
    private readonly oidcKeys?: ReturnType<typeof createRemoteJWKSet>,
  ) {}

  static async create(cfg: AuthConfig, directory: Directory): Promise<Authenticator> {
    const privateKey = await importPKCS8(cfg.sessionPrivateKey, 'ES256');
    const publicKey = createPublicKey(cfg.sessionPrivateKey) as unknown as KeyLike;
    const jwk = { ...(await exportJWK(publicKey)), alg: 'ES256', use: 'sig' };
    jwk.kid = `hub-${Buffer.from(JSON.stringify([jwk.x, jwk.y]))
      .toString('base64url')
      .slice(0, 16)}`;
    const oidcKeys = cfg.oidc ? createRemoteJWKSet(new URL(cfg.oidc.jwksUrl)) : undefined;
    return new Authenticator(cfg, privateKey, publicKey, jwk, directory, oidcKeys);
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.jwk] };
  }

  /** A short-lived access token for an active hub account. */
  async issue(account: AccountView): Promise<{ access_token: string; token_type: 'Bearer'; expires_in: number }> {
    const token = await new SignJWT({ agency: account.agency, roles: account.roles, username: account.username })
      .setProtectedHeader({ alg: 'ES256', kid: this.jwk.kid, typ: 'JWT' })
      .setSubject(account.id)
      .setIssuer(SESSION_ISSUER)
      .setAudience(SESSION_AUDIENCE)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(`${this.cfg.sessionTtlSeconds}s`)
      .sign(this.privateKey);
    return { access_token: token, token_type: 'Bearer', expires_in: this.cfg.sessionTtlSeconds };
  }

  async principalOf(authorization: string | undefined): Promise<Principal> {
    if (authorization === undefined) return PUBLIC;
    const m = /^Bearer ([A-Za-z0-9\-_.]+)$/.exec(authorization.trim());
    if (!m) throw new AuthError(msg('Authorization must be "Bearer <token>"', 'Tiêu đề Authorization phải có dạng "Bearer <token>"'));
    const token = m[1];
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw invalidToken(MALFORMED);
    }
    if (this.cfg.oidc && issuer === this.cfg.oidc.issuer) return this.fromOidc(token, this.cfg.oidc);
    let sub: string;
    try {
      const { payload } = await jwtVerify(token, this.publicKey, {
        issuer: SESSION_ISSUER,
        audience: SESSION_AUDIENCE,
        algorithms: ['ES256'],
      });
      sub = String(payload.sub);
    } catch (e) {
      throw invalidToken(explain(e));
    }
    const account = await this.directory.account(sub);
    if (!account) throw invalidToken(msg('the account no longer exists', 'tài khoản không còn tồn tại'));
    if (account.status !== 'ACTIVE') {
      const status = account.status.toLowerCase();
      throw new AuthError(
        msg(
          `The account is ${status}: its tokens no longer work`,
          `Tài khoản đang ở trạng thái ${status}: các mã thông báo của nó không còn dùng được`,
        ),
      );
    }
    return {
      kind: 'ACCOUNT',
      accountId: account.id,
      agency: account.agency,
      roles: asRoles(account.roles),
      editorOf: asCodes(account.editorOf),
    };
  }

  private async fromOidc(token: string, oidc: OidcConfig): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.oidcKeys!, {
        issuer: oidc.issuer,
        audience: oidc.audience,
        algorithms: ['RS256', 'ES256', 'EdDSA'],
      });
      const agency = payload[oidc.agencyClaim];
      if (typeof agency !== 'string' || !agency)
        throw invalidToken(msg(`the "${oidc.agencyClaim}" claim (agency) is missing`, `thiếu trường "${oidc.agencyClaim}" (cơ quan)`));
      return {
        kind: 'ACCOUNT',
        accountId: `oidc:${payload.sub}`,
        agency,
        roles: asRoles(payload[oidc.rolesClaim]),
        editorOf: asCodes(payload[oidc.editorOfClaim]),
      };
    } catch (e) {
      if (e instanceof AuthError) throw e;
      throw invalidToken(explain(e));
    }
  }
}
