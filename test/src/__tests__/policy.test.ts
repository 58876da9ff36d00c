// The policy enforced at the gateway before planning: denied fields come back null with one FORBIDDEN error
// per path, the rest of the answer arrives, and no subgraph is ever asked for a denied field or its variables.
import { startStack, type Stack } from '../stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const since = (name: string, from: number) =>
  stack.received[name]
    .slice(from)
    .map((op) => `${op.query} ${JSON.stringify(op.variables ?? {})}`)
    .join('\n');

describe('an anonymous caller', () => {
  it('gets public fields and null + FORBIDDEN for each denied path, through aliases and fragments', async () => {
    const mark = stack.received['culture-tourism'].length;
    const res = await stack.query(
      `query($secret: String!) {
        accommodations(first: 3) {
          nodes {
            name
            licence: licenceNumber
            ...Owner
            ... on AccommodationEstablishment { again: ownerName commune { name } }
          }
        }
        accommodation(code: $secret) { code licenceNumber }
      }
      fragment Owner on AccommodationEstablishment { ownerName }`,
      { secret: 'LT-0001' },
    );
    expect(res.status).toBe(200);
    expect(res.data.accommodations.nodes).toHaveLength(3);
    for (const n of res.data.accommodations.nodes) {
      expect(n).toMatchObject({ licence: null, ownerName: null, again: null });
      expect(n.name).toBeTruthy();
      expect(n.commune.name).toBeTruthy();
    }
    expect(res.data.accommodation).toEqual({ code: 'LT-0001', licenceNumber: null });
    const forbidden = res.errors!.filter((e) => e.extensions?.code === 'FORBIDDEN');
    expect(forbidden.map((e) => e.path!.join('.')).sort()).toEqual([
      'accommodation.licenceNumber',
      'accommodations.nodes.again',
      'accommodations.nodes.licence',
      'accommodations.nodes.ownerName',
    ]);
    expect(forbidden[0].extensions).toMatchObject({
      coordinate: expect.stringMatching(/^AccommodationEstablishment\./),
      reason: expect.any(String),
    });
    const asked = since('culture-tourism', mark);
    expect(asked).toMatch(/accommodations/);
    expect(asked).not.toMatch(/licenceNumber|ownerName/);
  });

  it('sends the arguments and variables of denied fields nowhere', async () => {
    const marks = Object.fromEntries(Object.entries(stack.received).map(([n, r]) => [n, r.length]));
    const res = await stack.query(
      `query($x: String!) { touristSites(first: 1) { nodes { name } } accommodation(code: $x) { ownerName } }`,
      {
        x: 'SECRET-ARGUMENT-VALUE',
      },
    );
    expect(res.data.touristSites.nodes).toHaveLength(1);
    expect(res.data.accommodation).toBeNull();
    for (const name of Object.keys(stack.received)) expect(since(name, marks[name])).not.toMatch(/SECRET-ARGUMENT-VALUE|ownerName|\$x/);
  });

  it('is refused with 403 when nothing it asked for may be read', async () => {
    const mark = stack.received['culture-tourism'].length;
    const res = await stack.query(`{ accommodation(code: "LT-0001") { licenceNumber ownerName } }`);
    expect(res.status).toBe(403);
    expect(res.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(res.data).toBeUndefined();
    expect(stack.received['culture-tourism'].length).toBe(mark);
  });

  it('does not get a cached plan of the unpruned query', async () => {
    const q = `{ accommodations(first: 1) { nodes { name ownerName } } }`;
    const first = await stack.query(q);
    const second = await stack.query(q);
    expect(second).toEqual(first);
    expect(second.data.accommodations.nodes[0].ownerName).toBeNull();
  });
});
