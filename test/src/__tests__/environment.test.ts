// The environment database (CSDL-TNMT) through the real gateway: what citizens see, the commune query of the
// acceptance, and writes by its data editors only.
import { startStack, type Stack } from '../stack';

let stack: Stack;
const t: Record<string, string> = {};
beforeAll(async () => {
  stack = await startStack();
  for (const u of ['snnmt.moitruong', 'snnmt.nongnghiep', 'sct.editor']) t[u] = (await stack.signIn(u)).body.access_token;
});
afterAll(() => stack?.stop());

it('an anonymous caller reads the public licence register, but personal holders and exact station positions are null with FORBIDDEN', async () => {
  const res = await stack.query(`{
    person: waterLicence(code: "GP-TNN-0020") { code holderKind holderPerson holderIdNumber permittedVolumeM3PerDay }
    station: monitoringStation(code: "QT-023") { code name location { latitude longitude } }
  }`);
  expect(res.data.person).toMatchObject({ code: 'GP-TNN-0020', holderKind: 'PERSON', holderPerson: null, holderIdNumber: null });
  expect(res.data.person.permittedVolumeM3PerDay).toBeGreaterThan(0);
  expect(res.data.station).toMatchObject({ code: 'QT-023', location: null });
  const forbidden = (res.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => e.path?.join('.'));
  expect(forbidden).toEqual(expect.arrayContaining(['person.holderPerson', 'person.holderIdNumber', 'station.location']));
});

it('the editor of the database reads the personal holder', async () => {
  const res = await stack.query(`{ waterLicence(code: "GP-TNN-0020") { holderPerson } }`, undefined, t['snnmt.moitruong']);
  expect(res.errors).toBeUndefined();
  expect(res.data.waterLicence.holderPerson).toEqual(expect.any(String));
});

it('GP-TNN-0101: issued by Trùng Khánh district PC in Xã Phong Châu (2024), today in Xã Đàm Thủy', async () => {
  const res = await stack.query(`{ waterLicence(code: "GP-TNN-0101") {
    holderOrganisation issuedOn issuer { code } commune { code name } communeOnRecord { code name parent { code } }
  } }`);
  expect(res.errors).toBeUndefined();
  expect(res.data.waterLicence).toMatchObject({
    holderOrganisation: 'Trường Tiểu học Phong Châu',
    issuedOn: '2024-05-20',
    issuer: { code: 'UBND-047' },
    commune: { code: '01435', name: 'Xã Đàm Thủy' },
    communeOnRecord: { code: '01438', name: 'Xã Phong Châu', parent: { code: '047' } },
  });
});

it('the commune query: stations and the results that exceed their limit in Xã Đàm Thủy', async () => {
  const res = await stack.query(`{ administrativeUnit(code: "01435") {
    monitoringStations { totalCount nodes { code name } }
    exceedances { totalCount nodes { code parameter value limit { standard max } } }
    waterLicences { totalCount }
  } }`);
  expect(res.errors).toBeUndefined();
  const u = res.data.administrativeUnit;
  expect(u.monitoringStations.totalCount).toBeGreaterThanOrEqual(1);
  expect(u.exceedances.nodes).toContainEqual({
    code: 'QT-023/2025-09-15/Coliform',
    parameter: 'Coliform',
    value: 9300,
    limit: { standard: 'QCVN 08:2023/BTNMT', max: 5000 },
  });
  expect(u.waterLicences.totalCount).toBeGreaterThanOrEqual(1);
});

it("the database's editor writes; an editor of another database (even of the same agency) cannot", async () => {
  const READ = `{ monitoringStation(code: "QT-010") { name version } }`;
  const UPDATE = `mutation($v: Int!) { updateMonitoringStation(code: "QT-010", input: { name: "Điểm quan trắc (đổi tên thử)" }, expectedVersion: $v, reason: "Kiểm thử") { name version } }`;
  const { version } = (await stack.query(READ)).data.monitoringStation;
  for (const token of [t['snnmt.nongnghiep'], t['sct.editor'], undefined]) {
    const refused = await stack.query(UPDATE, { v: version }, token);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Mutation.updateMonitoringStation' });
  }
  expect((await stack.query(READ)).data.monitoringStation.version).toBe(version);
  const done = await stack.query(UPDATE, { v: version }, t['snnmt.moitruong']);
  expect(done.errors).toBeUndefined();
  expect(done.data.updateMonitoringStation).toEqual({ name: 'Điểm quan trắc (đổi tên thử)', version: version + 1 });
});
