// The gateway's front door: a slow body or slow headers cannot hold a connection for minutes, the number of open
// connections is capped, idle keep-alive connections outlive a load balancer's idle timeout, and every route
// carries the security headers (no sniffing, no framing, no referrer).
import { connect, type Socket } from 'node:net';
import { Agent, request } from 'node:http';
import { sqlRows as sql } from '@hub/infra';
import { startStack, type Stack } from '../stack';

let stack: Stack;
let port: number;
beforeAll(async () => {
  stack = await startStack({
    gatewayEnv: {
      HUB_HTTP_REQUEST_TIMEOUT_MS: '1500',
      HUB_HTTP_HEADERS_TIMEOUT_MS: '1000',
      HUB_HTTP_KEEPALIVE_TIMEOUT_MS: '65000',
      HUB_HTTP_MAX_CONNECTIONS: '12',
    },
  });
  port = stack.gateway.port;
});
afterAll(() => stack?.stop());

/** Opens a socket, sends `head`, then one byte of `drip` every 200 ms; resolves with what came back and when it closed. */
function slowClient(head: string, drip: string): Promise<{ ms: number; answer: string }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let i = 0;
    const timer = setInterval(() => {
      if (i < drip.length && !socket.destroyed) socket.write(drip[i++]);
    }, 200);
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ ms: Date.now() - started, answer });
    });
    socket.write(head);
  });
}

it('closes a connection whose body arrives too slowly, answers 408, and records it', async () => {
  const since = new Date();
  const body = JSON.stringify({ query: '{ __typename }' }).padEnd(400, ' ');
  const r = await slowClient(
    `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    body,
  );
  expect(r.ms).toBeLessThan(4000);
  expect(r.answer).toMatch(/^HTTP\/1\.1 408/);
  await new Promise((res) => setTimeout(res, 200));
  const rows = await sql(
    stack.audit.readerUrl,
    "select outcome, error_codes from audit_record where at >= $1 and lower(operation->>'refused') like 'the connection closed%'",
    [since],
  );
  expect(rows).toEqual([{ outcome: 'rejected', error_codes: ['REQUEST_TIMEOUT'] }]);
});

it('closes a connection whose headers arrive too slowly', async () => {
  const r = await slowClient(
    'POST /graphql HTTP/1.1\r\n',
    'Host: x\r\nContent-Type: application/json\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n',
  );
  expect(r.ms).toBeLessThan(3500);
});

it('caps the number of open connections', async () => {
  const sockets: Socket[] = [];
  let closed = 0;
  for (let i = 0; i < 30; i++) {
    const s = connect(port, '127.0.0.1');
    s.on('error', () => undefined);
    s.on('close', () => (closed += 1));
    sockets.push(s);
  }
  await new Promise((res) => setTimeout(res, 800));
  expect(closed).toBeGreaterThanOrEqual(30 - 12);
  for (const s of sockets) s.destroy();
  await new Promise((res) => setTimeout(res, 200));
  // Once they are gone, the gateway answers again.
  expect((await stack.query('{ __typename }')).status).toBe(200);
});

it("keeps an idle keep-alive connection longer than a load balancer would (65 s, not Node's 5 s)", async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = () =>
    new Promise<{ reused: boolean; status: number }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/health/live', agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ reused: req.reusedSocket, status: res.statusCode! }));
      });
      req.on('error', reject);
      req.end();
    });
  expect(await get()).toEqual({ reused: false, status: 200 });
  await new Promise((res) => setTimeout(res, 6000));
  expect(await get()).toEqual({ reused: true, status: 200 });
  agent.destroy();
}, 20_000);

it.each([
  ['GET', '/graphql?query=%7B__typename%7D', { 'apollo-require-preflight': '1' }],
  ['POST', '/graphql', { 'content-type': 'text/plain' }],
  ['GET', '/explorer', {}],
  ['GET', '/console', {}],
  ['GET', '/health/live', {}],
  ['GET', '/.well-known/jwks.json', {}],
  ['POST', '/auth/token', { 'content-type': 'application/json' }],
  ['GET', '/no/such/path', {}],
])('%s %s carries the security headers', async (method, path, headers) => {
  const r = await fetch(`${stack.gateway.url}${path}`, { method, headers, body: method === 'POST' ? '{}' : undefined });
  await r.text();
  expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  expect(r.headers.get('x-frame-options')).toBe('DENY');
  expect(r.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  expect(r.headers.get('referrer-policy')).toBe('no-referrer');
  expect(r.headers.get('x-powered-by')).toBeNull();
});
