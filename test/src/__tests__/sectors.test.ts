// The four sector databases of Cao Bằng's Decision 34/2024 (Art. 5.2, 7.2) in one graph with culture and tourism:
// "what is in this commune?" answered by five subgraphs with a bounded number of SQL statements each; PERSONAL and
// RESTRICTED fields withheld from the public; references across departments (a hydropower plant's water licence
// and converted forest, a trade flow's period, a 2024 licence of a district that ended); and writes that belong to
// the editors of each database in the agency that owns it that day.
import { startStack, type Stack } from '../stack';

let stack: Stack;
const t: Record<string, string> = {};
beforeAll(async () => {
  stack = await startStack();
  for (const u of ['admin', 'sxd.admin', 'snnmt.moitruong', 'snnmt.nongnghiep', 'sct.editor'])
    t[u] = (await stack.signIn(u)).body.access_token;
  await stack.query(
    `mutation { createAccount(input: { username: "sxd.editor", displayName: "Biên tập viên SXD", agencyCode: "SXD", roles: [DATA_EDITOR], editorOf: ["CSDL-XAYDUNG"], password: "a-long-enough-password" }) { username } }`,
    undefined,
    t.admin,
  );
  t['sxd.editor'] = (await stack.signIn('sxd.editor', 'a-long-enough-password')).body.access_token;
});
afterAll(() => stack?.stop());

/** The lists of one unit, PUBLIC fields only. */
const LISTS = `
  markets(first: 50) { totalCount nodes { code name marketClass managedBy { code } } }
  monitoringStations(first: 50) { totalCount nodes { code name kind } }
  forestPlots { totalCount }
  postalPoints(first: 50) { totalCount nodes { code name kind } }
  touristSites(first: 50) { totalCount nodes { code name } }`;

const COMMUNE = `query($code: String!) { administrativeUnit(code: $code) { code name ${LISTS} } }`;
const UNITS = `query($n: Int!) { administrativeUnits(first: $n) { nodes { code ${LISTS} } } }`;

/** SQL statements each subgraph ran for one query (read from their /metrics before and after). */
async function statementsOf(query: string, variables: Record<string, unknown>): Promise<Record<string, number>> {
  const before = await stack.sqlStatements();
  const res = await stack.query(query, variables);
  expect(res.errors).toBeUndefined();
  const after = await stack.sqlStatements();
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]));
}

describe('what is in this commune?', () => {
  it('answers markets, monitoring stations, forest plots, postal points and tourist sites of Xã Đàm Thủy in one query', async () => {
    const res = await stack.query(COMMUNE, { code: '01435' });
    expect(res.errors).toBeUndefined();
    const u = res.data.administrativeUnit;
    expect(u.name).toBe('Xã Đàm Thủy');
    for (const list of ['markets', 'monitoringStations', 'postalPoints', 'touristSites']) {
      expect(u[list].totalCount).toBeGreaterThan(0);
      expect(u[list].nodes).toHaveLength(Math.min(50, u[list].totalCount));
    }
    expect(u.forestPlots.totalCount).toBeGreaterThanOrEqual(5);
    expect(u.markets.nodes.map((m: { name: string }) => m.name)).toContain('Chợ Bản Giốc');
  });

  it('runs a bounded number of SQL statements per subgraph: the same for a commune and for the province, for 5 units and for 50', async () => {
    // Warm the caches the directory keeps (policy facts, the unit tree) so that both sides count the same work.
    await stack.query(COMMUNE, { code: '01435' });
    await stack.query(UNITS, { n: 5 });
    const commune = await statementsOf(COMMUNE, { code: '01435' });
    const province = await statementsOf(COMMUNE, { code: '04' });
    expect(province).toEqual(commune);
    const five = await statementsOf(UNITS, { n: 5 });
    const fifty = await statementsOf(UNITS, { n: 50 });
    expect(fifty).toEqual(five);
    for (const name of ['industry-trade', 'environment', 'agriculture', 'information-communications', 'culture-tourism']) {
      expect(commune[name]).toBeGreaterThan(0);
      expect(commune[name]).toBeLessThanOrEqual(3);
    }
  });

  it('gives a PUBLIC caller PERSONAL and RESTRICTED fields as null, each with FORBIDDEN naming its coordinate', async () => {
    const res = await stack.query(`{ administrativeUnit(code: "01435") {
      monitoringStations(first: 3) { nodes { code location { latitude longitude } } }
      postalPoints(first: 100) { nodes { code kind agentName agentPhone } }
      markets(first: 2) { nodes { code name } }
    } }`);
    const u = res.data.administrativeUnit;
    expect(u.markets.nodes).toHaveLength(2);
    expect(u.monitoringStations.nodes.length).toBeGreaterThan(0);
    for (const s of u.monitoringStations.nodes) expect(s.location).toBeNull();
    for (const p of u.postalPoints.nodes) expect([p.agentName, p.agentPhone]).toEqual([null, null]);
    const coordinates = new Set(res.errors!.map((e) => e.extensions?.coordinate));
    expect(res.errors!.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    expect([...coordinates].sort()).toEqual(['MonitoringStation.location', 'PostalPoint.agentName', 'PostalPoint.agentPhone']);
  });

  it('lists the monitoring results of the commune that exceed their national technical limit', async () => {
    const res = await stack.query(`{ administrativeUnit(code: "01435") {
      exceedances(first: 100) { totalCount nodes { parameter value exceedsLimit station { code commune { code } } } }
    } }`);
    expect(res.errors).toBeUndefined();
    const { exceedances } = res.data.administrativeUnit;
    expect(exceedances.totalCount).toBeGreaterThan(0);
    for (const r of exceedances.nodes) {
      expect(r.exceedsLimit).toBe(true);
      expect(r.station.commune.code).toBe('01435');
    }
  });
});

describe('bad input on the new lists', () => {
  it.each([
    ['markets', 'first', '{ markets(first: -1) { totalCount } }'],
    ['monitoringStations', 'after', '{ monitoringStations(after: "bm9wZQ") { totalCount } }'],
    ['forestPlots', 'after', '{ forestPlots(after: "%%%") { totalCount } }'],
    ['postalPoints', 'after', '{ administrativeUnit(code: "01435") { postalPoints(after: "not-a-cursor") { totalCount } } }'],
    ['tradeFlows', 'period', '{ borderGates(first: 1) { nodes { tradeFlows(period: "2024Q9") { totalCount } } } }'],
  ])('%s: a bad %s is BAD_USER_INPUT naming it, with no stack trace or SQL in the answer', async (_list, argument, query) => {
    const res = await stack.query(query);
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: expect.stringContaining(argument) });
    const text = JSON.stringify(res);
    expect(text).not.toMatch(/stacktrace|\bselect\b.*\bfrom\b|node_modules|\.ts:\d+/i);
  });

  it('an unknown code is null, not an error, in every new register', async () => {
    const res = await stack.query(`{
      market(code: "CH-9999") { name } energyProject(code: "NL-9999") { name } waterLicence(code: "GP-TNN-9999") { code }
      monitoringStation(code: "QT-999") { name } postalPoint(code: "BC-99999") { name }
    }`);
    expect(res.errors).toBeUndefined();
    expect(Object.values(res.data)).toEqual([null, null, null, null, null]);
  });
});

describe('references across departments', () => {
  it('a hydropower plant (industry and trade) with its water licences (environment) and the forest converted for it (agriculture)', async () => {
    const res = await stack.query(`{ energyProject(code: "NL-0009") {
      name kind communes { code name }
      waterLicences { code kind energyProject { code } issuer { code } }
      forestConversions { kind areaHa energyProjectCode }
    } }`);
    expect(res.errors).toBeUndefined();
    const p = res.data.energyProject;
    expect(p).toMatchObject({ name: 'Thủy điện Thoong Ngạn', kind: 'HYDRO', communes: [{ code: '01435', name: 'Xã Đàm Thủy' }] });
    expect(p.waterLicences.length).toBeGreaterThan(0);
    for (const l of p.waterLicences) expect(l.energyProject).toEqual({ code: 'NL-0009' });
    expect(p.forestConversions.length).toBeGreaterThan(0);
    for (const c of p.forestConversions) expect(c).toMatchObject({ kind: 'CONVERSION', energyProjectCode: 'NL-0009' });
  });

  it("a trade flow's period resolves in the indicators subgraph", async () => {
    const res = await stack.query(
      `{ borderGates(first: 1) { nodes { name tradeFlows(period: "2024Q3", first: 3) { nodes { direction period { id type startDate endDate previousYear } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const flows = res.data.borderGates.nodes[0].tradeFlows.nodes;
    expect(flows.length).toBeGreaterThan(0);
    for (const f of flows)
      expect(f.period).toEqual({ id: '2024Q3', type: 'QUARTER', startDate: '2024-07-01', endDate: '2024-09-30', previousYear: '2023Q3' });
  });

  it("a licence issued in 2024 by a district People's Committee that ended on 30 June 2025: its issuer with its successor, the commune then and now", async () => {
    const res = await stack.query(`{ waterLicence(code: "GP-TNN-0101") {
      issuedOn holderOrganisation
      issuer { code name validTo successor { code name validFrom } }
      communeOnRecord { code name validTo parent { code name } }
      commune { code name validFrom parent { code } }
    } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.waterLicence).toEqual({
      issuedOn: '2024-05-20',
      holderOrganisation: 'Trường Tiểu học Phong Châu',
      issuer: {
        code: 'UBND-047',
        name: 'Ủy ban nhân dân huyện Trùng Khánh',
        validTo: '2025-06-30',
        successor: { code: 'UBND-01426', name: 'Ủy ban nhân dân xã Trùng Khánh', validFrom: '2025-07-01' },
      },
      communeOnRecord: { code: '01438', name: 'Xã Phong Châu', validTo: '2025-06-30', parent: { code: '047', name: 'Huyện Trùng Khánh' } },
      commune: { code: '01435', name: 'Xã Đàm Thủy', validFrom: '2025-07-01', parent: { code: '04' } },
    });
  });
});

describe('writes belong to the editors of each database', () => {
  const READ = `{ monitoringStation(code: "QT-023") { name version } }`;
  const UPDATE = `mutation($v: Int!, $name: String!) { updateMonitoringStation(code: "QT-023", input: { name: $name }, expectedVersion: $v, reason: "Đổi tên theo quyết định") { name version } }`;
  const station = async () => (await stack.query(READ)).data.monitoringStation as { name: string; version: number };

  it('an editor granted only the environment database writes it, and cannot write agriculture; the agriculture editor cannot write environment', async () => {
    const { version } = await station();
    const byEnvironment = await stack.query(UPDATE, { v: version, name: 'Trạm quan trắc Bản Giốc' }, t['snnmt.moitruong']);
    expect(byEnvironment.errors).toBeUndefined();
    expect(byEnvironment.data.updateMonitoringStation.version).toBe(version + 1);
    const byAgriculture = await stack.query(UPDATE, { v: version + 1, name: 'X' }, t['snnmt.nongnghiep']);
    expect(byAgriculture.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Mutation.updateMonitoringStation' });
    const plot = (await stack.query(`{ forestPlots(first: 1) { nodes { code version } } }`)).data.forestPlots.nodes[0];
    const intoAgriculture = await stack.query(
      `mutation($c: String!, $v: Int!) { updateForestPlot(code: $c, input: { mainSpecies: "Thông mã vĩ" }, expectedVersion: $v, reason: "x") { code } }`,
      { c: plot.code, v: plot.version },
      t['snnmt.moitruong'],
    );
    expect(intoAgriculture.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Mutation.updateForestPlot' });
    expect((await station()).version).toBe(version + 1);
  });

  it("after recordDatasetOwnership moves the environment database to another department, its editors of it write and the former owner's cannot", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const moved = await stack.query(
      `mutation($d: Date!) { recordDatasetOwnership(datasetCode: "CSDL-TNMT", agencyCode: "SXD", validFrom: $d, basis: "Quyết định sáp nhập (thử)") { owner { code } } }`,
      { d: today },
      t.admin,
    );
    expect(moved.errors).toBeUndefined();
    expect(moved.data.recordDatasetOwnership.owner.code).toBe('SXD');
    const { version } = await station();
    const formerOwner = await stack.query(UPDATE, { v: version, name: 'Trạm (cũ)' }, t['snnmt.moitruong']);
    expect(formerOwner.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Mutation.updateMonitoringStation' });
    const notYetGranted = await stack.query(UPDATE, { v: version, name: 'Trạm (XD)' }, t['sxd.editor']);
    expect(notYetGranted.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const granted = await stack.query(
      `mutation { setEditorDatasets(username: "sxd.editor", datasetCodes: ["CSDL-XAYDUNG", "CSDL-TNMT"]) { editorOf { code } } }`,
      undefined,
      t['sxd.admin'],
    );
    expect(granted.errors).toBeUndefined();
    const newOwner = await stack.query(UPDATE, { v: version, name: 'Trạm quan trắc Bản Giốc (SXD)' }, t['sxd.editor']);
    expect(newOwner.errors).toBeUndefined();
    expect(newOwner.data.updateMonitoringStation).toEqual({ name: 'Trạm quan trắc Bản Giốc (SXD)', version: version + 1 });
    // The other databases of the former owner stay its own.
    const market = (await stack.query(`{ market(code: "CH-0001") { version } }`)).data.market;
    const byTrade = await stack.query(
      `mutation($v: Int!) { updateMarket(code: "CH-0001", input: { stalls: 120 }, expectedVersion: $v) { stalls } }`,
      { v: market.version },
      t['sct.editor'],
    );
    expect(byTrade.errors).toBeUndefined();
  });
});
