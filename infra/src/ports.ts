// Ports for hubs started by tests and benchmarks: a run of consecutive ports that are free now, chosen below the
// kernel's ephemeral range (where outgoing connections take their local ports), so a port picked at random is not
// taken a moment later by some connection's source port.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const LOWEST = 20000;

function ephemeralStart(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32768;
  } catch {
    return 32768;
  }
}

function free(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The first of `count` consecutive ports, all free on 127.0.0.1 now, below the ephemeral range. */
export async function freePortRun(count: number): Promise<number> {
  const top = Math.max(LOWEST + count + 1, ephemeralStart()) - count;
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = LOWEST + Math.floor(Math.random() * (top - LOWEST));
    let ok = true;
    for (let p = base; p < base + count && ok; p++) ok = await free(p);
    if (ok) return base;
  }
  throw new Error(`no run of ${count} free ports found between ${LOWEST} and ${top + count}`);
}
