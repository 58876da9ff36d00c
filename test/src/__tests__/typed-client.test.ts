// The typed client example (test/client-example: graphql-codegen's client preset over schema/api.graphql) compiles
// (the e2e package's typecheck) and runs against the hub with its demo data, over real HTTP.
import { DEMO_PASSWORD } from '@hub/directory';
import { runExample } from '../../client-example/src/main';
import { startStack, type Stack } from '../stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

it('reads public sites, an official’s licence numbers and an indicator, typed end to end, with no error', async () => {
  const out = await runExample(stack.gateway.url, 'vhttdl.official', DEMO_PASSWORD);
  expect(out.errors).toEqual([]);
  expect(out.sites).toHaveLength(3);
  for (const s of out.sites) expect(s).toMatch(/^.+ \((Xã|Phường|Thị trấn) .+\)$/);
  expect(out.totalSites).toBeGreaterThan(3);
  expect(out.licences).toHaveLength(2);
  for (const l of out.licences) expect(l).toEqual(expect.any(String));
  expect(out.districtsWithPopulation).toBeGreaterThan(0);
});

it('names its app to the hub: the audit log records the client and its version', async () => {
  const auditor = (await stack.signIn('security.auditor')).body.access_token;
  const res = await stack.query(
    '{ auditEvents(first: 5, filter: { client: "typed-client-example" }) { nodes { client { name version } operationName } } }',
    undefined,
    auditor,
  );
  expect(res.errors).toBeUndefined();
  expect(res.data.auditEvents.nodes.length).toBeGreaterThan(0);
  expect(res.data.auditEvents.nodes[0].client).toEqual({ name: 'typed-client-example', version: '1.0' });
});
