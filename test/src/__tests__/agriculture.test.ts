// The agriculture database through the real gateway: what an anonymous caller sees (PERSONAL fields withheld),
// the commune query of the acceptance (forest plots, outbreaks and OCOP products of Xã Đàm Thủy, 01435), units
// and agencies as they were on a record's date, and writes by the database's own editors only.
import { startStack, type Stack } from '../stack';

let stack: Stack;
const t: Record<string, string> = {};
beforeAll(async () => {
  stack = await startStack();
  for (const u of ['snnmt.nongnghiep', 'snnmt.moitruong']) t[u] = (await stack.signIn(u)).body.access_token;
});
afterAll(() => stack?.stop());

it('an anonymous caller reads the public register, and a household holder’s name is withheld with FORBIDDEN', async () => {
  const res = await stack.query(
    `{ forestPlots(first: 10, filter: { holderKind: HOUSEHOLD }) { totalCount nodes { code areaHa holderPerson } } }`,
  );
  expect(res.data.forestPlots.totalCount).toBeGreaterThan(10);
  expect(res.data.forestPlots.nodes.every((n: { holderPerson: unknown; areaHa: number }) => n.holderPerson === null && n.areaHa > 0)).toBe(
    true,
  );
  expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  const editor = await stack.query(
    `{ forestPlots(first: 3, filter: { holderKind: HOUSEHOLD }) { nodes { holderPerson } } }`,
    undefined,
    t['snnmt.nongnghiep'],
  );
  expect(editor.errors).toBeUndefined();
  expect(editor.data.forestPlots.nodes[0].holderPerson).toEqual(expect.any(String));
});

it('withholds a farm owner’s name (PERSONAL) and the households an outbreak affected (INTERNAL) from anonymous callers', async () => {
  const res = await stack.query(
    `{ livestockFarms(first: 3) { nodes { code headCount ownerName } } outbreaks(first: 3) { nodes { code disease householdsAffected } } }`,
  );
  expect(res.data.livestockFarms.nodes.map((n: { ownerName: unknown }) => n.ownerName)).toEqual([null, null, null]);
  expect(res.data.outbreaks.nodes.map((n: { householdsAffected: unknown }) => n.householdsAffected)).toEqual([null, null, null]);
  expect(res.data.outbreaks.nodes[0].disease).toEqual(expect.any(String));
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual(expect.arrayContaining(['FORBIDDEN']));
  const editor = await stack.query(`{ outbreaks(first: 1) { nodes { householdsAffected } } }`, undefined, t['snnmt.nongnghiep']);
  expect(editor.errors).toBeUndefined();
  expect(editor.data.outbreaks.nodes[0].householdsAffected).toEqual(expect.any(Number));
});

it('answers the commune query of Xã Đàm Thủy (01435): forest plots, outbreaks and OCOP products', async () => {
  const res = await stack.query(`{ administrativeUnit(code: "01435") { name
    forestPlots { totalCount nodes { code purpose managedBy { code name } } }
    outbreaks { totalCount nodes { code disease communesOnRecord { code name } } }
    ocopProducts { totalCount nodes { code name } } } }`);
  expect(res.errors).toBeUndefined();
  const u = res.data.administrativeUnit;
  expect(u.name).toBe('Xã Đàm Thủy');
  expect(u.forestPlots.totalCount).toBeGreaterThanOrEqual(5);
  expect(u.forestPlots.nodes[0].managedBy).toMatchObject({ code: 'SNNMT' });
  expect(u.outbreaks.totalCount).toBeGreaterThanOrEqual(1);
  expect(u.ocopProducts.totalCount).toBeGreaterThanOrEqual(1);
});

it('names the commune and the agency as they were on the day of a record', async () => {
  const res = await stack.query(`{ forestChanges(filter: { kind: CONVERSION, communeCodes: ["01435"] }) { nodes {
    code detectedOn energyProjectCode issuer { code name } commune { code name } communeOnRecord { code name } } } }`);
  expect(res.errors).toBeUndefined();
  const c = res.data.forestChanges.nodes[0];
  expect(c).toMatchObject({ energyProjectCode: 'NL-0009', issuer: { code: 'UBND-04' }, commune: { code: '01435', name: 'Xã Đàm Thủy' } });
  expect(c.detectedOn < '2025-07-01').toBe(true);
  expect(c.communeOnRecord.name).not.toBe('Xã Đàm Thủy');
});

const READ = `{ ocopProduct(code: "OCOP-0002") { stars version } }`;
const UPDATE = `mutation($v: Int!) { updateOcopProduct(code: "OCOP-0002", input: { stars: 5 }, expectedVersion: $v, reason: "Đánh giá lại (thử)") { stars version } }`;

it('the database’s editor writes; an editor of another database of the same agency and an anonymous caller cannot', async () => {
  const v = (await stack.query(READ)).data.ocopProduct.version;
  for (const token of [t['snnmt.moitruong'], undefined]) {
    const res = await stack.query(UPDATE, { v }, token);
    expect(res.status).toBe(403);
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Mutation.updateOcopProduct' });
  }
  const ok = await stack.query(UPDATE, { v }, t['snnmt.nongnghiep']);
  expect(ok.errors).toBeUndefined();
  expect(ok.data.updateOcopProduct).toEqual({ stars: 5, version: v + 1 });
});
