// Change history, recorded by the kit for every subgraph: each create, update and delete of a tracked entity
// writes one `hub_change` row in the same flush (so the same transaction) as the change itself, naming who
// (account, agency, request, from the request's scope), why (a reason, required for approved records), and each
// changed field with its value before and after. Secret fields are recorded as changed, never with a value;
// PERSONAL values are encrypted (AES-256-GCM) or, without a key, not stored at all. A bulk write in SQL, which no
// flush sees, records itself by the same rules with `recordChange` in its transaction.
import { limitText, TEXT_LIMITS } from './text';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  ArrayType,
  ChangeSetType,
  Utils,
  defineEntity,
  helper,
  p,
  type ChangeSet,
  type EntityManager,
  type EntitySchema,
  type EventSubscriber,
  type FlushEventArgs,
  type MigrationObject,
  type Platform,
} from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { badUserInput, bothLanguages, msg, type ClassificationLevel, type Message } from '@hub/schema';

// ---------------------------------------------------------------------------------------------------------------
// Who and why: the scope of one request

/** Who is changing data, and why; the kit opens one per request, from the gateway's context token. */
export interface ChangeScope {
  /** The caller's `sub`: an account id, or `PUBLIC`, `gateway`, `in-process`. */
  accountId?: string;
  agency?: string;
  /** The caller's roles when it made the change (shown to those who may not read the account itself). */
  roles?: string[];
  requestId?: string;
  /** Why: required to change an approved record. */
  reason?: string | null;
}

const scopes = new AsyncLocalStorage<ChangeScope>();

/** Runs `fn` with writes recorded as made by `scope`. Writes outside any scope (the demo seed, scripts) are not recorded. */
export function changeScope<T>(scope: ChangeScope, fn: () => T): T {
  return scopes.run({ ...scope }, fn);
}

/** Runs `fn` with `reason` as the reason of its writes (inside the current request's scope). */
export function withChangeReason<T>(reason: string | null | undefined, fn: () => T): T {
  limitText('reason', reason, TEXT_LIMITS.reason);
  const current = scopes.getStore();
  if (!current) return fn();
  return scopes.run({ ...current, reason: reason?.trim() || null }, fn);
}

export function currentChangeScope(): ChangeScope | undefined {
  return scopes.getStore();
}

// ---------------------------------------------------------------------------------------------------------------
// What a department declares

/**
 * How a property is recorded:
 * - `'secret'`: only that it changed (password and token hashes): no value, in no form;
 * - `'ignore'`: not at all (derived search keys, sign-in bookkeeping);
 * - `'Type.field'`: the GraphQL coordinate whose classification applies (`latitude` → `TouristSite.location`);
 * - `'PUBLIC'` / `'INTERNAL'`: a property not in the schema, recorded at that level.
 * A property with none of these is looked up as `<type>.<property>` in the subgraph's schema; one that is not
 * there is treated as secret, so a column nobody thought about never leaks into the history.
 */
export type FieldTreatment = 'secret' | 'ignore' | 'PUBLIC' | 'INTERNAL' | `${string}.${string}`;

export interface TrackOptions<T> {
  /** The GraphQL type whose `history` shows these changes (default: the entity's name). */
  type?: string;
  fields?: { [K in keyof T & string]?: FieldTreatment };
  /**
   * When a record counts as approved (published, in force): an UPDATE or DELETE of it then needs a reason.
   * Receives the values before the change (relations as primary keys).
   */
  approved?: (before: { [K in keyof T]?: unknown }) => boolean;
  /**
   * A child record shown in its parent's history: each change is recorded as an UPDATE of the parent, with
   * fields named `<as>[<key>].<property>` (key: the child's id unless given).
   */
  partOf?: { type: string; id: (child: T) => string; as: string; key?: (child: T) => string };
}

export interface HistoryDeclaration {
  entity: string;
  options: TrackOptions<any> | false;
}

/** Declares how an entity's changes are recorded (every entity is tracked under its name unless declared). */
export function tracked<T>(entity: EntitySchema<T, any>, options: TrackOptions<T> = {}): HistoryDeclaration {
  return { entity: entity.meta.className, options };
}

/** An entity whose writes are not change history (sessions, caches). */
export function untracked(entity: EntitySchema<any, any>): HistoryDeclaration {
  return { entity: entity.meta.className, options: false };
}

// ---------------------------------------------------------------------------------------------------------------
// What is stored

export type ChangeOperation = 'CREATE' | 'UPDATE' | 'DELETE';

/** One changed field as stored in `hub_change.changes`. Exactly one of before/after, `enc`, `masked`, `secret` holds the value part. */
export interface StoredFieldChange {
  field: string;
  /** The coordinate whose classification applies when the change is read. */
  coordinate?: string;
  /** A level declared for a property that is not in the schema. */
  level?: 'PUBLIC' | 'INTERNAL';
  before?: unknown;
  after?: unknown;
  /** `{before, after}` encrypted (PERSONAL values). */
  enc?: string;
  /** A PERSONAL value that was not stored (no key configured). */
  masked?: true;
  /** A secret: it changed, nothing else is known. */
  secret?: true;
}

/** One change as `hub_change` stores it. */
export const ChangeRecord = defineEntity({
  name: 'ChangeRecord',
  tableName: 'hub_change',
  indexes: [{ properties: ['entity', 'entityId', 'at'] }],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    /** GraphQL type name of the record the change is shown under. */
    entity: p.string().length(100),
    entityId: p.string().length(100),
    operation: p.string().$type<ChangeOperation>().length(6),
    changes: p.json<StoredFieldChange[]>(),
    accountId: p.string().length(100).nullable(),
    agency: p.string().length(40).nullable(),
    roles: p.array().nullable(),
    requestId: p.string().length(100).nullable(),
    reason: p.text().nullable(),
    at: p.datetime(),
  },
});

export class MigrationHubChange extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "hub_change" ("id" uuid not null, "entity" varchar(100) not null, "entity_id" varchar(100) not null, "operation" varchar(6) not null, "changes" jsonb not null, "account_id" varchar(100) null, "agency" varchar(40) null, "request_id" varchar(100) null, "reason" text null, "at" timestamptz not null, constraint "hub_change_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "hub_change_entity_entity_id_at_index" on "hub_change" ("entity", "entity_id", "at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "hub_change" cascade;`);
  }
}

/** The author's roles beside the agency: who made a change can be told without showing their account. */
export class MigrationHubChangeRoles extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "hub_change" add column if not exists "roles" text[] null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "hub_change" drop column if exists "roles";`);
  }
}

/**
 * The kit's own migrations, merged into every subgraph's list by name (so a database migrated before the kit
 * had it gets it on the next start). Named after the day it was written, like generated migrations.
 */
export const KIT_MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261121113000_hub_change', class: MigrationHubChange },
  { name: 'Migration20261202140000_hub_change_roles', class: MigrationHubChangeRoles },
];

/** A subgraph's migrations and the kit's, in name order. */
export function withKitMigrations(own: MigrationObject[]): MigrationObject[] {
  const names = new Set(own.map((m) => m.name));
  return [...own, ...KIT_MIGRATIONS.filter((m) => !names.has(m.name))].sort((a, b) => a.name.localeCompare(b.name));
}

// ---------------------------------------------------------------------------------------------------------------
// Encryption of PERSONAL values

const KEY_BYTES = 32;

/** Reads a history key file: 32 bytes, base64 or hex (what @hub/infra's generateHistoryKey writes). */
export function readHistoryKey(file: string): Buffer {
  const text = readFileSync(file, 'utf8').trim();
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`${file}: a history key is ${KEY_BYTES} bytes, base64 or hex`);
  return key;
}

/** Names a key without revealing it, so a value sealed under another key is recognised as such. */
const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

/** AES-256-GCM; the associated data ties a value to its record and field, so it cannot be moved to another. */
export function sealValue(key: Buffer, aad: string, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return ['v1', keyId(key), iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join(':');
}

/** The sealed value, or undefined if it cannot be opened with this key (another key, altered, moved). */
export function openValue(key: Buffer, aad: string, sealed: string): unknown {
  const [v, kid, iv, tag, body] = sealed.split(':');
  if (v !== 'v1' || kid !== keyId(key) || !body) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return JSON.parse(Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8'));
  } catch {
    return undefined;
  }
}

export const sealedAad = (entity: string, entityId: string, field: string) => `${entity}\u0000${entityId}\u0000${field}`;

// ---------------------------------------------------------------------------------------------------------------
// Recording

/** Never listed as changed: they change with every write. */
const TECHNICAL = new Set(['createdAt', 'updatedAt']);

interface Resolved {
  type: string;
  options: TrackOptions<any>;
}

export interface HistoryRecorderOptions {
  declarations: HistoryDeclaration[];
  /** Classification of every coordinate of the subgraph's schema. */
  levels: Map<string, ClassificationLevel>;
  /** Key for PERSONAL values; without one they are stored masked. */
  key?: Buffer | null;
}

interface Draft {
  type: string;
  id: string;
  operation: ChangeOperation;
  changes: StoredFieldChange[];
}

/** Plain JSON for a value as the unit of work holds it (dates, relations as primary keys, arrays). */
function plain(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return v.toString();
  if (Buffer.isBuffer(v)) return v.toString('base64');
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'object') {
    if (Utils.isEntity(v)) return helper(v).getSerializedPrimaryKey();
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

const operationOf = (t: ChangeSetType): ChangeOperation =>
  t === ChangeSetType.CREATE ? 'CREATE' : t === ChangeSetType.DELETE || t === ChangeSetType.DELETE_EARLY ? 'DELETE' : 'UPDATE';

/**
 * The reason rule for approved data, wherever it is checked (a versioned write before it changes anything, the flush
 * of tracked entities, `recordChange`): a change of `what` needs the request's reason (the mutation's `reason`
 * argument, trimmed, at most TEXT_LIMITS.reason characters: see withChangeReason), or BAD_USER_INPUT names `reason`.
 */
export function requireChangeReason(what: Message, scope: ChangeScope | undefined = scopes.getStore()): void {
  if (!scope?.reason) {
    const { en, vi } = bothLanguages(what);
    throw badUserInput(
      'reason',
      msg(`${en} is approved data: say why it is changed`, `${vi} là dữ liệu đã được phê duyệt: hãy nêu lý do thay đổi`),
    );
  }
}

/** Approved data changes only with a reason (a create needs none, nor a write that changed no field). */
function requireReason(
  type: string,
  id: string,
  operation: ChangeOperation,
  changed: boolean,
  approved: () => boolean,
  scope: ChangeScope,
): void {
  if (changed && operation !== 'CREATE' && approved()) requireChangeReason(`${type} ${id}`, scope);
}

/** The stored row of a change: who and why from the scope. */
function recordOf(d: Draft, scope: ChangeScope, at: Date) {
  return {
    id: randomUUID(),
    entity: d.type,
    entityId: d.id,
    operation: d.operation,
    changes: d.changes,
    accountId: scope.accountId ?? null,
    agency: scope.agency ?? null,
    roles: scope.roles ? [...scope.roles] : null,
    requestId: scope.requestId ?? null,
    reason: scope.reason ?? null,
    at,
  };
}

/**
 * The MikroORM subscriber that writes the history: on every flush inside a change scope, one ChangeRecord per
 * changed record, computed into the same unit of work so it is inserted in the same transaction.
 */
export class HistoryRecorder implements EventSubscriber {
  private readonly declared = new Map<string, TrackOptions<any> | false>();
  private readonly resolved = new Map<string, Resolved | null>();

  constructor(private readonly opts: HistoryRecorderOptions) {
    for (const d of opts.declarations) this.declared.set(d.entity, d.options);
  }

  /** When a record of the entity `className` counts as approved, as its `tracked` declaration says (none: never). */
  approvalOf(className: string): ((before: Record<string, unknown>) => boolean) | undefined {
    return this.trackingOf(className)?.options.approved;
  }

  private trackingOf(className: string): Resolved | null {
    if (this.resolved.has(className)) return this.resolved.get(className)!;
    const options = this.declared.get(className);
    const r =
      className === ChangeRecord.meta.className || options === false ? null : { type: options?.type ?? className, options: options ?? {} };
    this.resolved.set(className, r);
    return r;
  }

  /**
   * The stored form of one changed field: value, sealed value, or only the fact that it changed. `type` names the
   * coordinate (`<type>.<prop>`) unless `treatment` does; the draft's type and id bind a sealed value to its record.
   */
  private fieldChange(
    draft: Draft,
    type: string,
    treatment: FieldTreatment | undefined,
    prop: string,
    field: string,
    before: unknown,
    after: unknown,
  ): StoredFieldChange | null {
    if (treatment === 'ignore') return null;
    if (treatment === 'secret') return { field, secret: true };
    if (treatment === 'PUBLIC' || treatment === 'INTERNAL') return { field, level: treatment, before: plain(before), after: plain(after) };
    const coordinate = treatment ?? `${type}.${prop}`;
    const level = this.opts.levels.get(coordinate);
    if (!level) return { field, secret: true };
    if (level === 'PERSONAL') {
      if (!this.opts.key) return { field, coordinate, masked: true };
      return {
        field,
        coordinate,
        enc: sealValue(this.opts.key, sealedAad(draft.type, draft.id, field), { before: plain(before), after: plain(after) }),
      };
    }
    return { field, coordinate, before: plain(before), after: plain(after) };
  }

  private record(
    cs: ChangeSet<any>,
    original: Record<string, unknown> | undefined,
    drafts: Map<string, Draft>,
    scope: ChangeScope,
    platform: Platform,
  ): void {
    const t = this.trackingOf(cs.meta.className);
    if (!t) return;
    const operation = operationOf(cs.type);
    const entity = cs.entity as Record<string, unknown>;
    const part = t.options.partOf;
    const type = part?.type ?? t.type;
    const id = part ? String(part.id(entity)) : String(helper(entity).getSerializedPrimaryKey());
    const key = `${type}\u0000${id}`;
    let draft = drafts.get(key);
    if (!draft) {
      draft = { type, id, operation: part ? 'UPDATE' : operation, changes: [] };
      drafts.set(key, draft);
    } else if (!part) {
      draft.operation = operation; // the parent's own change names the operation; its children only add fields
    }
    const skip = new Set([...cs.meta.primaryKeys, ...(cs.meta.versionProperty ? [cs.meta.versionProperty] : []), ...TECHNICAL]);
    const props = operation === 'DELETE' ? Object.keys(original ?? {}) : Object.keys(cs.payload as Record<string, unknown>);
    const prefix = part ? `${part.as}[${part.key ? part.key(entity) : helper(entity).getSerializedPrimaryKey()}].` : '';
    const added: StoredFieldChange[] = [];
    // The flush holds values as the database takes them: a text[] column as '{G4,G5}'; history keeps the list.
    const js = (prop: string, v: unknown) => {
      const type = cs.meta.properties[prop].customType;
      return type instanceof ArrayType && typeof v === 'string' ? type.convertToJSValue(v, platform) : v;
    };
    for (const prop of props) {
      if (skip.has(prop) || !cs.meta.properties[prop]) continue;
      const before = operation === 'CREATE' ? null : js(prop, original?.[prop]);
      const after = operation === 'DELETE' ? null : js(prop, (cs.payload as Record<string, unknown>)[prop]);
      if (operation === 'UPDATE' && JSON.stringify(plain(before)) === JSON.stringify(plain(after))) continue;
      const change = this.fieldChange(
        draft,
        t.type,
        t.options.fields?.[prop] as FieldTreatment | undefined,
        prop,
        `${prefix}${prop}`,
        before,
        after,
      );
      if (change) added.push(change);
    }
    requireReason(t.type, id, operation, added.length > 0, () => !!t.options.approved?.(original ?? {}), scope);
    draft.changes.push(...added);
  }

  async onFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const scope = scopes.getStore();
    if (!scope) return;
    const drafts = new Map<string, Draft>();
    for (const cs of uow.getChangeSets()) {
      if (cs.meta.className === ChangeRecord.meta.className) continue;
      const original = (
        cs.type === ChangeSetType.UPDATE || cs.type === ChangeSetType.UPDATE_EARLY
          ? cs.originalEntity
          : uow.getOriginalEntityData(cs.entity)
      ) as Record<string, unknown> | undefined;
      this.record(cs, original, drafts, scope, em.getPlatform());
    }
    const at = new Date();
    for (const d of drafts.values()) {
      if (d.changes.length === 0 && d.operation === 'UPDATE') continue;
      uow.computeChangeSet(em.create(ChangeRecord, recordOf(d, scope, at), { persist: false }));
    }
  }

  /** `recordChange`: the same rules for a change that no flush saw. */
  async recordWritten(em: EntityManager, change: WrittenChange, scope: ChangeScope): Promise<void> {
    const draft: Draft = { type: change.type, id: change.id, operation: change.operation, changes: [] };
    for (const [field, { before = null, after = null, as }] of Object.entries(change.fields)) {
      if (change.operation === 'UPDATE' && JSON.stringify(plain(before)) === JSON.stringify(plain(after))) continue;
      const stored = this.fieldChange(draft, change.type, as, field, field, before, after);
      if (stored) draft.changes.push(stored);
    }
    requireReason(change.type, change.id, change.operation, draft.changes.length > 0, () => !!change.approved, scope);
    if (draft.changes.length === 0 && draft.operation === 'UPDATE') return;
    await em.insert(ChangeRecord, recordOf(draft, scope, new Date()));
  }
}

/** A change written with SQL, not through entities (a bulk upload), as `recordChange` records it. */
export interface WrittenChange {
  /** The GraphQL type whose `history` shows the change. */
  type: string;
  id: string;
  operation: ChangeOperation;
  /**
   * Each changed field with its values before and after; `as` records it like a tracked entity's `fields` entry
   * (without one, the classification of `<type>.<field>` applies, and a field the schema does not have is secret).
   */
  fields: Record<string, { before?: unknown; after?: unknown; as?: FieldTreatment }>;
  /** The record is approved data: changing or deleting it needs a reason. */
  approved?: boolean;
}

/**
 * Records a change that was written without entities (bulk SQL) by the rules of tracked entities: who and why from
 * the request's change scope (outside one, like the demo seed, nothing is recorded), each field stored by its
 * classification (secrets never, PERSONAL values sealed or masked), a reason required to change approved data.
 * Inserted with `em`, so in its transaction: pass the transaction's EntityManager (`sql(em).transaction`).
 */
export async function recordChange(em: EntityManager, change: WrittenChange): Promise<void> {
  const scope = scopes.getStore();
  if (!scope) return;
  const recorder = historyRecorderOf(em);
  if (!recorder) throw new Error("recordChange needs the kit's history recorder: an ORM the kit started (startSubgraph)");
  await recorder.recordWritten(em, change, scope);
}

/** The history recorder of `em`'s ORM, if the kit started it with one. */
export function historyRecorderOf(em: EntityManager): HistoryRecorder | undefined {
  return [...em.getEventManager().getSubscribers()].find((s): s is HistoryRecorder => s instanceof HistoryRecorder);
}
