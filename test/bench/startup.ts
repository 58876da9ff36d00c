// D. Start-up: `npm start` (the README's command) from cold, in an empty data directory (PostgreSQL initialised,
// databases provisioned, migrations, demo data), and again warm on the same directory, until it prints that the
// hub is ready; then Ctrl-C (SIGINT) and the time to stop.
//   npm run bench:startup -w @hub/e2e
import { freePortRun } from '@hub/infra/ports';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { portFrom, REPO_ROOT, SUBGRAPHS } from '@hub/schema';
import { machine, memoryOf, runAsScript, type ProcessMemory } from './lib';

interface StartResult {
  readyS: number;
  reportedS: number;
  stopS: number;
  /** Every process of the hub (the npm process group) 3 s after it is ready. */
  memory: ProcessMemory;
}

async function startOnce(dataDir: string, base: number, extraEnv: Record<string, string> = {}): Promise<StartResult> {
  const started = process.hrtime.bigint();
  const proc = spawn('npm', ['start', '--silent'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      HUB_DATA_DIR: dataDir,
      HUB_PG_PORT: String(base),
      HUB_GATEWAY_PORT: String(base + 1),
      HUB_SUBGRAPH_BASE_PORT: String(base + 10),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: string[] = [];
  const ready = await new Promise<{ readyS: number; reportedS: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start not ready within 180 s:\n${lines.slice(-20).join('\n')}`)), 180_000);
    const onLine = (line: string) => {
      lines.push(line);
      const m = /is ready in ([\d.]+) s/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve({ readyS: Number(process.hrtime.bigint() - started) / 1e9, reportedS: Number(m[1]) });
      }
    };
    createInterface({ input: proc.stdout! }).on('line', onLine);
    createInterface({ input: proc.stderr! }).on('line', onLine);
    proc.on('exit', (code) => reject(new Error(`npm start exited (${code}):\n${lines.slice(-20).join('\n')}`)));
  });
  await new Promise((r) => setTimeout(r, 3000));
  const memory = memoryOf({ group: proc.pid! });
  const stopping = process.hrtime.bigint();
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  process.kill(-proc.pid!, 'SIGINT'); // the whole process group, as Ctrl-C in a terminal
  await exited;
  // Stopped means every port closed again (PostgreSQL, subgraphs, gateway), not just npm gone.
  const subgraphPorts = SUBGRAPHS.map((s) => portFrom(s, base + 10));
  for (const port of [base, base + 1, ...subgraphPorts]) await closed(port);
  return { ...ready, memory, stopS: Number(process.hrtime.bigint() - stopping) / 1e9 };
}

/** Resolves once nothing accepts connections on the port (polling, at most 30 s). */
async function closed(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const s = connect({ port, host: '127.0.0.1' }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (!open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`port ${port} still open 30 s after Ctrl-C`);
}

export async function runStartup(): Promise<{ cold: StartResult; warm: StartResult; eachWarm: StartResult }> {
  const dir = mkdtempSync(join(tmpdir(), 'hub-start-'));
  chmodSync(dir, 0o755);
  const base = await freePortRun(20);
  try {
    const cold = await startOnce(join(dir, 'data'), base);
    const warm = await startOnce(join(dir, 'data'), base);
    // The baseline side by side: every subgraph in its own process, as the deployment files run them.
    const eachWarm = await startOnce(join(dir, 'data'), base, { HUB_SUBGRAPH_PROCESSES: 'each' });
    return { cold, warm, eachWarm };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function startupMarkdown(r: Awaited<ReturnType<typeof runStartup>>): string {
  const row = (label: string, x: StartResult) =>
    `| ${label} | ${x.readyS.toFixed(1)} | ${x.reportedS.toFixed(1)} | ${x.stopS.toFixed(1)} | ${x.memory.rssMiB.toFixed(0)} / ${x.memory.pssMiB.toFixed(0)} (${x.memory.processes}) |`;
  const m = r.warm.memory;
  return [
    '## D. Start-up',
    '',
    `\`npm start\` until it prints that the hub is ready (embedded PostgreSQL, every subgraph, the gateway, demo data), measured from the command; then Ctrl-C. Machine: ${machine()}.`,
    '',
    `Targets: ready in under 30 s; the hub's processes under 2 GiB resident with all ${SUBGRAPHS.length} subgraphs. Memory: every process of \`npm start\`'s process group 3 s after ready, RSS summed (pages shared between processes counted in each) / PSS summed (shared pages split among their users).`,
    '',
    '| start | to ready, from the command (s) | as the hub reports it (s) | Ctrl-C to stopped (s) | memory, RSS / PSS MiB (processes) |',
    '| --- | ---: | ---: | ---: | ---: |',
    row('cold (empty data directory: initdb, provisioning, migrations, demo data)', r.cold),
    row('warm (same directory again)', r.warm),
    row('warm, each subgraph in its own process (HUB_SUBGRAPH_PROCESSES=each, as deployed: the baseline)', r.eachWarm),
    '',
    `npm start runs the ${SUBGRAPHS.length} subgraphs in one Node process (HUB_SUBGRAPH_PROCESSES=shared, its default); the last row runs each in its own. Resident memory by process once ready (warm start, RSS MiB):`,
    '',
    '| process | RSS (MiB) |',
    '| --- | ---: |',
    ...Object.entries(m.byCommand)
      .sort(([, a], [, b]) => b - a)
      .map(([k, v]) => `| ${k} | ${v.toFixed(0)} |`),
  ].join('\n');
}

runAsScript(module, 'startup', runStartup, startupMarkdown);
