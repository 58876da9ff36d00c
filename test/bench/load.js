// Load generator, run as its own process so it does not share a CPU slice with the services it measures.
// Usage: node load.js '<json options>'  → prints one JSON line: { rps, p50, p99, errors, non2xx, answered } (with `rate`, also every latency).
// Without `rate`: autocannon, each connection sending as fast as the server answers (closed loop, saturation).
// With `rate`: requests arrive at a constant rate whatever the answers (open loop), spread evenly in time over a
// pool of `connections` keep-alive sockets, so latency shows the work per request, not queueing behind bursts.
const http = require('node:http');
const autocannon = require('autocannon');

const opts = JSON.parse(process.argv[2]);
const headers = { 'content-type': 'application/json', ...(opts.headers || {}) };

if (!opts.rate) {
  autocannon(
    {
      url: opts.url,
      connections: opts.connections,
      duration: opts.duration,
      method: 'POST',
      headers,
      requests: opts.bodies.map((body) => ({ method: 'POST', body })),
    },
    (err, r) => {
      if (err) {
        console.error(err.message);
        process.exit(1);
      }
      console.log(
        JSON.stringify({
          rps: r.requests.average,
          p50: r.latency.p50,
          p99: r.latency.p99,
          errors: r.errors,
          non2xx: r.non2xx,
          answered: r.requests.total,
        }),
      );
    },
  );
} else {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const url = new URL(opts.url);
  const latencies = [];
  let errors = 0;
  let non2xx = 0;
  let sent = 0;
  let done = 0;
  const total = Math.round(opts.rate * opts.duration);
  const started = process.hrtime.bigint();
  const send = (body) => {
    const t0 = process.hrtime.bigint();
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          if (res.statusCode < 200 || res.statusCode >= 300) non2xx += 1;
          finish();
        });
      },
    );
    req.on('error', () => {
      errors += 1;
      finish();
    });
    req.end(body);
  };
  const finish = () => {
    done += 1;
    if (done < total) return;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    latencies.sort((a, b) => a - b);
    const pct = (p) =>
      latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] * 10) / 10 : 0;
    // Every latency too (0.1 ms steps), so that rounds can be pooled: one p99 over all of a phase's requests is
    // steadier than a median of per-round p99s, each the 8th-worst of 800.
    const all = latencies.map((l) => Math.round(l * 10) / 10);
    console.log(
      JSON.stringify({
        rps: latencies.length / seconds,
        p50: pct(50),
        p99: pct(99),
        errors,
        non2xx,
        answered: latencies.length,
        latencies: all,
      }),
    );
    agent.destroy();
  };
  const interval = 1000 / opts.rate;
  const tick = () => {
    // Catch up on schedule from the start time, so timer drift does not lower the offered rate.
    const due = Math.min(total, Math.floor(Number(process.hrtime.bigint() - started) / 1e6 / interval) + 1);
    while (sent < due) send(opts.bodies[sent++ % opts.bodies.length]);
    if (sent < total) setTimeout(tick, interval / 2);
  };
  tick();
}
