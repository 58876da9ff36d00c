// Change history through the real gateway: every write leaves a record with who, why and the values before and
// after; approved data changes only with a reason; personal values are shown only to callers with the right to
// them; passwords and personal values never appear in clear in the change history or the audit store.
import { sqlRows as sql } from '@hub/infra';
import { startStack, type Stack } from '../stack';

let stack: Stack;
const t: Record<string, string> = {};
beforeAll(async () => {
  stack = await startStack();
  for (const u of ['admin', 'vhttdl.editor', 'vhttdl.official', 'vhttdl.admin', 'sxd.admin', 'sxd.official'])
    t[u] = (await stack.signIn(u)).body.access_token;
});
afterAll(() => stack?.stop());

const rawHistory = async (subgraph: string) => JSON.stringify(await sql(stack.dbUrls[subgraph], 'select * from hub_change'));

const NODE = `operation at accountId account { username } agencyCode reason requestId changes { field before after masked }`;
const SITE = `query($code: String!) { touristSite(code: $code) { name version history { totalCount edges { cursor node { ${NODE} } } } } }`;
const UPDATE_SITE = `mutation($v: Int!, $r: String, $n: String = "Hồ Thang Hen (hồ Ba Bể)") { updateTouristSite(code: "DL-0005", input: { name: $n }, expectedVersion: $v, reason: $r) { version } }`;

describe('a tourist site', () => {
  it("an editor's change shows in its history: operation, values before and after, account, agency, reason, request", async () => {
    const before = (await stack.query(SITE, { code: 'DL-0005' }, t['vhttdl.editor'])).data.touristSite;
    expect(before.history.totalCount).toBe(0);
    const res = await stack.query(UPDATE_SITE, { v: before.version, r: 'Tên theo Quyết định xếp hạng di tích' }, t['vhttdl.editor']);
    expect(res.errors).toBeUndefined();

    const read = await stack.query(SITE, { code: 'DL-0005' }, t['vhttdl.admin']);
    expect(read.errors).toBeUndefined();
    const h = read.data.touristSite.history;
    expect(h.totalCount).toBe(1);
    const change = h.edges[0].node;
    expect(change).toMatchObject({
      operation: 'UPDATE',
      account: { username: 'vhttdl.editor' },
      agencyCode: 'SVHTTDL',
      reason: 'Tên theo Quyết định xếp hạng di tích',
      changes: [{ field: 'name', before: before.name, after: 'Hồ Thang Hen (hồ Ba Bể)', masked: false }],
    });
    expect(change.accountId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.now() - Date.parse(change.at)).toBeLessThan(60_000);
    // The request id leads to the gateway's audit record of the same write.
    // (Two records: the intent, committed before the write, and the outcome.)
    const audit = await sql(stack.audit.readerUrl, 'select operation, outcome from audit_record where request_id = $1 order by at, seq', [
      change.requestId,
    ]);
    expect(audit.map((a) => a.outcome)).toEqual(['intent', 'ok']);
    expect(JSON.stringify(audit[0].operation)).toContain('mutation');
  });

  it('published data needs a reason: without one, BAD_USER_INPUT naming `reason`, and nothing is written', async () => {
    const before = (await stack.query(SITE, { code: 'DL-0005' }, t['vhttdl.editor'])).data.touristSite;
    for (const r of [undefined, '   ']) {
      const res = await stack.query(UPDATE_SITE, { v: before.version, r, n: 'Một tên khác' }, t['vhttdl.editor']);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
    }
    expect((await stack.query(SITE, { code: 'DL-0005' }, t['vhttdl.editor'])).data.touristSite).toEqual(before);
  });

  it('history is INTERNAL: anonymous callers get FORBIDDEN for it and the rest of the answer', async () => {
    const res = await stack.query(`{ touristSite(code: "DL-0005") { name history { totalCount } } }`);
    expect(res.data.touristSite.name).toBeTruthy();
    expect(res.data.touristSite.history).toBeNull();
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'TouristSite.history' });
  });
});

describe('personal data in history', () => {
  const OWNER = 'Lương Thị Riêng Tư';
  const H = `{ accommodation(code: "LT-0003") { history(first: 1) { nodes { reason changes { field before after masked } } } } }`;
  const changesFor = async (user: string) => {
    const res = await stack.query(H, undefined, t[user]);
    expect(res.errors).toBeUndefined();
    const [node] = res.data.accommodation.history.nodes;
    return Object.fromEntries(node.changes.map((c: { field: string }) => [c.field, c]));
  };

  beforeAll(async () => {
    // SXD gets an agreement for the establishments' restricted data, without personal data.
    const requested = await stack.query(
      `mutation($i: SharingAgreementRequest!) { requestSharingAgreement(input: $i) { id } }`,
      {
        i: {
          providerCode: 'SVHTTDL',
          coordinates: ['AccommodationEstablishment'],
          includesPersonalData: false,
          purpose: 'Quy hoạch',
          legalBasis: 'CV 1/SXD',
          usage: 'Nội bộ',
          validFrom: '2025-01-01',
          validTo: '2099-12-31',
        },
      },
      t['sxd.admin'],
    );
    const id = requested.data.requestSharingAgreement.id;
    const approved = await stack.query(
      `mutation($id: ID!) { decideSharingAgreement(id: $id, decision: APPROVE) { status } }`,
      { id },
      t['vhttdl.admin'],
    );
    expect(approved.data.decideSharingAgreement.status).toBe('APPROVED');

    const { version, ownerName } = (
      await stack.query(`{ accommodation(code: "LT-0003") { version ownerName } }`, undefined, t['vhttdl.editor'])
    ).data.accommodation;
    const res = await stack.query(
      `mutation($v: Int!, $i: AccommodationUpdate!) { updateAccommodation(code: "LT-0003", input: $i, expectedVersion: $v, reason: "Chuyển nhượng cơ sở") { ownerName } }`,
      { v: version, i: { ownerName: OWNER, annualRevenue: 4321 } },
      t['vhttdl.editor'],
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateAccommodation.ownerName).toBe(OWNER);
    expect(ownerName).not.toBe(OWNER);
  });

  it("the owning agency's editor sees the personal value", async () => {
    const c = await changesFor('vhttdl.editor');
    expect(c.ownerName).toMatchObject({ after: OWNER, masked: false });
    expect(c.annualRevenue).toEqual({ field: 'annualRevenue', before: expect.any(Number), after: 4321, masked: false });
  });

  it('an official of another agency with an agreement without personal data sees it masked, and the restricted value it covers', async () => {
    const c = await changesFor('sxd.official');
    expect(c.ownerName).toEqual({ field: 'ownerName', before: null, after: null, masked: true });
    expect(c.annualRevenue).toMatchObject({ after: 4321, masked: false });
  });

  it('an official of the owning agency who is not an editor sees it masked too', async () => {
    expect((await changesFor('vhttdl.official')).ownerName).toMatchObject({ after: null, masked: true });
  });

  it('is not in clear in the change history nor in the audit store', async () => {
    const raw = await rawHistory('culture-tourism');
    expect(raw).toContain('annualRevenue');
    for (const form of [OWNER, JSON.stringify(OWNER).slice(1, -1)]) {
      expect(raw).not.toContain(form);
      expect(JSON.stringify(await sql(stack.audit.readerUrl, 'select * from audit_record'))).not.toContain(form);
    }
  });
});

describe('who made a change', () => {
  const AUTHOR = `{ touristSite(code: "DL-0005") { history(first: 1) { nodes { agencyCode accountRoles account { username roles status lastLoginAt } } } } }`;

  it('is shown as an account only to those who may list it in Query.accounts; others see its agency and roles', async () => {
    for (const reader of ['sxd.official', 'vhttdl.official', 'sxd.admin']) {
      const res = await stack.query(AUTHOR, undefined, t[reader]);
      const [node] = res.data.touristSite.history.nodes;
      expect({ reader, node }).toEqual({
        reader,
        node: { agencyCode: 'SVHTTDL', accountRoles: ['DATA_EDITOR', 'OFFICIAL'], account: null },
      });
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]).toMatchObject({
        path: ['touristSite', 'history', 'nodes', 0, 'account'],
        extensions: { code: 'FORBIDDEN', coordinate: 'Change.account' },
      });
    }
    for (const reader of ['admin', 'vhttdl.admin', 'vhttdl.editor']) {
      const res = await stack.query(AUTHOR, undefined, t[reader]);
      expect({ reader, errors: res.errors }).toEqual({ reader, errors: undefined });
      expect(res.data.touristSite.history.nodes[0].account).toMatchObject({
        username: 'vhttdl.editor',
        roles: ['DATA_EDITOR', 'OFFICIAL'],
        status: 'ACTIVE',
      });
    }
  });
});

describe('accounts', () => {
  const PASSWORD = 'history-first-password-2025';
  const NEXT = 'history-second-password-2026';

  it('a password change shows as a change of the password with no value; neither password nor hash is stored', async () => {
    const created = await stack.query(
      `mutation($p: String!) { createAccount(input: { username: "history.case", displayName: "Cán bộ thử", agencyCode: "SVHTTDL", roles: [OFFICIAL], password: $p }) { id } }`,
      { p: PASSWORD },
      t.admin,
    );
    expect(created.errors).toBeUndefined();
    const token = (await stack.signIn('history.case', PASSWORD)).body.access_token;
    const hashBefore = (await sql(stack.dbUrls.directory, 'select password_hash from account where username = $1', ['history.case']))[0]
      .password_hash;
    const changed = await stack.query(
      `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`,
      { c: PASSWORD, n: NEXT },
      token,
    );
    expect(changed.data.changePassword).toBe(true);
    const hashAfter = (await sql(stack.dbUrls.directory, 'select password_hash from account where username = $1', ['history.case']))[0]
      .password_hash;
    expect(hashAfter).not.toBe(hashBefore);

    const me = await stack.query(
      `{ me { history { nodes { operation accountId changes { field before after masked } } } } }`,
      undefined,
      token,
    );
    expect(me.errors).toBeUndefined();
    const [latest, creation] = me.data.me.history.nodes;
    expect(latest).toMatchObject({ operation: 'UPDATE', changes: [{ field: 'passwordHash', before: null, after: null, masked: true }] });
    expect(creation.operation).toBe('CREATE');
    expect(creation.changes).toContainEqual({ field: 'passwordHash', before: null, after: null, masked: true });
    expect(creation.changes).toContainEqual({ field: 'username', before: null, after: 'history.case', masked: false });

    const raw = await rawHistory('directory');
    for (const secret of [PASSWORD, NEXT, hashBefore, hashAfter, hashAfter.split('$').pop()!]) expect(raw).not.toContain(secret);
  });

  it('sign-in bookkeeping is not a change; sessions are not in the history', async () => {
    const id = (await stack.query(`{ me { id } }`, undefined, t['vhttdl.official'])).data.me.id;
    await stack.signIn('vhttdl.official');
    expect(await sql(stack.dbUrls.directory, 'select 1 from hub_change where entity_id = $1', [id])).toEqual([]);
    expect(await sql(stack.dbUrls.directory, "select 1 from hub_change where entity = 'AccountSession'")).toEqual([]);
  });
});

describe('sharing agreements', () => {
  it('an APPROVED agreement is ended only with a reason, which its history keeps', async () => {
    const requested = await stack.query(
      `mutation($i: SharingAgreementRequest!) { requestSharingAgreement(input: $i) { id } }`,
      {
        i: {
          providerCode: 'SVHTTDL',
          coordinates: ['AccommodationEstablishment.annualRevenue'],
          includesPersonalData: false,
          purpose: 'Thống kê',
          legalBasis: 'CV 2/SXD',
          usage: 'Nội bộ',
          validFrom: '2025-01-01',
          validTo: '2099-12-31',
        },
      },
      t['sxd.admin'],
    );
    const id = requested.data.requestSharingAgreement.id;
    const DECIDE = `mutation($id: ID!, $d: AgreementDecision!, $r: String) { decideSharingAgreement(id: $id, decision: $d, reason: $r) { status } }`;
    await stack.query(DECIDE, { id, d: 'APPROVE' }, t['vhttdl.admin']);
    const refused = await stack.query(DECIDE, { id, d: 'END' }, t['vhttdl.admin']);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
    expect(
      (await stack.query(DECIDE, { id, d: 'END', r: 'Hết nhu cầu sử dụng' }, t['vhttdl.admin'])).data.decideSharingAgreement.status,
    ).toBe('ENDED');

    const list = await stack.query(
      `{ sharingAgreements(first: 20) { nodes { id history(first: 5) { nodes { operation reason agencyCode changes { field before after } } } } } }`,
      undefined,
      t['sxd.admin'],
    );
    expect(list.errors).toBeUndefined();
    const h = list.data.sharingAgreements.nodes.find((a: { id: string }) => a.id === id).history.nodes;
    expect(h.map((n: { operation: string }) => n.operation)).toEqual(['UPDATE', 'UPDATE', 'CREATE']);
    expect(h[0]).toMatchObject({ reason: 'Hết nhu cầu sử dụng', agencyCode: 'SVHTTDL' });
    expect(h[0].changes).toContainEqual({ field: 'status', before: 'APPROVED', after: 'ENDED' });
    expect(h[2].agencyCode).toBe('SXD');
  });
});

describe('datasets', () => {
  it("a transfer of ownership shows in the dataset's history, the ended period and the new one", async () => {
    const res = await stack.query(
      `mutation { recordDatasetOwnership(datasetCode: "CSDL-VHTTDL", agencyCode: "SXD", validFrom: "2099-01-01", basis: "Quyết định thử") { history { nodes { operation reason changes { field before after } } } } }`,
      undefined,
      t.admin,
    );
    expect(res.errors).toBeUndefined();
    const [latest] = res.data.recordDatasetOwnership.history.nodes;
    expect(latest.operation).toBe('UPDATE');
    const fields = latest.changes.map((c: { field: string }) => c.field);
    expect(fields.some((f: string) => /^ownerships\[[0-9a-f-]{36}\]\.validTo$/.test(f))).toBe(true);
    expect(latest.changes).toContainEqual(expect.objectContaining({ after: 'Quyết định thử' }));
    expect(latest.changes).toContainEqual(expect.objectContaining({ before: null, after: '2099-01-01' }));
  });
});
