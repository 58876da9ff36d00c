// The settings every subgraph reads, parsed the hub's one way (@hub/runtime's parseConfig): every problem listed.
import { z } from 'zod';
import { defineConfig, flag, integer, keyFile, logLevel, port, url, type LogLevel } from '@hub/runtime';
import { readHistoryKey } from './history';
import { MAX_PAGE_SIZE } from './pagination';

export type SubgraphConfig = {
  host: string;
  port: number;
  dbUrl: string;
  poolMax: number;
  /** Largest `first` of a connection (HUB_MAX_PAGE_SIZE). */
  maxPageSize: number;
  migrate: boolean;
  seed: 'none' | 'demo';
  /** PEM of the gateway's public key for context tokens. */
  contextPublicKey: string;
  /** Encrypts PERSONAL values in change history; null: they are not stored. */
  historyKey: Buffer | null;
  logLevel: LogLevel;
};

export const subgraphSettings = defineConfig({
  vars: {
    HUB_HOST: z.string().default('127.0.0.1'),
    PORT: port(0),
    HUB_DB_URL: url("a postgres:// connection URL of this subgraph's own database"),
    HUB_DB_POOL_MAX: integer(10, { min: 1, max: 100 }),
    /** The largest page a connection returns (`first`); the gateway's HUB_MAX_COST bounds what a query may ask. */
    HUB_MAX_PAGE_SIZE: integer(MAX_PAGE_SIZE, { min: 1, max: 1_000_000 }),
    HUB_MIGRATE: flag(true),
    HUB_SEED: z.enum(['none', 'demo'], { message: 'must be none or demo' }).default('none'),
    HUB_CONTEXT_PUBLIC_KEY_FILE: keyFile("the gateway's context-token public key", { type: 'public', algorithm: 'ES256' }),
    /** Key of the PERSONAL values in change history; without it they are stored masked. */
    HUB_HISTORY_KEY_FILE: z
      .string()
      .optional()
      .transform((file, ctx) => {
        if (file === undefined) return null;
        try {
          return readHistoryKey(file);
        } catch {
          ctx.addIssue({ code: 'custom', message: 'must name a readable file holding a 32-byte key, base64 or hex' });
          return z.NEVER;
        }
      }),
    LOG_LEVEL: logLevel,
  },
  build: (c): SubgraphConfig => ({
    host: c.HUB_HOST,
    port: c.PORT,
    dbUrl: c.HUB_DB_URL,
    poolMax: c.HUB_DB_POOL_MAX,
    maxPageSize: c.HUB_MAX_PAGE_SIZE,
    migrate: c.HUB_MIGRATE,
    seed: c.HUB_SEED,
    contextPublicKey: c.HUB_CONTEXT_PUBLIC_KEY_FILE,
    historyKey: c.HUB_HISTORY_KEY_FILE,
    logLevel: c.LOG_LEVEL,
  }),
});
