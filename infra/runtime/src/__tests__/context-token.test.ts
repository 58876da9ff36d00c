import { generateKeyPairSync } from 'node:crypto';
import { CONTEXT_TOKEN_TTL_SECONDS, contextSigner, contextVerifier } from '../context-token';

const pair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
};

describe('context tokens', () => {
  const keys = pair();
  const now = Date.now();
  // The clock moves for the token library too (it reads `new Date()`).
  afterEach(() => jest.useRealTimers());
  const at = (ms: number) => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    jest.setSystemTime(ms);
  };

  it("reuses a caller's token while it has more than half its life left, then signs a new one", async () => {
    const sign = await contextSigner(keys.privateKey);
    at(now);
    const first = await sign({ sub: 'a', agency: 'X', roles: ['DATA_EDITOR'], read: ['T.f'] });
    expect(await sign({ sub: 'a', agency: 'X', roles: ['DATA_EDITOR'], read: ['T.f'] })).toBe(first);
    // Different claims, different token.
    expect(await sign({ sub: 'a', agency: 'X', roles: ['DATA_EDITOR'], read: [] })).not.toBe(first);
    expect(await sign({ sub: 'b', agency: 'X', roles: ['DATA_EDITOR'], read: ['T.f'] })).not.toBe(first);
    at(now + (CONTEXT_TOKEN_TTL_SECONDS * 1000) / 2 + 1000);
    expect(await sign({ sub: 'a', agency: 'X', roles: ['DATA_EDITOR'], read: ['T.f'] })).not.toBe(first);
  });

  it('remembers a verified token only until it expires', async () => {
    const sign = await contextSigner(keys.privateKey);
    const verify = await contextVerifier(keys.publicKey);
    at(now);
    const token = await sign({ sub: 'c', roles: [] });
    expect(await verify(token)).toEqual({ sub: 'c', agency: undefined, roles: [], read: [], editorOf: [] });
    expect(await verify(token)).toEqual({ sub: 'c', agency: undefined, roles: [], read: [], editorOf: [] });
    at(now + (CONTEXT_TOKEN_TTL_SECONDS + 5) * 1000);
    await expect(verify(token)).rejects.toThrow(/exp/);
  });

  it("never remembers a token that failed: another key's token stays refused", async () => {
    const other = await contextSigner(pair().privateKey);
    const verify = await contextVerifier(keys.publicKey);
    const forged = await other({ sub: 'mallory', roles: ['SYSTEM_ADMIN'] });
    await expect(verify(forged)).rejects.toThrow();
    await expect(verify(forged)).rejects.toThrow();
  });
});
