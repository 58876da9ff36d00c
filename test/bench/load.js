// Load generator, run as its own process so it does not share a CPU slice with the services it measures.
// Usage: node load.js '<json options>'  → prints one JSON line: { rps, p50, p99, errors, non2xx }.
const autocannon = require('autocannon');

const opts = JSON.parse(process.argv[2]);
autocannon(
  {
    url: opts.url,
    connections: opts.connections,
    duration: opts.duration,
    // A fixed offered load spread over the connections (each paced on its own), not bursts once a second.
    ...(opts.rate ? { connectionRate: Math.max(1, Math.round(opts.rate / opts.connections)) } : {}),
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(opts.headers || {}) },
    requests: opts.bodies.map((body) => ({ method: 'POST', body })),
  },
  (err, r) => {
    if (err) {
      console.error(err.message);
      process.exit(1);
    }
    console.log(JSON.stringify({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx }));
  },
);
