// What the audit subgraph verifies the chain with: the gateway's public key (never the private one) and the
// directory of its signed checkpoints. Parsed once from the environment (the definition's `configure` fails fast without the key); an
// in-process hub (the tests' stack) configures it directly.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseEnv } from '@hub/kit';
import { pemFile } from '@hub/kit/config';

export interface AuditVerification {
  /** PEM of the gateway's audit signing public key (Ed25519); null: not configured, every verify reports it. */
  publicKey: string | null;
  /** The gateway's checkpoint directory (HUB_AUDIT_CHECKPOINT_DIR), shipped or shared here; null: none. */
  checkpointDir: string | null;
}

export const auditEnv = z.object({
  HUB_AUDIT_PUBLIC_KEY_FILE: pemFile("the gateway's audit signing public key", 'PUBLIC KEY'),
  HUB_AUDIT_CHECKPOINT_DIR: z.string().optional(),
});

let current: AuditVerification | undefined;

/** Sets what verification uses (the definition's `configure` from the environment, the tests' stack directly). */
export function configureVerification(v: AuditVerification): void {
  current = v;
}

export function verificationFromEnv(env: NodeJS.ProcessEnv): AuditVerification {
  const c = parseEnv(auditEnv, env);
  return { publicKey: readFileSync(c.HUB_AUDIT_PUBLIC_KEY_FILE, 'utf8'), checkpointDir: c.HUB_AUDIT_CHECKPOINT_DIR ?? null };
}

export function verification(): AuditVerification {
  return current ?? { publicKey: null, checkpointDir: null };
}
