// A versioned write, as every department's mutation makes one: only a data editor (behind the gateway's policy,
// which checked that the caller's agency owns the database today), the record found by its key or BAD_USER_INPUT
// naming the key, the version the caller read or CONFLICT, then the change and one flush (the change history is
// written in the same flush; the version column is checked again there).
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import type { CallerClaims } from '@hub/runtime';
import { badUserInput, conflict, forbidden } from '@hub/schema';

export interface VersionedWrite<T> {
  entity: EntityName<T>;
  where: FilterQuery<T>;
  /** How the record is named in errors: `Road "QL-3"`. */
  what: string;
  expectedVersion: number;
  /** The mutation's coordinate, for FORBIDDEN. */
  coordinate: string;
  /** The argument that names the record (default `code`). */
  keyArgument?: string;
  /** Roles that may write (default DATA_EDITOR). */
  roles?: readonly string[];
}

export async function updateVersioned<T extends { version: number }>(
  em: EntityManager,
  caller: CallerClaims,
  w: VersionedWrite<T>,
  apply: (record: T) => void | Promise<void>,
): Promise<T> {
  const roles = w.roles ?? ['DATA_EDITOR'];
  if (!roles.some((r) => caller.roles.includes(r))) throw forbidden(w.coordinate, `only ${roles.join(' or ')} accounts change data`);
  const record = (await em.findOne(w.entity, w.where)) as T | null;
  if (!record) throw badUserInput(w.keyArgument ?? 'code', `no ${w.what}`);
  if (record.version !== w.expectedVersion) {
    throw conflict(`${w.what} was changed since you read it (version ${w.expectedVersion}, now ${record.version}): read it again`);
  }
  await apply(record);
  await em.flush();
  return record;
}
