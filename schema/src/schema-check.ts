// The schema check (issue 15): composes the supergraph from the working tree's SDL, compares its API schema with the
// one clients rely on now (the checked-in schema/api.graphql) with @graphql-inspector/core, and says for each breaking
// change whether it may land: when the baseline deprecated it long enough, or when the audit store shows no use of it
// in the last days. Composition must pass too.
//   npm run schema:check                            every subgraph
//   npm run schema:check -w @hub/<name>             only the coordinates <name> serves (and composition)
//   … -- --against <git-ref>                        compare with schema/api.graphql as committed at the ref
//   … -- --root <dir>                               check another copy of the repository
// Without --against (or HUB_SCHEMA_CHECK_AGAINST), a branch is compared with where it left the target branch
// (HUB_SCHEMA_CHECK_TARGET, origin/main: the merge base), so a branch that committed its recomposed API schema is
// still checked; on the target branch itself, or without one, with the working tree's schema/api.graphql.
// `npm test` runs it for every subgraph (turbo's schema:check task), so CI runs it.
// Settings: HUB_AUDIT_READER_URL (a role that may read audit_record; without it usage is not checked),
// HUB_SCHEMA_USAGE_DAYS (30), HUB_SCHEMA_DEPRECATION_DAYS (90), HUB_SCHEMA_CHECK_AGAINST, HUB_SCHEMA_CHECK_TARGET.
// Exit status: 0 when the check passes, 1 when composition fails or a breaking change is not allowed, 2 when the check
// cannot run (bad arguments or settings, a baseline that cannot be read).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { diff, CriticalityLevel, ChangeType, type Change } from '@graphql-inspector/core';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  Kind,
  parse,
  type ConstDirectiveNode,
  type DirectiveNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { Client } from 'pg';
import { joinFlag, joinGraphNames, joinGraphs } from './join';
import { apiSchemaOf, compose, defaultSources, defaultSubgraphUrl, type SubgraphSource } from './compose';
import { discoverSubgraphs } from './registry';
import { API_SCHEMA_PATH, REPO_ROOT, SUPERGRAPH_PATH, subgraphSdl } from './sdl';

/** A failure the person running the check can fix (arguments, settings, a baseline): printed without a stack. */
export class SchemaCheckError extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// Settings

export interface SchemaCheckSettings {
  /** postgres:// URL of a role that may read audit_record; without it, usage cannot be checked. */
  auditReadUrl?: string;
  /** A breaking change is allowed when the baseline deprecated the coordinate at least this many days ago. */
  deprecationDays: number;
  /** …or when the audit store shows no use of it over this many days. */
  usageDays: number;
  /** The git ref to compare with when --against is not given. */
  against?: string;
  /** The branch a branch is compared with (at their merge base) when neither names a ref. */
  target: string;
}

/** The check's settings, parsed once from the environment; throws a SchemaCheckError listing every problem. */
export function schemaCheckSettings(env: Record<string, string | undefined>): SchemaCheckSettings {
  const problems: string[] = [];
  const days = (name: string, fallback: number, min: number): number => {
    const v = env[name]?.trim();
    if (!v) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min)
      problems.push(`${name}: must be a whole number of days, at least ${min}, got ${JSON.stringify(v)}`);
    return Number(v);
  };
  const deprecationDays = days('HUB_SCHEMA_DEPRECATION_DAYS', 90, 0);
  const usageDays = days('HUB_SCHEMA_USAGE_DAYS', 30, 1);
  const auditReadUrl = env.HUB_AUDIT_READER_URL?.trim() || undefined;
  if (auditReadUrl && !/^postgres(ql)?:\/\/[^/]+/.test(auditReadUrl)) {
    problems.push('HUB_AUDIT_READER_URL: must be a postgres:// URL of a role that may read audit_record');
  }
  if (problems.length) throw new SchemaCheckError(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return {
    auditReadUrl,
    deprecationDays,
    usageDays,
    against: env.HUB_SCHEMA_CHECK_AGAINST?.trim() || undefined,
    target: env.HUB_SCHEMA_CHECK_TARGET?.trim() || 'origin/main',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// What is compared

/** What clients rely on now: an API schema, and the supergraph it came from (to tell which subgraph served what). */
export interface Baseline {
  /** Where it comes from, for the output (`schema/api.graphql`, `schema/api.graphql at origin/main`). */
  label: string;
  api: string;
  supergraph?: string;
}

/**
 * Where this branch left `target` (their merge base), when the repository at `root` has that branch and HEAD is not
 * on it; undefined otherwise (no git, no such branch, HEAD is the merge base: the working tree's file is the baseline).
 */
export function branchBase(root: string, target: string): { ref: string; label: string } | undefined {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    git('rev-parse', '--verify', '--quiet', `${target}^{commit}`);
    const base = git('merge-base', 'HEAD', target);
    if (base === git('rev-parse', 'HEAD')) return undefined;
    return { ref: base, label: `${base.slice(0, 12)}, where this branch left ${target}` };
  } catch {
    return undefined;
  }
}

/** The checked-in baseline of the repository at `root`, or as committed at the git `ref`. */
export function readBaseline(root = REPO_ROOT, ref?: string, label?: string): Baseline {
  const files = { api: relative(REPO_ROOT, API_SCHEMA_PATH), supergraph: relative(REPO_ROOT, SUPERGRAPH_PATH) };
  if (!ref) {
    const api = join(root, files.api);
    if (!existsSync(api)) throw new SchemaCheckError(`${api} does not exist: nothing to compare with`);
    const supergraph = join(root, files.supergraph);
    return {
      label: files.api,
      api: readFileSync(api, 'utf8'),
      supergraph: existsSync(supergraph) ? readFileSync(supergraph, 'utf8') : undefined,
    };
  }
  const show = (file: string) => {
    try {
      return execFileSync('git', ['-C', root, 'show', `${ref}:${file}`], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: 'pipe' });
    } catch (e) {
      const why = String((e as { stderr?: unknown }).stderr ?? '').trim() || (e as Error).message;
      throw new SchemaCheckError(`--against ${ref}: git cannot read ${file} at ${ref} (${why})`);
    }
  };
  return { label: `${files.api} at ${label ?? ref}`, api: show(files.api), supergraph: show(files.supergraph) };
}

/** The subgraphs' SDL in the repository at `root` (the working tree): what `compose` reads. */
export function sourcesAt(root: string): SubgraphSource[] {
  if (resolve(root) === resolve(REPO_ROOT)) return defaultSources();
  try {
    return discoverSubgraphs(root).map((s) => ({
      name: s.name,
      sdl: subgraphSdl(readFileSync(join(root, s.dir, 'schema.graphql'), 'utf8')),
      url: defaultSubgraphUrl(s.port),
    }));
  } catch (e) {
    throw new SchemaCheckError(`--root ${root}: ${(e as Error).message}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The report

export type Level = 'BREAKING' | 'DANGEROUS' | 'SAFE';

/** Requests of the audit store that used a breaking change's coordinates, by client. */
export interface Use {
  client: string | null;
  version: string | null;
  /** The principal's kind (PUBLIC, ACCOUNT) of requests without a client name. */
  callerKind: string | null;
  requests: number;
  last: Date;
}

/** How "use" of a breaking change is decided, and the coordinates (`Type.field`) whose requests count. */
export interface UsageRule {
  name: 'field' | 'enum value' | 'input field' | 'type' | 'none';
  /** Null when no rule applies: the change is considered used. */
  coordinates: string[] | null;
  /** One line for the output: what counts as a use. */
  text: string;
}

export interface Verdict {
  allowed: boolean;
  /** Which rule allowed it. */
  by?: 'deprecation' | 'usage';
  rule: UsageRule;
  /** The deprecation in the baseline, if any: its date, and how many days ago that was. */
  deprecation?: { reason: string; since?: string; days?: number };
  /** The uses found, or why usage was not checked. */
  usage: { checked: true; uses: Use[] } | { checked: false; why: string };
}

export interface CheckedChange {
  level: Level;
  /** The change's coordinate (`TouristSite.nameEn`, `Query.touristSites.after`), as inspector's path gives it. */
  coordinate: string;
  message: string;
  type: string;
  /** For a breaking change: whether it may land, and why. */
  verdict?: Verdict;
}

export interface SchemaCheckReport {
  /** The subgraph whose coordinates are reported, or undefined for every subgraph. */
  subgraph?: string;
  subgraphCount: number;
  baseline: string;
  settings: SchemaCheckSettings;
  compositionErrors: string[];
  changes: CheckedChange[];
  /** Composition passes and every breaking change is allowed. */
  ok: boolean;
}

export interface SchemaCheckOptions {
  /** The subgraphs' SDL to compose (default: the working tree's). */
  sources?: SubgraphSource[];
  /** What clients rely on now (default: the checked-in schema/api.graphql and supergraph). */
  baseline?: Baseline;
  /** Report only the changes of coordinates this subgraph serves. */
  subgraph?: string;
  settings: SchemaCheckSettings;
  now?: Date;
}

const LEVELS: Record<CriticalityLevel, Level> = {
  [CriticalityLevel.Breaking]: 'BREAKING',
  [CriticalityLevel.Dangerous]: 'DANGEROUS',
  [CriticalityLevel.NonBreaking]: 'SAFE',
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Runs the check; throws a SchemaCheckError only when it cannot run (an unknown subgraph, a baseline that does not parse). */
export async function checkSchema(options: SchemaCheckOptions): Promise<SchemaCheckReport> {
  const { settings, subgraph } = options;
  const now = options.now ?? new Date();
  const sources = options.sources ?? defaultSources();
  const baseline = options.baseline ?? readBaseline();
  if (subgraph && !sources.some((s) => s.name === subgraph)) {
    throw new SchemaCheckError(`No subgraph is named "${subgraph}"; the subgraphs are: ${sources.map((s) => s.name).join(', ')}`);
  }
  const report: SchemaCheckReport = {
    subgraph,
    subgraphCount: sources.length,
    baseline: baseline.label,
    settings,
    compositionErrors: [],
    changes: [],
    ok: false,
  };
  const composed = compose(sources);
  if (composed.errors.length || !composed.supergraphSdl) {
    report.compositionErrors = composed.errors.length ? composed.errors : ['composition produced no supergraph'];
    return report;
  }
  let oldSchema: GraphQLSchema;
  try {
    oldSchema = buildSchema(baseline.api);
  } catch (e) {
    throw new SchemaCheckError(`${baseline.label} is not a valid GraphQL schema: ${(e as Error).message}`);
  }
  const newSchema = buildSchema(apiSchemaOf(composed.supergraphSdl));
  const owners = [servedBy(composed.supergraphSdl), ...(baseline.supergraph ? [servedBy(baseline.supergraph)] : [])];
  const changes = (await diff(oldSchema, newSchema)).filter((c) => !subgraph || servedBySubgraph(c.path, owners, subgraph));

  const checked: CheckedChange[] = changes.map((c) => ({
    level: LEVELS[c.criticality.level],
    coordinate: c.path ?? '(schema)',
    message: c.message,
    type: c.type,
  }));
  const breaking = checked.filter((c) => c.level === 'BREAKING');
  const rules = breaking.map((c) => usageRule(changes[checked.indexOf(c)], oldSchema));
  const usage = await usageOf(rules, settings, now);
  breaking.forEach((c, i) => (c.verdict = verdictOf(c.coordinate, rules[i], usage[i], oldSchema, settings, now)));

  const order: Level[] = ['BREAKING', 'DANGEROUS', 'SAFE'];
  report.changes = checked.sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));
  report.ok = breaking.every((c) => c.verdict?.allowed);
  return report;
}

// ---------------------------------------------------------------------------------------------------------------
// Which subgraph serves a coordinate

/** Coordinate (`Type`, `Type.field`, `Type.field.arg`, `Enum.VALUE`, `Input.field`) → the subgraphs serving it. */
function servedBy(supergraphSdl: string): Map<string, Set<string>> {
  const doc = parse(supergraphSdl);
  const names = joinGraphNames(doc);
  const graphs = (directives: readonly ConstDirectiveNode[] | undefined, directive: string, skip?: (d: DirectiveNode) => boolean) =>
    new Set(joinGraphs(names, directives, directive, skip));
  const isFalse = (name: string) => (d: DirectiveNode) => joinFlag(d, name, false);
  const isTrue = (name: string) => (d: DirectiveNode) => joinFlag(d, name, true);
  const out = new Map<string, Set<string>>();
  for (const d of doc.definitions) {
    if (!('name' in d) || !d.name || d.kind === Kind.DIRECTIVE_DEFINITION) continue;
    const type = d.name.value;
    if (type.startsWith('join__') || type.startsWith('link__')) continue;
    const directives = 'directives' in d ? (d.directives as readonly ConstDirectiveNode[]) : undefined;
    const typeGraphs = graphs(directives, 'join__type');
    // A subgraph that only references an entity (`resolvable: false`) serves none of its fields.
    const resolving = graphs(directives, 'join__type', isFalse('resolvable'));
    const fieldDefault = resolving.size ? resolving : typeGraphs;
    out.set(type, typeGraphs);
    if (
      d.kind === Kind.OBJECT_TYPE_DEFINITION ||
      d.kind === Kind.INTERFACE_TYPE_DEFINITION ||
      d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION
    ) {
      for (const f of d.fields ?? []) {
        const own = graphs(f.directives, 'join__field', isTrue('external'));
        const served = own.size ? own : fieldDefault;
        out.set(`${type}.${f.name.value}`, served);
        if ('arguments' in f) for (const a of f.arguments ?? []) out.set(`${type}.${f.name.value}.${a.name.value}`, served);
      }
    }
    if (d.kind === Kind.ENUM_TYPE_DEFINITION) {
      for (const v of d.values ?? []) {
        const own = graphs(v.directives, 'join__enumValue');
        out.set(`${type}.${v.name.value}`, own.size ? own : typeGraphs);
      }
    }
  }
  return out;
}

/**
 * Whether `subgraph` serves a change's coordinate, in the new supergraph or in the baseline's (a removed field is
 * only in the latter). The nearest coordinate known decides (a new argument: its field); a change no supergraph
 * places (a directive, the schema's root types) is reported to everyone.
 */
function servedBySubgraph(path: string | undefined, owners: Map<string, Set<string>>[], subgraph: string): boolean {
  const parts = path?.startsWith('@') ? [] : (path?.split('.') ?? []);
  for (let n = parts.length; n > 0; n--) {
    const key = parts.slice(0, n).join('.');
    const found = owners.flatMap((o) => [...(o.get(key) ?? [])]);
    if (found.length) return found.includes(subgraph);
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// What counts as a use of a breaking change

const LISTED = 6;
const listed = (coordinates: string[]) =>
  coordinates.length === 0
    ? 'none in the schema'
    : coordinates.length <= LISTED
      ? coordinates.join(', ')
      : `${coordinates.slice(0, LISTED).join(', ')} and ${coordinates.length - LISTED} more`;

/** Named types an input type reaches through its fields (itself included): what a field taking it may be sent. */
function inputReach(type: GraphQLNamedType, memo: Map<string, Set<string>>): Set<string> {
  const known = memo.get(type.name);
  if (known) return known;
  const out = new Set<string>([type.name]);
  memo.set(type.name, out); // before the walk: input types may refer to themselves
  if (isInputObjectType(type)) {
    for (const f of Object.values(type.getFields())) for (const n of inputReach(getNamedType(f.type), memo)) out.add(n);
  }
  return out;
}

/** Fields (`Type.field`) of the schema that take `typeName` in an argument (however deep in an input), or return it. */
function fieldsUsing(schema: GraphQLSchema, typeName: string, { returning }: { returning: boolean }): string[] {
  const memo = new Map<string, Set<string>>();
  const out: string[] = [];
  for (const t of Object.values(schema.getTypeMap())) {
    if (t.name.startsWith('__') || !(isObjectType(t) || isInterfaceType(t))) continue;
    for (const f of Object.values(t.getFields())) {
      const returns = returning && getNamedType(f.type).name === typeName;
      if (returns || f.args.some((a) => inputReach(getNamedType(a.type), memo).has(typeName))) out.push(`${t.name}.${f.name}`);
    }
  }
  return out.sort();
}

const fieldsOf = (t: GraphQLNamedType | null | undefined) =>
  t && (isObjectType(t) || isInterfaceType(t)) ? Object.keys(t.getFields()).map((f) => `${t.name}.${f}`) : [];

/**
 * What counts as a use of a breaking change, from the baseline schema. The gateway records, for every request, the
 * coordinate `Parent.field` of each field it selected (the parent as selected: an interface when asked through it),
 * never arguments or values: so a change of a field or of its arguments counts the requests of the field, and a
 * change of an enum value or of an input field counts the requests of every field that could be sent or return it.
 * When unsure, the change is considered used.
 */
export function usageRule(change: Change, old: GraphQLSchema): UsageRule {
  const none = (why: string): UsageRule => ({ name: 'none', coordinates: null, text: `rule: none (${why}): considered used` });
  const path = change.path;
  if (!path || path.startsWith('@')) return none('a change of a directive or of the schema itself');
  const [typeName, member] = path.split('.');
  const type = old.getType(typeName);
  if (!type) return none(`${typeName} is not in the baseline`);
  if (member !== undefined) {
    if (isObjectType(type) || isInterfaceType(type)) {
      const field = `${typeName}.${member}`;
      // The same field asked through an interface of the type is recorded as the interface's.
      const through = isObjectType(type) ? type.getInterfaces().filter((i) => member in i.getFields()) : [];
      const coordinates = [field, ...through.map((i) => `${i.name}.${member}`)];
      return { name: 'field', coordinates, text: `rule: field, the requests that asked for ${coordinates.join(' or ')}` };
    }
    if (isEnumType(type)) {
      const coordinates = fieldsUsing(old, typeName, { returning: true });
      return {
        name: 'enum value',
        coordinates,
        text: `rule: enum value, the requests that asked for a field taking or returning ${typeName} (${listed(coordinates)})`,
      };
    }
    if (isInputObjectType(type)) {
      const coordinates = fieldsUsing(old, typeName, { returning: false });
      return {
        name: 'input field',
        coordinates,
        text: `rule: input field, the requests that asked for a field taking ${typeName} in an argument (${listed(coordinates)})`,
      };
    }
    return none(`${typeName} has no members`);
  }
  // A change of the type itself: its fields, the fields returning or taking it, and for a type leaving an interface
  // or a union, the fields selected through them.
  const extra =
    change.type === ChangeType.ObjectTypeInterfaceRemoved
      ? fieldsOf(old.getType(String(change.meta.removedInterfaceName)))
      : change.type === ChangeType.UnionMemberRemoved
        ? fieldsOf(old.getType(String(change.meta.removedUnionMemberTypeName)))
        : [];
  const coordinates = [...new Set([...fieldsOf(type), ...extra, ...fieldsUsing(old, typeName, { returning: true })])].sort();
  const what = isUnionType(type) ? `its members' fields` : 'its fields';
  return {
    name: 'type',
    coordinates,
    text: `rule: type, the requests that asked for ${what} or a field returning or taking ${typeName} (${listed(coordinates)})`,
  };
}

/** What the baseline's @deprecated says of a coordinate (an argument's field counts too): its reason. */
function deprecationOf(coordinate: string, old: GraphQLSchema): string | undefined {
  const [typeName, member, argument] = coordinate.split('.');
  const type = old.getType(typeName);
  if (!type || member === undefined) return undefined;
  if (isObjectType(type) || isInterfaceType(type)) {
    const field = type.getFields()[member];
    const arg = argument === undefined ? undefined : field?.args.find((a) => a.name === argument);
    return arg?.deprecationReason ?? field?.deprecationReason ?? undefined;
  }
  if (isEnumType(type)) return type.getValue(member)?.deprecationReason ?? undefined;
  if (isInputObjectType(type)) return type.getFields()[member]?.deprecationReason ?? undefined;
  return undefined;
}

const SINCE = /\bsince (\d{4})-(\d{2})-(\d{2})\b/;

function verdictOf(
  coordinate: string,
  rule: UsageRule,
  usage: Verdict['usage'],
  old: GraphQLSchema,
  settings: SchemaCheckSettings,
  now: Date,
): Verdict {
  const verdict: Verdict = { allowed: false, rule, usage };
  const reason = deprecationOf(coordinate, old);
  if (reason !== undefined) {
    verdict.deprecation = { reason };
    const m = SINCE.exec(reason);
    const at = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
    if (m && new Date(at).toISOString().startsWith(`${m[1]}-${m[2]}-${m[3]}`)) {
      verdict.deprecation.since = `${m[1]}-${m[2]}-${m[3]}`;
      verdict.deprecation.days = Math.floor((now.getTime() - at) / DAY_MS);
      if (verdict.deprecation.days >= settings.deprecationDays) return { ...verdict, allowed: true, by: 'deprecation' };
    }
  }
  if (usage.checked && rule.coordinates !== null && usage.uses.length === 0) return { ...verdict, allowed: true, by: 'usage' };
  return verdict;
}

/**
 * The uses of every breaking change, in one statement: each record in the window that asked for one of a change's
 * coordinates counts once for that change, grouped by change, client name and version (and, for requests without a
 * client name, the principal's kind).
 */
const USAGE_SQL = `
select w.change, nullif(r.client->>'name', '') as client_name, nullif(r.client->>'version', '') as client_version,
       case when nullif(r.client->>'name', '') is null then r.principal->>'kind' end as caller_kind,
       count(*)::int as requests, max(r.at) as last_at
  from audit_record r
 cross join lateral (
       select distinct w.change
         from unnest($2::int[], $3::text[]) as w(change, coordinate)
        where w.coordinate = any(r.requested)
       ) w
 where r.at >= $1 and r.requested && $3::text[]
 group by 1, 2, 3, 4
 order by 1, requests desc, 2, 3`;

interface UsageRow {
  change: number;
  client_name: string | null;
  client_version: string | null;
  caller_kind: string | null;
  requests: number;
  last_at: Date;
}

async function usageOf(rules: UsageRule[], settings: SchemaCheckSettings, now: Date): Promise<Verdict['usage'][]> {
  const notChecked = (why: string) => rules.map((): Verdict['usage'] => ({ checked: false, why }));
  if (!rules.length) return [];
  if (!settings.auditReadUrl) return notChecked('HUB_AUDIT_READER_URL is not set');
  const changes: number[] = [];
  const coordinates: string[] = [];
  rules.forEach((r, i) => (r.coordinates ?? []).forEach((c) => (changes.push(i), coordinates.push(c))));
  const uses = rules.map((): Use[] => []);
  if (coordinates.length) {
    const c = new Client({ connectionString: settings.auditReadUrl, connectionTimeoutMillis: 10_000 });
    try {
      await c.connect();
      const from = new Date(now.getTime() - settings.usageDays * DAY_MS);
      for (const row of (await c.query<UsageRow>(USAGE_SQL, [from, changes, coordinates])).rows) {
        uses[row.change].push({
          client: row.client_name,
          version: row.client_version,
          callerKind: row.caller_kind,
          requests: row.requests,
          last: row.last_at,
        });
      }
    } catch (e) {
      return notChecked(`the audit store cannot be read: ${(e as Error).message}`);
    } finally {
      await c.end().catch(() => undefined);
    }
  }
  return uses.map((u) => ({ checked: true, uses: u }));
}

// ---------------------------------------------------------------------------------------------------------------
// Output

const instant = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function useText(u: Use, first: boolean): string {
  const count = first ? plural(u.requests, 'request') : String(u.requests);
  const numbers = `(${count}, last ${instant(u.last)})`;
  if (u.client) return `${u.client}${u.version ? ` ${u.version}` : ''} ${numbers}`;
  return `${u.callerKind ?? 'unknown'} callers without a client name ${numbers}`;
}

function verdictLines(v: Verdict, settings: SchemaCheckSettings): string[] {
  const lines: string[] = [];
  const d = v.deprecation;
  if (d?.since !== undefined && d.days !== undefined) {
    const enough = d.days >= settings.deprecationDays;
    lines.push(
      `deprecated since ${d.since} (${plural(d.days, 'day')} ${enough ? '≥' : '<'} ${settings.deprecationDays})${enough ? ': allowed' : ''}`,
    );
  } else if (d) {
    lines.push(`deprecated, but its reason names no date ("since YYYY-MM-DD"): the deprecation rule cannot apply`);
  }
  lines.push(v.rule.text);
  const decided = v.by === 'deprecation' ? '' : v.allowed ? ': allowed' : ': not allowed';
  if (!v.usage.checked) lines.push(`usage not checked (${v.usage.why})${decided}`);
  else if (v.usage.uses.length === 0) lines.push(`no use in the last ${plural(settings.usageDays, 'day')}${decided}`);
  else lines.push(`used by ${v.usage.uses.map((u, i) => useText(u, i === 0)).join(', ')}${decided}`);
  return lines;
}

/** The report as the CLI prints it. */
export function formatReport(r: SchemaCheckReport): string[] {
  const s = r.settings;
  const out = [
    `Schema check of ${r.subgraph ?? `every subgraph (${r.subgraphCount})`} against ${r.baseline}`,
    `  a breaking change is allowed when deprecated "since" a date at least ${plural(s.deprecationDays, 'day')} ago, or unused for ` +
      `${plural(s.usageDays, 'day')} (${s.auditReadUrl ? 'the audit store is read' : 'usage not checked: HUB_AUDIT_READER_URL is not set'})`,
    '',
  ];
  if (!r.compositionErrors.length) {
    if (!r.changes.length) out.push(`No change to the API schema${r.subgraph ? ` in what ${r.subgraph} serves` : ''}.`);
    for (const c of r.changes) {
      out.push(`${c.level}  ${c.coordinate}  ${c.message}`);
      if (c.verdict) out.push(...verdictLines(c.verdict, s).map((l) => `    ${l}`));
    }
    out.push('');
    out.push(`Composition passes (${plural(r.subgraphCount, 'subgraph')}).`);
  } else {
    out.push(`Composition fails with ${plural(r.compositionErrors.length, 'error')}:`);
    out.push(...r.compositionErrors.map((e) => `  - ${e}`));
    out.push('The API schema cannot be compared until the subgraphs compose.');
  }
  const count = (level: Level) => r.changes.filter((c) => c.level === level).length;
  const refused = r.changes.filter((c) => c.verdict && !c.verdict.allowed).map((c) => c.coordinate);
  const tally = `${count('BREAKING')} breaking, ${count('DANGEROUS')} dangerous, ${count('SAFE')} safe`;
  if (r.compositionErrors.length) out.push('Check fails: composition fails.');
  else if (refused.length)
    out.push(`Check fails (${tally}): ${plural(refused.length, 'breaking change')} not allowed: ${refused.join(', ')}.`);
  else out.push(`Check passes (${tally}${count('BREAKING') ? ', every breaking change allowed' : ''}).`);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// CLI

const USAGE = 'usage: schema-check [<subgraph>] [--against <git-ref>] [--root <dir>]';

/** The CLI: prints the report with `out`, returns the exit status. Throws a SchemaCheckError when it cannot run. */
export async function run(argv: string[], out: (line: string) => void, env: Record<string, string | undefined>): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { against: { type: 'string' }, root: { type: 'string' } } });
  } catch (e) {
    throw new SchemaCheckError(`${(e as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new SchemaCheckError(`one subgraph at most, got ${positionals.join(', ')}\n${USAGE}`);
  const settings = schemaCheckSettings(env);
  const root = resolve(values.root ?? REPO_ROOT);
  const against = values.against ?? settings.against;
  const base = against === undefined ? branchBase(root, settings.target) : undefined;
  const report = await checkSchema({
    sources: sourcesAt(root),
    baseline: base ? readBaseline(root, base.ref, base.label) : readBaseline(root, against),
    subgraph: positionals[0],
    settings,
  });
  for (const line of formatReport(report)) out(line);
  return report.ok ? 0 : 1;
}

if (require.main === module) {
  // eslint-disable-next-line no-restricted-properties -- the CLI's entry point: its settings are read here, once
  const env = process.env;
  run(process.argv.slice(2), console.log, env).then(
    (code) => process.exit(code),
    (e: unknown) => {
      if (!(e instanceof SchemaCheckError)) throw e;
      console.error(e.message);
      process.exit(2);
    },
  );
}
