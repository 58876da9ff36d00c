// Sealed subgraphs: the gateway signs a short-lived context token (who is asking, for which request) on every
// subgraph request, and a subgraph answers nothing without a valid one, so nobody can go around the gateway.
// ES256 with a key pair (made by @hub/infra's generateContextKeyPair): subgraphs hold only the public key, so a
// subgraph cannot mint tokens for another.
import { SignJWT, importPKCS8, importSPKI, jwtVerify } from 'jose';

export const CONTEXT_HEADER = 'x-hub-context';
const ISSUER = 'hub-gateway';
const AUDIENCE = 'hub-subgraph';
const ALG = 'ES256';
/** Long enough for the slowest query plan, short enough that a stolen token is soon worthless. */
export const CONTEXT_TOKEN_TTL_SECONDS = 60;

export interface CallerClaims {
  /** Account id, or `PUBLIC` for an anonymous caller. */
  sub: string;
  agency?: string;
  roles: string[];
  /** The gateway's request id. */
  rid: string;
  /**
   * The RESTRICTED and PERSONAL coordinates of the receiving subgraph this caller may read, as the gateway's policy
   * decided them (owner, agreements): what the subgraph may show unmasked in change history.
   */
  read?: string[];
}

export async function contextSigner(privateKeyPem: string): Promise<(claims: CallerClaims) => Promise<string>> {
  const key = await importPKCS8(privateKeyPem, ALG);
  return (claims) =>
    new SignJWT({ agency: claims.agency, roles: claims.roles, rid: claims.rid, ...(claims.read ? { read: claims.read } : {}) })
      .setProtectedHeader({ alg: ALG })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${CONTEXT_TOKEN_TTL_SECONDS}s`)
      .sign(key);
}

export class ContextTokenError extends Error {}

export async function contextVerifier(publicKeyPem: string): Promise<(token: string | undefined) => Promise<CallerClaims>> {
  const key = await importSPKI(publicKeyPem, ALG);
  return async (token) => {
    if (!token) throw new ContextTokenError('no context token');
    try {
      const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: [ALG] });
      return {
        sub: String(payload.sub),
        agency: typeof payload.agency === 'string' ? payload.agency : undefined,
        roles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
        rid: String(payload.rid ?? ''),
        read: Array.isArray(payload.read) ? payload.read.map(String) : [],
      };
    } catch (e) {
      throw new ContextTokenError((e as Error).message);
    }
  };
}
