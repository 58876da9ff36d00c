// Provisioning on a real PostgreSQL (the jest run's embedded server, reached by URL as an external one would be).
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { dbIdentifier, dropDatabases, provisionDatabases } from '../postgres';
import { testAdminUrl } from '../testing';

const suffix = randomBytes(3).toString('hex');
const a = { name: `p${suffix}-alpha`, password: 'alpha-secret' };
const b = { name: `p${suffix}-beta`, password: "beta'secret" };

afterAll(() => dropDatabases(testAdminUrl(), [a.name, b.name]));

async function canConnect(url: string): Promise<true | string> {
  const c = new Client({ connectionString: url });
  try {
    await c.connect();
    await c.query('create table if not exists probe (x int)');
    return true;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await c.end().catch(() => undefined);
  }
}

it('gives each service a role that reaches its own database only', async () => {
  const urls = await provisionDatabases(testAdminUrl(), [a, b]);
  expect(await canConnect(urls[a.name])).toBe(true);
  expect(await canConnect(urls[b.name])).toBe(true);
  const crossed = new URL(urls[a.name]);
  crossed.pathname = `/${dbIdentifier(b.name)}`;
  expect(await canConnect(crossed.toString())).toMatch(/permission denied for database/);
});

it('is idempotent and brings passwords up to date', async () => {
  await provisionDatabases(testAdminUrl(), [a, b]);
  const urls = await provisionDatabases(testAdminUrl(), [{ ...a, password: 'rotated' }]);
  expect(urls[a.name]).toContain(':rotated@');
  expect(await canConnect(urls[a.name])).toBe(true);
});

it('refuses names that cannot be identifiers', () => {
  expect(dbIdentifier('culture-tourism')).toBe('hub_culture_tourism');
  expect(() => dbIdentifier('x'.repeat(80))).toThrow('Cannot make a database name');
});
