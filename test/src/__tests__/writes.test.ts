// Writes belong to the data editors of a database, in the agency that owns it on the day of the write; when a
// department merges into another, the new owner's editors of that database write and the old owner's no longer do.
import { startStack, type Stack } from '../stack';

let stack: Stack;
const t: Record<string, string> = {};
beforeAll(async () => {
  stack = await startStack();
  for (const u of ['admin', 'sxd.admin', 'vhttdl.editor', 'vhttdl.official']) t[u] = (await stack.signIn(u)).body.access_token;
  // An editor of the Department of Construction's own database (it owns three since the 2025 mergers).
  await stack.query(
    `mutation { createAccount(input: { username: "sxd.editor", displayName: "Biên tập viên SXD", agencyCode: "SXD", roles: [DATA_EDITOR], editorOf: ["CSDL-XAYDUNG"], password: "a-long-enough-password" }) { username } }`,
    undefined,
    t.admin,
  );
  t['sxd.editor'] = (await stack.signIn('sxd.editor', 'a-long-enough-password')).body.access_token;
});
afterAll(() => stack?.stop());

const READ = `{ touristSite(code: "DL-0002") { name description version } }`;
// Tourist sites are published data: every change carries a reason (history.test.ts checks it is required).
const UPDATE = `mutation($v: Int!, $input: TouristSiteUpdate!, $r: String = "Cập nhật theo hồ sơ di tích") { updateTouristSite(code: "DL-0002", input: $input, expectedVersion: $v, reason: $r) { name description version } }`;
const version = async () => (await stack.query(READ)).data.touristSite.version as number;

it("the owning agency's editor changes a site; the version moves on", async () => {
  const v = await version();
  const res = await stack.query(UPDATE, { v, input: { description: 'Hang động lớn trong Công viên địa chất' } }, t['vhttdl.editor']);
  expect(res.errors).toBeUndefined();
  expect(res.data.updateTouristSite).toMatchObject({ description: 'Hang động lớn trong Công viên địa chất', version: v + 1 });
});

it('a stale version is a CONFLICT and nothing is written', async () => {
  const before = (await stack.query(READ)).data.touristSite;
  const res = await stack.query(UPDATE, { v: before.version - 1, input: { name: 'Tên khác' } }, t['vhttdl.editor']);
  expect(res.errors![0].extensions?.code).toBe('CONFLICT');
  expect((await stack.query(READ)).data.touristSite).toEqual(before);
});

it('officials without the editor role, editors of other agencies and anonymous callers cannot write', async () => {
  const v = await version();
  for (const token of [t['vhttdl.official'], t['sxd.editor'], undefined]) {
    const res = await stack.query(UPDATE, { v, input: { name: 'X' } }, token);
    expect(res.status).toBe(403);
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Mutation.updateTouristSite' });
  }
  expect(await version()).toBe(v);
});

it('bad input names what is wrong and writes nothing', async () => {
  const v = await version();
  const empty = await stack.query(UPDATE, { v, input: { name: '  ' } }, t['vhttdl.editor']);
  expect(empty.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.name' });
  const unknown = await stack.query(
    `mutation { updateTouristSite(code: "DL-9999", input: { name: "X" }, expectedVersion: 1, reason: "x") { name } }`,
    undefined,
    t['vhttdl.editor'],
  );
  expect(unknown.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'code' });
  expect(await version()).toBe(v);
});

it("after a merger moves the database to another agency, that agency's editors of it write and the old owner's cannot", async () => {
  const today = new Date().toISOString().slice(0, 10);
  const moved = await stack.query(
    `mutation($d: Date!) { recordDatasetOwnership(datasetCode: "CSDL-VHTTDL", agencyCode: "SXD", validFrom: $d, basis: "Quyết định sáp nhập (thử)") { owner { code } ownerships { agency { code } validTo } } }`,
    { d: today },
    t.admin,
  );
  expect(moved.errors).toBeUndefined();
  expect(moved.data.recordDatasetOwnership.owner.code).toBe('SXD');
  const v = await version();
  const oldOwner = await stack.query(UPDATE, { v, input: { name: 'Động Ngườm Ngao (cũ)' } }, t['vhttdl.editor']);
  expect(oldOwner.errors![0].extensions?.code).toBe('FORBIDDEN');
  // The new owner's editor of another of its databases does not write this one until its admin grants it.
  const otherDatabase = await stack.query(UPDATE, { v, input: { name: 'Động Ngườm Ngao (XD)' } }, t['sxd.editor']);
  expect(otherDatabase.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Mutation.updateTouristSite' });
  expect(otherDatabase.errors![0].message).toMatch(/data editors of this database/);
  const granted = await stack.query(
    `mutation { setEditorDatasets(username: "sxd.editor", datasetCodes: ["CSDL-XAYDUNG", "CSDL-VHTTDL"]) { editorOf { code } } }`,
    undefined,
    t['sxd.admin'],
  );
  expect(granted.errors).toBeUndefined();
  expect(granted.data.setEditorDatasets.editorOf.map((d: { code: string }) => d.code)).toEqual(['CSDL-XAYDUNG', 'CSDL-VHTTDL']);
  expect(await version()).toBe(v);
  const newOwner = await stack.query(UPDATE, { v, input: { name: 'Động Ngườm Ngao (Trùng Khánh)' } }, t['sxd.editor']);
  expect(newOwner.errors).toBeUndefined();
  expect(newOwner.data.updateTouristSite.version).toBe(v + 1);
  const byOfficial = await stack.query(
    `mutation { recordDatasetOwnership(datasetCode: "CSDL-VHTTDL", agencyCode: "SVHTTDL", validFrom: "2099-01-01", basis: "x") { code } }`,
    undefined,
    t['sxd.editor'],
  );
  expect(byOfficial.errors![0].message).toMatch(/only the system admin/);
  // An agency that has ended owns nothing after its last day: its successor is named instead.
  const toEnded = await stack.query(
    `mutation { recordDatasetOwnership(datasetCode: "CSDL-VHTTDL", agencyCode: "STTTT", validFrom: "2099-01-01", basis: "Quyết định thử") { code } }`,
    undefined,
    t.admin,
  );
  expect(toEnded.errors![0]).toMatchObject({
    message: 'Invalid value for "agencyCode": STTTT ended on 2025-02-28: it cannot own data from 2099-01-01 (name its successor)',
    extensions: { code: 'BAD_USER_INPUT', argument: 'agencyCode' },
  });
  const owners = await stack.query(
    `{ dataset(code: "CSDL-VHTTDL") { owner { code } ownerships { agency { code } } } }`,
    undefined,
    t.admin,
  );
  expect(owners.data.dataset.owner.code).toBe('SXD');
  expect(owners.data.dataset.ownerships.map((o: { agency: { code: string } }) => o.agency.code)).not.toContain('STTTT');
});
