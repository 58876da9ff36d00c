// Generated resolver types follow the SDL: the checked-in files are what the SDL generates, `npm run codegen:check`
// fails naming the file once a field is added without regenerating, and a new subgraph folder needs no other edit.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENERATED_FILE, generateTypes, staleFiles } from '../codegen';
import { REPO_ROOT, SUBGRAPHS } from '../sdl';

/** A copy of the repository's subgraphs (declaration, SDL, sources with their generated types) to edit freely. */
function copyOfSubgraphs(): string {
  const root = mkdtempSync(join(tmpdir(), 'hub-codegen-test-'));
  for (const s of SUBGRAPHS) {
    for (const part of ['package.json', 'schema.graphql', 'src'])
      cpSync(join(REPO_ROOT, s.dir, part), join(root, s.dir, part), { recursive: true });
  }
  return root;
}

/** `npm run codegen:check`, run as a process against `root`. */
function check(root: string) {
  const r = spawnSync(
    process.execPath,
    [require.resolve('tsx/cli'), '--conditions=development', join(REPO_ROOT, 'schema/src/codegen.ts'), '--check', '--root', root],
    {
      encoding: 'utf8',
    },
  );
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

describe('generated resolver types', () => {
  it('are checked in as the SDL generates them (run `npm run codegen` if this fails)', async () => {
    expect(await staleFiles()).toEqual([]);
  });

  it('are stale once a field is added to a schema.graphql without regenerating, and the check names the file', () => {
    const root = copyOfSubgraphs();
    expect(check(root)).toMatchObject({ status: 0, stdout: expect.stringContaining('up to date') });

    const sdlFile = join(root, 'subgraphs/culture-tourism/schema.graphql');
    const sdl = readFileSync(sdlFile, 'utf8');
    const edited = sdl.replace(
      'type VisitorCount @classified(level: PUBLIC) {',
      'type VisitorCount @classified(level: PUBLIC) {\n  """Khách lưu trú qua đêm."""\n  overnight: Int!',
    );
    expect(edited).not.toBe(sdl);
    writeFileSync(sdlFile, edited);

    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`subgraphs/culture-tourism/${GENERATED_FILE} is stale`);
    expect(r.stderr).not.toContain('subgraphs/directory/');
    const fresh = /is stale \(fresh copy: (.+)\)/.exec(r.stderr)?.[1];
    expect(readFileSync(fresh!, 'utf8')).toMatch(/overnight: Scalars\['Int'\]\['output'\]/);
  }, 60_000);

  it('come to a new subgraph folder from its declaration and SDL alone, its entities mapped', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hub-codegen-new-'));
    const dir = join(root, 'subgraphs/parks');
    mkdirSync(join(dir, 'src/entities'), { recursive: true });
    writeFileSync(join(dir, 'src/entities/index.ts'), 'export class Park { code!: string; }\n');
    const hub = { name: 'parks', dataset: 'CSDL-CV', owner: 'SXD', port: 4120, codegen: { mappers: { Park: 'src/entities#Park' } } };
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@hub/parks', hub }));
    writeFileSync(
      join(dir, 'schema.graphql'),
      'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])\n' +
        'type Query { park(code: String!): Park @classified(level: PUBLIC) }\n' +
        'type Park @key(fields: "code") @classified(level: PUBLIC) { code: String! opened: Date }\n',
    );
    const files = await generateTypes(root);
    const generated = files.get(join(dir, GENERATED_FILE));
    expect([...files.keys()]).toEqual([join(dir, GENERATED_FILE)]);
    expect(generated).toContain("import type { Park as ParkModel } from '../entities';");
    expect(generated).toMatch(/export type QueryParkArgs = \{\s+code: Scalars\['String'\]\['input'\];/);
    expect(generated).toContain(
      "park?: Resolver<Maybe<ResolversTypes['Park']>, ParentType, ContextType, RequireFields<QueryParkArgs, 'code'>>;",
    );
    expect(generated).toContain('Date: { input: string; output: string; }');
    expect(generated).not.toMatch(/(input|output): any\b/);
  });

  it('refuse a mapper that names no type of the SDL or no module of the package, and an SDL that does not build, naming each', async () => {
    const root = copyOfSubgraphs();
    writeFileSync(join(root, 'subgraphs/indicators/schema.graphql'), 'type Query { indicator: Indikator @classified(level: PUBLIC) }\n');
    const pkgFile = join(root, 'subgraphs/culture-tourism/package.json');
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
    pkg.hub.codegen.mappers = { ...pkg.hub.codegen.mappers, Museum: 'src/entities#Museum', TouristSite: 'src/models#TouristSite' };
    writeFileSync(pkgFile, JSON.stringify(pkg));
    const failure = await generateTypes(root).then(
      () => 'generated',
      (e: Error) => e.message,
    );
    expect(failure).toContain(
      'subgraphs/culture-tourism/package.json "hub.codegen.mappers": Museum is not an object type of the subgraph\'s SDL',
    );
    expect(failure).toContain(
      'subgraphs/culture-tourism/package.json "hub.codegen.mappers": TouristSite: no module src/models in subgraphs/culture-tourism',
    );
    expect(failure).toContain('subgraphs/indicators/schema.graphql: Unknown type: "Indikator".');
  });
});
