// The gateway's audit settings fail fast, naming the variable: no signing key, or one that is not Ed25519.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAuditSigningKeyPair, generateContextKeyPair } from '@hub/infra';
import { gatewayConfig } from '../config';

const dir = mkdtempSync(join(tmpdir(), 'hub-config-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text, { mode: 0o600 });
  return join(dir, name);
};
const ec = generateContextKeyPair().privateKey;
const base = {
  HUB_CONTEXT_PRIVATE_KEY_FILE: file('context.pem', ec),
  HUB_SESSION_PRIVATE_KEY_FILE: file('session.pem', ec),
  HUB_AUDIT_DB_URL: 'postgres://w:pw@127.0.0.1:5432/hub_audit',
};

it('needs an Ed25519 audit signing key when the audit is on, and passes it with the checkpoint settings', () => {
  expect(() => gatewayConfig(base)).toThrow(/HUB_AUDIT_SIGNING_KEY_FILE: must name the PEM file of the audit signing key/);
  expect(() => gatewayConfig({ ...base, HUB_AUDIT_SIGNING_KEY_FILE: join(dir, 'missing.pem') })).toThrow(
    /HUB_AUDIT_SIGNING_KEY_FILE: must name a readable PEM file of the audit signing key, an Ed25519 private key \(ENOENT/,
  );
  expect(() => gatewayConfig({ ...base, HUB_AUDIT_SIGNING_KEY_FILE: base.HUB_CONTEXT_PRIVATE_KEY_FILE })).toThrow(
    /it is a ec key, not Ed25519/,
  );
  const key = generateAuditSigningKeyPair().privateKey;
  const config = gatewayConfig({
    ...base,
    HUB_AUDIT_SIGNING_KEY_FILE: file('audit.pem', key),
    HUB_AUDIT_CHECKPOINT_DIR: join(dir, 'cp'),
    HUB_AUDIT_CHECKPOINT_SECONDS: '5',
  });
  expect(config.auditWriter).toEqual({ signingKey: key, checkpointDir: join(dir, 'cp'), checkpointIntervalMs: 5000 });
  // Both problems at once.
  expect(() => gatewayConfig({ ...base, HUB_AUDIT_DB_URL: undefined })).toThrow(/HUB_AUDIT_DB_URL: .*\n.*HUB_AUDIT_SIGNING_KEY_FILE/);
  expect(gatewayConfig({ ...base, HUB_AUDIT: 'off' }).auditWriter).toBeUndefined();
});

it('names each OIDC variable an issuer needs, with any other problem, in one error', () => {
  const off = { ...base, HUB_AUDIT: 'off' };
  expect(() => gatewayConfig({ ...off, HUB_OIDC_ISSUER: 'https://id.example', PORT: 'eighty' })).toThrow(
    /PORT: must be a whole number.*\n.*HUB_OIDC_AUDIENCE: is required with HUB_OIDC_ISSUER\n.*HUB_OIDC_JWKS_URL: is required with HUB_OIDC_ISSUER/,
  );
  const oidc = gatewayConfig({
    ...off,
    HUB_OIDC_ISSUER: 'https://id.example',
    HUB_OIDC_AUDIENCE: 'hub',
    HUB_OIDC_JWKS_URL: 'https://id.example/jwks',
  }).auth.oidc;
  expect(oidc).toEqual({
    issuer: 'https://id.example',
    audience: 'hub',
    jwksUrl: 'https://id.example/jwks',
    agencyClaim: 'agency',
    rolesClaim: 'roles',
    editorOfClaim: 'editor_of',
  });
});

it('reads HUB_TRUST_PROXY as off, a number of hops, or a list of proxies', () => {
  const off = { ...base, HUB_AUDIT: 'off' };
  expect(gatewayConfig(off).trustProxy).toBe(false);
  expect(gatewayConfig({ ...off, HUB_TRUST_PROXY: 'off' }).trustProxy).toBe(false);
  expect(gatewayConfig({ ...off, HUB_TRUST_PROXY: '2' }).trustProxy).toBe(2);
  expect(gatewayConfig({ ...off, HUB_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
});

it('reads HUB_CORS_ORIGINS as exact origins, none by default, and names each one that is not an origin', () => {
  const off = { ...base, HUB_AUDIT: 'off' };
  expect(gatewayConfig(off).corsOrigins).toEqual([]);
  expect(gatewayConfig({ ...off, HUB_CORS_ORIGINS: 'https://app.example.gov.vn, http://localhost:5173' }).corsOrigins).toEqual([
    'https://app.example.gov.vn',
    'http://localhost:5173',
  ]);
  expect(() => gatewayConfig({ ...off, HUB_CORS_ORIGINS: 'https://app.example.gov.vn/, *, ftp://x.vn' })).toThrow(
    /HUB_CORS_ORIGINS.*must be an origin only.*https:\/\/app\.example\.gov\.vn[\s\S]*"\*" is not an origin[\s\S]*"ftp:\/\/x\.vn" must be http/,
  );
});

it('reads the registered operations settings, and refuses persisted-only without a manifest', () => {
  const off = { ...base, HUB_AUDIT: 'off' };
  expect(gatewayConfig(off)).toMatchObject({ persistedDocuments: [], persistedOnly: 'off' });
  expect(gatewayConfig({ ...off, HUB_PERSISTED_DOCUMENTS: 'a.json, b.json', HUB_PERSISTED_ONLY: 'public' })).toMatchObject({
    persistedDocuments: ['a.json', 'b.json'],
    persistedOnly: 'public',
  });
  expect(() => gatewayConfig({ ...off, HUB_PERSISTED_ONLY: 'public' })).toThrow(
    /HUB_PERSISTED_ONLY: public needs the registered operations/,
  );
  expect(() => gatewayConfig({ ...off, HUB_PERSISTED_ONLY: 'everyone' })).toThrow(/HUB_PERSISTED_ONLY.*must be off or public/);
});
