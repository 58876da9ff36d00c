// Configuration is parsed once at start-up from the environment into a typed object, the same way in every
// service: each variable on its own (so one bad variable never hides another), then the rules across variables, and
// every problem is listed by variable name before the service exits. A service never starts half-configured.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The variables a service reads, each with its schema; one with a default (or `.optional()`) may be unset. */
export type ConfigVars = Record<string, z.ZodType>;
export type ConfigValues<V extends ConfigVars> = { [K in keyof V]: z.output<V[K]> };

export interface ConfigSpec<V extends ConfigVars, T> {
  vars: V;
  /**
   * Rules across variables. `values` holds every variable that parsed (one that did not is absent: its problem is
   * already listed); `problem` adds one, kept only if that variable has none yet.
   */
  check?: (values: Partial<ConfigValues<V>>, problem: (variable: keyof V & string, message: string) => void) => void;
  /** The service's typed configuration, once every variable and rule has passed. */
  build: (values: ConfigValues<V>) => T;
}

/** Declares a configuration (for its types: `build` sees the parsed values of `vars`). */
export function defineConfig<V extends ConfigVars, T>(spec: ConfigSpec<V, T>): ConfigSpec<V, T> {
  return spec;
}

type Source = Record<string, string | undefined>;

function read<V extends ConfigVars, T>(env: Source, spec: ConfigSpec<V, T>): { problems: string[]; build: () => T } {
  const names = Object.keys(spec.vars);
  const values: Record<string, unknown> = {};
  const problems = new Map<string, string>();
  for (const name of names) {
    const parsed = spec.vars[name].safeParse(env[name]);
    if (parsed.success) values[name] = parsed.data;
    else problems.set(name, [...new Set(parsed.error.issues.map((i) => i.message))].join('; '));
  }
  spec.check?.(values as Partial<ConfigValues<V>>, (variable, message) => {
    if (!problems.has(variable)) problems.set(variable, message);
  });
  // Listed in the order the variables are declared, whichever step found them.
  const listed = [...problems].sort(([a], [b]) => names.indexOf(a) - names.indexOf(b)).map(([name, message]) => `${name}: ${message}`);
  return { problems: listed, build: () => spec.build(values as ConfigValues<V>) };
}

/** Parses `env` with `spec`; throws a ConfigError listing every problem, each named by its variable. */
export function parseConfig<V extends ConfigVars, T>(env: Source, spec: ConfigSpec<V, T>): T {
  const { problems, build } = read(env, spec);
  if (problems.length) throw new ConfigError(problems);
  return build();
}

/** Several configurations read from the same environment (the kit's and a subgraph's own): all problems in one error. */
export function parseConfigs<S extends Record<string, ConfigSpec<any, unknown>>>(
  env: Source,
  specs: S,
): { [K in keyof S]: S[K] extends ConfigSpec<any, infer T> ? T : never } {
  const parts = Object.entries(specs).map(([key, spec]) => [key, read(env, spec)] as const);
  const problems = parts.flatMap(([, r]) => r.problems);
  if (problems.length) throw new ConfigError(problems);
  return Object.fromEntries(parts.map(([key, r]) => [key, r.build()])) as {
    [K in keyof S]: S[K] extends ConfigSpec<any, infer T> ? T : never;
  };
}

// Variable kinds the services share. Each names what it wants in its message.

/** A whole number in [min, max]; `unit` (seconds, ms) is said in the message. */
export function integer(fallback: number, { min = 0, max, unit }: { min?: number; max?: number; unit?: string } = {}) {
  const range = max === undefined ? `at least ${min}` : `from ${min} to ${max}`;
  const message = `must be a whole number${unit ? ` of ${unit}` : ''}, ${range}`;
  const n = z.coerce.number({ message }).int({ message }).min(min, { message });
  return (max === undefined ? n : n.max(max, { message })).default(fallback);
}

type Bounds = { min?: number; max?: number };
/** A duration in whole seconds (the variable's name says so: `…_SECONDS`). */
export const seconds = (fallback: number, bounds: Bounds = {}) => integer(fallback, { ...bounds, unit: 'seconds' });
/** A duration in whole milliseconds (`…_MS`). */
export const milliseconds = (fallback: number, bounds: Bounds = {}) => integer(fallback, { ...bounds, unit: 'ms' });

/** A TCP port; 0 asks the system for a free one. */
export const port = (fallback: number, { min = 0, max = 65535 }: Bounds = {}) => integer(fallback, { min, max });

/** 1/0, true/false, yes/no. */
export const flag = (fallback: boolean) =>
  z
    .enum(['1', '0', 'true', 'false', 'yes', 'no'], { message: 'must be 1 or 0 (true/false, yes/no)' })
    .default(fallback ? '1' : '0')
    .transform((v) => v === '1' || v === 'true' || v === 'yes');

/** `on` or `off`, as true or false. */
export const onOff = (fallback: 'on' | 'off') =>
  z
    .enum(['on', 'off'], { message: 'must be on or off' })
    .default(fallback)
    .transform((v) => v === 'on');

/** An absolute URL; `what` says which. */
export const url = (what: string) => z.url({ message: `must be ${what}` });

/** A comma-separated list (`loopback, 10.0.0.0/8`): trimmed, empty items dropped. */
export const commaList = () =>
  z.string().transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

export const logLevel = z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info');
export type LogLevel = z.output<typeof logLevel>;

/**
 * A variable naming a PEM file of a key, read at once: its value is the PEM. `type` is the half the service must
 * hold (a subgraph never gets a private key); `algorithm` what it signs with: ES256 (an EC key on P-256) or Ed25519.
 */
export function keyFile(what: string, { type, algorithm }: { type: 'public' | 'private'; algorithm: 'ES256' | 'Ed25519' }) {
  return z.string({ message: `must name the PEM file of ${what}` }).transform((file, ctx) => {
    try {
      const pem = readFileSync(file, 'utf8');
      if (type === 'public' && /PRIVATE KEY/.test(pem)) throw new Error('it holds a private key, not the public one');
      const key = type === 'public' ? createPublicKey(pem) : createPrivateKey(pem);
      const kind = key.asymmetricKeyType;
      if (algorithm === 'Ed25519' && kind !== 'ed25519') throw new Error(`it is a ${kind} key, not Ed25519`);
      if (algorithm === 'ES256' && kind !== 'ec') throw new Error(`it is a ${kind} key, not an EC key on P-256 (ES256)`);
      const curve = key.asymmetricKeyDetails?.namedCurve;
      if (algorithm === 'ES256' && curve !== 'prime256v1') throw new Error(`it is an EC key on ${curve}, not P-256 (ES256)`);
      return pem;
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `must name a readable PEM file of ${what} (${(e as Error).message})` });
      return z.NEVER;
    }
  });
}
