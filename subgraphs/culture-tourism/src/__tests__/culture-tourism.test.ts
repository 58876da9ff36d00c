// Contract and behaviour tests of the culture-tourism subgraph on a real PostgreSQL with the demo data.
import { startTestSubgraph, type TestSubgraph } from '@hub/kit/testing';
import { join } from 'node:path';
import { loadSubgraph } from '@hub/kit';

import { ACCOMMODATIONS, SITES } from '../seed/cao-bang';

const cultureTourism = loadSubgraph(join(__dirname, '../..'));

let sg: TestSubgraph;
beforeAll(async () => {
  sg = await startTestSubgraph(cultureTourism, { seed: true });
});
afterAll(() => sg?.stop());

const ok = (query: string, variables?: Record<string, unknown>, caller?: Parameters<TestSubgraph['data']>[2]) =>
  sg.data(query, variables, caller);

describe('tourist sites', () => {
  it('lists sites with filters, visitor counts and a reference to their commune', async () => {
    const d = await ok(`{
      all: touristSites(first: 1000) { totalCount }
      relics: touristSites(filter: { category: SPECIAL_NATIONAL_RELIC }) { nodes { code name commune { code } } }
      search: touristSites(filter: { search: "ban gioc" }) { nodes { name } }
      inCommune: touristSites(filter: { communeCodes: ["01399"] }) { totalCount }
      one: touristSite(code: "DL-0001") { name location { latitude longitude } visitorCounts { year domestic international total } provenance { dataset { code } } }
      none: touristSite(code: "DL-9999") { name }
    }`);
    expect(d.all.totalCount).toBe(SITES.length);
    expect(d.relics.nodes.map((s: { name: string }) => s.name)).toEqual(
      SITES.filter((s) => s.category === 'SPECIAL_NATIONAL_RELIC').map((s) => s.name),
    );
    expect(d.relics.nodes[0].commune).toEqual({ code: '01435' });
    expect(d.search.nodes.map((s: { name: string }) => s.name)).toEqual(['Thác Bản Giốc', 'Chùa Phật Tích Trúc Lâm Bản Giốc']);
    expect(d.inCommune.totalCount).toBe(SITES.filter((s) => s.commune === '01399').length);
    expect(d.one.visitorCounts).toHaveLength(5);
    expect(d.one.visitorCounts[0].total).toBe(d.one.visitorCounts[0].domestic + d.one.visitorCounts[0].international);
    expect(d.one.provenance.dataset).toEqual({ code: 'CSDL-VHTTDL' });
    expect(d.none).toBeNull();
  });

  it('lists accommodation by type and stars', async () => {
    const d = await ok(
      `{ accommodations(filter: { minStars: 2 }) { nodes { name starRating } } homestays: accommodations(filter: { type: HOMESTAY }) { totalCount } }`,
    );
    expect(d.accommodations.nodes.every((a: { starRating: number }) => a.starRating >= 2)).toBe(true);
    expect(d.homestays.totalCount).toBe(ACCOMMODATIONS.filter((a) => a.type === 'HOMESTAY').length);
    const bad = await sg.execute(`{ accommodations(filter: { minStars: 9 }) { totalCount } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.minStars' });
  });
});

describe('federation contract', () => {
  it('resolves TouristSite and AccommodationEstablishment by @key', async () => {
    const d = await ok(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on TouristSite { name } ... on AccommodationEstablishment { name } } }`,
      {
        r: [
          { __typename: 'TouristSite', code: 'DL-0005' },
          { __typename: 'AccommodationEstablishment', code: 'LT-0001' },
          { __typename: 'TouristSite', code: 'nope' },
        ],
      },
    );
    expect(d._entities).toEqual([{ name: SITES[4].name }, { name: ACCOMMODATIONS[0].name }, null]);
  });

  it("contributes AdministrativeUnit.touristSites from the unit's current commune codes, in one batch", async () => {
    const before = sg.stats.sqlStatements;
    const d = await ok(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit {
        touristSites(first: 2) { totalCount nodes { code } pageInfo { hasNextPage } }
        relics: touristSites(category: RELIC) { totalCount }
      } } }`,
      {
        r: [
          { __typename: 'AdministrativeUnit', code: '047', currentCommuneCodes: ['01426', '01435'] },
          { __typename: 'AdministrativeUnit', code: '01585', currentCommuneCodes: ['01585'] },
          { __typename: 'AdministrativeUnit', code: '01306', currentCommuneCodes: ['01306'] },
        ],
      },
    );
    const expected = (codes: string[]) => SITES.filter((s) => codes.includes(s.commune)).length;
    expect(d._entities[0].touristSites.totalCount).toBe(expected(['01426', '01435']));
    expect(d._entities[0].touristSites.nodes).toHaveLength(2);
    expect(d._entities[0].touristSites.pageInfo.hasNextPage).toBe(true);
    expect(d._entities[1].relics.totalCount).toBe(SITES.filter((s) => s.commune === '01585' && s.category === 'RELIC').length);
    expect(d._entities[2].touristSites.totalCount).toBe(0);
    // one statement per distinct filter (no category, RELIC), whatever the number of units
    expect(sg.stats.sqlStatements - before).toBe(2);
  });
});

describe('changes and their history', () => {
  const editor = { sub: '0b9f3c8e-2f0a-4f43-9d6c-1f1f8e3b7a11', agency: 'SVHTTDL', roles: ['DATA_EDITOR'], editorOf: ['CSDL-VHTTDL'] };
  const HISTORY = `query($code: String!) { touristSite(code: $code) { version history(first: 5) { totalCount edges { node {
    operation accountId agencyCode reason requestId changes { field before after masked } } } } } }`;
  const UPDATE = `mutation($v: Int!, $r: String) { updateTouristSite(code: "DL-0003", input: { nameEn: "Pac Bo cave" }, expectedVersion: $v, reason: $r) { version } }`;

  it('records an update with its reason, and refuses one without a reason (published data), writing nothing', async () => {
    const before = (await ok(HISTORY, { code: 'DL-0003' }, editor)).touristSite;
    expect(before.history.totalCount).toBe(0); // the demo seed is not change history
    const refused = await sg.execute(UPDATE, { v: before.version }, editor);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
    expect((await ok(HISTORY, { code: 'DL-0003' }, editor)).touristSite).toEqual(before);

    await ok(UPDATE, { v: before.version, r: 'Tên tiếng Anh theo biển chỉ dẫn mới' }, editor);
    const after = (await ok(HISTORY, { code: 'DL-0003' }, editor)).touristSite;
    expect(after.version).toBe(before.version + 1);
    expect(after.history.totalCount).toBe(1);
    expect(after.history.edges[0].node).toMatchObject({
      operation: 'UPDATE',
      accountId: editor.sub,
      agencyCode: 'SVHTTDL',
      reason: 'Tên tiếng Anh theo biển chỉ dẫn mới',
      changes: [{ field: 'nameEn', before: SITES[2].nameEn ?? null, after: 'Pac Bo cave', masked: false }],
    });
  });

  it('reads the history of a whole page of sites with one statement', async () => {
    const before = sg.stats.sqlStatements;
    const d = await ok(
      `{ touristSites(first: 50) { nodes { code history(first: 3) { nodes { operation reason } } } } }`,
      undefined,
      editor,
    );
    expect(sg.stats.sqlStatements - before).toBe(2); // the page of sites, the first page of history of all of them
    expect(d.touristSites.nodes.find((n: { code: string }) => n.code === 'DL-0003').history.nodes).toHaveLength(1);
  });

  it.each([
    ['input.name', 'must not be empty', { name: '  ' }],
    ['input.name', 'must not be empty', { name: null }],
    ['input.starRating', 'must be a whole number from 1 to 5, got 6', { starRating: 6 }],
    ['input.rooms', 'must be a whole number from 1 to 10000, got 0', { rooms: 0 }],
    ['input.rooms', 'must be a whole number from 1 to 10000, got null', { rooms: null }],
    ['input.licenceNumber', 'at most 60 characters (got 61)', { licenceNumber: 'L'.repeat(61) }],
    ['input.annualRevenue', 'must be a number of 0 or more, got -5', { annualRevenue: -5 }],
  ])('updateAccommodation names %s (%s) and writes nothing', async (argument, expected, input) => {
    const READ = `{ accommodation(code: "LT-0003") { version name rooms starRating licenceNumber annualRevenue } }`;
    const before = (await ok(READ, undefined, editor)).accommodation;
    const res = await sg.execute(
      `mutation($v: Int!, $input: AccommodationUpdate!) { updateAccommodation(code: "LT-0003", input: $input, expectedVersion: $v, reason: "r") { version } }`,
      { v: before.version, input },
      editor,
    );
    expect(res.errors?.[0]).toMatchObject({
      message: `Invalid value for "${argument}": ${expected}`,
      extensions: { code: 'BAD_USER_INPUT', argument },
    });
    expect((await ok(READ, undefined, editor)).accommodation).toEqual(before);
  });

  it('updateAccommodation: personal and restricted values are shown only to callers the gateway lets read them', async () => {
    const READ = `{ accommodation(code: "LT-0002") { version ownerName } }`;
    const a = (await ok(READ, undefined, editor)).accommodation;
    const res = await ok(
      `mutation($v: Int!) { updateAccommodation(code: "LT-0002", input: { ownerName: "Nông Thị Hoa", annualRevenue: 1234.5 }, expectedVersion: $v, reason: "Đổi chủ hộ") { ownerName annualRevenue version } }`,
      { v: a.version },
      editor,
    );
    expect(res.updateAccommodation).toMatchObject({ ownerName: 'Nông Thị Hoa', annualRevenue: 1234.5, version: a.version + 1 });
    const H = `{ accommodation(code: "LT-0002") { history { nodes { changes { field before after masked } } } } }`;
    const shown = (
      await ok(H, undefined, { ...editor, read: ['AccommodationEstablishment.ownerName', 'AccommodationEstablishment.annualRevenue'] })
    ).accommodation;
    expect(shown.history.nodes[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'ownerName', before: a.ownerName, after: 'Nông Thị Hoa', masked: false },
        expect.objectContaining({ field: 'annualRevenue', after: 1234.5, masked: false }),
      ]),
    );
    const hidden = (await ok(H, undefined, { sub: 'e1f0c1d2-0000-4000-8000-000000000001', agency: 'SXD', roles: ['OFFICIAL'] }))
      .accommodation;
    expect(hidden.history.nodes[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'ownerName', before: null, after: null, masked: true },
        { field: 'annualRevenue', before: null, after: null, masked: true },
      ]),
    );
  });
});

describe('metrics', () => {
  /** The value of `name` whose labels include `labels` (Prometheus text, label order free). */
  const metric = (text: string, name: string, labels: Record<string, string>) => {
    for (const line of text.split('\n')) {
      const m = /^(\w+)\{([^}]*)\} (\S+)$/.exec(line);
      if (!m || m[1] !== name) continue;
      const has = Object.fromEntries([...m[2].matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
      if (Object.entries(labels).every(([k, v]) => has[k] === v)) return Number(m[3]);
    }
    return NaN;
  };
  it('counts requests, SQL statements and errors by code, and times requests, in Prometheus text', async () => {
    const read = async () => (await fetch(sg.url.replace(/\/graphql$/, '/metrics'))).text();
    const me = { subgraph: 'culture-tourism' };
    const before = await read();
    await ok('{ touristSites(first: 2) { nodes { code } } }');
    await sg.execute('{ touristSites(first: -1) { nodes { code } } }');
    const after = await read();
    expect(metric(after, 'hub_graphql_requests_total', me) - metric(before, 'hub_graphql_requests_total', me)).toBe(2);
    expect(metric(after, 'hub_sql_statements_total', me)).toBeGreaterThan(metric(before, 'hub_sql_statements_total', me));
    expect(metric(after, 'hub_graphql_errors_total', { ...me, code: 'BAD_USER_INPUT' })).toBeGreaterThanOrEqual(1);
    expect(metric(after, 'hub_graphql_request_duration_seconds_count', { ...me, operation: 'query' })).toBeGreaterThanOrEqual(2);
    expect(metric(after, 'hub_subgraph_process_resident_memory_bytes', me)).toBeGreaterThan(0);
  });
});

describe('refusals in Vietnamese (extensions.localized, for the gateway to answer with)', () => {
  const editor = { sub: '0b9f3c8e-2f0a-4f43-9d6c-1f1f8e3b7a11', agency: 'SVHTTDL', roles: ['DATA_EDITOR'], editorOf: ['CSDL-VHTTDL'] };
  const vi = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
    (res.errors?.[0].extensions?.localized as { vi: string } | undefined)?.vi;
  const UPDATE = `mutation($v: Int!, $r: String) { updateTouristSite(code: "DL-0004", input: { nameEn: "X" }, expectedVersion: $v, reason: $r) { version } }`;

  it('a filter out of range', async () => {
    const res = await sg.execute(`{ accommodations(filter: { minStars: 9 }) { totalCount } }`);
    expect(res.errors?.[0].message).toBe('Invalid value for "filter.minStars": must be from 1 to 5, got 9');
    expect(vi(res)).toBe('Giá trị không hợp lệ của "filter.minStars": phải từ 1 đến 5, nhận được 9');
  });

  it('a change of approved data without a reason, and one of a version no longer current: the record named in both', async () => {
    const { version } = (await ok(`{ touristSite(code: "DL-0004") { version } }`)).touristSite;
    const noReason = await sg.execute(UPDATE, { v: version }, editor);
    expect(noReason.errors?.[0].message).toBe('Invalid value for "reason": tourist site "DL-0004" is approved data: say why it is changed');
    expect(vi(noReason)).toBe(
      'Giá trị không hợp lệ của "reason": điểm du lịch "DL-0004" là dữ liệu đã được phê duyệt: hãy nêu lý do thay đổi',
    );
    const stale = await sg.execute(UPDATE, { v: version + 7, r: 'Sửa tên' }, editor);
    expect(stale.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(stale.errors?.[0].message).toBe(
      `tourist site "DL-0004" was changed since you read it (version ${version + 7}, now ${version}): read it again`,
    );
    expect(vi(stale)).toBe(
      `điểm du lịch "DL-0004" đã được thay đổi sau khi bạn đọc (phiên bản ${version + 7}, nay là ${version}): hãy đọc lại`,
    );
  });
});
