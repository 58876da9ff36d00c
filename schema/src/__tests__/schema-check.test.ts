// The schema check on a real audit store: changes of temporary copies of the SDL (never the repository's files)
// compared with the checked-in API schema, each breaking change allowed only when deprecated long enough or unused
// in the window, and the CLI as a process (exit status and output) on a temporary copy of the repository.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { dropDatabases, provisionAuditStore, provisionDatabases, testAdminUrl } from '@hub/infra';
import { apiSchemaOf, compose, defaultSources, type SubgraphSource } from '../compose';
import { checkSchema, formatReport, readBaseline, schemaCheckSettings, sourcesAt, type SchemaCheckSettings } from '../schema-check';
import { REPO_ROOT, SUBGRAPHS } from '../sdl';

const name = `sc${randomBytes(3).toString('hex')}`;
let urls: { writerUrl: string; readerUrl: string; ownerDb: string };
const chainId = randomUUID();
let seq = 0;
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 60 * 60 * 1000);
const day = (d: Date) => d.toISOString().slice(0, 10);

/** One request as the gateway records it (only what the check reads is realistic; the chain is not verified here). */
async function recordRequest(at: Date, requested: string[], client: { name?: string; version?: string }, kind = 'PUBLIC') {
  const c = new Client({ connectionString: urls.writerUrl });
  await c.connect();
  try {
    seq += 1;
    await c.query(
      `insert into audit_record (chain_id, seq, at, request_id, principal, client, operation, variables, requested, denied,
         personal, subgraphs, outcome, error_codes, duration_ms, response_bytes, prev_hash, hash)
       values ($1, $2, $3, $4, $5, $6, $7, null, $8, '[]', '{}', '{culture-tourism}', 'ok', '{}', 3, 120, $9, $10)`,
      [
        chainId,
        seq,
        at,
        `req-${seq}`,
        { kind },
        { ...client, ip: '127.0.0.1' },
        { type: 'query', name: null, hash: 'h' },
        requested,
        'p',
        `h${seq}`,
      ],
    );
  } finally {
    await c.end();
  }
}

/** The working tree's sources with culture-tourism's SDL edited; each edit must find its text, once. */
function edited(...edits: [string, string][]): SubgraphSource[] {
  return defaultSources().map((s) => {
    if (s.name !== 'culture-tourism') return s;
    let sdl = s.sdl;
    for (const [from, to] of edits) {
      expect(sdl.split(from)).toHaveLength(2);
      sdl = sdl.replace(from, to);
    }
    return { ...s, sdl };
  });
}

const NAME_EN = '"""English name, where one is in use."""\n  nameEn: String\n';
const withoutNameEn = (): [string, string] => [NAME_EN, ''];
const DESCRIPTION = '"""Mô tả: a description of the site; null when none is recorded."""\n  description: String\n';

const withAudit = (): SchemaCheckSettings => ({ auditReadUrl: urls.readerUrl, deprecationDays: 90, usageDays: 30, target: 'origin/main' });
const withoutAudit: SchemaCheckSettings = { deprecationDays: 90, usageDays: 30, target: 'origin/main' };

/** A baseline in which culture-tourism's TouristSite.nameEn was deprecated with `reason`. */
function baselineDeprecating(reason: string) {
  const result = compose(edited([NAME_EN, NAME_EN.replace('nameEn: String', `nameEn: String @deprecated(reason: "${reason}")`)]));
  expect(result.errors).toEqual([]);
  return {
    label: 'a baseline with TouristSite.nameEn deprecated',
    api: apiSchemaOf(result.supergraphSdl!),
    supergraph: result.supergraphSdl,
  };
}

beforeAll(async () => {
  await provisionDatabases(testAdminUrl(), [{ name, password: 'owner-pw' }]);
  urls = await provisionAuditStore(testAdminUrl(), { writer: 'w-pw', reader: 'r-pw' }, name);
  // In the window: the portal (3 requests, one of them asking for nameEn through the list) and an anonymous caller.
  for (const at of [daysAgo(3), daysAgo(1), daysAgo(0.1)]) {
    await recordRequest(at, ['Query.touristSite', 'TouristSite.name', 'TouristSite.nameEn'], { name: 'tourism-portal', version: '1.4' });
  }
  await recordRequest(daysAgo(5), ['Query.touristSites', 'TouristSite.nameEn', 'TouristSiteConnection.nodes'], {});
  // Before the window: an old portal version, and the last request that ever asked for a site's description.
  await recordRequest(daysAgo(40), ['Query.touristSite', 'TouristSite.nameEn'], { name: 'tourism-portal', version: '1.3' });
  await recordRequest(daysAgo(45), ['Query.touristSite', 'TouristSite.description'], { name: 'tourism-portal', version: '1.3' });
});

afterAll(async () => {
  await dropDatabases(testAdminUrl(), [name]);
  const c = new Client({ connectionString: testAdminUrl() });
  await c.connect();
  await c.query(`drop role if exists hub_${name}_writer`);
  await c.query(`drop role if exists hub_${name}_reader`);
  await c.end();
});

describe('schema check settings', () => {
  it('default to 90 and 30 days without the audit store, and list every bad variable', () => {
    expect(schemaCheckSettings({})).toEqual({ auditReadUrl: undefined, deprecationDays: 90, usageDays: 30, target: 'origin/main' });
    expect(schemaCheckSettings({ HUB_SCHEMA_CHECK_AGAINST: 'v1.2', HUB_SCHEMA_CHECK_TARGET: 'upstream/release' })).toMatchObject({
      against: 'v1.2',
      target: 'upstream/release',
    });
    expect(() =>
      schemaCheckSettings({ HUB_SCHEMA_USAGE_DAYS: '0', HUB_SCHEMA_DEPRECATION_DAYS: 'soon', HUB_AUDIT_READER_URL: 'x' }),
    ).toThrow(
      'Invalid configuration:\n' +
        '  - HUB_SCHEMA_DEPRECATION_DAYS: must be a whole number of days, at least 0, got "soon"\n' +
        '  - HUB_SCHEMA_USAGE_DAYS: must be a whole number of days, at least 1, got "0"\n' +
        '  - HUB_AUDIT_READER_URL: must be a postgres:// URL of a role that may read audit_record',
    );
  });
});

describe('schema check', () => {
  it('passes a safe change: a nullable field with a description', async () => {
    const sources = edited([NAME_EN, `${NAME_EN}  """Giờ mở cửa: opening hours, as the site publishes them."""\n  openingHours: String\n`]);
    const report = await checkSchema({ sources, settings: withAudit(), now });
    expect(report.compositionErrors).toEqual([]);
    // Inspector reports the field and its description.
    expect(report.changes.map((c) => [c.level, c.coordinate, c.type])).toEqual([
      ['SAFE', 'TouristSite.openingHours', 'FIELD_ADDED'],
      ['SAFE', 'TouristSite.openingHours', 'FIELD_DESCRIPTION_ADDED'],
    ]);
    expect(report.ok).toBe(true);
    expect(formatReport(report)).toContain("SAFE  TouristSite.openingHours  Field 'openingHours' was added to object type 'TouristSite'");
  });

  it('fails on removing a field a client used in the window, naming the coordinate and the clients with their requests', async () => {
    const report = await checkSchema({ sources: edited(withoutNameEn()), subgraph: 'culture-tourism', settings: withAudit(), now });
    expect(report.ok).toBe(false);
    const [change] = report.changes;
    expect(report.changes).toHaveLength(1);
    expect(change).toMatchObject({ level: 'BREAKING', coordinate: 'TouristSite.nameEn', type: 'FIELD_REMOVED' });
    expect(change.verdict).toMatchObject({ allowed: false, rule: { name: 'field', coordinates: ['TouristSite.nameEn'] } });
    expect(change.verdict!.usage).toEqual({
      checked: true,
      uses: [
        { client: 'tourism-portal', version: '1.4', callerKind: null, requests: 3, last: expect.any(Date) },
        { client: null, version: null, callerKind: 'PUBLIC', requests: 1, last: expect.any(Date) },
      ],
    });
    const text = formatReport(report).join('\n');
    expect(text).toContain("BREAKING  TouristSite.nameEn  Field 'nameEn' was removed from object type 'TouristSite'");
    expect(text).toContain('rule: field, the requests that asked for TouristSite.nameEn');
    expect(text).toMatch(
      /used by tourism-portal 1\.4 \(3 requests, last \S+Z\), PUBLIC callers without a client name \(1, last \S+Z\): not allowed/,
    );
    // The request of 1.3, 40 days ago, is outside the window.
    expect(text).not.toContain('1.3');
    expect(text).toContain('Check fails (1 breaking, 0 dangerous, 0 safe): 1 breaking change not allowed: TouristSite.nameEn.');
  });

  it('reports for a subgraph only the coordinates it serves', async () => {
    const report = await checkSchema({ sources: edited(withoutNameEn()), subgraph: 'directory', settings: withAudit(), now });
    expect(report.changes).toEqual([]);
    expect(report.ok).toBe(true);
    await expect(checkSchema({ subgraph: 'nope', settings: withAudit() })).rejects.toThrow(
      'No subgraph is named "nope"; the subgraphs are: directory, culture-tourism, audit, indicators',
    );
  });

  it('passes removing a field deprecated "since" a date more than N days ago, used or not', async () => {
    const since = day(daysAgo(120));
    const baseline = baselineDeprecating(`use name; deprecated since ${since}`);
    // The API schema clients see keeps @deprecated (a standard directive), so the check can read it there.
    expect(baseline.api).toContain(`nameEn: String @deprecated(reason: "use name; deprecated since ${since}")`);
    const report = await checkSchema({ sources: edited(withoutNameEn()), baseline, settings: withAudit(), now });
    expect(report.ok).toBe(true);
    expect(report.changes[0].verdict).toMatchObject({ allowed: true, by: 'deprecation', deprecation: { since, days: 120 } });
    const text = formatReport(report).join('\n');
    expect(text).toContain(`deprecated since ${since} (120 days ≥ 90): allowed`);
    expect(text).toContain('used by tourism-portal 1.4 (3 requests');

    // Deprecated too recently, and used: not allowed.
    const recent = day(daysAgo(10));
    const tooSoon = await checkSchema({
      sources: edited(withoutNameEn()),
      baseline: baselineDeprecating(`use name since ${recent}`),
      settings: withAudit(),
      now,
    });
    expect(tooSoon.ok).toBe(false);
    expect(formatReport(tooSoon).join('\n')).toContain(`deprecated since ${recent} (10 days < 90)`);
  });

  it('passes removing a field nobody used in the window, when the audit store is given', async () => {
    const report = await checkSchema({ sources: edited([DESCRIPTION, '']), settings: withAudit(), now });
    expect(report.changes.map((c) => [c.level, c.coordinate])).toEqual([['BREAKING', 'TouristSite.description']]);
    expect(report.changes[0].verdict).toMatchObject({ allowed: true, by: 'usage', usage: { checked: true, uses: [] } });
    expect(report.ok).toBe(true);
    expect(formatReport(report)).toContain('    no use in the last 30 days: allowed');

    // Without the audit store, the same change cannot be shown unused.
    const blind = await checkSchema({ sources: edited([DESCRIPTION, '']), settings: withoutAudit, now });
    expect(blind.ok).toBe(false);
    expect(formatReport(blind)).toContain('    usage not checked (HUB_AUDIT_READER_URL is not set): not allowed');
  });

  it('fails on renaming an enum value when the audit store is not given', async () => {
    const report = await checkSchema({ sources: edited(['  MUSEUM\n', '  MUSEUM_SITE\n']), settings: withoutAudit, now });
    expect(report.ok).toBe(false);
    expect(report.changes.map((c) => [c.level, c.coordinate, c.type])).toEqual([
      ['BREAKING', 'TouristSiteCategory.MUSEUM', 'ENUM_VALUE_REMOVED'],
      ['DANGEROUS', 'TouristSiteCategory.MUSEUM_SITE', 'ENUM_VALUE_ADDED'],
      ['SAFE', 'TouristSiteCategory.MUSEUM_SITE', 'ENUM_VALUE_DESCRIPTION_CHANGED'],
    ]);
    const rule = report.changes[0].verdict!.rule;
    expect(rule.name).toBe('enum value');
    // Fields that return the enum, and fields taking an input that holds it.
    expect(rule.coordinates).toEqual(expect.arrayContaining(['TouristSite.category', 'Query.touristSites', 'Mutation.updateTouristSite']));
    const text = formatReport(report).join('\n');
    expect(text).toContain("BREAKING  TouristSiteCategory.MUSEUM  Enum value 'MUSEUM' was removed from enum 'TouristSiteCategory'");
    expect(text).toContain('rule: enum value, the requests that asked for a field taking or returning TouristSiteCategory (');
    expect(text).toContain('usage not checked (HUB_AUDIT_READER_URL is not set): not allowed');
  });

  it('finds making an argument required (String to String!) breaking', async () => {
    const sources = edited([
      'after: String\n  ): TouristSiteConnection @classified',
      'after: String!\n  ): TouristSiteConnection @classified',
    ]);
    const report = await checkSchema({ sources, settings: withAudit(), now });
    expect(report.changes).toHaveLength(1);
    expect(report.changes[0]).toMatchObject({
      level: 'BREAKING',
      coordinate: 'Query.touristSites.after',
      message: "Type for argument 'after' on field 'Query.touristSites' changed from 'String' to 'String!'",
      verdict: { allowed: false, rule: { name: 'field', coordinates: ['Query.touristSites'] } },
    });
    expect(formatReport(report).join('\n')).toContain('used by PUBLIC callers without a client name (1 request, last ');
    expect(report.ok).toBe(false);
  });

  it('fails, printing the errors, when the subgraphs do not compose', async () => {
    // A new entity with descriptions but no classification.
    const category = '"""Loại điểm du lịch: the category of a tourist site."""\n';
    const museum = '"""Bảo tàng: a museum."""\ntype Museum @key(fields: "code") {\n  """Mã bảo tàng."""\n  code: String!\n}\n\n';
    const sources = edited([category, `${museum}${category}`]);
    const report = await checkSchema({ sources, settings: withAudit(), now });
    expect(report.ok).toBe(false);
    expect(report.changes).toEqual([]);
    expect(report.compositionErrors).toContain('culture-tourism: Museum.code has no @classified(level: …) on the field or its type');
    const text = formatReport(report).join('\n');
    expect(text).toMatch(/Composition fails with \d+ errors?:\n {2}- /);
    expect(text).toContain('  - culture-tourism: Museum.code has no @classified(level: …) on the field or its type');
    expect(text).toContain('Check fails: composition fails.');
  });
});

describe('the schema:check CLI', () => {
  const root = mkdtempSync(join(tmpdir(), 'hub-schema-check-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', root, '-c', 'user.name=test', '-c', 'user.email=test@example.invalid', ...args], { stdio: 'pipe' });
  const cliWith = (env: Record<string, string>, ...args: string[]) => {
    const r = spawnSync(
      join(REPO_ROOT, 'node_modules/.bin/tsx'),
      ['--conditions=development', join(REPO_ROOT, 'schema/src/schema-check.ts'), ...args, '--root', root],
      { encoding: 'utf8', env: { ...process.env, HUB_AUDIT_READER_URL: urls.readerUrl, ...env }, timeout: 60_000 },
    );
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const cli = (...args: string[]) => cliWith({}, ...args);

  beforeAll(() => {
    // A copy of what the check reads: the registry and SDL of each subgraph, the checked-in API schema and supergraph.
    for (const s of SUBGRAPHS) {
      mkdirSync(join(root, s.dir), { recursive: true });
      for (const f of ['package.json', 'schema.graphql']) copyFileSync(join(REPO_ROOT, s.dir, f), join(root, s.dir, f));
    }
    mkdirSync(join(root, 'schema'));
    for (const f of ['api.graphql', 'supergraph.graphql']) copyFileSync(join(REPO_ROOT, 'schema', f), join(root, 'schema', f));
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'baseline');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('fails with status 1 on a used field removed, naming it and its clients; --against compares with a commit', () => {
    const file = join(root, 'subgraphs/culture-tourism/schema.graphql');
    writeFileSync(file, readFileSync(file, 'utf8').replace(NAME_EN, ''));
    let r = cli('culture-tourism');
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Schema check of culture-tourism against schema/api.graphql');
    expect(r.out).toContain("BREAKING  TouristSite.nameEn  Field 'nameEn' was removed from object type 'TouristSite'");
    expect(r.out).toMatch(/used by tourism-portal 1\.4 \(3 requests, last [^)]+\), PUBLIC callers without a client name \(1, last/);
    expect(r.out).toContain(`Composition passes (${SUBGRAPHS.length} subgraphs).`);

    // The change committed with its recomposed API schema (as CI sees a branch): only --against still sees it.
    const result = compose(sourcesAt(root));
    writeFileSync(join(root, 'schema/supergraph.graphql'), result.supergraphSdl!);
    writeFileSync(join(root, 'schema/api.graphql'), apiSchemaOf(result.supergraphSdl!));
    expect(readBaseline(root).api).not.toBe(readBaseline().api);
    r = cli('culture-tourism');
    expect(r.code).toBe(0);
    expect(r.out).toContain('No change to the API schema in what culture-tourism serves.');
    r = cli('culture-tourism', '--against', 'HEAD');
    expect(r.code).toBe(1);
    expect(r.out).toContain('against schema/api.graphql at HEAD');
    expect(r.out).toContain('BREAKING  TouristSite.nameEn');
  });

  it('compares a branch with where it left the target branch, without --against', () => {
    // The committed baseline becomes the target branch; a branch removes the field and commits its recomposed schema.
    git('branch', '-f', 'target-main', 'HEAD');
    git('checkout', '-q', '-b', 'feature');
    git('add', '.');
    git('commit', '-qm', 'remove nameEn, recomposed');
    const env = { HUB_SCHEMA_CHECK_TARGET: 'target-main' };
    let r = cliWith(env, 'culture-tourism');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/against schema\/api\.graphql at [0-9a-f]{12}, where this branch left target-main/);
    expect(r.out).toContain('BREAKING  TouristSite.nameEn');
    // On the target branch itself: the working tree's file, as before.
    git('checkout', '-q', 'target-main');
    r = cliWith(env, 'culture-tourism');
    expect(r.out).toContain('against schema/api.graphql\n');
    git('checkout', '-q', 'feature');
  });

  it('exits with status 2, without a stack, when it cannot run', () => {
    const r = cli('culture-tourism', '--against', 'no-such-ref');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^--against no-such-ref: git cannot read schema\/api.graphql at no-such-ref/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
