// The permission matrix: every field coordinate of the supergraph against every kind of caller, each
// decision checked against the coordinate's declared classification.
import { buildPolicy, reasonInVietnamese, type Grant, type PolicyContext, type PolicyFacts, type Principal } from '../policy';
import { parse } from 'graphql';
import { decidedByService } from '../classification';
import { readSupergraph } from '../sdl';

const policy = buildPolicy(readSupergraph());
const OWNERS: Record<string, string> = { directory: 'TTCDS', 'culture-tourism': 'SVHTTDL' };
const DATASETS: Record<string, string> = { directory: 'DIR-DANHMUC', 'culture-tourism': 'CSDL-VHTTDL' };

/** Agreements in force, by consumer agency (test data of the kind the directory will hold). */
const GRANTS: Record<string, Grant[]> = {
  SXD: [{ provider: 'SVHTTDL', consumer: 'SXD', coordinates: ['AccommodationEstablishment'], includesPersonalData: false }],
  SNNMT: [{ provider: 'SVHTTDL', consumer: 'SNNMT', coordinates: ['AccommodationEstablishment.ownerName'], includesPersonalData: true }],
};
const facts: PolicyFacts = { ownerOf: (s) => OWNERS[s], datasetOf: (s) => DATASETS[s], grantsFor: (a) => GRANTS[a] ?? [] };

const account = (
  agency: string,
  ...roles: ('OFFICIAL' | 'DATA_EDITOR' | 'AGENCY_ADMIN' | 'SYSTEM_ADMIN' | 'APPROVER' | 'AUDITOR')[]
): Principal => ({
  kind: 'ACCOUNT',
  accountId: `${agency}-1`,
  agency,
  roles,
  editorOf: roles.includes('DATA_EDITOR') ? ['CSDL-VHTTDL'] : [],
});
/** The same account, editing only the named databases. */
const editing = (p: Principal, ...editorOf: string[]): Principal => (p.kind === 'ACCOUNT' ? { ...p, editorOf } : p);
const CALLERS: Record<string, Principal> = {
  public: { kind: 'PUBLIC' },
  'official of another agency, no agreement': account('SCT', 'OFFICIAL'),
  'official with an agreement (no personal data)': account('SXD', 'OFFICIAL'),
  'official with an agreement including personal data': account('SNNMT', 'OFFICIAL'),
  'official of the owning agency': account('SVHTTDL', 'OFFICIAL'),
  'data editor of the owning agency': account('SVHTTDL', 'DATA_EDITOR'),
  'data editor of the owning agency, granted another of its databases only': editing(account('SVHTTDL', 'DATA_EDITOR'), 'CSDL-KHAC'),
  'agency admin of the owning agency': account('SVHTTDL', 'AGENCY_ADMIN'),
  'data editor of another agency': account('SCT', 'DATA_EDITOR'),
  'system admin (operator)': account('TTCDS', 'SYSTEM_ADMIN'),
  'approver (provincial office)': account('VP-UBND-04', 'APPROVER'),
  'auditor (security staff)': account('TTCDS', 'AUDITOR'),
};

/** The directory's administrative mutations: the directory decides who may call them (`@decidedByService`). */
const DECIDED_BY_DIRECTORY = [
  'createAccount',
  'disableAccount',
  'enableAccount',
  'setRoles',
  'setEditorDatasets',
  'changePassword',
  'requestSharingAgreement',
  'decideSharingAgreement',
  'recordDatasetOwnership',
].map((m) => `Mutation.${m}`);

function expected(coordinate: string, level: string, p: Principal): boolean {
  if (coordinate.startsWith('Mutation.')) {
    if (DECIDED_BY_DIRECTORY.includes(coordinate)) return p.kind === 'ACCOUNT';
    return expectedRead(coordinate, level, p) && isOwnerEditor(coordinate, p);
  }
  return expectedRead(coordinate, level, p);
}

function expectedRead(coordinate: string, level: string, p: Principal): boolean {
  const roles = policy.roles.get(coordinate);
  if (roles && !(p.kind === 'ACCOUNT' && p.roles.some((r) => roles.includes(r)))) return false;
  if (level === 'PUBLIC') return true;
  if (p.kind !== 'ACCOUNT') return false;
  if (level === 'INTERNAL') return true;
  const owner = OWNERS[policy.subgraphOf.get(coordinate)!];
  const type = coordinate.split('.')[0];
  const grants = (GRANTS[p.agency] ?? []).filter(
    (g) => g.provider === owner && (g.coordinates.includes(coordinate) || g.coordinates.includes(type)),
  );
  if (level === 'RESTRICTED') return p.agency === owner || grants.length > 0;
  return isOwnerEditor(coordinate, p) || grants.some((g) => g.includesPersonalData);
}

/** A DATA_EDITOR granted the coordinate's database, in the agency that owns it. */
function isOwnerEditor(coordinate: string, p: Principal): boolean {
  const subgraph = policy.subgraphOf.get(coordinate)!;
  return (
    p.kind === 'ACCOUNT' && p.agency === OWNERS[subgraph] && p.roles.includes('DATA_EDITOR') && p.editorOf.includes(DATASETS[subgraph])
  );
}

describe('permission matrix', () => {
  const coordinates = [...policy.levels.entries()];

  it('takes the mutations whose caller the owning service decides from the SDL (@decidedByService), not from a list', () => {
    expect([...decidedByService(parse(readSupergraph()))].sort()).toEqual([...DECIDED_BY_DIRECTORY].sort());
  });

  it('covers every coordinate of the supergraph; every restricted or personal one has an owning subgraph', () => {
    expect(coordinates.length).toBeGreaterThan(100);
    for (const [c, level] of coordinates)
      if (level === 'RESTRICTED' || level === 'PERSONAL') expect(policy.subgraphOf.get(c)).toBeDefined();
    // Shared types (change history) are INTERNAL and served by every subgraph: their rule needs no owner.
    expect(policy.levels.get('FieldChange.before')).toBe('INTERNAL');
    expect(policy.subgraphOf.get('FieldChange.before')).toBeUndefined();
    for (const c of [
      'TouristSite.history',
      'AccommodationEstablishment.history',
      'Account.history',
      'SharingAgreement.history',
      'Dataset.history',
    ]) {
      expect(policy.levels.get(c)).toBe('INTERNAL');
    }
    expect(policy.levels.get('Mutation.updateAccommodation')).toBe('PERSONAL');
    expect(policy.subgraphOf.get('AccommodationEstablishment.ownerName')).toBe('culture-tourism');
    expect(policy.subgraphOf.get('AdministrativeUnit.touristSites')).toBe('culture-tourism');
    expect(policy.subgraphOf.get('AdministrativeUnit.name')).toBe('directory');
    // A subgraph that only references an entity does not own its key.
    expect(policy.subgraphOf.get('Account.id')).toBe('directory');
  });

  it('narrows the audit log to AUDITORs (roles on @classified), type by type', () => {
    for (const c of [
      'Query.auditEvents',
      'Query.verifyAuditChain',
      'AuditEvent.document',
      'AuditPrincipal.account',
      'AccessStatistic.requests',
    ]) {
      expect(policy.roles.get(c)).toEqual(['AUDITOR']);
    }
    expect(policy.roles.get('Account.username')).toBeUndefined();
  });

  it('checks every kind of caller, every role among them', () => {
    const roles = new Set(Object.values(CALLERS).flatMap((p) => (p.kind === 'ACCOUNT' ? p.roles : [])));
    expect([...roles].sort()).toEqual(['AGENCY_ADMIN', 'APPROVER', 'AUDITOR', 'DATA_EDITOR', 'OFFICIAL', 'SYSTEM_ADMIN']);
  });

  it.each(Object.entries(CALLERS))('decides every coordinate for: %s', async (_who, principal) => {
    const mismatches: string[] = [];
    for (const [coordinate, level] of coordinates) {
      const ctx: PolicyContext = { principal, facts };
      const decision = await policy.decide(coordinate, ctx);
      if ((decision === true) !== expected(coordinate, level, principal)) mismatches.push(`${coordinate} (${level}): ${decision}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('gives reasons a caller can act on, and denies what nobody classified', async () => {
    const ctx: PolicyContext = { principal: { kind: 'PUBLIC' }, facts };
    expect(await policy.decide('AccommodationEstablishment.licenceNumber', ctx)).toMatch(/^INTERNAL data: sign in/);
    expect(await policy.decide('AccommodationEstablishment.ownerName', ctx)).toMatch(/^PERSONAL data/);
    expect(await policy.decide('TouristSite.secretField', ctx)).toBe('not classified: denied by default');
  });

  it('gives every reason it gives in Vietnamese too (reasonInVietnamese knows each of them)', async () => {
    const untranslated = new Set<string>();
    for (const principal of Object.values(CALLERS)) {
      for (const [coordinate] of coordinates) {
        const decision = await policy.decide(coordinate, { principal, facts });
        if (decision !== true && reasonInVietnamese(decision) === decision) untranslated.add(decision);
      }
    }
    expect([...untranslated]).toEqual([]);
  });

  it('follows ownership as data: a merged department owns what its predecessor owned', async () => {
    const merged: PolicyFacts = {
      ownerOf: (s) => (s === 'culture-tourism' ? 'SVHTTDL-MERGED' : OWNERS[s]),
      datasetOf: (s) => DATASETS[s],
      grantsFor: () => [],
    };
    const editorOld = { principal: account('SVHTTDL', 'DATA_EDITOR'), facts: merged };
    const editorNew = { principal: account('SVHTTDL-MERGED', 'DATA_EDITOR'), facts: merged };
    expect(await policy.decide('AccommodationEstablishment.ownerName', editorOld)).not.toBe(true);
    expect(await policy.decide('AccommodationEstablishment.ownerName', editorNew)).toBe(true);
  });

  it('grants DATA_EDITOR per database: an editor of one database of the owner writes none of its others', async () => {
    // Since the 2025 mergers one department owns several databases; each has its own editors (Cao Bằng Art. 6.3).
    const twoDatabases: PolicyFacts = {
      ownerOf: (s) => (s === 'culture-tourism' || s === 'directory' ? 'SNNMT' : OWNERS[s]),
      datasetOf: (s) => DATASETS[s],
      grantsFor: () => [],
    };
    const of = (...editorOf: string[]) => ({ principal: editing(account('SNNMT', 'DATA_EDITOR'), ...editorOf), facts: twoDatabases });
    expect(await policy.decide('Mutation.updateTouristSite', of('CSDL-VHTTDL'))).toBe(true);
    expect(await policy.decide('Mutation.updateTouristSite', of('DIR-DANHMUC'))).toMatch(
      /^writes belong to the data editors of this database/,
    );
    expect(await policy.decide('AccommodationEstablishment.ownerName', of('DIR-DANHMUC'))).toMatch(/^PERSONAL data/);
    expect(await policy.decide('Mutation.updateTouristSite', of())).not.toBe(true);
    // The grant counts only while the agency owns the database: the role alone, or the grant alone, is not enough.
    const noRole = { principal: { ...editing(account('SNNMT', 'OFFICIAL'), 'CSDL-VHTTDL') }, facts: twoDatabases };
    expect(await policy.decide('Mutation.updateTouristSite', noRole)).not.toBe(true);
    expect(await policy.decide('Mutation.updateTouristSite', { ...of('CSDL-VHTTDL'), facts })).not.toBe(true);
  });
});
