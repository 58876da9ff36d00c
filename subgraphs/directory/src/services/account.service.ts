// Accounts: password sign-in (throttled per username and per client address, see sign-in-throttle.service.ts),
// refresh sessions rotated within a family, and the status the gateway checks on every request so that a disabled
// account's tokens stop working at once.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccountView } from '@hub/schema';
import { Account, AccountSession } from '../entities';
import type { SignInPolicy } from '../config';
import { hashPassword, verifyPassword } from './password';
import { normalizeUsername, SignInThrottleService, type Throttled } from './sign-in-throttle.service';

export type { AccountView };

/**
 * Why a sign-in failed: for the gateway's audit record only. The caller is told the same thing in every case, after
 * the same work (one scrypt check), so that none of them tells whether a username exists.
 */
export type SignInFailure = 'UNKNOWN_USERNAME' | 'WRONG_PASSWORD' | 'ACCOUNT_DISABLED';
export type SignInResult =
  | { ok: true; account: AccountView; refreshToken: string }
  | { ok: false; reason: SignInFailure }
  | ({ ok: false; reason: 'THROTTLED' } & Throttled);

/** Why a refresh failed (for the audit record); the caller is told only that the token is not valid. */
export type RefreshFailure = 'UNKNOWN_TOKEN' | 'REVOKED' | 'EXPIRED' | 'ACCOUNT_INACTIVE' | 'REUSED';
export type RefreshResult =
  { ok: true; account: AccountView; refreshToken: string } | { ok: false; reason: RefreshFailure; username?: string };

const SESSION_DAYS = 7;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => UUID.test(id);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
// Checking a password against this hash where there is no real one (unknown username) costs what a real check does.
const DUMMY_HASH = hashPassword(randomBytes(24).toString('base64url'));

function viewOf(a: Account): AccountView {
  return { id: a.id, username: a.username, agency: a.agency.code, roles: [...a.roles], editorOf: [...a.editorOf], status: a.status };
}

export class AccountService {
  constructor(
    private readonly em: EntityManager,
    private readonly policy: SignInPolicy,
  ) {}

  async signIn(username: string, password: string, address?: string | null): Promise<SignInResult> {
    const throttle = new SignInThrottleService(this.em, this.policy);
    const keys = { username, address };
    // A username or address that must wait is refused before anything is looked up: the same answer, and no
    // password check, whether or not the account exists.
    const throttled = await throttle.admit(keys);
    if (throttled) return { ok: false, reason: 'THROTTLED', ...throttled };
    const name = normalizeUsername(username);
    const account = name.length <= 80 ? await this.em.findOne(Account, { username: name }, { populate: ['passwordHash', 'agency'] }) : null;
    // One scrypt check on every path: against the real hash when there is one (a disabled account included).
    const passwordOk = await verifyPassword(password, account?.passwordHash ?? (await DUMMY_HASH));
    if (!account) return { ok: false, reason: 'UNKNOWN_USERNAME' };
    if (!passwordOk) return { ok: false, reason: 'WRONG_PASSWORD' };
    if (account.status !== 'ACTIVE') return { ok: false, reason: 'ACCOUNT_DISABLED' };
    await throttle.succeeded(keys);
    account.lastLoginAt = new Date();
    const refreshToken = this.newSession(account, randomUUID());
    await this.em.flush();
    return { ok: true, account: viewOf(account), refreshToken };
  }

  /**
   * Exchanges a refresh token for the next one of its family (the old one stops working) if the account is still
   * active. A token already exchanged is a stolen one, or its owner's after a thief's: the whole family is revoked.
   */
  async refresh(token: string): Promise<RefreshResult> {
    const session = await this.em.findOne(AccountSession, { tokenHash: sha256(token) }, { populate: ['account', 'account.agency'] });
    if (!session) return { ok: false, reason: 'UNKNOWN_TOKEN' };
    const username = session.account.username;
    const reused = async (): Promise<RefreshResult> => {
      await this.em.nativeUpdate(AccountSession, { familyId: session.familyId, revokedAt: null }, { revokedAt: new Date() });
      return { ok: false, reason: 'REUSED', username };
    };
    if (session.rotatedAt) return reused();
    if (session.revokedAt) return { ok: false, reason: 'REVOKED', username };
    if (session.expiresAt < new Date()) return { ok: false, reason: 'EXPIRED', username };
    if (session.account.status !== 'ACTIVE') return { ok: false, reason: 'ACCOUNT_INACTIVE', username };
    // Only one exchange of a token wins, whichever replica it reaches: the loser is a reuse.
    const won = await this.em.nativeUpdate(AccountSession, { id: session.id, rotatedAt: null, revokedAt: null }, { rotatedAt: new Date() });
    if (won !== 1) return reused();
    const refreshToken = this.newSession(session.account, session.familyId);
    await this.em.flush();
    return { ok: true, account: viewOf(session.account), refreshToken };
  }

  /** The account with this id; null for an id that is not an account's (an external `oidc:…` one included). */
  async view(id: string): Promise<AccountView | null> {
    if (!isUuid(id)) return null;
    const a = await this.em.findOne(Account, { id }, { populate: ['agency'] });
    return a ? viewOf(a) : null;
  }

  private newSession(account: Account, familyId: string): string {
    const token = randomBytes(32).toString('base64url');
    this.em.create(AccountSession, {
      account,
      tokenHash: sha256(token),
      familyId,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 86400_000),
    });
    return token;
  }
}
