// Request budgets of the gateway: per client address on /auth/token, and per principal and per address on /graphql.
// Counters live in each gateway process (rate-limiter-flexible's memory store): with N replicas behind a balancer a
// client gets up to N times the budget, which is what a budget against floods needs; what must hold across replicas
// (failed sign-ins of a username) is counted by the directory in its database.
import type { Request } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Principal } from '@hub/schema';

export interface RateLimitConfig {
  /** Off only for benchmarks, whose load comes from one address. */
  enabled: boolean;
  /** The window each budget is counted over. */
  windowSeconds: number;
  /** Requests to /auth/token from one client address per window. */
  tokenPerAddress: number;
  /** Requests to /graphql of one signed-in account per window. */
  graphqlPerPrincipal: number;
  /** Requests to /graphql from one client address per window, whoever signs them (a NAT holds hundreds of users). */
  graphqlPerAddress: number;
}

/**
 * A province's staff sign in from a few NAT addresses, hundreds of users each: a morning's sign-ins and the refreshes
 * every 15 minutes stay far below 300 a minute per address, and a page of the console or a front end makes a few
 * requests a second per user. The budgets stop floods, not work.
 */
export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  enabled: true,
  windowSeconds: 60,
  tokenPerAddress: 300,
  graphqlPerPrincipal: 1200,
  graphqlPerAddress: 12000,
};

/** Where a request comes from: `req.ip` follows the gateway's `trust proxy` setting (HUB_TRUST_PROXY). */
export const addressOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

export class RateLimits {
  private readonly token: RateLimiterMemory;
  private readonly principal: RateLimiterMemory;
  private readonly address: RateLimiterMemory;

  constructor(readonly config: RateLimitConfig) {
    const duration = config.windowSeconds;
    this.token = new RateLimiterMemory({ keyPrefix: 'token', points: config.tokenPerAddress, duration });
    this.principal = new RateLimiterMemory({ keyPrefix: 'principal', points: config.graphqlPerPrincipal, duration });
    this.address = new RateLimiterMemory({ keyPrefix: 'address', points: config.graphqlPerAddress, duration });
  }

  /** Seconds until this address may ask /auth/token again; 0 when it may now (the request is counted). */
  tokenWait(address: string): Promise<number> {
    return this.consume(this.token, address);
  }

  /** Seconds until this request may be served and whose budget ran out; null when it may now (it is counted). */
  async graphqlWait(address: string, principal: Principal): Promise<{ seconds: number; by: 'principal' | 'address' } | null> {
    const byAddress = await this.consume(this.address, address);
    if (byAddress) return { seconds: byAddress, by: 'address' };
    if (principal.kind !== 'ACCOUNT') return null;
    const byPrincipal = await this.consume(this.principal, principal.accountId);
    return byPrincipal ? { seconds: byPrincipal, by: 'principal' } : null;
  }

  private async consume(limiter: RateLimiterMemory, key: string): Promise<number> {
    if (!this.config.enabled) return 0;
    try {
      await limiter.consume(key);
      return 0;
    } catch (e) {
      if (e instanceof RateLimiterRes) return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      throw e;
    }
  }
}
