// Writes as every department's mutation makes them (createRecord, updateVersioned, deleteVersioned), in this order:
// only a data editor (behind the gateway's policy, which checked that the caller's agency owns the database today,
// and the kit's second line, which checked the dataset); the input checked by its zod
// schema before anything is read; the record found by its key or BAD_USER_INPUT naming the key; the version the
// caller read or CONFLICT; a reason when the record is approved data; then the change and one flush (the change
// history is written in the same flush; the version column is checked again there).
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException, Utils, type EntityName } from '@mikro-orm/core';
import type { CallerClaims } from '@hub/runtime';
import { badUserInput, bothLanguages, conflict, forbidden, msg, type Message } from '@hub/schema';
import { historyRecorderOf, requireChangeReason } from './history';
import { parseInput, type z } from './input';

/** The mutation's input and its rules. */
export interface WriteInput<I> {
  schema: z.ZodType<I>;
  /** The value as the client sent it. */
  value: unknown;
  /** The argument it was sent as, which error paths start with (default `input`). */
  argument?: string;
}

export interface VersionedWrite<T, I = undefined> {
  entity: EntityName<T>;
  where: FilterQuery<T>;
  /** How the record is named in errors: `Road "QL-3"`. */
  what: Message;
  expectedVersion: number;
  /** The mutation's coordinate, for FORBIDDEN. */
  coordinate: string;
  /** The argument that names the record (default `code`). */
  keyArgument?: string;
  /** Roles that may write (default DATA_EDITOR). */
  roles?: readonly string[];
  /** Checked before anything is read; `apply` receives the parsed value. */
  input?: WriteInput<I>;
  /**
   * When the record, as read, counts as approved data (published, in force): the write then needs the request's
   * reason. Default: the entity's `tracked` declaration, so that approval is declared once, next to the entity.
   */
  approved?: (record: T) => boolean;
}

export async function updateVersioned<T extends { version: number }, I = undefined>(
  em: EntityManager,
  caller: CallerClaims,
  w: VersionedWrite<T, I>,
  apply: (record: T, input: I) => void | Promise<void>,
): Promise<T> {
  requireRole(caller, w.coordinate, w.roles);
  const input = w.input ? parseInput(w.input.schema, w.input.value, w.input.argument) : (undefined as I);
  const record = (await em.findOne(w.entity, w.where)) as T | null;
  const what = bothLanguages(w.what);
  if (!record) throw badUserInput(w.keyArgument ?? 'code', msg(`no ${what.en}`, `không có ${what.vi}`));
  if (record.version !== w.expectedVersion) {
    throw conflict(
      msg(
        `${what.en} was changed since you read it (version ${w.expectedVersion}, now ${record.version}): read it again`,
        `${what.vi} đã được thay đổi sau khi bạn đọc (phiên bản ${w.expectedVersion}, nay là ${record.version}): hãy đọc lại`,
      ),
    );
  }
  if (isApproved(em, w, record)) requireChangeReason(w.what);
  await apply(record, input);
  await em.flush();
  return record;
}

function isApproved<T extends object>(em: EntityManager, w: VersionedWrite<T, unknown>, record: T): boolean {
  if (w.approved) return w.approved(record);
  // As the flush sees it: the values read, relations as primary keys.
  const declared = historyRecorderOf(em)?.approvalOf(Utils.className(w.entity));
  return !!declared?.((em.getUnitOfWork().getOriginalEntityData(record) ?? {}) as Record<string, unknown>);
}

/** FORBIDDEN unless the caller holds one of `roles` (default DATA_EDITOR): the first check of every write. */
export function requireRole(caller: CallerClaims, coordinate: string, roles: readonly string[] = ['DATA_EDITOR']): void {
  if (!roles.some((r) => caller.roles.includes(r)))
    throw forbidden(
      coordinate,
      msg(`only ${roles.join(' or ')} accounts change data`, `chỉ tài khoản ${roles.join(' hoặc ')} mới được thay đổi dữ liệu`),
    );
}

export interface RecordCreate<T, I> {
  entity: EntityName<T>;
  /** The mutation's coordinate, for FORBIDDEN. */
  coordinate: string;
  /** Roles that may write (default DATA_EDITOR). */
  roles?: readonly string[];
  input: WriteInput<I>;
  /**
   * The record's natural key from the parsed input (`{ code: input.code }`), checked before the insert so that a
   * duplicate is a BAD_USER_INPUT naming `keyArgument`, not a database error.
   */
  unique?: (input: I) => FilterQuery<T>;
  /** How the new record is named in errors: `market "CH-0001"`. */
  what: (input: I) => Message;
  /** The argument path the duplicate error names (default `input.code`). */
  keyArgument?: string;
}

/**
 * Creates one record: role, input, the natural key not taken, `build` (which calls `em.create`), one flush (the
 * change history is written in the same flush). A key taken between the check and the insert is a CONFLICT.
 */
export async function createRecord<T extends object, I>(
  em: EntityManager,
  caller: CallerClaims,
  c: RecordCreate<T, I>,
  build: (input: I) => T | Promise<T>,
): Promise<T> {
  requireRole(caller, c.coordinate, c.roles);
  const input = parseInput(c.input.schema, c.input.value, c.input.argument);
  const what = bothLanguages(c.what(input));
  if (c.unique && (await em.count(c.entity, c.unique(input))) > 0)
    throw badUserInput(c.keyArgument ?? 'input.code', msg(`${what.en} exists already`, `${what.vi} đã có`));
  const record = await build(input);
  try {
    await em.flush();
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException)
      throw conflict(
        msg(`${what.en} was created by someone else meanwhile: read it again`, `${what.vi} vừa được người khác tạo: hãy đọc lại`),
      );
    throw e;
  }
  return record;
}

/**
 * Deletes one record the caller read at `expectedVersion` (the same order of checks as updateVersioned; a reason
 * when it is approved data). The change history keeps what it held. Registers that keep history retire instead.
 */
export function deleteVersioned<T extends { version: number }>(em: EntityManager, caller: CallerClaims, w: VersionedWrite<T>): Promise<T> {
  return updateVersioned(em, caller, w, (record) => {
    em.remove(record);
  });
}
