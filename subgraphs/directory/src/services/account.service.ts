// Accounts: sign-in with lockout after repeated failures, refresh sessions (rotated), and the status the gateway
// checks on every request so that a disabled account's tokens stop working at once.
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccountView } from '@hub/schema';
import { Account, AccountSession } from '../entities';
import { hashPassword, verifyPassword } from './password';

export type SignInFailure = 'INVALID_CREDENTIALS' | 'ACCOUNT_LOCKED' | 'ACCOUNT_DISABLED';

export type { AccountView };

const SESSION_DAYS = 7;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
// Verifying against a real hash when the user does not exist keeps both answers equally slow.
const DUMMY_HASH = hashPassword('not-a-real-password-at-all');

export function viewOf(a: Account): AccountView {
  return { id: a.id, username: a.username, agency: a.agency.code, roles: [...a.roles], status: a.status };
}

export class AccountService {
  constructor(
    private readonly em: EntityManager,
    private readonly maxFailedLogins: number,
  ) {}

  async signIn(username: string, password: string): Promise<{ account: AccountView; refreshToken: string } | SignInFailure> {
    const account = await this.em.findOne(Account, { username: username.trim().toLowerCase() }, { populate: ['passwordHash', 'agency'] });
    if (!account) {
      await verifyPassword(password, await DUMMY_HASH);
      return 'INVALID_CREDENTIALS';
    }
    if (account.status === 'DISABLED') return 'ACCOUNT_DISABLED';
    if (account.status === 'LOCKED') return 'ACCOUNT_LOCKED';
    if (!(await verifyPassword(password, account.passwordHash))) {
      account.failedLogins += 1;
      if (account.failedLogins >= this.maxFailedLogins) {
        account.status = 'LOCKED';
        account.statusReason = `locked after ${account.failedLogins} failed sign-ins`;
      }
      await this.em.flush();
      return account.status === 'LOCKED' ? 'ACCOUNT_LOCKED' : 'INVALID_CREDENTIALS';
    }
    account.failedLogins = 0;
    account.lastLoginAt = new Date();
    const refreshToken = this.newSession(account);
    await this.em.flush();
    return { account: viewOf(account), refreshToken };
  }

  /** Exchanges a refresh token for a new one (the old one stops working) if the account is still active. */
  async refresh(token: string): Promise<{ account: AccountView; refreshToken: string } | null> {
    const session = await this.em.findOne(AccountSession, { tokenHash: sha256(token) }, { populate: ['account', 'account.agency'] });
    if (!session || session.revokedAt || session.expiresAt < new Date() || session.account.status !== 'ACTIVE') return null;
    session.revokedAt = new Date();
    const refreshToken = this.newSession(session.account);
    await this.em.flush();
    return { account: viewOf(session.account), refreshToken };
  }

  async view(id: string): Promise<AccountView | null> {
    const a = await this.em.findOne(Account, { id }, { populate: ['agency'] });
    return a ? viewOf(a) : null;
  }

  private newSession(account: Account): string {
    const token = randomBytes(32).toString('base64url');
    this.em.create(AccountSession, {
      account,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + SESSION_DAYS * 86400_000),
    } as AccountSession);
    return token;
  }
}
