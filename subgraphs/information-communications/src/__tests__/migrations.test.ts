// The migration commands on a real PostgreSQL, as a department runs them: the package's migration applies, reverts
// (its down() drops the five tables) and applies again.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabases } from '@hub/infra';

const run = promisify(execFile);
const DIR = join(__dirname, '../..');
const tsx = require.resolve('tsx/cli');
jest.setTimeout(120_000);

let dbUrl: string;
let drop: () => Promise<void>;
beforeAll(async () => {
  const dbs = await createTestDatabases(['information-communications']);
  dbUrl = dbs.urls['information-communications'];
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

it('applies, reverts and applies again', async () => {
  const up = await migrate('up');
  expect(up.code).toBe(0);
  expect(up.out).toMatch(/information-communications: applied .*Migration20261204191254/);
  const down = await migrate('down');
  expect(down.code).toBe(0);
  expect(down.out).toMatch(/reverted Migration20261204191254/);
  expect(down.out).toMatch(/1 pending: Migration20261204191254/);
  const again = await migrate('up');
  expect(again.out).toMatch(/0 pending/);
  expect((await migrate('status')).out).toMatch(/applied \(last Migration20261204191254\), 0 pending/);
});
