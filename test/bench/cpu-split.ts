// Which process pays for the audit: CPU per request of the gateway and of PostgreSQL, audit on and off, at a fixed
// offered load (`{ __typename }`, no subgraph).
import { chmodSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub } from '@hub/infra';
import { body, load } from './lib';

function cpuByComm(): Map<string, number> {
  const out = new Map<string, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      const comm = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      const key = comm === 'postgres' ? 'postgres' : cmd.includes('gateway/src/main.ts') ? `gateway:${/PORT/.test(cmd) ? '' : name}` : cmd.includes('load.js') ? 'load' : comm;
      out.set(key, (out.get(key) ?? 0) + (Number(f[11]) + Number(f[12])) * 10);
    } catch {
      /* gone */
    }
  }
  return out;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'hub-q-'));
  chmodSync(dir, 0o755);
  const base = 31000 + Math.floor(Math.random() * 15000);
  const hub = await startHub({ dataDir: dir, pgPort: base, gatewayPort: base + 1, subgraphBasePort: base + 10, seed: 'demo', gatewayEnv: { LOG_LEVEL: 'warn', HUB_AUDIT: 'off' } });
  const on = await hub.startGateway('g-on', base + 2, {});
  try {
    for (const q of [body('{ __typename }'), body('{ touristSite(code: "DL-0001") { name category } }')]) {
      for (const [label, url] of [['off', hub.gatewayUrl], ['on', on], ['off', hub.gatewayUrl], ['on', on]]) {
        await load({ url: `${url}/graphql`, bodies: [q], connections: 50, duration: 2, rate: Number(process.env.RATE ?? 200) });
        const before = cpuByComm();
        const r = await load({ url: `${url}/graphql`, bodies: [q], connections: 50, duration: 8, rate: Number(process.env.RATE ?? 200) });
        const after = cpuByComm();
        const n = r.rps * 8;
        const per = (k: string) => (((after.get(k) ?? 0) - (before.get(k) ?? 0)) / n).toFixed(3);
        const gw = [...after.keys()].filter((k) => k.startsWith('gateway')).map((k) => `${k}=${per(k)}`).join(' ');
        console.log(JSON.parse(q).query.slice(0, 20), label, `p50 ${r.p50} p99 ${r.p99}`, `pg ${per('postgres')}`, gw, `node-other ${per('node')}`);
      }
    }
  } finally {
    await hub.stop();
  }
}
main();
