import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateContextKeyPair } from '@hub/infra';
import { ConfigError, subgraphConfig } from '../config';

const keyFile = join(mkdtempSync(join(tmpdir(), 'hub-cfg-')), 'pub.pem');
writeFileSync(keyFile, generateContextKeyPair().publicKey);

describe('subgraph configuration', () => {
  it('parses the environment with defaults', () => {
    const c = subgraphConfig({ HUB_DB_URL: 'postgres://u:p@127.0.0.1:5432/db', PORT: '4101', HUB_CONTEXT_PUBLIC_KEY_FILE: keyFile });
    expect(c).toMatchObject({ port: 4101, migrate: true, seed: 'none', logLevel: 'info', dbUrl: 'postgres://u:p@127.0.0.1:5432/db', maxPageSize: 1000 });
  });

  it('reads the largest page size (HUB_MAX_PAGE_SIZE)', () => {
    const base = { HUB_DB_URL: 'postgres://u:p@127.0.0.1:5432/db', HUB_CONTEXT_PUBLIC_KEY_FILE: keyFile };
    expect(subgraphConfig({ ...base, HUB_MAX_PAGE_SIZE: '10000' }).maxPageSize).toBe(10000);
    expect(() => subgraphConfig({ ...base, HUB_MAX_PAGE_SIZE: '0' })).toThrow(/HUB_MAX_PAGE_SIZE/);
  });

  it('lists every problem at once', () => {
    try {
      subgraphConfig({ PORT: 'ninety', HUB_SEED: 'lots' });
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/HUB_DB_URL/);
      expect(problems).toMatch(/HUB_SEED/);
      expect(problems).toMatch(/HUB_CONTEXT_PUBLIC_KEY_FILE/);
    }
  });
});
