// Messages in the caller's language, through the real gateway and subgraphs over HTTP: Accept-Language picks English
// or Vietnamese; codes and every other extension are the same in both; `extensions.localized` (how a subgraph hands
// its Vietnamese to the gateway) never reaches a client.
import { startStack, type Stack } from '../stack';

let stack: Stack;
let editor: string;
beforeAll(async () => {
  stack = await startStack();
  editor = (await stack.signIn('vhttdl.editor')).body.access_token;
});
afterAll(() => stack?.stop());

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

async function ask(path: string, body: unknown, language?: string, token?: string): Promise<Answer> {
  const r = await fetch(`${stack.gateway.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(language ? { 'accept-language': language } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: r.status, headers: r.headers, body: await r.json() };
}

const graphql = (query: string, variables?: unknown, language?: string, token?: string) =>
  ask('/graphql', { query, variables }, language, token);

/** The first error's message in each language, its extensions the same in both, `localized` in neither. */
async function bothWays(query: string, variables?: unknown, token?: string) {
  const en = await graphql(query, variables, undefined, token);
  const vi = await graphql(query, variables, 'vi-VN,vi;q=0.9,en;q=0.5', token);
  expect(vi.status).toBe(en.status);
  expect(vi.body.errors.map((e: any) => e.extensions)).toEqual(en.body.errors.map((e: any) => e.extensions));
  expect(JSON.stringify([en.body, vi.body])).not.toMatch(/localized/);
  expect(vi.headers.get('content-language')).toBe('vi');
  expect(en.headers.get('content-language')).toBe('en');
  expect(vi.headers.get('vary')).toMatch(/Accept-Language/i);
  return { en: en.body.errors[0], vi: vi.body.errors[0], data: vi.body.data };
}

describe('messages by Accept-Language', () => {
  it('words graphql-js validation errors in Vietnamese, code unchanged', async () => {
    const { en, vi } = await bothWays('{ touristSites(first: 1) { nodes { nme } } }');
    expect(en.message).toBe('Cannot query field "nme" on type "TouristSite".');
    expect(vi.message).toBe('Không thể truy vấn trường "nme" trên kiểu "TouristSite".');
    expect(vi.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('words the policy’s FORBIDDEN in Vietnamese, with the reason; extensions.reason stays as apps match it', async () => {
    const { en, vi, data } = await bothWays('{ accommodations(first: 1) { nodes { code annualRevenue } } }');
    expect(data.accommodations.nodes[0].code).toBeTruthy();
    expect(en.message).toMatch(/^Not allowed to read AccommodationEstablishment.annualRevenue: RESTRICTED data/);
    expect(vi.message).toMatch(/^Không được phép đọc AccommodationEstablishment.annualRevenue: dữ liệu RESTRICTED \(hạn chế\)/);
    expect(vi.extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'AccommodationEstablishment.annualRevenue' });
    expect(vi.extensions.reason).toMatch(/^RESTRICTED data/);
  });

  it('answers a subgraph’s bad input in Vietnamese (the kit’s rule, words made in the subgraph)', async () => {
    const { en, vi } = await bothWays(
      'mutation($input: TouristSiteUpdate!) { updateTouristSite(code: "DL-0002", input: $input, expectedVersion: 1, reason: "thử") { name } }',
      { input: { name: '   ' } },
      editor,
    );
    expect(en.message).toBe('Invalid value for "input.name": must not be empty');
    expect(vi.message).toBe('Giá trị không hợp lệ của "input.name": không được để trống');
    expect(vi.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.name' });
  });

  it('answers a variable that is not a date with graphql-js’s words and the hub’s in Vietnamese', async () => {
    const { en, vi } = await bothWays('query($d: Date) { administrativeUnit(code: "04") { children(asOf: $d) { code } } }', {
      d: '2025-02-30',
    });
    expect(en.message).toBe('Variable "$d" got invalid value "2025-02-30"; Date "2025-02-30" is not a calendar date');
    expect(vi.message).toBe(
      'Biến "$d" nhận giá trị không hợp lệ "2025-02-30"; Ngày (Date) "2025-02-30" không phải một ngày có thật trong lịch',
    );
  });

  it('words operation limits in Vietnamese, limit and found unchanged', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ');
    const { en, vi } = await bothWays(`{ ${aliases} }`);
    expect(en.message).toBe('Aliases limit of 30 exceeded, found 40.');
    expect(vi.message).toBe('Vượt giới hạn số bí danh (alias) 30: có 40.');
    expect(vi.extensions).toEqual({ code: 'MAX_ALIASES_LIMIT', limit: 30, found: 40 });
  });

  it('words a bad token in Vietnamese (401, UNAUTHENTICATED)', async () => {
    const { en, vi } = await bothWays('{ __typename }', undefined, 'not.a.token');
    expect(en.message).toBe('Invalid token: the token is malformed');
    expect(vi.message).toBe('Mã thông báo không hợp lệ: mã thông báo sai định dạng');
    expect(vi.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('follows q-values: English preferred over Vietnamese gets English; a language the hub lacks gets the default', async () => {
    const q = '{ touristSites(first: 1) { nodes { nme } } }';
    expect((await graphql(q, undefined, 'en-US,en;q=0.9,vi;q=0.8')).body.errors[0].message).toMatch(/^Cannot query field/);
    expect((await graphql(q, undefined, 'en;q=0.2, vi')).body.errors[0].message).toMatch(/^Không thể truy vấn/);
    expect((await graphql(q, undefined, 'fr-FR, de;q=0.5')).body.errors[0].message).toMatch(/^Cannot query field/);
  });

  it('words the token endpoint’s OAuth errors in Vietnamese, error code unchanged', async () => {
    const body = { grant_type: 'password', username: 'vhttdl.editor', password: 'wrong-password-123' };
    const en = await ask('/auth/token', body);
    const vi = await ask('/auth/token', body, 'vi');
    expect(en.body).toEqual({ error: 'invalid_grant', error_description: 'wrong username or password, or the account cannot sign in now' });
    expect(vi.body).toEqual({
      error: 'invalid_grant',
      error_description: 'sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản hiện không đăng nhập được',
    });
    expect(vi.headers.get('content-language')).toBe('vi');
  });

  it('words the HTTP-level refusals in Vietnamese too (a body that is not JSON, an unknown path)', async () => {
    const bad = await ask('/graphql', '{"query": ', 'vi');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toEqual({ message: 'Thân yêu cầu không phải JSON hợp lệ', extensions: { code: 'BAD_REQUEST' } });
    // Apollo Server's own refusals (here: a GET without the headers that rule out a cross-site request).
    const csrf = await fetch(`${stack.gateway.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'accept-language': 'vi' },
    });
    expect(csrf.status).toBe(400);
    const csrfBody = await csrf.json();
    expect(csrfBody.errors[0].message).toMatch(/^Thao tác này bị chặn vì có thể là giả mạo yêu cầu liên trang \(CSRF\)/);
    expect(csrfBody.errors[0].extensions.code).toBe('BAD_REQUEST');
    const r = await fetch(`${stack.gateway.url}/no-such-path`, { headers: { 'accept-language': 'vi' } });
    expect(r.status).toBe(404);
    expect(await r.json()).toEqual({ errors: [{ message: 'Không tìm thấy', extensions: { code: 'NOT_FOUND' } }] });
  });
});
