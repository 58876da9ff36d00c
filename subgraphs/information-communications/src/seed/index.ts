// Loads the information and communications demo data (sample data, "dữ liệu mẫu") in one transaction. Every row is
// derived from the lists in cao-bang.ts and today's communes of the shared fixtures by its index: no randomness, the
// same rows on every start. Located rows keep today's commune (`communeCode`) and, for dated rows, the commune as it
// was on their date (`communeCodeOnRecord`: before 1 July 2025 one of the old communes merged into today's).
import type { EntityManager } from '@mikro-orm/postgresql';
import { DISTRICTS, planCaoBang, REFORM_DAY } from '@hub/schema/fixtures/cao-bang';
import { searchKey, stableId } from '@hub/kit';
import {
  PostalPoint,
  PressAgency,
  PublishingLicence,
  TelecomStation,
  VillageWithoutCoverage,
  type MobileTechnology,
  type PostalPointKind,
  type PublishingLicenceKind,
  type PublishingLicenceStatus,
  type TelecomOperator,
} from '../entities';
import { DISTRICT_CENTRES, FAMILY, GIVEN, LICENCE_HOLDERS, MIDDLE, PLACES, PRESS_AGENCIES } from './cao-bang';

const id = (kind: string, key: string) => stableId(`information-communications.${kind}`, key);
const pick = <T>(list: readonly T[], i: number): T => list[((i % list.length) + list.length) % list.length];
/** A day `n` days after `base` (YYYY-MM-DD). */
const addDays = (base: string, n: number) => new Date(Date.parse(`${base}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The day the demo data describes: statuses (expired or not) are as of this day. */
export const SEED_DAY = '2026-12-01';
/** The day the provincial department of information and communications ended (its tasks went to SKHCN). */
const DEPARTMENTS_MERGED = '2025-03-01';

const PLAN = planCaoBang();
/** Today's communes (56), each with the old communes merged into it and their names. */
export const COMMUNES = PLAN.merges.map((m) => ({
  code: m.code,
  name: m.name,
  districtCode: m.districtCode,
  from: m.from.map((code) => ({ code, name: PLAN.communes.find((c) => c.code === code)!.name })),
}));
const DISTRICT_NAME = new Map(DISTRICTS.map((d) => [d.code, d.name]));

/** The commune as it was on `day`: before the reform the `k`-th old commune merged into today's. */
const onRecord = (c: (typeof COMMUNES)[number], day: string, k: number) => (day < REFORM_DAY ? pick(c.from, k).code : c.code);

// ---- publishing and printing licences: 120 over all communes, 2019 to 2026 ----
export interface LicenceRow {
  number: string;
  kind: PublishingLicenceKind;
  holderName: string;
  subject: string;
  issuedOn: string;
  issuerCode: string;
  validUntil: string | null;
  status: PublishingLicenceStatus;
  revokedOn: string | null;
  communeCode: string;
  communeCodeOnRecord: string;
}

export function licences(): LicenceRow[] {
  const seq = new Map<string, number>();
  const rows: LicenceRow[] = [];
  for (let i = 0; i < 120; i++) {
    const c = pick(COMMUNES, i * 9); // 9 and 56 are coprime: every commune in turn
    const issuedOn = addDays('2019-01-08', i * 23 + ((i * 13) % 17));
    const issuerCode = issuedOn < DEPARTMENTS_MERGED ? 'STTTT' : 'SKHCN';
    const n = (seq.get(`${issuerCode}${issuedOn.slice(0, 4)}`) ?? 0) + 1;
    seq.set(`${issuerCode}${issuedOn.slice(0, 4)}`, n);
    const kind: PublishingLicenceKind = i % 3 === 2 ? 'PRINTING' : 'PUBLISHING';
    const holder = pick(LICENCE_HOLDERS, i);
    const holderName = holder.startsWith('Công ty') ? `${holder} ${pick(PLACES, i)}` : `${holder} ${c.name.replace(/^(Xã|Phường) /, '')}`;
    const validUntil = kind === 'PUBLISHING' ? addDays(issuedOn, 3 * 365) : null;
    const revoked = i % 17 === 5;
    const status: PublishingLicenceStatus = revoked ? 'REVOKED' : validUntil && validUntil < SEED_DAY ? 'EXPIRED' : 'VALID';
    rows.push({
      number: `${n}/${issuedOn.slice(0, 4)}/GP-${issuerCode}`,
      kind,
      holderName,
      subject: kind === 'PUBLISHING' ? `Bản tin ${holderName}` : 'In xuất bản phẩm, tờ rơi, bao bì, nhãn hàng hóa',
      issuedOn,
      issuerCode,
      validUntil,
      status,
      revokedOn: revoked ? addDays(issuedOn, 400) : null,
      communeCode: c.code,
      communeCodeOnRecord: onRecord(c, issuedOn, i),
    });
  }
  return rows;
}

// ---- postal service points: post offices, one commune cultural post point per old commune, agents ----
export interface PostalRow {
  code: string;
  name: string;
  kind: PostalPointKind;
  operatorName: string;
  address: string;
  agentName: string | null;
  agentPhone: string | null;
  communeCode: string;
  communeCodeOnRecord: string | null;
  openedOn: string | null;
}

const VNPOST = 'Bưu điện tỉnh Cao Bằng (Tổng công ty Bưu điện Việt Nam)';
const VIETTEL_POST = 'Chi nhánh Bưu chính Viettel Cao Bằng';

export function postalPoints(): PostalRow[] {
  const rows: Omit<PostalRow, 'code'>[] = [];
  rows.push({
    name: 'Bưu điện tỉnh Cao Bằng',
    kind: 'POST_OFFICE',
    operatorName: VNPOST,
    address: 'Phố Hoàng Đình Giong, Phường Thục Phán, tỉnh Cao Bằng',
    agentName: null,
    agentPhone: null,
    communeCode: '01240',
    communeCodeOnRecord: '01240',
    openedOn: '1996-01-01',
  });
  // a post office in each of today's communes: the former district post office at a district's seat
  COMMUNES.forEach((c, i) => {
    const seatOfDistrict = COMMUNES.find((x) => x.districtCode === c.districtCode) === c;
    const district = DISTRICT_NAME.get(c.districtCode)!;
    const openedOn = addDays('1999-03-01', i * 97);
    rows.push({
      name: seatOfDistrict
        ? `Bưu điện ${district.replace(/^Huyện /, 'huyện ').replace(/^Thành phố /, 'thành phố ')}`
        : `Bưu cục ${c.name.replace(/^(Xã|Phường) /, '')}`,
      kind: 'POST_OFFICE',
      operatorName: VNPOST,
      address: `Trung tâm ${c.name}, tỉnh Cao Bằng`,
      agentName: null,
      agentPhone: null,
      communeCode: c.code,
      communeCodeOnRecord: onRecord(c, openedOn, 0),
      openedOn,
    });
  });
  // one điểm Bưu điện – Văn hóa xã in each old commune (the programme began in 1998)
  let k = 0;
  for (const c of COMMUNES)
    c.from.forEach((old, j) => {
      const openedOn = addDays('1998-06-01', (k++ * 53) % 4000);
      rows.push({
        name: `Điểm Bưu điện – Văn hóa ${old.name.replace(/^(Xã|Phường|Thị trấn)/, (w) => w.toLowerCase())}`,
        kind: 'COMMUNE_CULTURAL_POST',
        operatorName: VNPOST,
        address: `${pick(PLACES, k + j)}, ${old.name}, ${DISTRICT_NAME.get(c.districtCode)} (nay ${c.name})`,
        agentName: null,
        agentPhone: null,
        communeCode: c.code,
        communeCodeOnRecord: old.code,
        openedOn,
      });
    });
  // postal agents run by a household: the agent's name and phone are personal data (sample, no real person)
  for (let i = 0; i < 64; i++) {
    const c = i === 0 ? COMMUNES.find((x) => x.code === '01435')! : pick(COMMUNES, i * 5 + 1);
    const place = i === 0 ? 'Bản Giốc' : pick(PLACES, i * 3);
    const openedOn = addDays('2019-02-11', i * 41);
    rows.push({
      name: `Đại lý bưu chính ${place}`,
      kind: 'AGENT',
      operatorName: i % 3 === 1 ? VIETTEL_POST : VNPOST,
      address: `${place}, ${c.name}, tỉnh Cao Bằng`,
      agentName: `${pick(FAMILY, i)} ${pick(MIDDLE, i * 5)} ${pick(GIVEN, i * 7)}`,
      agentPhone: `09${String(10_000_000 + ((i * 7_919_311) % 89_999_999)).padStart(8, '0')}`,
      communeCode: c.code,
      communeCodeOnRecord: onRecord(c, openedOn, i),
      openedOn,
    });
  }
  return rows.map((r, i) => ({ code: `BC-${String(i + 1).padStart(4, '0')}`, ...r }));
}

// ---- mobile base stations: six per commune today (336) ----
export interface StationRow {
  code: string;
  name: string;
  operator: TelecomOperator;
  technologies: MobileTechnology[];
  shared: boolean;
  communeCode: string;
  communeCodeOnRecord: string | null;
  latitude: number;
  longitude: number;
  permittedOn: string | null;
  status: 'IN_SERVICE' | 'DECOMMISSIONED';
  decommissionedOn: string | null;
}

const OPERATORS: TelecomOperator[] = ['VIETTEL', 'VIETTEL', 'VINAPHONE', 'MOBIFONE', 'VIETTEL', 'VINAPHONE'];
const URBAN = new Set(['01240', '01252', '01264']);

export function stations(): StationRow[] {
  const rows: StationRow[] = [];
  COMMUNES.forEach((c, ci) => {
    const [lat, lng] = DISTRICT_CENTRES[c.districtCode];
    for (let j = 0; j < 6; j++) {
      const i = ci * 6 + j;
      const operator = pick(OPERATORS, i + ci);
      const permittedOn = addDays('2008-04-01', (i * 151) % 6700);
      const technologies: MobileTechnology[] =
        URBAN.has(c.code) && j < 3
          ? ['G4', 'G5']
          : permittedOn < '2012-01-01'
            ? ['G2', 'G3', 'G4']
            : operator === 'VIETTEL'
              ? ['G2', 'G4']
              : permittedOn < '2017-01-01'
                ? ['G3', 'G4']
                : ['G4'];
      const decommissioned = i % 41 === 7;
      rows.push({
        code: `BTS-${String(i + 1).padStart(4, '0')}`,
        name: `Trạm ${pick(PLACES, i * 11 + 3)} – ${c.name.replace(/^(Xã|Phường) /, '')}`,
        operator,
        technologies,
        shared: i % 4 === 3,
        communeCode: c.code,
        communeCodeOnRecord: onRecord(c, permittedOn, j),
        latitude: Math.round((lat + (((i * 37) % 17) - 8) * 0.01) * 1e5) / 1e5,
        longitude: Math.round((lng + (((i * 53) % 19) - 9) * 0.01) * 1e5) / 1e5,
        permittedOn,
        status: decommissioned ? 'DECOMMISSIONED' : 'IN_SERVICE',
        decommissionedOn: decommissioned ? addDays(permittedOn, 3000) : null,
      });
    }
  });
  return rows;
}

// ---- villages without mobile coverage: surveys of October 2024 (old communes) and September 2025 ----
export interface VillageRow {
  code: string;
  villageName: string;
  communeCode: string;
  communeCodeOnRecord: string;
  surveyedOn: string;
  households: number;
  plannedOperator: TelecomOperator | null;
  plannedYear: number | null;
}

/** Mountain communes with gaps in coverage (Bảo Lâm, Bảo Lạc, Hà Quảng, Trùng Khánh, Hạ Lang, Nguyên Bình). */
const REMOTE_DISTRICTS = new Set(['042', '043', '045', '047', '048', '052']);

export function villages(): VillageRow[] {
  const remote = COMMUNES.filter((c) => REMOTE_DISTRICTS.has(c.districtCode));
  const rows: VillageRow[] = [];
  for (let i = 0; i < 42; i++) {
    const c = pick(remote, i * 5);
    const surveyedOn = i % 3 === 2 ? '2025-09-20' : '2024-10-15';
    rows.push({
      code: `TCS-${String(i + 1).padStart(3, '0')}`,
      villageName: `${i % 2 ? 'Thôn' : 'Xóm'} ${pick(PLACES, i * 7 + 2)}`,
      communeCode: c.code,
      communeCodeOnRecord: onRecord(c, surveyedOn, i),
      surveyedOn,
      households: 18 + ((i * 29) % 97),
      plannedOperator: i % 5 === 4 ? null : pick(['VIETTEL', 'VINAPHONE', 'MOBIFONE'] as const, i),
      plannedYear: i % 5 === 4 ? null : 2026 + (i % 2),
    });
  }
  return rows;
}

export async function seedInformationCommunications(em: EntityManager): Promise<void> {
  for (const a of PRESS_AGENCIES) em.create(PressAgency, { id: id('press', a.code), ...a, searchText: searchKey(a.name) });
  for (const l of licences())
    em.create(PublishingLicence, { id: id('licence', l.number), ...l, searchText: searchKey(`${l.holderName} ${l.subject}`) });
  for (const p of postalPoints())
    em.create(PostalPoint, { id: id('postal', p.code), ...p, searchText: searchKey(`${p.name} ${p.address}`) });
  for (const s of stations()) em.create(TelecomStation, { id: id('bts', s.code), ...s, searchText: searchKey(s.name) });
  for (const v of villages()) em.create(VillageWithoutCoverage, { id: id('village', v.code), ...v, searchText: searchKey(v.villageName) });
  await em.flush();
}

/** The demo data the kit loads once (`npm start`, tests with `seed: true`). */
export const seed = seedInformationCommunications;
