// The one way entities are defined across the hub: a class extending HubEntity plus an EntitySchema
// that `extends: HubEntitySchema`. No decorators, so every transpiler (tsx, swc, tsc) reads them alike.
import { randomUUID, createHash } from 'node:crypto';
import { EntitySchema } from '@mikro-orm/core';

export abstract class HubEntity {
  id: string = randomUUID();
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
  /** Optimistic concurrency: bumped by every update; a stale write fails. */
  version!: number;
}

export const HubEntitySchema = new EntitySchema<HubEntity>({
  class: HubEntity,
  abstract: true,
  properties: {
    id: { type: 'uuid', primary: true },
    createdAt: { type: 'datetime', onCreate: () => new Date() },
    updatedAt: { type: 'datetime', onCreate: () => new Date(), onUpdate: () => new Date() },
    version: { type: 'integer', version: true },
  },
});

/**
 * A UUID (version 5 layout) derived from a name: seed data gets the same ids on every machine and every run,
 * so seeding is idempotent and references in demo data stay stable.
 */
export function stableId(namespace: string, name: string): string {
  const h = createHash('sha1').update(`${namespace}:${name}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
