// With one subgraph stopped, the gateway answers the other subgraph's fields, names the missing service,
// and keeps serving; when the subgraph returns, so do its fields.
import { startStack, type Stack } from '../stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const MIXED = `{ administrativeUnit(code: "04") { name } touristSites(first: 2) { nodes { name } } }`;

it("answers the directory's fields while culture-tourism is down, then recovers", async () => {
  await stack.stopSubgraph('culture-tourism');
  for (let i = 0; i < 3; i++) {
    const res = await stack.query(MIXED);
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ administrativeUnit: { name: 'Tỉnh Cao Bằng' }, touristSites: null });
    expect(res.errors).toEqual([
      expect.objectContaining({
        message: 'The culture-tourism service is unavailable',
        extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'culture-tourism' },
      }),
    ]);
    expect(JSON.stringify(res.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
  }
  const health = await fetch(`${stack.gateway.url}/health`);
  expect(health.status).toBe(503);
  expect(await health.json()).toMatchObject({
    status: 'degraded',
    subgraphs: { 'culture-tourism': { status: 'unavailable' }, directory: { status: 'ok' } },
  });

  await stack.restartSubgraph('culture-tourism');
  const back = await stack.query(MIXED);
  expect(back.errors).toBeUndefined();
  expect(back.data.touristSites.nodes).toHaveLength(2);
});

it('answers tourist sites while the directory is down, with their communes null', async () => {
  await stack.stopSubgraph('directory');
  const res = await stack.query(`{ touristSites(first: 3) { nodes { name commune { name } } } }`);
  expect(res.status).toBe(200);
  expect(res.data.touristSites.nodes).toHaveLength(3);
  expect(res.data.touristSites.nodes.every((n: { commune: unknown }) => n.commune === null)).toBe(true);
  expect(res.errors?.[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', serviceName: 'directory' });
  await stack.restartSubgraph('directory');
});
