// The industry and trade database through the real gateway: what citizens see (PUBLIC) and what they do not
// (RESTRICTED business figures, PERSONAL data of representatives), the commune's markets across the 2025 reform, the
// trade flows' periods resolved by the indicators, and writes by the database's own editors only.
import { startStack, type Stack } from '../stack';

let stack: Stack;
const t: Record<string, string> = {};
beforeAll(async () => {
  stack = await startStack();
  for (const u of ['sct.editor', 'snnmt.moitruong', 'vhttdl.official']) t[u] = (await stack.signIn(u)).body.access_token;
});
afterAll(() => stack?.stop());

const denied = (res: { errors?: { extensions?: Record<string, any> }[] }) =>
  (res.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => e.extensions!.coordinate as string);

it('an anonymous caller reads the register but not the revenue, output or the representative', async () => {
  const res = await stack.query(
    `{ industrialEstablishment(code: "CSCN-0001") { code name taxCode sectorCode employees annualOutputBillionVnd revenueBillionVnd representativeName representativePhone commune { name } } }`,
  );
  expect(res.data.industrialEstablishment).toMatchObject({
    code: 'CSCN-0001',
    taxCode: expect.stringMatching(/^48\d{8}$/),
    employees: null,
    annualOutputBillionVnd: null,
    revenueBillionVnd: null,
    representativeName: null,
    representativePhone: null,
    commune: { name: 'Phường Thục Phán' },
  });
  expect(denied(res).sort()).toEqual(
    [
      'IndustrialEstablishment.annualOutputBillionVnd',
      'IndustrialEstablishment.employees',
      'IndustrialEstablishment.representativeName',
      'IndustrialEstablishment.representativePhone',
      'IndustrialEstablishment.revenueBillionVnd',
    ].sort(),
  );
  // The owning department's editor reads them.
  const own = await stack.query(
    `{ industrialEstablishment(code: "CSCN-0001") { revenueBillionVnd representativeName } }`,
    undefined,
    t['sct.editor'],
  );
  expect(own.errors).toBeUndefined();
  expect(own.data.industrialEstablishment.revenueBillionVnd).toBeGreaterThan(0);
  // An official of another agency reads INTERNAL, not RESTRICTED.
  const other = await stack.query(
    `{ industrialEstablishment(code: "CSCN-0001") { employees revenueBillionVnd } }`,
    undefined,
    t['vhttdl.official'],
  );
  expect(other.data.industrialEstablishment.employees).toBeGreaterThan(0);
  expect(denied(other)).toEqual(['IndustrialEstablishment.revenueBillionVnd']);
});

it("a commune's markets today, and a former district's through the reform; units on record and periods resolve", async () => {
  const res = await stack.query(`{
    administrativeUnit(code: "01435") { name markets { totalCount nodes { code name managedBy { code } } } }
    former: administrativeUnit(code: "047", asOf: "2024-06-01") { name markets { totalCount } }
    industrialCluster(code: "CCN-01") { name issuer { name } communeOnRecord { name validTo } commune { name } }
    borderGate(code: "CK-02") { name commune { name } tradeFlows(period: "2025Q3", direction: EXPORT, first: 1) { totalCount nodes { period { id startDate endDate } } } }
  }`);
  expect(res.errors).toBeUndefined();
  expect(res.data.administrativeUnit.name).toBe('Xã Đàm Thủy');
  expect(res.data.administrativeUnit.markets.totalCount).toBeGreaterThanOrEqual(2);
  expect(res.data.administrativeUnit.markets.nodes.map((n: { name: string }) => n.name)).toContain('Chợ Bản Giốc');
  expect(res.data.former.markets.totalCount).toBeGreaterThan(res.data.administrativeUnit.markets.totalCount);
  expect(res.data.industrialCluster).toMatchObject({
    issuer: { name: expect.any(String) },
    communeOnRecord: { name: 'Phường Đề Thám', validTo: '2025-06-30' },
    commune: { name: 'Phường Nùng Trí Cao' },
  });
  expect(res.data.borderGate.tradeFlows).toEqual({
    totalCount: 5,
    nodes: [{ period: { id: '2025Q3', startDate: '2025-07-01', endDate: '2025-09-30' } }],
  });
});

it("the database's editor creates and removes a market; an editor of another database and anonymous callers cannot", async () => {
  const CREATE = `mutation($i: MarketCreate!) { createMarket(input: $i) { code version commune { name } } }`;
  const i = {
    code: 'CH-8001',
    name: 'Chợ phiên Khuổi Ky (thử)',
    marketClass: 'CLASS_III',
    stalls: 30,
    operatingDays: '3, 8, 13, 18, 23, 28',
    managedByCode: 'SCT',
    communeCode: '01435',
  };
  for (const token of [t['snnmt.moitruong'], undefined]) {
    const res = await stack.query(CREATE, { i }, token);
    expect(res.status).toBe(403);
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Mutation.createMarket' });
  }
  const created = await stack.query(CREATE, { i }, t['sct.editor']);
  expect(created.errors).toBeUndefined();
  expect(created.data.createMarket).toEqual({ code: 'CH-8001', version: 1, commune: { name: 'Xã Đàm Thủy' } });
  const removed = await stack.query(
    `mutation { deleteMarket(code: "CH-8001", expectedVersion: 1, reason: "Thử nghiệm") { code } }`,
    undefined,
    t['sct.editor'],
  );
  expect(removed.errors).toBeUndefined();
  expect((await stack.query(`{ market(code: "CH-8001") { code } }`)).data.market).toBeNull();
});
