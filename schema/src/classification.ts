// Deny by default at composition: every field of every object or interface type must carry a
// classification, on the field itself or on its type. A field nobody classified is an error, not a public field.
import { Kind, type DirectiveNode, type DocumentNode, type FieldDefinitionNode } from 'graphql';

export const CLASSIFICATION_LEVELS = ['PUBLIC', 'INTERNAL', 'RESTRICTED', 'PERSONAL'] as const;
export type ClassificationLevel = (typeof CLASSIFICATION_LEVELS)[number];

const OBJECT_KINDS = new Set<string>([
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.OBJECT_TYPE_EXTENSION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.INTERFACE_TYPE_EXTENSION,
]);

export function classificationOf(directives: readonly DirectiveNode[] | undefined): ClassificationLevel | undefined {
  const d = directives?.find((x) => x.name.value === 'classified');
  const arg = d?.arguments?.find((a) => a.name.value === 'level');
  if (arg && arg.value.kind === Kind.ENUM) return arg.value.value as ClassificationLevel;
  return undefined;
}

interface TypeLike {
  kind: Kind;
  name: { value: string };
  directives?: readonly DirectiveNode[];
  fields?: readonly FieldDefinitionNode[];
}

/** Every `Type.field` in the document that has no classification, each as "Type.field". */
export function unclassifiedFields(doc: DocumentNode): string[] {
  const types = doc.definitions.filter((d) => OBJECT_KINDS.has(d.kind)) as unknown as TypeLike[];
  // Federation's own types (_Service, _Entity…) are not part of the graph clients see.
  const visible = types.filter((t) => !t.name.value.startsWith('_'));
  const typeLevel = new Set(visible.filter((t) => classificationOf(t.directives)).map((t) => t.name.value));
  const missing: string[] = [];
  for (const t of visible) {
    for (const f of t.fields ?? []) {
      if (f.name.value.startsWith('_')) continue;
      if (!typeLevel.has(t.name.value) && !classificationOf(f.directives)) missing.push(`${t.name.value}.${f.name.value}`);
    }
  }
  return missing;
}

/** The declared classification of every field coordinate in a document (field level wins over type level). */
export function classificationMap(doc: DocumentNode): Map<string, ClassificationLevel> {
  const types = doc.definitions.filter((d) => OBJECT_KINDS.has(d.kind)) as unknown as TypeLike[];
  const typeLevel = new Map<string, ClassificationLevel>();
  for (const t of types) {
    const c = classificationOf(t.directives);
    if (c) typeLevel.set(t.name.value, c);
  }
  const out = new Map<string, ClassificationLevel>();
  for (const t of types) {
    for (const f of t.fields ?? []) {
      const c = classificationOf(f.directives) ?? typeLevel.get(t.name.value);
      if (c) out.set(`${t.name.value}.${f.name.value}`, c);
    }
  }
  return out;
}

/** The roles a directive demands (`@classified(level: …, roles: ["AUDITOR"])`), if any. */
function rolesOf(directives: readonly DirectiveNode[] | undefined): string[] | undefined {
  const d = directives?.find((x) => x.name.value === 'classified');
  const arg = d?.arguments?.find((a) => a.name.value === 'roles');
  if (!arg) return undefined;
  if (arg.value.kind === Kind.LIST)
    return arg.value.values.flatMap((v) => (v.kind === Kind.STRING || v.kind === Kind.ENUM ? [v.value] : []));
  if (arg.value.kind === Kind.STRING) return [arg.value.value];
  return undefined;
}

/** The coordinates whose classification also demands one of a set of roles (field level wins over type level). */
export function roleRequirements(doc: DocumentNode): Map<string, string[]> {
  const types = doc.definitions.filter((d) => OBJECT_KINDS.has(d.kind)) as unknown as TypeLike[];
  const typeRoles = new Map<string, string[]>();
  for (const t of types) {
    const r = rolesOf(t.directives);
    if (r) typeRoles.set(t.name.value, r);
  }
  const out = new Map<string, string[]>();
  for (const t of types) {
    for (const f of t.fields ?? []) {
      // A field with its own classification and no roles is not narrowed by its type's roles.
      const own = f.directives?.some((x) => x.name.value === 'classified');
      const r = own ? rolesOf(f.directives) : typeRoles.get(t.name.value);
      if (r?.length) out.set(`${t.name.value}.${f.name.value}`, r);
    }
  }
  return out;
}

/** Field coordinates marked `@decidedByService`: who may call them is the owning service's decision. */
export function decidedByService(doc: DocumentNode): Set<string> {
  const out = new Set<string>();
  for (const d of doc.definitions) {
    if (!OBJECT_KINDS.has(d.kind)) continue;
    const t = d as unknown as TypeLike;
    for (const f of t.fields ?? [])
      if (f.directives?.some((x) => x.name.value === 'decidedByService')) out.add(`${t.name.value}.${f.name.value}`);
  }
  return out;
}

/** Why the audit log masks the value of an argument or input field. */
export type MaskReason = 'sensitive' | 'personal';

/**
 * What the audit log masks, decided by the schema alone: arguments (`Type.field(arg:)`) and input fields
 * (`Input.field`) marked `@sensitive` (secrets) or classified PERSONAL, and every argument of a field classified
 * PERSONAL (what one asks of personal data reveals it).
 */
export function maskedInputs(doc: DocumentNode): Map<string, MaskReason> {
  const out = new Map<string, MaskReason>();
  const reasonOf = (directives: readonly DirectiveNode[] | undefined): MaskReason | undefined =>
    directives?.some((d) => d.name.value === 'sensitive')
      ? 'sensitive'
      : classificationOf(directives) === 'PERSONAL'
        ? 'personal'
        : undefined;
  const fieldLevels = classificationMap(doc);
  for (const d of doc.definitions) {
    if (OBJECT_KINDS.has(d.kind)) {
      const t = d as unknown as TypeLike;
      for (const f of t.fields ?? []) {
        const fieldPersonal = fieldLevels.get(`${t.name.value}.${f.name.value}`) === 'PERSONAL';
        for (const a of f.arguments ?? []) {
          const reason = reasonOf(a.directives) ?? (fieldPersonal ? 'personal' : undefined);
          if (reason) out.set(`${t.name.value}.${f.name.value}(${a.name.value}:)`, reason);
        }
      }
    } else if (d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION || d.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION) {
      for (const f of d.fields ?? []) {
        const reason = reasonOf(f.directives);
        if (reason) out.set(`${d.name.value}.${f.name.value}`, reason);
      }
    }
  }
  return out;
}

/** Names that almost always carry a secret: such an argument or input field must say so with `@sensitive`. */
const SECRET_NAME = /pass(word|phrase)?$|passwd|secret|token|credential|private.?key/i;

/** Arguments and input fields whose name looks like a secret but which are not marked `@sensitive`. */
export function unmarkedSecrets(doc: DocumentNode): string[] {
  const masked = maskedInputs(doc);
  const out: string[] = [];
  for (const d of doc.definitions) {
    if (OBJECT_KINDS.has(d.kind)) {
      const t = d as unknown as TypeLike;
      for (const f of t.fields ?? []) {
        for (const a of f.arguments ?? []) {
          const c = `${t.name.value}.${f.name.value}(${a.name.value}:)`;
          if (SECRET_NAME.test(a.name.value) && masked.get(c) !== 'sensitive') out.push(c);
        }
      }
    } else if (d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION || d.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION) {
      for (const f of d.fields ?? []) {
        const c = `${d.name.value}.${f.name.value}`;
        if (SECRET_NAME.test(f.name.value) && masked.get(c) !== 'sensitive') out.push(c);
      }
    }
  }
  return out;
}
