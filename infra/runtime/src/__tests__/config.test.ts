// The one configuration parser: every bad variable in one error, named; defaults; typed values; rules across
// variables listed with the rest; key files read and checked.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import {
  commaList,
  ConfigError,
  defineConfig,
  flag,
  integer,
  keyFile,
  logLevel,
  milliseconds,
  onOff,
  parseConfig,
  parseConfigs,
  port,
  seconds,
  url,
} from '../config';

const spec = defineConfig({
  vars: {
    PORT: port(4000),
    HUB_TIMEOUT_MS: milliseconds(1500, { min: 100, max: 60_000 }),
    HUB_TTL_SECONDS: seconds(900, { min: 60 }),
    HUB_WORKERS: integer(2, { min: 1, max: 8 }),
    HUB_MIGRATE: flag(true),
    HUB_POLICY: onOff('on'),
    HUB_DB_URL: url('a postgres:// URL'),
    HUB_PROXIES: commaList().optional(),
    HUB_MODE: z.enum(['a', 'b']).default('a'),
    LOG_LEVEL: logLevel,
  },
  check(c, problem) {
    if (c.HUB_MODE === 'b' && !c.HUB_PROXIES) problem('HUB_PROXIES', 'is required with HUB_MODE=b');
  },
  build: (c) => ({
    port: c.PORT,
    timeoutMs: c.HUB_TIMEOUT_MS,
    ttlSeconds: c.HUB_TTL_SECONDS,
    workers: c.HUB_WORKERS,
    migrate: c.HUB_MIGRATE,
    policy: c.HUB_POLICY,
    dbUrl: c.HUB_DB_URL,
    proxies: c.HUB_PROXIES ?? [],
    mode: c.HUB_MODE,
    logLevel: c.LOG_LEVEL,
  }),
});

const problemsOf = (fn: () => unknown): string[] => {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems;
};

describe('parseConfig', () => {
  it('takes the defaults of every unset variable', () => {
    expect(parseConfig({ HUB_DB_URL: 'postgres://h/db' }, spec)).toEqual({
      port: 4000,
      timeoutMs: 1500,
      ttlSeconds: 900,
      workers: 2,
      migrate: true,
      policy: true,
      dbUrl: 'postgres://h/db',
      proxies: [],
      mode: 'a',
      logLevel: 'info',
    });
  });

  it('turns the text of each variable into its type', () => {
    const c = parseConfig(
      {
        HUB_DB_URL: 'postgres://h/db',
        PORT: '0',
        HUB_TIMEOUT_MS: '250',
        HUB_WORKERS: '8',
        HUB_MIGRATE: 'no',
        HUB_POLICY: 'off',
        HUB_PROXIES: ' loopback, 10.0.0.0/8 ,',
        HUB_MODE: 'b',
        LOG_LEVEL: 'silent',
      },
      spec,
    );
    expect(c).toMatchObject({
      port: 0,
      timeoutMs: 250,
      workers: 8,
      migrate: false,
      policy: false,
      proxies: ['loopback', '10.0.0.0/8'],
      mode: 'b',
      logLevel: 'silent',
    });
  });

  it('lists every bad variable in one error, by name, in the order they are declared', () => {
    const problems = problemsOf(() =>
      parseConfig(
        {
          PORT: '70000',
          HUB_TIMEOUT_MS: 'soon',
          HUB_TTL_SECONDS: '1.5',
          HUB_MIGRATE: 'maybe',
          HUB_POLICY: 'yes',
          HUB_MODE: 'b',
          LOG_LEVEL: 'loud',
        },
        spec,
      ),
    );
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'PORT',
      'HUB_TIMEOUT_MS',
      'HUB_TTL_SECONDS',
      'HUB_MIGRATE',
      'HUB_POLICY',
      'HUB_DB_URL',
      'HUB_PROXIES',
      'LOG_LEVEL',
    ]);
    expect(problems).toContain('PORT: must be a whole number, from 0 to 65535');
    expect(problems).toContain('HUB_TIMEOUT_MS: must be a whole number of ms, from 100 to 60000');
    expect(problems).toContain('HUB_TTL_SECONDS: must be a whole number of seconds, at least 60');
    expect(problems).toContain('HUB_POLICY: must be on or off');
    expect(problems).toContain('HUB_DB_URL: must be a postgres:// URL');
    // A rule across variables is listed with the rest.
    expect(problems).toContain('HUB_PROXIES: is required with HUB_MODE=b');
    // Nothing set: only the one variable without a default is wrong.
    expect(problemsOf(() => parseConfig({}, spec))).toEqual(['HUB_DB_URL: must be a postgres:// URL']);
  });

  it('runs a rule only on variables that parsed, and names each variable once', () => {
    const strict = defineConfig({
      vars: { A: integer(1, { max: 5 }) },
      check(c, problem) {
        if (c.A === undefined) problem('A', 'a rule that must not be listed over the parse problem');
        else if (c.A > 3) problem('A', 'must be at most 3 here');
      },
      build: (c) => c.A,
    });
    expect(problemsOf(() => parseConfig({ A: '9' }, strict))).toEqual(['A: must be a whole number, from 0 to 5']);
    expect(problemsOf(() => parseConfig({ A: '4' }, strict))).toEqual(['A: must be at most 3 here']);
    expect(parseConfig({ A: '2' }, strict)).toBe(2);
  });

  it('parses several configurations from one environment, every problem of all of them together', () => {
    const other = defineConfig({ vars: { HUB_NAME: z.string({ message: 'must name the service' }) }, build: (c) => c.HUB_NAME });
    expect(parseConfigs({ HUB_DB_URL: 'postgres://h/db', HUB_NAME: 'x' }, { base: spec, other })).toMatchObject({
      base: { port: 4000 },
      other: 'x',
    });
    expect(problemsOf(() => parseConfigs({ PORT: '-1' }, { base: spec, other }))).toEqual([
      'PORT: must be a whole number, from 0 to 65535',
      'HUB_DB_URL: must be a postgres:// URL',
      'HUB_NAME: must name the service',
    ]);
  });

  it('says it in the error message too, one problem a line', () => {
    expect(() => parseConfig({ PORT: 'x' }, spec)).toThrow(/^Invalid configuration:\n {2}- PORT: .*\n {2}- HUB_DB_URL: /);
  });
});

describe('keyFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-runtime-keys-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const pem = (pair: { privateKey: { export(o: object): string | Buffer }; publicKey: { export(o: object): string | Buffer } }) => ({
    privateKey: String(pair.privateKey.export({ type: 'pkcs8', format: 'pem' })),
    publicKey: String(pair.publicKey.export({ type: 'spki', format: 'pem' })),
  });
  const es256 = pem(generateKeyPairSync('ec', { namedCurve: 'P-256' }));
  const p384 = pem(generateKeyPairSync('ec', { namedCurve: 'P-384' }));
  const ed = pem(generateKeyPairSync('ed25519'));
  const keys = defineConfig({
    vars: {
      SIGNING: keyFile('the signing key', { type: 'private', algorithm: 'ES256' }),
      VERIFYING: keyFile('the verifying key', { type: 'public', algorithm: 'Ed25519' }),
    },
    build: (c) => c,
  });

  it('reads the PEM of the right key', () => {
    expect(parseConfig({ SIGNING: write('es.key', es256.privateKey), VERIFYING: write('ed.pub', ed.publicKey) }, keys)).toEqual({
      SIGNING: es256.privateKey,
      VERIFYING: ed.publicKey,
    });
  });

  it('names what is wrong with each file', () => {
    expect(problemsOf(() => parseConfig({}, keys))).toEqual([
      'SIGNING: must name the PEM file of the signing key',
      'VERIFYING: must name the PEM file of the verifying key',
    ]);
    const problems = problemsOf(() =>
      parseConfig({ SIGNING: write('p384.key', p384.privateKey), VERIFYING: write('ed.key', ed.privateKey) }, keys),
    );
    expect(problems).toEqual([
      'SIGNING: must name a readable PEM file of the signing key (it is an EC key on secp384r1, not P-256 (ES256))',
      'VERIFYING: must name a readable PEM file of the verifying key (it holds a private key, not the public one)',
    ]);
    expect(
      problemsOf(() => parseConfig({ SIGNING: write('ed-as-es.key', ed.privateKey), VERIFYING: join(dir, 'missing.pem') }, keys)),
    ).toEqual([
      'SIGNING: must name a readable PEM file of the signing key (it is a ed25519 key, not an EC key on P-256 (ES256))',
      expect.stringMatching(/^VERIFYING: must name a readable PEM file of the verifying key \(ENOENT/),
    ]);
  });
});
