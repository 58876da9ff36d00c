// Account administration through the gateway, as the regulations describe it.
import { startStack, type Stack } from '../stack';

let stack: Stack;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  stack = await startStack();
  for (const u of ['admin', 'vhttdl.admin', 'vhttdl.official', 'sxd.official']) tokens[u] = (await stack.signIn(u)).body.access_token;
});
afterAll(() => stack?.stop());

const CREATE = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { username status roles agency { code } } }`;
const input = (o: Record<string, unknown>) => ({
  input: { username: 'x', displayName: 'Người thử', agencyCode: 'SVHTTDL', roles: ['OFFICIAL'], password: 'a-long-enough-password', ...o },
});
const codeOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions;

it('an agency admin creates an account in their own agency, and it can sign in', async () => {
  const res = await stack.query(CREATE, input({ username: 'vhttdl.new' }), tokens['vhttdl.admin']);
  expect(res.errors).toBeUndefined();
  expect(res.data.createAccount).toEqual({ username: 'vhttdl.new', status: 'ACTIVE', roles: ['OFFICIAL'], agency: { code: 'SVHTTDL' } });
  expect((await stack.signIn('vhttdl.new', 'a-long-enough-password')).status).toBe(200);
});

it('an agency admin cannot act outside their agency or grant reserved roles', async () => {
  const other = await stack.query(CREATE, input({ username: 'sxd.new', agencyCode: 'SXD' }), tokens['vhttdl.admin']);
  expect(codeOf(other)).toMatchObject({ code: 'FORBIDDEN', coordinate: 'Mutation.createAccount' });
  expect(other.errors![0].message).toMatch(/own agency \(SVHTTDL\)/);
  const reserved = await stack.query(CREATE, input({ username: 'vhttdl.root', roles: ['SYSTEM_ADMIN'] }), tokens['vhttdl.admin']);
  expect(reserved.errors![0].message).toMatch(/only the system admin grants SYSTEM_ADMIN/);
  const disable = await stack.query(
    `mutation { disableAccount(username: "sxd.official", reason: "test") { status } }`,
    undefined,
    tokens['vhttdl.admin'],
  );
  expect(codeOf(disable)?.code).toBe('FORBIDDEN');
  const list = await stack.query(`{ accounts(agencyCode: "SXD") { totalCount } }`, undefined, tokens['vhttdl.admin']);
  expect(codeOf(list)?.code).toBe('FORBIDDEN');
});

it("the system admin creates another agency's admin; an official administers nothing", async () => {
  const res = await stack.query(CREATE, input({ username: 'sct.admin', agencyCode: 'SCT', roles: ['AGENCY_ADMIN'] }), tokens.admin);
  expect(res.data.createAccount.agency.code).toBe('SCT');
  const official = await stack.query(CREATE, input({ username: 'sxd.x', agencyCode: 'SXD' }), tokens['sxd.official']);
  expect(official.errors![0].message).toMatch(/only the system admin and agency admins manage accounts/);
  const anonymous = await stack.query(CREATE, input({ username: 'anon.x' }));
  expect(anonymous.status).toBe(403);
});

it("a disabled account's token stops on its next request; re-enabled, it signs in again", async () => {
  const token = tokens['vhttdl.official'];
  expect((await stack.query('{ me { username status } }', undefined, token)).data.me).toEqual({
    username: 'vhttdl.official',
    status: 'ACTIVE',
  });
  const disabled = await stack.query(
    `mutation { disableAccount(username: "vhttdl.official", reason: "phone reported stolen") { status statusReason } }`,
    undefined,
    tokens['vhttdl.admin'],
  );
  expect(disabled.data.disableAccount).toEqual({ status: 'DISABLED', statusReason: 'phone reported stolen' });
  expect((await stack.query('{ me { username } }', undefined, token)).status).toBe(401);
  expect((await stack.signIn('vhttdl.official')).body.error).toBe('invalid_grant');
  await stack.query(`mutation { enableAccount(username: "vhttdl.official") { status } }`, undefined, tokens['vhttdl.admin']);
  expect((await stack.signIn('vhttdl.official')).status).toBe(200);
});

it('everyone changes their own password', async () => {
  const token = tokens['sxd.official'];
  const wrong = await stack.query(
    `mutation { changePassword(currentPassword: "not-it-at-all", newPassword: "a-brand-new-password") }`,
    undefined,
    token,
  );
  expect(codeOf(wrong)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'currentPassword' });
  const short = await stack.query(
    `mutation { changePassword(currentPassword: "demo-password-2025", newPassword: "short") }`,
    undefined,
    token,
  );
  expect(codeOf(short)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'newPassword' });
  const ok = await stack.query(
    `mutation { changePassword(currentPassword: "demo-password-2025", newPassword: "a-brand-new-password") }`,
    undefined,
    token,
  );
  expect(ok.data.changePassword).toBe(true);
  expect((await stack.signIn('sxd.official')).status).toBe(400);
  expect((await stack.signIn('sxd.official', 'a-brand-new-password')).status).toBe(200);
});

it('names the input that is wrong', async () => {
  const res = await stack.query(CREATE, input({ username: 'No Spaces!' }), tokens['vhttdl.admin']);
  expect(codeOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.username' });
  const taken = await stack.query(CREATE, input({ username: 'vhttdl.editor' }), tokens['vhttdl.admin']);
  expect(taken.errors![0].message).toMatch(/"vhttdl.editor" is taken/);
});
