// End to end through the real gateway: both subgraphs over HTTP, each on its own PostgreSQL database.
import { seedData as directorySeed } from '@hub/directory';
import { seedData as tourismSeed } from '@hub/culture-tourism';
import { startStack, type Stack } from '../stack';
import { touristSites } from '../builders';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const { SITES } = tourismSeed;
const { merges } = directorySeed.planCaoBang();
const communeName = new Map(merges.map((m) => [m.code, m.name]));

describe('one graph over two department databases', () => {
  it("(a) lists tourist sites with their commune and that commune's ancestors", async () => {
    const res = await stack.query(`{
      touristSites(first: 100) {
        totalCount
        nodes { code name commune { code name level ancestors { code name } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.touristSites.totalCount).toBe(SITES.length);
    expect(res.data.touristSites.nodes).toEqual(
      SITES.map((s, i) => ({
        code: `DL-${String(i + 1).padStart(4, '0')}`,
        name: s.name,
        commune: {
          code: s.commune,
          name: communeName.get(s.commune),
          level: 'COMMUNE',
          ancestors: [{ code: '04', name: 'Tỉnh Cao Bằng' }],
        },
      })),
    );
  });

  it('(b) gives the province with the tourist sites in every unit under it', async () => {
    const res = await stack.query(`{ administrativeUnit(code: "04") { name touristSites(first: 100) { totalCount nodes { name } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.administrativeUnit.name).toBe('Tỉnh Cao Bằng');
    expect(res.data.administrativeUnit.touristSites.totalCount).toBe(SITES.length);
  });

  it('(b) gives a former district as of a date before July 2025 with the sites in its territory', async () => {
    const res = await stack.query(`{
      administrativeUnit(code: "047", asOf: "2024-06-01") {
        name level validTo
        children { code }
        touristSites(first: 100) { totalCount nodes { name commune { code name } } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const unit = res.data.administrativeUnit;
    expect(unit).toMatchObject({ name: 'Huyện Trùng Khánh', level: 'DISTRICT', validTo: '2025-06-30' });
    expect(unit.children).toHaveLength(21);
    const territory = new Set(merges.filter((m) => m.districtCode === '047').map((m) => m.code));
    const expected = SITES.filter((s) => territory.has(s.commune));
    expect(expected.length).toBeGreaterThan(0);
    expect(unit.touristSites.nodes.map((n: { name: string }) => n.name)).toEqual(expected.map((s) => s.name));
    expect(unit.touristSites.nodes.every((n: { commune: { code: string } }) => territory.has(n.commune.code))).toBe(true);
  });

  it('carries provenance whose dataset and owner come from the directory', async () => {
    const res = await stack.query(
      `{ touristSite(code: "DL-0001") { provenance { dataset { code name owner { code name } } updatedAt retrievedAt } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.touristSite.provenance.dataset).toEqual({
      code: 'CSDL-VHTTDL',
      name: 'Cơ sở dữ liệu Văn hóa, Thể thao và Du lịch',
      owner: { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch' },
    });
  });
});

describe('cost of a query', () => {
  const QUERY = `query($n: Int!) { touristSites(first: $n) { nodes { code name commune { code name ancestors { code name } } } } }`;

  async function statementsFor(n: number): Promise<{ total: number; perSubgraph: Record<string, number>; returned: number }> {
    const before = await stack.sqlStatements();
    const res = await stack.query(QUERY, { n });
    expect(res.errors).toBeUndefined();
    const after = await stack.sqlStatements();
    const perSubgraph = Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]));
    return { total: Object.values(perSubgraph).reduce((a, b) => a + b, 0), perSubgraph, returned: res.data.touristSites.nodes.length };
  }

  it('1,000 tourist sites with their communes cost the same number of SQL statements as 100', async () => {
    await touristSites(stack.subgraphs['culture-tourism'].orm.em as never)
      .count(1000)
      .inCommunes(merges.map((m) => m.code))
      .insert();
    const small = await statementsFor(100);
    const large = await statementsFor(1000);
    expect(small.returned).toBe(100);
    expect(large.returned).toBe(1000);
    expect(large.perSubgraph).toEqual(small.perSubgraph);
    // culture-tourism: the page of sites; directory: the communes, then all their ancestors in one walk
    // (no other subgraph is asked)
    expect(Object.fromEntries(Object.entries(large.perSubgraph).filter(([, n]) => n > 0))).toEqual({ 'culture-tourism': 1, directory: 2 });
  });
});

describe('bad input', () => {
  it('an unknown code gives null, not an error', async () => {
    const res = await stack.query(
      `{ administrativeUnit(code: "99999") { name } touristSite(code: "XX") { name } agency(code: "NOPE") { name } }`,
    );
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ administrativeUnit: null, touristSite: null, agency: null });
  });

  it('a malformed date literal is BAD_USER_INPUT naming the argument, and no subgraph is asked', async () => {
    const before = stack.subgraphs.directory.stats.requests;
    const res = await stack.query(`{ administrativeUnits(asOf: "2025-13-45") { totalCount } }`);
    expect(res.status).toBe(400);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'asOf' });
    expect(res.errors![0].message).toContain('argument "asOf" of Query.administrativeUnits');
    expect(stack.subgraphs.directory.stats.requests).toBe(before);
  });

  it('a malformed date variable is BAD_USER_INPUT naming the variable', async () => {
    const res = await stack.query(`query($d: Date) { administrativeUnit(code: "04", asOf: $d) { name } }`, { d: '2025-02-30' });
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('$d');
  });

  it('a page size above the maximum is BAD_USER_INPUT naming `first`', async () => {
    const res = await stack.query(`{ touristSites(first: 5000) { totalCount } administrativeUnit(code: "04") { name } }`);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(res.errors![0].message).toContain('from 0 to 1000');
    expect(res.data.administrativeUnit.name).toBe('Tỉnh Cao Bằng');
  });

  it('a forged cursor is BAD_USER_INPUT naming `after`', async () => {
    const res = await stack.query(`{ administrativeUnits(after: "Zm9yZ2Vk") { totalCount } }`);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('a syntax error is a 400 with no stack trace', async () => {
    const res = await stack.query(`{ touristSites(first: ) }`);
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|\bat .*\.(js|ts):\d+/);
  });
});

describe('operating surface', () => {
  it('reports every subgraph at /health', async () => {
    const r = await fetch(`${stack.gateway.url}/health`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ status: 'ok', subgraphs: { directory: { status: 'ok' }, 'culture-tourism': { status: 'ok' } } });
  });

  it('serves the explorer from its own files, with nothing from another host', async () => {
    const page = await (await fetch(`${stack.gateway.url}/explorer`)).text();
    expect(page).toContain('graphiql');
    const refs = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThanOrEqual(4);
    for (const ref of refs) {
      expect(ref).not.toMatch(/^(https?:)?\/\//);
      const asset = await fetch(`${stack.gateway.url}/${ref}`);
      expect(asset.status).toBe(200);
    }
  });
});
