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
    // The error is at the field that went null because of the outage.
    expect(res.errors).toEqual([
      expect.objectContaining({
        message: 'The culture-tourism service is unavailable',
        path: ['touristSites'],
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
  // One error at each commune that went null, so a client can tell "unknown" from "not reachable now".
  expect(res.errors).toEqual(
    [0, 1, 2].map((i) =>
      expect.objectContaining({
        path: ['touristSites', 'nodes', i, 'commune'],
        extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: 'directory' },
      }),
    ),
  );
  // Aliases and fragments are followed; at most 50 errors, the last saying how many more.
  const many = await stack.query(
    `{ list: touristSites(first: 60) { nodes { ...Where } } } fragment Where on TouristSite { place: commune { name } }`,
  );
  const paths = (many.errors ?? []).map((e) => e.path);
  expect(paths[0]).toEqual(['list', 'nodes', 0, 'place']);
  const total = many.data.list.nodes.length;
  expect(many.errors).toHaveLength(Math.min(total, 50));
  if (total > 50) expect(many.errors?.[49].extensions).toMatchObject({ morePaths: total - 50 });
  await stack.restartSubgraph('directory');
});
