// The registry is the folders: each subgraph declares itself once in its package.json, and a bad or clashing
// declaration is refused with every problem named.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discoverSubgraphs, envVar, FIRST_SUBGRAPH_PORT, portFrom } from '../registry';
import { REPO_ROOT, SUBGRAPHS } from '../sdl';

function repoWith(packages: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'hub-registry-'));
  for (const [folder, pkg] of Object.entries(packages)) {
    mkdirSync(join(root, 'subgraphs', folder), { recursive: true });
    writeFileSync(join(root, 'subgraphs', folder, 'package.json'), JSON.stringify(pkg));
  }
  return root;
}

describe('subgraph registry', () => {
  it("finds the hub's subgraphs in their folders, in port order, the kit left out", () => {
    // A new department adds itself to this list by its folder alone: the test names the first ones, not all.
    expect(SUBGRAPHS.slice(0, 4).map((s) => [s.name, s.port, s.database, s.package])).toEqual([
      ['directory', 4101, 'own', '@hub/directory'],
      ['culture-tourism', 4102, 'own', '@hub/culture-tourism'],
      ['audit', 4103, 'audit-store', '@hub/audit'],
      ['indicators', 4104, 'own', '@hub/indicators'],
    ]);
    const ports = SUBGRAPHS.map((s) => s.port);
    expect(ports).toEqual([...ports].sort((a, b) => a - b));
    expect(SUBGRAPHS.map((s) => s.name)).not.toContain('kit');
    expect(SUBGRAPHS.every((s) => s.package === `@hub/${s.name}` && existsSync(join(REPO_ROOT, s.dir, 'schema.graphql')))).toBe(true);
    expect(discoverSubgraphs(REPO_ROOT)).toEqual(SUBGRAPHS);
  });

  it('keeps each port whatever the folders are called or listed in', () => {
    const root = repoWith({
      zebra: { name: '@x/zebra', hub: { name: 'zebra', dataset: 'CSDL-Z', owner: 'SZ', port: 4101 } },
      alpha: { name: '@x/alpha', hub: { name: 'alpha', dataset: 'CSDL-A', datasetName: ' Cơ sở dữ liệu A ', owner: 'SA', port: 4107 } },
      kit: { name: '@x/kit' },
    });
    const found = discoverSubgraphs(root);
    expect(found.map((s) => [s.name, s.port, s.database, s.datasetName])).toEqual([
      ['zebra', 4101, 'own', undefined],
      ['alpha', 4107, 'own', 'Cơ sở dữ liệu A'],
    ]);
    expect(found.map((s) => portFrom(s, 5200))).toEqual([5200, 5206]);
    expect(portFrom({ port: FIRST_SUBGRAPH_PORT }, FIRST_SUBGRAPH_PORT)).toBe(FIRST_SUBGRAPH_PORT);
  });

  it('refuses a datasetName that is not a name', () => {
    const root = repoWith({ one: { name: '@x/one', hub: { name: 'one', dataset: 'CSDL-A', datasetName: '  ', owner: 'SA', port: 4102 } } });
    expect(() => discoverSubgraphs(root)).toThrow(
      'subgraphs/one/package.json "hub": "datasetName" must be the database\'s name (1 to 200 characters), got "  "',
    );
  });

  it('refuses bad and clashing declarations, naming every problem and its file', () => {
    const root = repoWith({
      one: { name: '@x/one', hub: { name: 'one', dataset: 'CSDL-A', owner: 'SA', port: 4102 } },
      two: { name: '@x/two', hub: { name: 'Two', dataset: 'csdl', owner: 'SA', port: 4102, database: 'theirs' } },
    });
    expect(() => discoverSubgraphs(root)).toThrow(
      [
        'The subgraph registry has 5 problem(s):',
        '  - subgraphs/two/package.json "hub": "name" must be a kebab-case service name, got "Two"',
        '  - subgraphs/two/package.json "hub": "name" must be the folder\'s name (two), got "Two"',
        '  - subgraphs/two/package.json "hub": "dataset" must be a dataset code such as CSDL-VHTTDL, got "csdl"',
        '  - subgraphs/two/package.json "hub": "database" must be "own" or "audit-store", got "theirs"',
        '  - subgraphs/two/package.json "hub": "port" 4102 is already declared by subgraphs/one',
      ].join('\n'),
    );
  });
});

describe('per-subgraph settings', () => {
  it('name the environment variable of a subgraph one way', () => {
    expect(envVar('HUB_SUBGRAPH_URL', 'culture-tourism')).toBe('HUB_SUBGRAPH_URL_CULTURE_TOURISM');
    expect(envVar('HUB_DB_URL', 'directory')).toBe('HUB_DB_URL_DIRECTORY');
  });
});
