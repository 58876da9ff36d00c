// The migration commands on a real PostgreSQL, run as a department would run them (npm run migration:* in the
// package folder): every migration of the package can be reverted and applied again, and bad use is named.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createTestDatabases } from '@hub/infra';

const run = promisify(execFile);
const DIR = join(__dirname, '../..');
const tsx = require.resolve('tsx/cli');
jest.setTimeout(120_000);

let dbUrl: string;
let drop: () => Promise<void>;
beforeAll(async () => {
  const dbs = await createTestDatabases(['culture-tourism']);
  dbUrl = dbs.urls['culture-tourism'];
  drop = dbs.drop;
});
afterAll(() => drop?.());

const migrate = (...args: string[]) =>
  run(process.execPath, [tsx, '--conditions=development', join(DIR, '../kit/src/cli/migrate.ts'), ...args], {
    cwd: DIR,
    env: { ...process.env, HUB_DB_URL: dbUrl },
  }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );

async function columns(table: string): Promise<string[]> {
  const c = new Client({ connectionString: dbUrl });
  await c.connect();
  try {
    const r = await c.query('select column_name from information_schema.columns where table_name = $1 order by column_name', [table]);
    return r.rows.map((x: { column_name: string }) => x.column_name);
  } finally {
    await c.end();
  }
}

it('applies, reverts the last, reverts down to a named one, and applies again', async () => {
  const up = await migrate('up');
  expect(up.code).toBe(0);
  expect(up.out).toMatch(/culture-tourism: applied .*Migration20261121100733.*Migration20261121104531/);
  expect(up.out).toMatch(/0 pending/);
  expect(await columns('accommodation_establishment')).toContain('annual_revenue');

  const down = await migrate('down');
  expect(down).toMatchObject({ code: 0 });
  expect(down.out).toMatch(/reverted Migration20261121104531/);
  expect(down.out).toMatch(/1 pending: Migration20261121104531/);
  expect(await columns('accommodation_establishment')).not.toContain('annual_revenue');

  const toFirst = await migrate('down', '--to', 'Migration20261121100733');
  expect(toFirst.code).toBe(0);
  expect(toFirst.out).toMatch(/last Migration20261121100733/);
  const all = await migrate('down');
  expect(all.out).toMatch(/reverted Migration20261121100733/);
  expect(await columns('tourist_site')).toEqual([]);

  const again = await migrate('up');
  expect(again.out).toMatch(/0 pending/);
  expect(await columns('accommodation_establishment')).toContain('annual_revenue');
  expect((await migrate('status')).out).toMatch(/applied \(last Migration20261121104531\), 0 pending/);
});

it('names what is wrong: an unknown command, a --to that is not applied, no database', async () => {
  expect(await migrate('sideways')).toMatchObject({ code: 2, err: expect.stringMatching(/give status, up or down, got "sideways"/) });
  expect(await migrate('down', '--to', 'Migration1')).toMatchObject({
    code: 2,
    err: expect.stringMatching(/Migration1 is not an applied migration of culture-tourism/),
  });
  const noDb = await run(process.execPath, [tsx, '--conditions=development', join(DIR, '../kit/src/cli/migrate.ts'), 'status'], {
    cwd: DIR,
    env: { ...process.env, HUB_DB_URL: '' },
  }).catch((e: { code: number; stderr: string }) => e);
  expect(noDb).toMatchObject({ code: 2, stderr: expect.stringMatching(/HUB_DB_URL is not set/) });
});
