// Test databases: each test file gets databases of its own on the one embedded server the jest run started.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { dropDatabases, provisionDatabases } from './postgres';

export const TEST_ADMIN_URL_ENV = 'HUB_TEST_PG_ADMIN_URL';

export function testAdminUrl(): string {
  const url = process.env[TEST_ADMIN_URL_ENV];
  if (!url) throw new Error(`${TEST_ADMIN_URL_ENV} is not set: run the tests through jest with the @hub/infra preset`);
  return url;
}

export interface TestDatabases {
  urls: Record<string, string>;
  drop(): Promise<void>;
}

/** Fresh databases named `<name>_<random>` for one test file, each with its own role. */
export async function createTestDatabases(names: string[]): Promise<TestDatabases> {
  const suffix = randomBytes(4).toString('hex');
  const specs = names.map((name) => ({ name: `t${suffix}_${name}`, password: randomBytes(12).toString('hex') }));
  const made = await provisionDatabases(testAdminUrl(), specs);
  const urls: Record<string, string> = {};
  names.forEach((n, i) => (urls[n] = made[specs[i].name]));
  return {
    urls,
    drop: () =>
      dropDatabases(
        testAdminUrl(),
        specs.map((s) => s.name),
      ),
  };
}

/** Runs one statement on its own connection (tests reading raw tables, or tampering as a superuser) and returns its rows. */
export async function sqlRows<T = any>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}
