// The one way entities are defined across the hub: MikroORM's `defineEntity`, each property declared once and the
// entity's type inferred from it (`InferEntity`), every entity starting from the kit's base properties. No
// decorators and no classes, so every transpiler (tsx, swc, tsc) reads them alike.
import { randomUUID, createHash } from 'node:crypto';
import { p } from '@mikro-orm/core';

/**
 * What every hub entity has, spread first into its `properties` (composition, as MikroORM recommends for
 * `defineEntity`). `onCreate` values are set by `em.create` (the kit's ORM processes them early), so a new entity
 * has its id before it is flushed; a column whose migration gives it a default declares both, `.default(v)` for
 * the schema and `.onCreate(() => v)` for a new entity (and its first history record).
 */
export const hubEntityProperties = {
  id: p
    .uuid()
    .primary()
    .onCreate(() => randomUUID()),
  createdAt: p.datetime().onCreate(() => new Date()),
  updatedAt: p
    .datetime()
    .onCreate(() => new Date())
    .onUpdate(() => new Date()),
  /** Optimistic concurrency: bumped by every update; a stale write fails. */
  version: p.integer().version(),
};

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
