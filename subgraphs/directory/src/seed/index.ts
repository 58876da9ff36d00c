// Loads the directory's demo data (Cao Bằng) in one transaction; ids are derived from natural keys.
import type { EntityManager } from '@mikro-orm/postgresql';
import { searchKey, stableId } from '@hub/kit';
import { Account, AdministrativeUnit, Agency, Dataset, DatasetOwnership, UnitSuccession } from '../entities';
import { hashPassword } from '../services/password';
import { ACCOUNTS, DEMO_PASSWORD, SECTOR_EDITORS, type DemoAccount } from './accounts';
import { DISTRICTS, LAST_DAY_BEFORE_REFORM, PROVINCE, REFORM_BASIS, REFORM_DAY, planCaoBang } from '@hub/schema/fixtures/cao-bang';
import { AGENCIES, AUDIT_DATASETS, DATASETS, DISTRICT_SUCCESSORS, INDICATOR_AGENCIES, MERGER_BASIS, MERGER_DAY } from './agencies';

const id = (kind: string, key: string) => stableId(`directory.${kind}`, key);

async function seedDirectory(em: EntityManager): Promise<void> {
  const unit = (code: string, validFrom: string | null, data: Pick<AdministrativeUnit, 'name' | 'kind' | 'level' | 'parent' | 'validTo'>) =>
    em.create(AdministrativeUnit, {
      id: id('unit', `${code}@${validFrom ?? '-'}`),
      code,
      validFrom,
      searchText: searchKey(data.name),
      ...data,
    });

  const province = unit(PROVINCE.code, null, { name: PROVINCE.name, kind: 'PROVINCE', level: 'PROVINCE', parent: null, validTo: null });
  const districts = new Map<string, AdministrativeUnit>();
  for (const d of DISTRICTS) {
    districts.set(
      d.code,
      unit(d.code, null, { name: d.name, kind: d.kind, level: 'DISTRICT', parent: province, validTo: LAST_DAY_BEFORE_REFORM }),
    );
  }
  const { communes, merges } = planCaoBang();
  const old = new Map<string, AdministrativeUnit>();
  for (const c of communes) {
    old.set(
      c.code,
      unit(c.code, null, {
        name: c.name,
        kind: c.kind,
        level: 'COMMUNE',
        parent: districts.get(c.districtCode)!,
        validTo: LAST_DAY_BEFORE_REFORM,
      }),
    );
  }
  for (const m of merges) {
    const merged = unit(m.code, REFORM_DAY, { name: m.name, kind: m.kind, level: 'COMMUNE', parent: province, validTo: null });
    for (const from of m.from) {
      em.create(UnitSuccession, {
        id: id('succession', `${from}>${m.code}@${REFORM_DAY}`),
        predecessor: old.get(from)!,
        successor: merged,
        effectiveDate: REFORM_DAY,
        basis: REFORM_BASIS,
      });
    }
  }

  const agencies = new Map<string, Agency>();
  for (const a of AGENCIES) agencies.set(a.code, addAgency(em, a));
  for (const a of AGENCIES) {
    const e = agencies.get(a.code)!;
    e.parent = a.parent ? agencies.get(a.parent)! : null;
    e.successor = a.successor ? agencies.get(a.successor)! : null;
  }

  addDatasets(em, DATASETS, (code) => agencies.get(code)!);
  await em.flush();
}

function addAgency(em: EntityManager, a: (typeof AGENCIES)[number]): Agency {
  return em.create(Agency, {
    id: id('agency', a.code),
    code: a.code,
    name: a.name,
    nameEn: a.nameEn ?? null,
    kind: a.kind,
    level: a.level,
    unitCode: a.unitCode,
    validFrom: a.validFrom ?? null,
    validTo: a.validTo ?? null,
    contactAddress: a.address ?? null,
    contactPhone: a.phone ?? null,
    contactEmail: a.email ?? null,
    contactWebsite: a.website ?? null,
    searchText: searchKey(`${a.code} ${a.name} ${a.nameEn ?? ''}`),
  });
}

/**
 * The indicator database is served by the indicators subgraph; the agencies its indicators name; a data editor of
 * its owner (a later seed step: databases seeded before the indicators subgraph get it too).
 */
async function seedIndicatorsDirectory(em: EntityManager): Promise<void> {
  for (const a of INDICATOR_AGENCIES) addAgency(em, a).parent = em.getReference(Agency, id('agency', 'UBND-04'));
  em.create(Account, {
    id: id('account', 'stc.editor'),
    username: 'stc.editor',
    displayName: 'Biên tập viên Sở Tài chính (demo)',
    agency: em.getReference(Agency, id('agency', 'STC')),
    roles: ['DATA_EDITOR', 'OFFICIAL'],
    editorOf: ['KTXH-CHITIEU'],
    status: 'ACTIVE',
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  await em.flush();
}

function addDatasets(em: EntityManager, datasets: typeof DATASETS, agencyOf: (code: string) => Agency): void {
  for (const d of datasets) {
    const dataset = em.create(Dataset, {
      id: id('dataset', d.code),
      code: d.code,
      name: d.name,
      nameEn: d.nameEn,
      sector: d.sector,
      description: d.description ?? null,
      subgraph: null,
    });
    d.owners.forEach(([agency, from], i) => {
      const next = d.owners[i + 1];
      const start = i === 0 ? null : (from ?? MERGER_DAY);
      const nextStart = next ? (next[1] ?? MERGER_DAY) : null;
      em.create(DatasetOwnership, {
        id: id('ownership', `${d.code}:${agency}`),
        dataset,
        agency: agencyOf(agency),
        validFrom: start,
        validTo: nextStart ? dayBefore(nextStart) : null,
        basis: i === 0 ? null : MERGER_BASIS,
      });
    });
  }
}

/** The audit log's catalogue entry (a later seed step: databases seeded before the audit subgraph get it too). */
async function seedAuditDataset(em: EntityManager): Promise<void> {
  addDatasets(em, AUDIT_DATASETS, (code) => em.getReference(Agency, id('agency', code)));
  await em.flush();
}

/** Accounts with the demo password. */
async function addAccounts(em: EntityManager, accounts: DemoAccount[]): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const a of accounts) {
    em.create(Account, {
      id: id('account', a.username),
      username: a.username,
      displayName: a.displayName,
      agency: em.getReference(Agency, id('agency', a.agency)),
      roles: a.roles,
      editorOf: a.editorOf ?? [],
      status: 'ACTIVE',
      passwordHash,
    });
  }
  await em.flush();
}

/** Demo accounts (a later seed step: databases seeded before accounts existed get them too). */
const seedDemoAccounts = (em: EntityManager) => addAccounts(em, ACCOUNTS);

function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The district People's Committees' successors (a later seed step). */
async function seedDistrictSuccessors(em: EntityManager): Promise<void> {
  for (const { ended, successor } of DISTRICT_SUCCESSORS) {
    const next = addAgency(em, successor);
    next.parent = em.getReference(Agency, id('agency', successor.parent!));
    (await em.findOneOrFail(Agency, { code: ended })).successor = next;
  }
  await em.flush();
}

/** The demo data the kit loads, each step once. */
export const seed = {
  demo: seedDirectory,
  'demo-accounts': seedDemoAccounts,
  'audit-dataset': seedAuditDataset,
  indicators: seedIndicatorsDirectory,
  'sector-editors': (em: EntityManager) => addAccounts(em, SECTOR_EDITORS),
  'district-successors': seedDistrictSuccessors,
};
