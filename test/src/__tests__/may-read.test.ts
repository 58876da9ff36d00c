// "What may I read?" through the gateway: for each caller, the answer agrees with what the gateway then does to a
// query of the same fields (every refused field is one the query is denied), with the reason it gives.
import { startStack, type Stack } from '../stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const FIELDS = ['name', 'licenceNumber', 'ownerName', 'annualRevenue'];
const COORDINATES = FIELDS.map((f) => `AccommodationEstablishment.${f}`);
const ASK = `query($c: [String!]!) { mayRead(coordinates: $c) { coordinate allowed level subgraph owner reason } }`;

it.each([
  ['an anonymous caller', undefined, ['AccommodationEstablishment.name']],
  ['an official of another department', 'sxd.official', ['AccommodationEstablishment.name', 'AccommodationEstablishment.licenceNumber']],
  ['an editor of the owning department', 'vhttdl.editor', COORDINATES],
])('tells %s what it may read, as the gateway then decides', async (_who, username, readable) => {
  const token = username ? (await stack.signIn(username)).body.access_token : undefined;
  const res = await stack.query(ASK, { c: COORDINATES }, token);
  expect(res.errors).toBeUndefined();
  const decisions = res.data.mayRead as { coordinate: string; allowed: boolean; reason: string | null; level: string; owner: string }[];
  expect(decisions.filter((d) => d.allowed).map((d) => d.coordinate)).toEqual(readable);
  for (const d of decisions) {
    expect(d.owner).toBe('SVHTTDL');
    expect(d.reason === null).toBe(d.allowed);
  }
  expect(decisions.map((d) => d.level)).toEqual(['PUBLIC', 'INTERNAL', 'PERSONAL', 'RESTRICTED']);

  // The same fields asked for: exactly the refused ones come back FORBIDDEN, with the reason mayRead gave.
  const query = await stack.query(`{ accommodation(code: "LT-0005") { ${FIELDS.join(' ')} } }`, undefined, token);
  const denied = (query.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN');
  expect(denied.map((e) => e.extensions?.coordinate).sort()).toEqual(
    decisions
      .filter((d) => !d.allowed)
      .map((d) => d.coordinate)
      .sort(),
  );
  for (const e of denied) expect(decisions.find((d) => d.coordinate === e.extensions?.coordinate)?.reason).toBe(e.extensions?.reason);
});

it('names a coordinate that is not a field of the graph', async () => {
  const res = await stack.query(ASK, { c: ['TouristSite.name', 'Nope.nothing'] });
  expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'coordinates[1]' });
});
