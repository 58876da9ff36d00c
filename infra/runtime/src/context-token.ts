// Sealed subgraphs: the gateway sends a short-lived signed context token (who is asking, and what they may read)
// with every subgraph request, and a subgraph answers nothing without a valid one, so nobody can go around the
// gateway. ES256 with a key pair (made by @hub/infra's generateContextKeyPair): subgraphs hold only the public key,
// so a subgraph cannot mint tokens for another.
//
// Signing and verifying ECDSA cost more than the rest of a small request, so both sides remember: the gateway
// reuses a caller's token while it has more than half its life left, and a subgraph remembers a token it verified
// until the token expires. The request id travels beside the token (`x-request-id`), not in it.
import { SignJWT, importPKCS8, importSPKI, jwtVerify } from 'jose';
import { boundedSet } from './bounded';

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
  /**
   * The sector databases (catalogue codes) the caller edits as DATA_EDITOR and whose owner today is the caller's
   * agency, as the gateway decided it from the directory's facts: a subgraph's writes check its own dataset is here.
   */
  editorOf?: string[];
  /**
   * The RESTRICTED and PERSONAL coordinates of the receiving subgraph this caller may read, as the gateway's policy
   * decided them (owner, agreements): what the subgraph may show unmasked in change history.
   */
  read?: string[];
}

/** Tokens (or verified claims) remembered at most; the oldest is forgotten first. */
const CACHE_SIZE = 10_000;

/** `ttlSeconds`: the gateway keeps the default; a benchmark's stand-in for another gateway signs one long-lived token. */
export async function contextSigner(
  privateKeyPem: string,
  ttlSeconds = CONTEXT_TOKEN_TTL_SECONDS,
): Promise<(claims: CallerClaims) => Promise<string>> {
  const key = await importPKCS8(privateKeyPem, ALG);
  const signed = new Map<string, { token: Promise<string>; reuseUntil: number }>();
  return (claims) => {
    const id = JSON.stringify([claims.sub, claims.agency ?? null, claims.roles, claims.editorOf ?? null, claims.read ?? null]);
    const now = Date.now();
    const hit = signed.get(id);
    if (hit && hit.reuseUntil > now) return hit.token;
    signed.delete(id);
    const token = new SignJWT({
      agency: claims.agency,
      roles: claims.roles,
      ...(claims.editorOf?.length ? { editorOf: claims.editorOf } : {}),
      ...(claims.read ? { read: claims.read } : {}),
    })
      .setProtectedHeader({ alg: ALG })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(key);
    token.catch(() => signed.delete(id));
    return boundedSet(signed, id, { token, reuseUntil: now + (ttlSeconds * 1000) / 2 }, CACHE_SIZE).token;
  };
}

export class ContextTokenError extends Error {}

export async function contextVerifier(publicKeyPem: string): Promise<(token: string | undefined) => Promise<CallerClaims>> {
  const key = await importSPKI(publicKeyPem, ALG);
  const verified = new Map<string, { claims: CallerClaims; expiresAt: number }>();
  return async (token) => {
    if (!token) throw new ContextTokenError('no context token');
    const hit = verified.get(token);
    if (hit) {
      if (hit.expiresAt > Date.now()) return hit.claims;
      verified.delete(token);
    }
    try {
      const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: [ALG] });
      const claims: CallerClaims = {
        sub: String(payload.sub),
        agency: typeof payload.agency === 'string' ? payload.agency : undefined,
        roles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
        editorOf: Array.isArray(payload.editorOf) ? payload.editorOf.map(String) : [],
        read: Array.isArray(payload.read) ? payload.read.map(String) : [],
      };
      return boundedSet(verified, token, { claims, expiresAt: (payload.exp ?? 0) * 1000 }, CACHE_SIZE).claims;
    } catch (e) {
      throw new ContextTokenError((e as Error).message);
    }
  };
}
