// What the registers of this subgraph share: lookups by code (one statement for many codes) and the code rules.
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { field, z } from '@hub/kit';
import { msg, say } from '@hub/schema';

export function byCodes<T extends { code: string }>(em: EntityManager, entity: EntityName<T>, codes: readonly string[]): Promise<T[]> {
  return codes.length ? em.find(entity, { code: { $in: [...codes] } } as FilterQuery<T>) : Promise.resolve([]);
}

/** A directory agency's code. */
export const agencyCode = () => field.code(/^[A-Z][A-Z0-9-]{1,19}$/, 'SCT');

/** A phone number: 9 to 12 digits, spaces allowed. */
export const phone = () =>
  field.textOrNull(20).refine((s) => s === null || /^\d{9,12}$/.test(s.replace(/ /g, '')), {
    error: () => say(msg('must be a phone number of 9 to 12 digits', 'phải là số điện thoại 9 đến 12 chữ số')),
  });

export { z };
