// `npm run subgraph:new -- <name> --dataset <code> [--dataset-name <name>] [--owner <agency>] [--entity <Type>] [--port <n>] [--no-install]`
// scaffolds a department's subgraph that composes and passes its tests at once: the "hub" block, an SDL with its
// owner and classifications, one entity located in a commune with its migration, a service with a versioned write,
// thin resolvers typed by generated code, a loader, demo data and a contract test (`_entities` for its key). Then
// it generates the resolver types, recomposes the supergraph and, unless --no-install, links the package (npm
// install) so that `npm ci` stays true. Nothing outside the new folder is edited by hand.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { discoverSubgraphs, FIRST_SUBGRAPH_PORT, REPO_ROOT } from '@hub/schema';

interface Options {
  name: string;
  dataset: string;
  /** The database's name for the directory's catalogue (`--dataset-name`). */
  datasetName: string;
  owner: string;
  entity: string;
  port: number;
  install: boolean;
  root: string;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const CODE = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;
const TYPE = /^[A-Z][A-Za-z0-9]*$/;

/** The options, or every problem with them. */
export function parseArgs(argv: readonly string[], root = REPO_ROOT): Options {
  const problems: string[] = [];
  const flags = new Map<string, string>();
  const positional: string[] = [];
  let install = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-install') install = false;
    else if (a.startsWith('--')) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) problems.push(`${a} needs a value`);
      else flags.set(a.slice(2), v);
      i++;
    } else positional.push(a);
  }
  for (const k of flags.keys())
    if (!['dataset', 'dataset-name', 'owner', 'entity', 'port'].includes(k)) problems.push(`unknown option --${k}`);
  const name = positional[0] ?? '';
  if (positional.length !== 1) problems.push(`give one subgraph name, got ${positional.length ? positional.join(' ') : 'none'}`);
  else if (!NAME.test(name)) problems.push(`the name must be kebab-case (e.g. transport), got ${JSON.stringify(name)}`);
  const dataset = flags.get('dataset') ?? '';
  if (!CODE.test(dataset))
    problems.push(`--dataset must be a catalogue code such as GTVT-CAUDUONG, got ${JSON.stringify(flags.get('dataset') ?? null)}`);
  const datasetName = (flags.get('dataset-name') ?? `Cơ sở dữ liệu ${name}`).trim();
  if (!datasetName || datasetName.length > 200)
    problems.push(`--dataset-name must be 1 to 200 characters, got ${JSON.stringify(datasetName)}`);
  const owner = flags.get('owner') ?? 'TTCDS';
  if (!CODE.test(owner)) problems.push(`--owner must be an agency code such as SGTVT, got ${JSON.stringify(owner)}`);
  const entity = flags.get('entity') ?? `${pascal(name || 'x')}Record`;
  if (!TYPE.test(entity)) problems.push(`--entity must be a GraphQL type name such as Road, got ${JSON.stringify(entity)}`);
  let existing: ReturnType<typeof discoverSubgraphs> = [];
  try {
    existing = discoverSubgraphs(root);
  } catch (e) {
    problems.push((e as Error).message);
  }
  const port = flags.has('port') ? Number(flags.get('port')) : Math.max(FIRST_SUBGRAPH_PORT - 1, ...existing.map((s) => s.port)) + 1;
  if (!Number.isInteger(port) || port < FIRST_SUBGRAPH_PORT || port > 4999)
    problems.push(`--port must be a whole number from ${FIRST_SUBGRAPH_PORT} to 4999, got ${flags.get('port')}`);
  for (const s of existing) {
    if (s.name === name) problems.push(`a subgraph named ${name} exists already (${s.dir})`);
    if (s.dataset === dataset) problems.push(`dataset ${dataset} is already served by ${s.name}`);
    if (s.port === port) problems.push(`port ${port} is taken by ${s.name}`);
  }
  if (name && existsSync(join(root, 'subgraphs', name))) problems.push(`subgraphs/${name} exists already`);
  if (problems.length) throw new Error(`subgraph:new: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return { name, dataset, datasetName, owner, entity, port, install, root };
}

const pascal = (kebab: string) =>
  kebab
    .split('-')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
const camel = (type: string) => type[0].toLowerCase() + type.slice(1);
const kebabOf = (type: string) => type.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const snake = (type: string) => kebabOf(type).replace(/-/g, '_');

/** Every file of the new package, by path inside its folder. */
export function files(o: Options): Record<string, string> {
  const T = o.entity;
  const t = camel(T);
  const k = kebabOf(T);
  const table = snake(T);
  const prefix = o.dataset.split('-')[0].slice(0, 4);
  const migration = `Migration${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
  return {
    'package.json': `${JSON.stringify(
      {
        name: `@hub/${o.name}`,
        version: '0.1.0',
        private: true,
        description: `The ${o.name} subgraph (dataset ${o.dataset}). Owner at creation: ${o.owner}.`,
        hub: {
          name: o.name,
          dataset: o.dataset,
          datasetName: o.datasetName,
          owner: o.owner,
          database: 'own',
          port: o.port,
          codegen: { mappers: { [T]: `src/entities#${T}`, AdministrativeUnit: 'src/resolvers/context#UnitRef' } },
        },
        main: 'dist/index.js',
        scripts: {
          build: 'tsc -p tsconfig.build.json',
          typecheck: 'tsc -p tsconfig.json --noEmit',
          test: 'jest',
          start: `tsx --conditions=development ../kit/src/bin/serve.ts ${o.name}`,
          'schema:check': `tsx --conditions=development ../../schema/src/schema-check.ts ${o.name}`,
          'migration:create': 'tsx --conditions=development ../kit/src/cli/create-migration.ts',
          'migration:status': 'tsx --conditions=development ../kit/src/cli/migrate.ts status',
          'migration:up': 'tsx --conditions=development ../kit/src/cli/migrate.ts up',
          'migration:down': 'tsx --conditions=development ../kit/src/cli/migrate.ts down',
          lint: 'eslint src && prettier --check --ignore-path ../../.prettierignore src',
        },
        dependencies: { '@hub/kit': '*', '@hub/runtime': '*', '@hub/schema': '*', '@mikro-orm/core': '6.6.9', graphql: '^16.11.0' },
      },
      null,
      2,
    )}\n`,
    'tsconfig.json': `{\n  "extends": "../../tsconfig.json",\n  "compilerOptions": { "rootDir": "src", "outDir": "dist" },\n  "include": ["src"]\n}\n`,
    'tsconfig.build.json': `{\n  "extends": "./tsconfig.json",\n  "exclude": ["src/**/__tests__/**", "src/**/*.test.ts"]\n}\n`,
    'jest.config.js': `// Shared preset: SWC transform, the 'development' export condition, one embedded PostgreSQL per run.\nmodule.exports = require('@hub/infra/jest-preset');\n`,
    'schema.graphql': `# The ${o.name} subgraph. Dataset ${o.dataset}; owner at creation: ${o.owner} (the directory holds today's owner).
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])

"""Root fields are nullable on purpose: if this subgraph is down, the rest of an answer still arrives."""
type Query {
  """A ${T} by its code; null when none has that code."""
  ${t}(
    """Its code, e.g. \`${prefix}-0001\`."""
    code: String!
  ): ${T} @classified(level: PUBLIC)

  """${T} records whose name contains \`search\` (regardless of case and diacritics), ordered by code."""
  ${t}s(
    """Text the name contains, regardless of case and diacritics."""
    search: String
    """How many to return (default 50, at most the hub's page size, 1000 unless the operator changes it)."""
    first: Int
    """The \`endCursor\` of the previous page: the list continues after it."""
    after: String
  ): ${T}Connection @classified(level: PUBLIC)
}

"""Writes belong to the data editors of this database (DATA_EDITOR granted for it) in the agency that owns it on the day of the write."""
type Mutation {
  """
  Change a ${T}. \`expectedVersion\` is the \`version\` you read: if someone changed it since, nothing is written
  and the answer is a CONFLICT error. The data is published: \`reason\` (kept in its \`history\`) is required.
  """
  update${T}(
    """The code of the record to change."""
    code: String!
    """The new values."""
    input: ${T}Update!
    """The \`version\` you read; a CONFLICT error if the record changed since."""
    expectedVersion: Int!
    """Why it is changed (required: the data is published); kept in the record's \`history\`."""
    reason: String
  ): ${T}! @classified(level: INTERNAL)
}

"""A record of the ${o.dataset} database, located in a commune."""
type ${T} @key(fields: "code") @classified(level: PUBLIC) {
  """Its code, e.g. \`${prefix}-0001\`."""
  code: String!
  """Tên: its Vietnamese name."""
  name: String!
  """The commune-level unit it lies in (today's unit); resolved by the directory."""
  commune: AdministrativeUnit
  """Ngày ghi nhận: the day the record was made (a licence's date, a survey's day); null when unknown."""
  recordedOn: Date
  """
  The commune as it was on \`recordedOn\` (before 1 July 2025, a commune of a district that no longer exists), so the
  record's history stays true across the reform; null without a date.
  """
  communeOnRecord: AdministrativeUnit
  """A note for the department and other officials."""
  note: String @classified(level: INTERNAL)
  """Optimistic-concurrency version: send it back as \`expectedVersion\` when you change it."""
  version: Int!
  """Nguồn gốc: the record's dataset, when the department last changed it and when the hub read it."""
  provenance: Provenance!
  """Lịch sử thay đổi: every change, newest first."""
  history(
    """How many changes to return (default 50)."""
    first: Int
    """The \`endCursor\` of the previous page: the list continues after it."""
    after: String
  ): ChangeConnection @classified(level: INTERNAL)
}

"""Fields to change; those left out keep their values, null clears \`note\`."""
input ${T}Update {
  """1 to 300 characters."""
  name: String
  """At most 2,000 characters."""
  note: String
}

"""A page of ${T} records."""
type ${T}Connection @classified(level: PUBLIC) {
  """The records of the page with their cursors."""
  edges: [${T}Edge!]!
  """The records of the page."""
  nodes: [${T}!]!
  """Where the page is in the list: whether more follow, and the cursor to continue from."""
  pageInfo: PageInfo!
  """How many records the list has in all pages."""
  totalCount: Int!
}

"""A ${T} record in a page, with its cursor."""
type ${T}Edge @classified(level: PUBLIC) {
  """Pass it as \`after\` to continue after this record."""
  cursor: String!
  """The record."""
  node: ${T}!
}

"""An administrative unit of the directory, referenced by its code and the day it is named as of."""
type AdministrativeUnit @key(fields: "code validOn", resolvable: false) @classified(level: PUBLIC) {
  """Mã đơn vị hành chính: the unit's official code."""
  code: String!
  """The day the unit is named as of (the directory resolves the version valid that day); null for today's unit."""
  validOn: Date
}
`,
    'explorer.graphql': `# The ${o.name} subgraph (dataset ${o.dataset}): its records with the commune each lies in, today and on the
# day it was recorded. This tab opens in the hub's explorer; write the example your users need first.
query ${T}s {
  ${t}s(first: 5) {
    totalCount
    nodes { code name recordedOn commune { name } communeOnRecord { name parent { name } } }
  }
}
`,
    [`src/entities/${k}.entity.ts`]: `import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { hubEntityProperties, tracked } from '@hub/kit';

export const ${T} = defineEntity({
  name: '${T}',
  tableName: '${table}',
  indexes: [{ properties: ['communeCode'] }],
  properties: {
    ...hubEntityProperties,
    code: p.string().length(20).unique(),
    name: p.string().length(300),
    /** Code of today's commune-level unit (the directory's). */
    communeCode: p.string().length(5),
    /** The day the record was made. */
    recordedOn: p.date().nullable(),
    /** The commune's code on \`recordedOn\` (before 1 July 2025 one of the old communes merged into today's). */
    communeCodeOnRecord: p.string().length(5).nullable(),
    note: p.text().nullable(),
    searchText: p.string().length(300),
  },
});
export type ${T} = InferEntity<typeof ${T}>;

/** Published data: any change after creation needs a reason. */
export const ${T}History = tracked(${T}, {
  fields: { communeCode: '${T}.commune', communeCodeOnRecord: '${T}.communeOnRecord', searchText: 'ignore' },
  approved: () => true,
});
`,
    'src/entities/index.ts': `import { ${T}, ${T}History } from './${k}.entity';

export * from './${k}.entity';

export const entities = [${T}];

/** How each entity's changes are recorded (see the kit's \`tracked\`). */
export const history = [${T}History];
`,
    [`src/migrations/${migration}.ts`]: `import { Migration } from '@mikro-orm/migrations';

export class ${migration} extends Migration {
  override async up(): Promise<void> {
    this.addSql(\`create table "${table}" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" varchar(20) not null, "name" varchar(300) not null, "commune_code" varchar(5) not null, "recorded_on" date null, "commune_code_on_record" varchar(5) null, "note" text null, "search_text" varchar(300) not null, constraint "${table}_pkey" primary key ("id"));\`);
    this.addSql(\`alter table "${table}" add constraint "${table}_code_unique" unique ("code");\`);
    this.addSql(\`create index "${table}_commune_code_index" on "${table}" ("commune_code");\`);
  }

  /** Reverts it: the table goes, with its data (\`npm run migration:down\`). */
  override async down(): Promise<void> {
    this.addSql(\`drop table if exists "${table}" cascade;\`);
  }
}
`,
    'src/migrations/index.ts': `import type { MigrationObject } from '@mikro-orm/core';
import { ${migration} } from './${migration}';

export const migrations: MigrationObject[] = [{ name: '${migration}', class: ${migration} }];
`,
    [`src/services/${k}.service.ts`]: `// ${T} records: lookups, the list, and changes by the owning agency's editors.
import type { GraphQLResolveInfo } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { containsPattern, field, findConnection, inputRules, searchKey, updateVersioned, type Connection, type PageArgs } from '@hub/kit';
import type { CallerClaims } from '@hub/runtime';
import { ${T} } from '../entities';
import type { ${T}Update } from '../__generated__/resolvers-types';

/** One rule per field of \`${T}Update\`: left out keeps a value, null clears \`note\`. */
const ${T}UpdateRules = inputRules<${T}Update>()({
  name: field.text(300).optional(),
  note: field.textOrNull('reason').optional(),
});

export class ${T}Service {
  constructor(private readonly em: EntityManager) {}

  byCodes(codes: readonly string[]): Promise<${T}[]> {
    return codes.length ? this.em.find(${T}, { code: { $in: [...codes] } }) : Promise.resolve([]);
  }

  list(search: string | null | undefined, args: PageArgs, info?: GraphQLResolveInfo): Promise<Connection<${T}>> {
    return findConnection(this.em, ${T}, search ? { searchText: { $like: containsPattern(search) } } : {}, args, 'code', info);
  }

  /**
   * Every value is checked before anything is read; a stale \`expectedVersion\` writes nothing; the record is
   * approved data (its \`tracked\` declaration), so the mutation's \`reason\` is required.
   */
  update(caller: CallerClaims, code: string, input: ${T}Update, expectedVersion: number): Promise<${T}> {
    const write = {
      entity: ${T},
      where: { code },
      what: \`${T} "\${code}"\`,
      expectedVersion,
      coordinate: 'Mutation.update${T}',
      input: { schema: ${T}UpdateRules, value: input },
    };
    return updateVersioned(this.em, caller, write, (r, change) => {
      if (change.name !== undefined) {
        r.name = change.name;
        r.searchText = searchKey(change.name);
      }
      if (change.note !== undefined) r.note = change.note;
    });
  }
}
`,
    'src/services/index.ts': `export * from './${k}.service';\n`,
    'src/loaders.ts': `// The ${o.name} subgraph's batch functions; the kit makes a fresh DataLoader of each per request.
import { byKeys, defineLoaders } from '@hub/kit';
import { ${T}Service } from './services';

export const loaders = defineLoaders({
  ${t}ByCode: (em) => async (codes: readonly string[]) => byKeys(codes, await new ${T}Service(em).byCodes(codes), (r) => r.code),
});

export type Loaders = typeof loaders;
`,
    'src/resolvers/context.ts': `import type { HubContext } from '@hub/kit';
import type { Loaders } from '../loaders';

export type Ctx = HubContext<Loaders>;
/** The directory's AdministrativeUnit as this subgraph holds it: a reference by code. */
export type { UnitRef } from '@hub/kit';
`,
    'src/resolvers/query.ts': `import type { QueryResolvers } from '../__generated__/resolvers-types';
import { ${T}Service } from '../services';
import type { Ctx } from './context';

export const Query: QueryResolvers<Ctx> = {
  ${t}: (_, { code }, ctx) => ctx.loaders.${t}ByCode.load(code),
  ${t}s: (_, args, ctx, info) => new ${T}Service(ctx.em).list(args.search, args, info),
};
`,
    'src/resolvers/mutation.ts': `import type { MutationResolvers } from '../__generated__/resolvers-types';
import { ${T}Service } from '../services';
import type { Ctx } from './context';

// \`reason\` is taken by the kit as the reason of the change.
export const Mutation: MutationResolvers<Ctx> = {
  update${T}: (_, a, ctx) => new ${T}Service(ctx.em).update(ctx.caller, a.code, a.input, a.expectedVersion),
};
`,
    [`src/resolvers/${k}.ts`]: `import { reads, unitAsOf, unitRef } from '@hub/kit';
import type { ${T}Resolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';

export const ${T}: ${T}Resolvers<Ctx> = {
  __resolveReference: (ref, ctx) => ctx.loaders.${t}ByCode.load(ref.code),
  commune: reads(['communeCode'], (r) => unitRef(r.communeCode)),
  communeOnRecord: reads(['communeCodeOnRecord', 'recordedOn'], (r) => unitAsOf(r.communeCodeOnRecord, r.recordedOn)),
};
`,
    'src/resolvers/index.ts': `import type { Resolvers } from '../__generated__/resolvers-types';
import type { Ctx } from './context';
import { Query } from './query';
import { Mutation } from './mutation';
import { ${T} } from './${k}';

export const resolvers: Resolvers<Ctx> = { Query, Mutation, ${T} };
`,
    'src/seed/index.ts': `// Demo data: three records in communes of the province (codes of today's units in the directory's demo data); the
// first was made in 2024 in Xã Phong Châu (01438) of Trùng Khánh district, merged into Đàm Thủy (01435) in 2025: a
// record keeps today's code and the code on its date (the kit's communeOnRecordOf checks one against the other).
import type { EntityManager } from '@mikro-orm/postgresql';
import { searchKey, stableId } from '@hub/kit';
import { ${T} } from '../entities';

export const DEMO = [
  { code: '${prefix}-0001', name: 'Bản ghi mẫu một', communeCode: '01435', recordedOn: '2024-03-15', communeCodeOnRecord: '01438' },
  { code: '${prefix}-0002', name: 'Bản ghi mẫu hai', communeCode: '01426', recordedOn: '2025-09-01', communeCodeOnRecord: '01426' },
  { code: '${prefix}-0003', name: 'Bản ghi mẫu ba', communeCode: '01399', recordedOn: null, communeCodeOnRecord: null },
];

export async function seed(em: EntityManager): Promise<void> {
  for (const r of DEMO) em.create(${T}, { id: stableId('${o.name}', r.code), ...r, note: null, searchText: searchKey(r.name) });
  await em.flush();
}
`,
    [`src/__tests__/${o.name}.test.ts`]: `// Contract tests of the ${o.name} subgraph on a real PostgreSQL with its demo data.
import { schemaDrift, startFolderSubgraph, type TestSubgraph } from '@hub/kit/testing';
import { join } from 'node:path';
import { DEMO } from '../seed';

const DIR = join(__dirname, '../..');
let sg: TestSubgraph;
beforeAll(async () => {
  sg = await startFolderSubgraph(DIR, { seed: true });
});
afterAll(() => sg?.stop());

const EDITOR = { sub: '00000000-0000-4000-8000-000000000001', agency: '${o.owner}', roles: ['DATA_EDITOR'], editorOf: ['${o.dataset}'] };

it('lists and finds records, with their commune today and on the day of the record as references', async () => {
  const d = await sg.data(\`{ ${t}s(first: 10) { totalCount nodes { code name commune { code validOn } communeOnRecord { code validOn } } } one: ${t}(code: "\${DEMO[0].code}") { name } none: ${t}(code: "NONE") { name } }\`);
  expect(d.${t}s.totalCount).toBe(DEMO.length);
  expect(d.${t}s.nodes[0]).toEqual({
    code: DEMO[0].code,
    name: DEMO[0].name,
    commune: { code: DEMO[0].communeCode, validOn: null },
    communeOnRecord: { code: DEMO[0].communeCodeOnRecord, validOn: DEMO[0].recordedOn },
  });
  expect(d.${t}s.nodes[2].communeOnRecord).toBeNull();
  expect(d.one).toEqual({ name: DEMO[0].name });
  expect(d.none).toBeNull();
});

it('resolves _entities for ${T} by its key', async () => {
  const d = await sg.data(\`query($r: [_Any!]!) { _entities(representations: $r) { ... on ${T} { code name } } }\`, { r: [{ __typename: '${T}', code: DEMO[1].code }] });
  expect(d._entities).toEqual([{ code: DEMO[1].code, name: DEMO[1].name }]);
});

it('changes a record at the version read, refuses a stale version and a bad value, and keeps the history', async () => {
  const { ${t}: before } = await sg.data(\`{ ${t}(code: "\${DEMO[2].code}") { version } }\`);
  const m = \`mutation($v: Int!, $n: String) { update${T}(code: "\${DEMO[2].code}", input: { name: $n }, expectedVersion: $v, reason: "demo") { name version history { nodes { changes { field after } } } } }\`;
  const changed = await sg.data(m, { v: before.version, n: 'Tên mới' }, EDITOR);
  expect(changed.update${T}).toMatchObject({ name: 'Tên mới', version: before.version + 1 });
  expect(changed.update${T}.history.nodes[0].changes).toEqual(expect.arrayContaining([{ field: 'name', after: 'Tên mới' }]));
  expect((await sg.execute(m, { v: before.version, n: 'x' }, EDITOR)).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
  expect((await sg.execute(m, { v: before.version + 1, n: ' ' }, EDITOR)).errors?.[0]).toMatchObject({ message: 'Invalid value for "input.name": must not be empty', extensions: { code: 'BAD_USER_INPUT', argument: 'input.name' } });
  expect((await sg.execute(m, { v: before.version + 1, n: 'x'.repeat(301) }, EDITOR)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.name' });
  expect((await sg.data(\`{ ${t}(code: "\${DEMO[2].code}") { version } }\`)).${t}.version).toBe(before.version + 1);
  expect((await sg.execute(m, { v: before.version + 1, n: 'y' }, { ...EDITOR, roles: ['OFFICIAL'] })).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
});

it('has entities that match its migrated tables', async () => {
  expect(await schemaDrift(sg.definition)).toEqual([]);
});
`,
  };
}

export function scaffold(o: Options, log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): string {
  const dir = join(o.root, 'subgraphs', o.name);
  const written = files(o);
  for (const [path, text] of Object.entries(written)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  log(
    `subgraphs/${o.name}: ${Object.keys(written).length} files written (port ${o.port}, dataset ${o.dataset}, owner ${o.owner}, entity ${o.entity})`,
  );
  const tsx = join(o.root, 'node_modules/.bin/tsx');
  const run = (what: string, args: string[]) => {
    log(what);
    execFileSync(args[0], args.slice(1), { cwd: o.root, stdio: ['ignore', 'inherit', 'inherit'] });
  };
  // Composition first: the clients' generated input types come from the supergraph.
  run('recomposing the supergraph', [tsx, '--conditions=development', 'schema/src/compose.ts']);
  run('generating resolver and client types', [tsx, '--conditions=development', 'schema/src/codegen.ts']);
  run('formatting it (Prettier)', [
    join(o.root, 'node_modules/.bin/prettier'),
    '--write',
    '--log-level',
    'warn',
    `subgraphs/${o.name}/src`,
  ]);
  if (o.install) run('linking the package (npm install)', ['npm', 'install', '--no-audit', '--no-fund']);
  log(`done: cd subgraphs/${o.name} && npx jest; npm start serves it at http://127.0.0.1:${o.port}/graphql behind the gateway`);
  return dir;
}

if (require.main === module) {
  try {
    scaffold(parseArgs(process.argv.slice(2)));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  }
}
