// Key material the hub makes for itself.
import { generateKeyPairSync, randomBytes } from 'node:crypto';

/** An ES256 (P-256) key pair in PEM: the gateway signs context tokens with the private key, subgraphs verify. */
export function generateContextKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** A subgraph's change-history key (AES-256, base64): it encrypts the PERSONAL values its history keeps. */
export function generateHistoryKey(): string {
  return randomBytes(32).toString('base64');
}

/**
 * The audit signing key pair (Ed25519, PEM): the gateway signs the last record of every audit batch and its
 * checkpoints with the private key, which the audit database never sees; anyone verifies with the public key alone
 * (an archive, offline). Asymmetric rather than an HMAC so that verifying needs no secret.
 */
export function generateAuditSigningKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
