// Nobody goes around the gateway: a subgraph answers only requests carrying a valid context token signed by
// the gateway's key, `_service` and `_entities` included.
import { importPKCS8, SignJWT } from 'jose';
import { generateContextKeyPair } from '@hub/infra';
import { CONTEXT_HEADER } from '@hub/runtime';
import { startStack, type Stack } from '../stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const OPERATIONS = {
  query: '{ administrativeUnit(code: "04") { name } }',
  _service: '{ _service { sdl } }',
  _entities: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
};

async function direct(subgraph: string, query: string, headers: Record<string, string> = {}) {
  const r = await fetch(stack.subgraphs[subgraph].url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables: { r: [{ __typename: 'AdministrativeUnit', code: '04' }] } }),
  });
  return { status: r.status, body: (await r.json()) as any };
}

async function token(privateKey: string, opts: { exp?: string | number; aud?: string; iss?: string; sub?: string; agency?: string } = {}) {
  return new SignJWT({ roles: [], agency: opts.agency })
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(opts.sub ?? 'PUBLIC')
    .setIssuer(opts.iss ?? 'hub-gateway')
    .setAudience(opts.aud ?? 'hub-subgraph')
    .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
    .setExpirationTime(opts.exp ?? '60s')
    .sign(await importPKCS8(privateKey, 'ES256'));
}

describe.each(['directory', 'culture-tourism'])('%s called directly', (subgraph) => {
  it.each(Object.entries(OPERATIONS))('refuses %s without a context token (401)', async (_name, query) => {
    const res = await direct(subgraph, query);
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(res.body.data).toBeUndefined();
  });

  it('refuses tokens the gateway did not sign, expired ones, the wrong audience and alg "none"', async () => {
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"PUBLIC","iss":"hub-gateway","aud":"hub-subgraph"}').toString('base64url')}.`;
    const bad = [
      await token(generateContextKeyPair().privateKey),
      await token(stack.keys.privateKey, { exp: Math.floor(Date.now() / 1000) - 10 }),
      await token(stack.keys.privateKey, { aud: 'someone-else' }),
      await token(stack.keys.privateKey, { iss: 'not-the-gateway' }),
      unsigned,
      'garbage',
    ];
    for (const t of bad) expect((await direct(subgraph, OPERATIONS.query, { [CONTEXT_HEADER]: t })).status).toBe(401);
  });

  it("answers a token signed with the gateway's key", async () => {
    const res = await direct(subgraph, OPERATIONS._service, { [CONTEXT_HEADER]: await token(stack.keys.privateKey) });
    expect(res.status).toBe(200);
    expect(res.body.data._service.sdl).toContain('@classified');
  });
});

it('second line: a subgraph serves non-public fields only to a signed-in caller, whatever it is asked', async () => {
  const q = '{ accommodation(code: "LT-0001") { name licenceNumber ownerName } }';
  const anonymous = await direct('culture-tourism', q, { [CONTEXT_HEADER]: await token(stack.keys.privateKey) });
  expect(anonymous.body.data.accommodation).toEqual({ name: expect.any(String), licenceNumber: null, ownerName: null });
  expect(
    anonymous.body.errors.map((e: { extensions: { code: string; coordinate: string } }) => [e.extensions.code, e.extensions.coordinate]),
  ).toEqual([
    ['FORBIDDEN', 'AccommodationEstablishment.licenceNumber'],
    ['FORBIDDEN', 'AccommodationEstablishment.ownerName'],
  ]);
  const official = await direct('culture-tourism', q, {
    [CONTEXT_HEADER]: await token(stack.keys.privateKey, { sub: '00000000-0000-4000-8000-000000000001', agency: 'SXD' }),
  });
  expect(official.body.data.accommodation.licenceNumber).toMatch(/GP-SVHTTDL/);
});

it('the gateway itself still gets answers', async () => {
  const res = await stack.query(OPERATIONS.query);
  expect(res.data.administrativeUnit.name).toBe('Tỉnh Cao Bằng');
});
