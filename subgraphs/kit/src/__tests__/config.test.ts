import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateContextKeyPair } from '@hub/infra';
import { ConfigError, parseConfig } from '@hub/runtime';
import { subgraphSettings } from '../config';

const dir = mkdtempSync(join(tmpdir(), 'hub-cfg-'));
const pair = generateContextKeyPair();
const keyFile = join(dir, 'pub.pem');
writeFileSync(keyFile, pair.publicKey);
const privateFile = join(dir, 'key.pem');
writeFileSync(privateFile, pair.privateKey);
const subgraphConfig = (env: Record<string, string | undefined>) => parseConfig(env, subgraphSettings);
const base = { HUB_DB_URL: 'postgres://u:p@127.0.0.1:5432/db', HUB_CONTEXT_PUBLIC_KEY_FILE: keyFile };

describe('subgraph configuration', () => {
  it('parses the environment with defaults, the key read from its file', () => {
    const c = subgraphConfig({ ...base, PORT: '4101' });
    expect(c).toMatchObject({
      port: 4101,
      migrate: true,
      seed: 'none',
      logLevel: 'info',
      dbUrl: 'postgres://u:p@127.0.0.1:5432/db',
      maxPageSize: 1000,
      historyKey: null,
    });
    expect(c.contextPublicKey).toBe(pair.publicKey);
  });

  it('reads the largest page size (HUB_MAX_PAGE_SIZE)', () => {
    expect(subgraphConfig({ ...base, HUB_MAX_PAGE_SIZE: '10000' }).maxPageSize).toBe(10000);
    expect(() => subgraphConfig({ ...base, HUB_MAX_PAGE_SIZE: '0' })).toThrow(
      /HUB_MAX_PAGE_SIZE: must be a whole number, from 1 to 1000000/,
    );
  });

  it('refuses the private key where the public one belongs (a subgraph must not be able to mint tokens)', () => {
    expect(() => subgraphConfig({ ...base, HUB_CONTEXT_PUBLIC_KEY_FILE: privateFile })).toThrow(
      /HUB_CONTEXT_PUBLIC_KEY_FILE: .*private key, not the public one/,
    );
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      subgraphConfig({ PORT: 'ninety', HUB_SEED: 'lots', HUB_HISTORY_KEY_FILE: join(dir, 'missing.key') });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.split(':')[0])).toEqual([
      'PORT',
      'HUB_DB_URL',
      'HUB_SEED',
      'HUB_CONTEXT_PUBLIC_KEY_FILE',
      'HUB_HISTORY_KEY_FILE',
    ]);
  });
});
