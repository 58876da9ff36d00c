// The migration commands on a real PostgreSQL, run as the department would run them: the package's migration can be
// reverted (its tables go) and applied again.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createTestDatabases } from '@hub/infra';
import { migrations } from '../migrations';

const run = promisify(execFile);
const DIR = join(__dirname, '../..');
const tsx = require.resolve('tsx/cli');
const TABLES = [
  'border_gate',
  'energy_project',
  'fuel_station',
  'industrial_cluster',
  'industrial_establishment',
  'market',
  'trade_centre',
  'trade_flow',
];
jest.setTimeout(120_000);

let dbUrl: string;
let drop: () => Promise<void>;
beforeAll(async () => {
  const dbs = await createTestDatabases(['industry-trade']);
  dbUrl = dbs.urls['industry-trade'];
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

async function tables(): Promise<string[]> {
  const c = new Client({ connectionString: dbUrl });
  await c.connect();
  try {
    const r = await c.query(`select table_name from information_schema.tables where table_name = any($1) order by table_name`, [TABLES]);
    return r.rows.map((x: { table_name: string }) => x.table_name);
  } finally {
    await c.end();
  }
}

it('applies, reverts and applies again', async () => {
  const last = migrations[migrations.length - 1].name;
  expect((await migrate('up')).out).toMatch(/0 pending/);
  expect(await tables()).toEqual(TABLES);
  const down = await migrate('down');
  expect(down).toMatchObject({ code: 0 });
  expect(down.out).toMatch(new RegExp(`reverted ${last}`));
  expect(await tables()).toEqual([]);
  expect((await migrate('up')).out).toMatch(/0 pending/);
  expect(await tables()).toEqual(TABLES);
});
