import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { listen } from '../server';

describe('listen', () => {
  it('resolves with the port it got, and rejects when the port is taken', async () => {
    const first = createServer();
    const second = createServer();
    try {
      const port = await listen(first, 0, '127.0.0.1');
      expect(port).toBeGreaterThan(0);
      await expect(listen(second, port, '127.0.0.1')).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      first.close();
    }
  });
});

describe('runServices: several services in one process', () => {
  // A child process runs the services a scenario names; each prints what happens to it.
  const script = (scenario: string) => `
    const { runServices } = require(${JSON.stringify(require.resolve('../server'))});
    const svc = (name, { badConfig, failStart } = {}) => ({ name, main: {
      config: () => { if (badConfig) throw new Error('HUB_DB_URL is required'); return {}; },
      logLevel: () => 'silent',
      start: async () => {
        if (failStart) throw new Error('port in use');
        require('node:fs').writeSync(1, 'started ' + name + '\\n');
        const alive = setInterval(() => {}, 1000); // what a server's socket does: the process stays up
        return { stop: async () => { clearInterval(alive); require('node:fs').writeSync(1, 'stopped ' + name + '\\n'); } };
      },
    } });
    const scenarios = {
      config: [svc('directory', { badConfig: true }), svc('culture-tourism'), svc('indicators', { badConfig: true })],
      start: [svc('directory'), svc('culture-tourism'), svc('indicators', { failStart: true })],
      signal: [svc('directory'), svc('culture-tourism')],
    };
    runServices(scenarios[${JSON.stringify(scenario)}]);
  `;
  const run = (scenario: string) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script(scenario)], { encoding: 'utf8', timeout: 20000 });
    return { code: r.status, out: r.stdout.trim().split('\n'), err: r.stderr };
  };

  it('names every service whose configuration is wrong and starts none (exit 2)', () => {
    const r = run('config');
    expect(r.code).toBe(2);
    expect(r.err).toContain('directory: HUB_DB_URL is required');
    expect(r.err).toContain('indicators: HUB_DB_URL is required');
    expect(r.out).toEqual(['']);
  });

  it('stops those already started when one fails to start (exit 1)', () => {
    const r = run('start');
    expect(r.code).toBe(1);
    expect(r.out).toEqual(['started directory', 'started culture-tourism', 'stopped culture-tourism', 'stopped directory']);
  });

  it('stops them all on SIGTERM, last started first (exit 0)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script('signal')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.on('data', (d) => {
        out += d;
        if (out.includes('started culture-tourism')) setTimeout(() => child.kill('SIGTERM'), 500);
      });
      child.on('exit', resolve);
    });
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toEqual([
      'started directory',
      'started culture-tourism',
      'stopped culture-tourism',
      'stopped directory',
    ]);
  });
});
