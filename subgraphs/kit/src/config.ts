// Configuration is parsed once at start-up from the environment into a typed object. Every problem is
// printed, then the process exits: a service never starts half-configured.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { readHistoryKey } from './history';
import { MAX_PAGE_SIZE } from './pagination';

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses `env` with `schema`; throws a ConfigError listing every problem (variable name and what is wrong). */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`));
}

/** Like parseEnv, but prints the problems and exits; for a service's main module. */
export function loadConfigOrExit<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  try {
    return parseEnv(schema, env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
export const flag = (fallback: boolean) =>
  z
    .enum(['1', '0', 'true', 'false', 'yes', 'no'])
    .default(fallback ? '1' : '0')
    .transform((v) => v === '1' || v === 'true' || v === 'yes');
/** A variable naming a readable PEM file that contains `marker` (e.g. "PUBLIC KEY"). */
export const pemFile = (what: string, marker: string) =>
  z.string({ message: `must name the PEM file of ${what}` }).refine(
    (f) => {
      try {
        return readFileSync(f, 'utf8').includes(marker);
      } catch {
        return false;
      }
    },
    { message: `must name a readable PEM file of ${what}` },
  );

export const logLevel = z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info');

/** The settings every subgraph reads. */
export const subgraphEnv = z.object({
  HUB_HOST: z.string().default('127.0.0.1'),
  PORT: port(0),
  HUB_DB_URL: z.string().url({ message: 'must be a postgres:// connection URL of this subgraph\'s own database' }),
  HUB_DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** The largest page a connection returns (`first`); the gateway's HUB_MAX_COST bounds what a query may ask. */
  HUB_MAX_PAGE_SIZE: z.coerce.number().int().min(1).max(1_000_000).default(MAX_PAGE_SIZE),
  HUB_MIGRATE: flag(true),
  HUB_SEED: z.enum(['none', 'demo']).default('none'),
  HUB_CONTEXT_PUBLIC_KEY_FILE: pemFile("the gateway's context-token public key", 'PUBLIC KEY'),
  /** Key of the PERSONAL values in change history; without it they are stored masked. */
  HUB_HISTORY_KEY_FILE: z
    .string()
    .optional()
    .refine(
      (f) => {
        if (f === undefined) return true;
        try {
          readHistoryKey(f);
          return true;
        } catch {
          return false;
        }
      },
      { message: 'must name a readable file holding a 32-byte key, base64 or hex' },
    ),
  LOG_LEVEL: logLevel,
});
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
  logLevel: z.infer<typeof logLevel>;
};

export function subgraphConfig(env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  const c = parseEnv(subgraphEnv, env);
  return {
    host: c.HUB_HOST,
    port: c.PORT,
    dbUrl: c.HUB_DB_URL,
    poolMax: c.HUB_DB_POOL_MAX,
    maxPageSize: c.HUB_MAX_PAGE_SIZE,
    migrate: c.HUB_MIGRATE,
    seed: c.HUB_SEED,
    contextPublicKey: readFileSync(c.HUB_CONTEXT_PUBLIC_KEY_FILE, 'utf8'),
    historyKey: c.HUB_HISTORY_KEY_FILE ? readHistoryKey(c.HUB_HISTORY_KEY_FILE) : null,
    logLevel: c.LOG_LEVEL,
  };
}
