// The gateway's configuration, parsed once from the environment; every problem is listed before exit.
import { z } from 'zod';
import { SUBGRAPHS, SUPERGRAPH_PATH } from '@hub/schema';

export interface GatewayConfig {
  host: string;
  port: number;
  supergraphPath: string;
  /** Subgraph URL overrides by service name; others use the URL written in the supergraph. */
  subgraphUrls: Record<string, string>;
  subgraphTimeoutMs: number;
  logLevel: string;
}

/** `culture-tourism` is configured by HUB_SUBGRAPH_URL_CULTURE_TOURISM. */
export const subgraphUrlVar = (name: string) => `HUB_SUBGRAPH_URL_${name.replace(/-/g, '_').toUpperCase()}`;

const env = z.object({
  HUB_HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HUB_SUPERGRAPH_PATH: z.string().default(SUPERGRAPH_PATH),
  HUB_SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(15000),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  ...Object.fromEntries(SUBGRAPHS.map((s) => [subgraphUrlVar(s.name), z.string().url().optional()])),
});

export function gatewayConfig(source: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    throw new Error(
      `Invalid gateway configuration:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  const c = parsed.data as Record<string, unknown>;
  const subgraphUrls: Record<string, string> = {};
  for (const s of SUBGRAPHS) {
    const url = c[subgraphUrlVar(s.name)];
    if (typeof url === 'string') subgraphUrls[s.name] = url;
  }
  return {
    host: c.HUB_HOST as string,
    port: c.PORT as number,
    supergraphPath: c.HUB_SUPERGRAPH_PATH as string,
    subgraphUrls,
    subgraphTimeoutMs: c.HUB_SUBGRAPH_TIMEOUT_MS as number,
    logLevel: c.LOG_LEVEL as string,
  };
}
