// Sharing agreements open exactly their coordinates to exactly the consumer agency, from the moment they are
// approved until they are suspended, ended or reach their end date.
import { startStack, type Stack } from '../stack';

let stack: Stack;
const t: Record<string, string> = {};
beforeAll(async () => {
  stack = await startStack();
  for (const u of ['vhttdl.admin', 'vhttdl.official', 'sxd.admin', 'sxd.official', 'admin'])
    t[u] = (await stack.signIn(u)).body.access_token;
});
afterAll(() => stack?.stop());

const REVENUE = `{ accommodation(code: "LT-0001") { name annualRevenue licenceNumber ownerName } }`;
const REQUEST = `mutation($input: SharingAgreementRequest!) { requestSharingAgreement(input: $input) { id status provider { code } consumer { code } } }`;
const DECIDE = `mutation($id: ID!, $d: AgreementDecision!, $r: String) { decideSharingAgreement(id: $id, decision: $d, reason: $r) { status statusReason } }`;
const request = (o: Record<string, unknown> = {}) => ({
  input: {
    providerCode: 'SVHTTDL',
    coordinates: ['AccommodationEstablishment.annualRevenue'],
    includesPersonalData: false,
    purpose: 'Quy hoạch hạ tầng du lịch',
    legalBasis: 'Công văn 123/SXD-QH',
    usage: 'Phân tích nội bộ Sở Xây dựng',
    validFrom: '2025-01-01',
    validTo: '2099-12-31',
    ...o,
  },
});

const revenueFor = async (user: string) => {
  const res = await stack.query(REVENUE, undefined, t[user]);
  return {
    value: res.data?.accommodation?.annualRevenue,
    denied: (res.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => e.extensions!.coordinate),
  };
};

it("RESTRICTED data is the owning agency's until an agreement is approved, then the consumer's too, and only its coordinates", async () => {
  expect((await revenueFor('vhttdl.official')).value).toBeGreaterThan(0);
  expect((await revenueFor('sxd.official')).denied).toContain('AccommodationEstablishment.annualRevenue');

  const requested = await stack.query(REQUEST, request(), t['sxd.admin']);
  expect(requested.data.requestSharingAgreement).toMatchObject({
    status: 'REQUESTED',
    provider: { code: 'SVHTTDL' },
    consumer: { code: 'SXD' },
  });
  const id = requested.data.requestSharingAgreement.id;
  expect((await revenueFor('sxd.official')).denied).toContain('AccommodationEstablishment.annualRevenue');

  const byConsumer = await stack.query(DECIDE, { id, d: 'APPROVE' }, t['sxd.admin']);
  expect(byConsumer.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Mutation.decideSharingAgreement' });

  expect((await stack.query(DECIDE, { id, d: 'APPROVE' }, t['vhttdl.admin'])).data.decideSharingAgreement.status).toBe('APPROVED');
  const after = await revenueFor('sxd.official');
  expect(after.value).toBeGreaterThan(0);
  expect(after.denied).toEqual(['AccommodationEstablishment.ownerName']); // PERSONAL is not in the agreement

  // An agency that is not the consumer still cannot.
  const created = await stack.query(
    `mutation { createAccount(input: { username: "sct.staff", displayName: "Cán bộ SCT", agencyCode: "SCT", roles: [OFFICIAL], password: "a-long-enough-password" }) { username } }`,
    undefined,
    t.admin,
  );
  expect(created.errors).toBeUndefined();
  const sctToken = (await stack.signIn('sct.staff', 'a-long-enough-password')).body.access_token;
  const sctRes = await stack.query(REVENUE, undefined, sctToken);
  expect(sctRes.data.accommodation.annualRevenue).toBeNull();

  expect((await stack.query(DECIDE, { id, d: 'SUSPEND' }, t['vhttdl.admin'])).errors![0].extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    argument: 'reason',
  });
  expect(
    (await stack.query(DECIDE, { id, d: 'SUSPEND', r: 'Vi phạm mục đích sử dụng' }, t['vhttdl.admin'])).data.decideSharingAgreement.status,
  ).toBe('SUSPENDED');
  expect((await revenueFor('sxd.official')).denied).toContain('AccommodationEstablishment.annualRevenue');
});

it('an approved agreement past its end date grants nothing', async () => {
  const r = await stack.query(REQUEST, request({ validFrom: '2024-01-01', validTo: '2024-12-31' }), t['sxd.admin']);
  await stack.query(DECIDE, { id: r.data.requestSharingAgreement.id, d: 'APPROVE' }, t['vhttdl.admin']);
  expect((await revenueFor('sxd.official')).denied).toContain('AccommodationEstablishment.annualRevenue');
});

it('refusal needs reasons, and a refused agreement cannot be approved later', async () => {
  const r = await stack.query(REQUEST, request(), t['sxd.admin']);
  const id = r.data.requestSharingAgreement.id;
  expect(
    (await stack.query(DECIDE, { id, d: 'REFUSE', r: 'Thiếu cam kết bảo vệ dữ liệu' }, t['vhttdl.admin'])).data.decideSharingAgreement,
  ).toEqual({
    status: 'REFUSED',
    statusReason: 'Thiếu cam kết bảo vệ dữ liệu',
  });
  const again = await stack.query(DECIDE, { id, d: 'APPROVE' }, t['vhttdl.admin']);
  expect(again.errors![0].message).toMatch(/cannot APPROVE an agreement that is REFUSED/);
});

it('checks the request: who asks, and what Decree 47 requires', async () => {
  expect((await stack.query(REQUEST, request(), t['sxd.official'])).errors![0].extensions?.code).toBe('FORBIDDEN');
  expect((await stack.query(REQUEST, request({ purpose: ' ' }), t['sxd.admin'])).errors![0].extensions).toMatchObject({
    argument: 'input.purpose',
  });
  expect((await stack.query(REQUEST, request({ coordinates: ['not a coordinate'] }), t['sxd.admin'])).errors![0].extensions).toMatchObject({
    argument: 'input.coordinates',
  });
  expect((await stack.query(REQUEST, request({ validTo: '2020-01-01' }), t['sxd.admin'])).errors![0].extensions).toMatchObject({
    argument: 'input.validTo',
  });
  const list = await stack.query(`{ sharingAgreements { totalCount nodes { consumer { code } } } }`, undefined, t['sxd.admin']);
  expect(list.data.sharingAgreements.totalCount).toBeGreaterThanOrEqual(3);
});
