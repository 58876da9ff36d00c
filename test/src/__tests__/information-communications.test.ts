// The information and communications database (CSDL-TTTT) through the real gateway: what citizens see of postal
// points and base stations, the commune query across subgraphs, and who writes (the data editors of CSDL-TTTT in the
// agency that owns it today, SKHCN since the 2025 merger; not an editor of another database).
import { startStack, type Stack } from '../stack';

let stack: Stack;
const t: Record<string, string> = {};
beforeAll(async () => {
  stack = await startStack();
  for (const u of ['skhcn.editor', 'sct.editor']) t[u] = (await stack.signIn(u)).body.access_token;
});
afterAll(() => stack?.stop());

it('an anonymous caller reads public fields; the exact location, the permission day and agents’ personal data are null with FORBIDDEN', async () => {
  const res = await stack.query(`{
    telecomStations(first: 2) { nodes { code operator technologies commune { name } location { latitude longitude } permittedOn } }
    postalPoints(first: 2, filter: { kind: AGENT }) { nodes { code name address agentName agentPhone } }
  }`);
  expect(res.status).toBe(200);
  for (const n of res.data.telecomStations.nodes) {
    expect(n).toMatchObject({ location: null, permittedOn: null });
    expect(n.operator).toBeTruthy();
    expect(n.commune.name).toBeTruthy();
  }
  for (const n of res.data.postalPoints.nodes) {
    expect(n).toMatchObject({ agentName: null, agentPhone: null });
    expect(n.address).toBeTruthy();
  }
  const forbidden = res.errors!.filter((e) => e.extensions?.code === 'FORBIDDEN');
  expect(forbidden.map((e) => e.path!.join('.')).sort()).toEqual([
    'postalPoints.nodes.agentName',
    'postalPoints.nodes.agentPhone',
    'telecomStations.nodes.location',
    'telecomStations.nodes.permittedOn',
  ]);
});

it('answers the commune query: postal points and stations of Xã Đàm Thủy, and a licence with its commune then and now', async () => {
  const res = await stack.query(`{
    administrativeUnit(code: "01435") { name postalPoints { totalCount nodes { code name } } telecomStations(operator: VIETTEL) { totalCount } }
    publishingLicences(first: 1, filter: { issuerCode: "STTTT" }) { nodes { number issuer { name } commune { name } communeOnRecord { name parent { name } } } }
  }`);
  expect(res.errors).toBeUndefined();
  expect(res.data.administrativeUnit.name).toBe('Xã Đàm Thủy');
  expect(res.data.administrativeUnit.postalPoints.totalCount).toBeGreaterThanOrEqual(1);
  expect(res.data.administrativeUnit.telecomStations.totalCount).toBeGreaterThanOrEqual(0);
  const licence = res.data.publishingLicences.nodes[0];
  expect(licence.issuer.name).toMatch(/Thông tin và Truyền thông/);
  expect(licence.commune.name).toBeTruthy();
  expect(licence.communeOnRecord.parent.name).toMatch(/^(Huyện|Thành phố)/);
});

const CREATE = `mutation($i: PostalPointCreate!) { createPostalPoint(input: $i) { code version commune { name } } }`;
const INPUT = {
  code: 'BC-0950',
  name: 'Đại lý bưu chính Thác Bản Giốc (thử)',
  kind: 'AGENT',
  operatorName: 'Bưu điện tỉnh Cao Bằng (Tổng công ty Bưu điện Việt Nam)',
  address: 'Bản Giốc, Xã Đàm Thủy, tỉnh Cao Bằng',
  agentName: 'Hoàng Thị Thử',
  agentPhone: '0912000222',
  communeCode: '01435',
};

it("the database's editor (SKHCN) writes; an editor of another database (SCT) and anonymous callers cannot", async () => {
  for (const token of [t['sct.editor'], undefined]) {
    const res = await stack.query(CREATE, { i: INPUT }, token);
    expect(res.status).toBe(403);
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Mutation.createPostalPoint' });
  }
  const created = await stack.query(CREATE, { i: INPUT }, t['skhcn.editor']);
  expect(created.errors).toBeUndefined();
  expect(created.data.createPostalPoint).toEqual({ code: 'BC-0950', version: 1, commune: { name: 'Xã Đàm Thủy' } });

  const station = (await stack.query(`{ telecomStations(first: 1, filter: { status: IN_SERVICE }) { nodes { code version } } }`)).data
    .telecomStations.nodes[0];
  const RETIRE = `mutation($c: String!, $v: Int!) { decommissionTelecomStation(code: $c, decommissionedOn: "2026-11-30", expectedVersion: $v, reason: "Di dời trạm (thử)") { status version } }`;
  const refused = await stack.query(RETIRE, { c: station.code, v: station.version }, t['sct.editor']);
  expect(refused.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Mutation.decommissionTelecomStation' });
  const retired = await stack.query(RETIRE, { c: station.code, v: station.version }, t['skhcn.editor']);
  expect(retired.errors).toBeUndefined();
  expect(retired.data.decommissionTelecomStation).toEqual({ status: 'DECOMMISSIONED', version: station.version + 1 });
});
