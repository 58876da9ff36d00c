// Hardening probes against the real gateway: every abusive operation is refused with a 4xx and a clear
// message, before any subgraph is asked; nothing leaks a stack trace, a suggestion or the schema.
import { getIntrospectionQuery } from 'graphql';
import { startStack, type Stack } from '../stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const repeat = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ');

async function refused(body: unknown, message: RegExp, code?: string, limit?: number) {
  const before = Object.values(stack.subgraphs).reduce((a, s) => a + s.stats.requests, 0);
  const res = await stack.post(body);
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  const text = JSON.stringify(res.body);
  expect(text).toMatch(message);
  expect(text).not.toMatch(/stacktrace|\s+at\s+\S+\s+\(|node_modules|\.ts:\d+/);
  expect(Object.values(stack.subgraphs).reduce((a, s) => a + s.stats.requests, 0)).toBe(before);
  if (code) expect(res.body.errors[0].extensions).toMatchObject({ code, ...(limit === undefined ? {} : { limit }) });
  return res;
}

describe('operation limits', () => {
  it('refuses 101 aliases on a real field', async () => {
    await refused(
      { query: `{ administrativeUnit(code: "04") { ${repeat(101, (i) => `a${i}: name`)} } }` },
      /Aliases limit of 30 exceeded, found 101/,
      'MAX_ALIASES_LIMIT',
      30,
    );
  });

  it('refuses 101 aliases on __typename', async () => {
    const res = await refused({ query: `{ ${repeat(101, (i) => `t${i}: __typename`)} }` }, /Aliases limit of 30 exceeded, found 101/);
    expect(res.body.errors[0].extensions).toEqual({ code: 'MAX_ALIASES_LIMIT', limit: 30, found: 101 });
  });

  it('refuses a batched array of operations', async () => {
    await refused([{ query: '{ __typename }' }, { query: '{ __typename }' }], /batch/i);
  });

  it('refuses 30,000 directives', async () => {
    await refused({ query: `{ __typename ${repeat(30000, () => '@include(if: true)')} }` }, /[Tt]oken|[Dd]irectives/);
  });

  it('refuses a 2,000-token flood naming the limit', async () => {
    const res = await refused(
      { query: `{ administrativeUnit(code: "04") { ${repeat(2000, () => 'name')} } }` },
      /^.*Token limit of 1000 exceeded: the document was not parsed further/,
    );
    expect(res.body.errors[0].extensions).toEqual({ code: 'MAX_TOKENS_LIMIT', limit: 1000 });
  });

  it('refuses 51 directives naming the limit', async () => {
    await refused(
      { query: `{ ${repeat(51, () => '__typename @include(if: true)')} }` },
      /Directives limit of 50 exceeded, found 51/,
      'MAX_DIRECTIVES_LIMIT',
      50,
    );
  });

  it('refuses depth reached through fragments', async () => {
    const fragments = Array.from(
      { length: 14 },
      (_, i) => `fragment F${i} on AdministrativeUnit { children { ${i < 13 ? `...F${i + 1}` : 'name'} } }`,
    ).join('\n');
    const res = await refused({ query: `{ administrativeUnit(code: "04") { ...F0 } }\n${fragments}` }, /Query depth limit of 12 exceeded/);
    expect(res.body.errors[0].extensions).toEqual({ code: 'MAX_DEPTH_LIMIT', limit: 12, found: 16 });
  });

  it('refuses a query whose cost multiplies past the limit, and says why', async () => {
    await refused(
      { query: `{ administrativeUnits(first: 1000) { nodes { children { children { children { name } } } } } }` },
      /Query cost \d+ exceeds the limit of 100000/,
      'COST_ESTIMATED_TOO_EXPENSIVE',
      100000,
    );
  });

  it('counts `first` from variables in the cost', async () => {
    const q = `query($n: Int) { administrativeUnits(first: $n) { nodes { children { children { name } } } } }`;
    expect((await stack.post({ query: q, variables: { n: 5 } })).status).toBe(200);
    await refused({ query: q, variables: { n: 1000 } }, /Query cost/);
  });

  it('refuses a list variable that does not coerce with 400 BAD_USER_INPUT, though the cost does not read lists', async () => {
    const editor = (await stack.signIn('stc.editor')).body.access_token;
    const before = Object.values(stack.subgraphs).reduce((a, s) => a + s.stats.requests, 0);
    const q = `mutation($v: [IndicatorValueInput!]!) { upsertIndicatorValues(values: $v) { inserted } }`;
    const res = (await stack.query(q, { v: [{ indicator: 'G001', period: '2026M01' }] }, editor)) as {
      status: number;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    expect(res.status).toBe(400);
    expect(res.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/Variable "\$v" got invalid value/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(Object.values(stack.subgraphs).reduce((a, s) => a + s.stats.requests, 0)).toBe(before);
  });

  it('refuses __schema and __type to anonymous callers', async () => {
    await refused(
      { query: '{ __schema { types { name } } }' },
      /Introspection is not available without signing in/,
      'INTROSPECTION_DISABLED',
    );
    await refused({ query: '{ __type(name: "AccommodationEstablishment") { fields { name } } }' }, /Introspection is not available/);
  });

  it('gives no field suggestions to anonymous callers', async () => {
    const res = await stack.post({ query: '{ touristSite(code: "DL-0001") { nam } }' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toBe('Cannot query field "nam" on type "TouristSite".');
  });

  it('a parse error is a 4xx and malformed JSON is a 4xx', async () => {
    await refused({ query: '{ touristSites(' }, /Syntax Error/);
    const bad = await refused('{"query": ', /not valid JSON/);
    expect(bad.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('still serves ordinary queries', async () => {
    const res = await stack.query(
      `{ touristSites(first: 100) { nodes { name commune { name ancestors { name } } provenance { dataset { owner { name } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.touristSites.nodes.length).toBeGreaterThan(0);
  });
});

describe('introspection for those allowed to introspect', () => {
  let token: string;
  beforeAll(async () => {
    token = (await stack.signIn('vhttdl.official')).body.access_token;
  });
  const FULL = getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
  });

  it('answers the standard introspection query (depth 15, a list-multiplied cost far over the data limit)', async () => {
    const res = await stack.query(FULL, undefined, token);
    expect(res.errors).toBeUndefined();
    const types = res.data.__schema.types.map((t: { name: string }) => t.name);
    expect(types).toEqual(expect.arrayContaining(['TouristSite', 'AdministrativeUnit', 'AuditEvent', 'Query']));
    expect(types.some((n: string) => n.startsWith('join__') || n.startsWith('link__'))).toBe(false);
  });

  it('answers __type with its fields, and a data query beside it still counts its own depth and cost', async () => {
    const res = await stack.query(
      '{ __type(name: "TouristSite") { name fields { name type { kind name ofType { kind name ofType { kind name } } } } } __typename }',
      undefined,
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.__type.fields.map((f: { name: string }) => f.name)).toEqual(expect.arrayContaining(['code', 'name', 'commune']));
    const deep = `{ __schema { queryType { name } } administrativeUnit(code: "04") { ${'children { '.repeat(13)}name${' }'.repeat(13)} } }`;
    const refusedDeep = await stack.query(deep, undefined, token);
    expect(refusedDeep.errors?.[0].extensions).toMatchObject({ code: 'MAX_DEPTH_LIMIT', limit: 12, found: 15 });
  });

  it('refuses introspection nested past its own limit, naming it', async () => {
    const nested = (n: number): string => (n === 0 ? 'name' : `name ofType { ${nested(n - 1)} }`);
    const q = `{ __type(name: "TouristSite") { fields { type { ${nested(17)} } } } }`; // 3 + 18 = 21
    const res = await stack.query(q, undefined, token);
    expect(res.errors?.[0]).toMatchObject({
      message: 'Introspection depth limit of 20 exceeded, found 21.',
      extensions: { code: 'MAX_INTROSPECTION_DEPTH_LIMIT', limit: 20, found: 21 },
    });
  });
});

describe('when the operator allows public introspection', () => {
  let open: Stack;
  beforeAll(async () => {
    open = await startStack({ gatewayEnv: { HUB_PUBLIC_INTROSPECTION: '1' } });
  });
  afterAll(() => open?.stop());

  it('answers __schema and suggests field names', async () => {
    const schema = await open.query('{ __schema { queryType { name } } }');
    expect(schema.data.__schema.queryType.name).toBe('Query');
    const res = await open.post({ query: '{ touristSite(code: "DL-0001") { nam } }' });
    expect(res.body.errors[0].message).toMatch(/Did you mean "name"/);
  });
});
