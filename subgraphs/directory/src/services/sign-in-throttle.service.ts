// Throttling of password sign-ins per username and per client address, kept in the directory's database so that
// every gateway replica counts the same failures. After a rule's free failures, each further failure makes the
// next attempt wait (30 s, 60 s, 120 s… up to the maximum): a temporary lock that passes by itself, never a
// status of the account, so it ends no session and an attacker cannot lock anyone out for good. Unknown usernames
// are counted exactly like known ones, so a 429 says nothing about whether an account exists.
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '@hub/kit';
import type { SignInPolicy, ThrottleRule } from '../config';

export interface ThrottleKeys {
  username: string;
  /** The client address the gateway saw; absent for in-process callers (tests), then only the username counts. */
  address?: string | null;
}

/** Why an attempt is refused, and for how long (whole seconds, at least 1). */
export interface Throttled {
  retryAfterSeconds: number;
  by: 'USERNAME' | 'ADDRESS';
}

/** Times are measured by the database's clock, the one every replica shares. */
interface Row {
  key: string;
  failures: number;
  /** Seconds since the last failure; null when there was none. */
  since_failure: number | null;
  /** Seconds the next attempt must still wait (≤ 0: none). */
  wait: number | null;
}

const digest = (s: string) => createHash('sha256').update(s).digest('hex');
export const normalizeUsername = (u: string) => u.trim().toLowerCase();

/** How long the next attempt waits after `failures` failures under `rule` (0: it may come at once). */
export function delayAfter(rule: ThrottleRule, failures: number): number {
  if (failures < rule.freeFailures) return 0;
  return Math.min(rule.baseDelaySeconds * 2 ** Math.min(failures - rule.freeFailures, 30), rule.maxDelaySeconds);
}

export class SignInThrottleService {
  constructor(
    private readonly em: EntityManager,
    private readonly policy: SignInPolicy,
  ) {}

  private keys(k: ThrottleKeys): { key: string; rule: ThrottleRule; by: Throttled['by'] }[] {
    const out: { key: string; rule: ThrottleRule; by: Throttled['by'] }[] = [
      { key: `u:${digest(normalizeUsername(k.username))}`, rule: this.policy.username, by: 'USERNAME' },
    ];
    if (k.address) out.push({ key: `a:${digest(k.address)}`, rule: this.policy.address, by: 'ADDRESS' });
    // Rows are locked in key order, so two attempts never wait for each other's rows (no deadlock).
    return out.sort((a, b) => a.key.localeCompare(b.key));
  }

  /**
   * Called before the password is checked. Refuses the attempt while the username or the address must wait;
   * otherwise counts it as a failure at once (undone by `succeeded`), in one transaction with the rows locked, so
   * that concurrent attempts on any replica cannot all slip through before the first failure is written.
   */
  async admit(k: ThrottleKeys): Promise<Throttled | null> {
    const keys = this.keys(k);
    const forget = this.policy.forgetAfterSeconds;
    return sql(this.em).transaction(async (tx) => {
      await tx.run(
        `insert into sign_in_throttle (id, created_at, updated_at, version, key, failures)
           values ${keys.map((_, i) => `(gen_random_uuid(), now(), now(), 1, $${i + 1}, 0)`).join(', ')} on conflict (key) do nothing`,
        keys.map((x) => x.key),
      );
      const rows = await tx.rows<Row>(
        `select key, failures, extract(epoch from now() - last_failure_at)::float8 as since_failure,
           extract(epoch from blocked_until - now())::float8 as wait
           from sign_in_throttle where key = any($1) order by key for update`,
        [keys.map((x) => x.key)],
      );
      let refused: Throttled | null = null;
      for (const x of keys) {
        const r = rows.find((row) => row.key === x.key)!;
        if (r.wait !== null && r.wait > 0) {
          const retryAfterSeconds = Math.max(1, Math.ceil(r.wait));
          if (!refused || retryAfterSeconds > refused.retryAfterSeconds) refused = { retryAfterSeconds, by: x.by };
        }
      }
      if (refused) return refused;
      for (const x of keys) {
        const r = rows.find((row) => row.key === x.key)!;
        const stale = r.since_failure === null || r.since_failure > forget;
        const failures = (stale ? 0 : r.failures) + 1;
        const wait = delayAfter(x.rule, failures);
        await tx.run(
          `update sign_in_throttle set failures = $1, last_failure_at = now(), updated_at = now(), version = version + 1,
             blocked_until = ${wait > 0 ? 'now() + make_interval(secs => $3)' : 'null'} where key = $2`,
          wait > 0 ? [failures, x.key, wait] : [failures, x.key],
        );
      }
      return null;
    });
  }

  /**
   * The password was right: the username's failures are forgotten, and the address's provisional failure is
   * taken back with the wait it set (its earlier failures stay: the next failure from there waits as long as
   * before; a success of one account does not excuse guesses at others).
   */
  async succeeded(k: ThrottleKeys): Promise<void> {
    const db = sql(this.em);
    for (const x of this.keys(k)) {
      if (x.by === 'USERNAME') {
        await db.run(`update sign_in_throttle set failures = 0, blocked_until = null, updated_at = now() where key = $1`, [x.key]);
      } else {
        await db.run(
          `update sign_in_throttle set failures = greatest(failures - 1, 0), blocked_until = null, updated_at = now() where key = $1`,
          [x.key],
        );
      }
    }
  }

  /** Forgets rows with nothing left to remember (an unknown-username flood leaves one row per name tried). */
  async sweep(): Promise<number> {
    const rows = await sql(this.em).rows<{ n: number }>(
      `with gone as (delete from sign_in_throttle where last_failure_at < now() - make_interval(secs => $1)
         and (blocked_until is null or blocked_until < now()) returning 1) select count(*)::int as n from gone`,
      [this.policy.forgetAfterSeconds],
    );
    return rows[0]?.n ?? 0;
  }
}
