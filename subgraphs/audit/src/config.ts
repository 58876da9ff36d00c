// What the audit subgraph verifies the chain with: the gateway's public key (never the private one) and the
// directory of its signed checkpoints. Parsed once with the kit's settings (the subgraph does not start without the
// key); resolvers read them as `ctx.settings`.
import { z } from 'zod';
import { defineConfig, keyFile } from '@hub/runtime';

export interface AuditSettings {
  /** PEM of the gateway's audit signing public key (Ed25519). */
  publicKey: string;
  /** The gateway's checkpoint directory (HUB_AUDIT_CHECKPOINT_DIR), shipped or shared here; null: none. */
  checkpointDir: string | null;
}

export const auditSettings = defineConfig({
  vars: {
    HUB_AUDIT_PUBLIC_KEY_FILE: keyFile("the gateway's audit signing public key", { type: 'public', algorithm: 'Ed25519' }),
    HUB_AUDIT_CHECKPOINT_DIR: z.string().optional(),
  },
  build: (c): AuditSettings => ({ publicKey: c.HUB_AUDIT_PUBLIC_KEY_FILE, checkpointDir: c.HUB_AUDIT_CHECKPOINT_DIR ?? null }),
});
