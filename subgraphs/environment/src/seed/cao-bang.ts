// Demo data of the natural resources and environment database (CSDL-TNMT). Rivers and streams are real (names, basins);
// the communes they pass, reservoirs, aquifers, licences, holders, stations, measurements and hazard zones are SAMPLE
// DATA (dữ liệu mẫu), generated deterministically (a fixed-seed generator, no Math.random) from lists of real place
// names and today's 56 commune-level units of the directory (planCaoBang()). Fewer monitoring stations exist in
// reality: most of these are sample points.
import { planCaoBang, type PlannedMerge } from '@hub/schema/fixtures/cao-bang';
import type {
  HazardKind,
  HolderKind,
  MonitoringStationKind,
  RiskLevel,
  WaterLicenceKind,
  WaterLicenceStatus,
  WaterSourceKind,
} from '../entities';
import { LIMITS, exceeds } from '../standards';

/** The day the demo data describes (statuses are as on this day). */
export const SEED_DAY = '2026-12-01';
const REFORM_DAY = '2025-07-01';

export const COMMUNES: PlannedMerge[] = planCaoBang().merges;
const commune = (code: string) => {
  const m = COMMUNES.find((c) => c.code === code);
  if (!m) throw new Error(`seed: ${code} is not one of today's communes`);
  return m;
};
const shortName = (m: PlannedMerge) => m.name.replace(/^(Xã|Phường) /, '');

/** mulberry32: a small generator with a fixed seed, so the demo data is the same on every run. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const addYears = (day: string, years: number) => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
/** The commune code on `day`: before the reform one of the old communes merged into today's, else today's. */
const codeOn = (m: PlannedMerge, day: string, pick: number) => (day < REFORM_DAY ? m.from[pick % m.from.length] : m.code);

// ---------------------------------------------------------------------------------------------------------------
// Water sources

export interface WaterSourceSeed {
  code: string;
  name: string;
  kind: WaterSourceKind;
  basin: string;
  lengthKm: number | null;
  description: string | null;
  communeCodes: string[];
}

const KY_CUNG = 'Kỳ Cùng – Bằng Giang';
const GAM = 'Gâm (Lô – Gâm)';
const source = (
  name: string,
  kind: WaterSourceKind,
  basin: string,
  lengthKm: number | null,
  communeCodes: string[],
  description: string | null = null,
) => ({ name, kind, basin, lengthKm, communeCodes, description });

const SOURCE_LIST = [
  source(
    'Sông Bằng (Bằng Giang)',
    'RIVER',
    KY_CUNG,
    108,
    ['01363', '01585', '01240', '01252', '01264', '01594', '01537'],
    'Chảy từ Trung Quốc qua Hà Quảng, Hòa An, thành phố Cao Bằng.',
  ),
  source('Sông Gâm', 'RIVER', GAM, 150, ['01282', '01273', '01297', '01312', '01321', '01306']),
  source('Sông Quây Sơn', 'RIVER', KY_CUNG, 89, ['01426', '01435', '01444', '01453', '01489']),
  source('Sông Bắc Vọng', 'RIVER', KY_CUNG, 54, ['01462', '01528', '01537', '01546']),
  source('Sông Hiến', 'RIVER', KY_CUNG, 75, ['01630', '01603', '01612', '01240']),
  source('Sông Nho Quế', 'RIVER', GAM, 46, ['01282', '01291']),
  source('Sông Neo', 'RIVER', GAM, 60, ['01312', '01327', '01336', '01345']),
  source('Suối Tà Sa', 'STREAM', KY_CUNG, 18, ['01399', '01390']),
  source('Sông Năng', 'RIVER', GAM, 40, ['01639', '01648', '01657']),
  source('Suối Khuổi Luông', 'STREAM', GAM, 12, ['01336'], 'Dữ liệu mẫu.'),
  source('Hồ Thang Hen', 'RESERVOIR', KY_CUNG, null, ['01426'], 'Hồ tự nhiên trong hệ thống 36 hồ (dữ liệu mẫu về dung tích).'),
  source('Hồ Khuổi Lái', 'RESERVOIR', KY_CUNG, null, ['01585'], 'Hồ chứa thủy lợi (dữ liệu mẫu).'),
  source('Hồ Nà Tấu', 'RESERVOIR', KY_CUNG, null, ['01699'], 'Hồ chứa thủy lợi (dữ liệu mẫu).'),
  source(
    'Tầng chứa nước karst Trùng Khánh – Hạ Lang',
    'AQUIFER',
    KY_CUNG,
    null,
    ['01426', '01435', '01444', '01453', '01462', '01489', '01501'],
    'Dữ liệu mẫu.',
  ),
  source(
    'Tầng chứa nước trầm tích Đệ tứ thung lũng sông Bằng',
    'AQUIFER',
    KY_CUNG,
    null,
    ['01240', '01252', '01264', '01585', '01594'],
    'Dữ liệu mẫu.',
  ),
  source(
    'Tầng chứa nước karst Hà Quảng – Trà Lĩnh',
    'AQUIFER',
    KY_CUNG,
    null,
    ['01363', '01372', '01381', '01390', '01399', '01408', '01417'],
    'Dữ liệu mẫu.',
  ),
];

export const WATER_SOURCES: WaterSourceSeed[] = SOURCE_LIST.map((s, i) => ({ code: `NN-${pad(i + 1, 3)}`, ...s }));
const sourceByName = (name: string) => WATER_SOURCES.find((s) => s.name === name)!.code;

/** A source of `kinds` that covers the commune, if any (the first by code). */
function sourceIn(communeCode: string, kinds: WaterSourceKind[]): string | null {
  return WATER_SOURCES.find((s) => kinds.includes(s.kind) && s.communeCodes.includes(communeCode))?.code ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Water-resource licences

export interface LicenceSeed {
  code: string;
  kind: WaterLicenceKind;
  purpose: string;
  holderKind: HolderKind;
  holderOrganisation: string | null;
  holderPerson: string | null;
  holderIdNumber: string | null;
  permittedVolumeM3PerDay: number;
  issuedOn: string;
  validFrom: string;
  validTo: string | null;
  issuerCode: string;
  status: WaterLicenceStatus;
  revokedOn: string | null;
  revocationReason: string | null;
  waterSourceCode: string | null;
  energyProjectCode: string | null;
  communeCode: string;
  communeCodeOnRecord: string;
}

/** The agency competent on `day` for a licence of this size (the provincial PC for large works). */
export function issuerOn(day: string, volume: number): string {
  if (volume > 3000) return 'UBND-04';
  return day < '2025-03-01' ? 'STNMT' : 'SNNMT';
}

/** The twelve hydropower plants of the shared contract (EnergyProject NL-0001…NL-0012, owned by industry-trade). */
export const HYDROPOWER: [code: string, name: string, communeCode: string, source: string][] = [
  ['NL-0001', 'Thủy điện Bảo Lạc A', '01312', 'Sông Gâm'],
  ['NL-0002', 'Thủy điện Bảo Lạc B', '01321', 'Sông Gâm'],
  ['NL-0003', 'Thủy điện Nho Quế 1', '01282', 'Sông Nho Quế'],
  ['NL-0004', 'Thủy điện Bản Rạ', '01417', 'Sông Bằng (Bằng Giang)'],
  ['NL-0005', 'Thủy điện Tà Sa', '01399', 'Suối Tà Sa'],
  ['NL-0006', 'Thủy điện Bằng Giang', '01240', 'Sông Bằng (Bằng Giang)'],
  ['NL-0007', 'Thủy điện Khuổi Luông', '01336', 'Suối Khuổi Luông'],
  ['NL-0008', 'Thủy điện Hòa Thuận', '01537', 'Sông Bắc Vọng'],
  ['NL-0009', 'Thủy điện Thoong Ngạn', '01435', 'Sông Quây Sơn'],
  ['NL-0010', 'Thủy điện Bản Khoang', '01462', 'Sông Bắc Vọng'],
  ['NL-0011', 'Thủy điện Tiên Thành', '01579', 'Sông Bằng (Bằng Giang)'],
  ['NL-0012', 'Thủy điện Nà Lòa', '01630', 'Sông Hiến'],
];

const SURNAMES = ['Nông', 'Hoàng', 'Lục', 'Bế', 'Đàm', 'Lý', 'Triệu', 'Hà', 'Lâm', 'Phùng', 'La', 'Lương'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Thị Thu', 'Minh', 'Thị Hồng'];
const GIVEN = ['Thắng', 'Hoa', 'Dũng', 'Lan', 'Tuấn', 'Mai', 'Cường', 'Hương', 'Sơn', 'Nhung', 'Hải', 'Thảo', 'Quân'];

function licence(i: number, rnd: () => number): LicenceSeed {
  const code = `GP-TNN-${pad(i, 4)}`;
  if (i <= HYDROPOWER.length) {
    const [project, name, communeCode, sourceName] = HYDROPOWER[i - 1];
    const issuedOn = `${2015 + (i % 10)}-${pad(1 + ((i * 5) % 12), 2)}-${pad(5 + ((i * 7) % 20), 2)}`;
    const volume = round(80000 + rnd() * 900000, 0);
    return {
      code,
      kind: 'SURFACE_WATER',
      purpose: `Khai thác, sử dụng nước mặt cho phát điện – ${name}`,
      holderKind: 'ORGANISATION',
      holderOrganisation: `Công ty cổ phần ${name} (dữ liệu mẫu)`,
      holderPerson: null,
      holderIdNumber: null,
      permittedVolumeM3PerDay: volume,
      issuedOn,
      validFrom: issuedOn,
      validTo: addYears(issuedOn, 15),
      issuerCode: 'UBND-04',
      status: 'VALID',
      revokedOn: null,
      revocationReason: null,
      waterSourceCode: sourceByName(sourceName),
      energyProjectCode: project,
      communeCode,
      communeCodeOnRecord: codeOn(commune(communeCode), issuedOn, i),
    };
  }
  if (i === 101)
    // The acceptance licence of the contract: issued by Trùng Khánh district PC in 2024, in Xã Phong Châu (01438) of
    // the old district, which is part of today's Xã Đàm Thủy (01435).
    return {
      code,
      kind: 'GROUNDWATER',
      purpose: 'Khai thác nước dưới đất cấp nước sinh hoạt cho trường học',
      holderKind: 'ORGANISATION',
      holderOrganisation: 'Trường Tiểu học Phong Châu',
      holderPerson: null,
      holderIdNumber: null,
      permittedVolumeM3PerDay: 15,
      issuedOn: '2024-05-20',
      validFrom: '2024-05-20',
      validTo: '2034-05-20',
      issuerCode: 'UBND-047',
      status: 'VALID',
      revokedOn: null,
      revocationReason: null,
      waterSourceCode: sourceByName('Tầng chứa nước karst Trùng Khánh – Hạ Lang'),
      energyProjectCode: null,
      communeCode: '01435',
      communeCodeOnRecord: '01438',
    };
  const m = COMMUNES[i % COMMUNES.length];
  const place = shortName(m);
  const kind: WaterLicenceKind = (['GROUNDWATER', 'SURFACE_WATER', 'DISCHARGE', 'GROUNDWATER', 'DISCHARGE'] as const)[i % 5];
  const person = i % 4 === 0;
  const month = (i * 7) % 95; // 2019-01 … 2026-11
  const issuedOn = `${2019 + Math.floor(month / 12)}-${pad((month % 12) + 1, 2)}-${pad(1 + ((i * 11) % 27), 2)}`;
  const orgs: Record<WaterLicenceKind, string[]> = {
    GROUNDWATER: [
      `Trường Trung học cơ sở ${place}`,
      `Trạm Y tế ${m.name.toLowerCase().startsWith('phường') ? 'phường' : 'xã'} ${place}`,
      `Hợp tác xã nông nghiệp ${place}`,
      `Công ty TNHH nước sạch ${place} (mẫu)`,
    ],
    SURFACE_WATER: [`Hợp tác xã dịch vụ thủy lợi ${place}`, `Nhà máy nước ${place} (mẫu)`, `Công ty TNHH chế biến nông sản ${place} (mẫu)`],
    DISCHARGE: [
      `Công ty cổ phần chế biến thực phẩm ${place} (mẫu)`,
      `Bệnh viện đa khoa khu vực ${place} (mẫu)`,
      `Cơ sở chế biến miến dong ${place} (mẫu)`,
      `Nhà máy tuyển quặng ${place} (mẫu)`,
    ],
  };
  const personPurpose: Record<WaterLicenceKind, string> = {
    GROUNDWATER: 'Khai thác nước dưới đất cho cơ sở sản xuất của hộ gia đình',
    SURFACE_WATER: 'Khai thác nước mặt nuôi trồng thủy sản của hộ gia đình',
    DISCHARGE: 'Xả nước thải chăn nuôi của trang trại hộ gia đình vào nguồn nước',
  };
  const orgPurpose: Record<WaterLicenceKind, string> = {
    GROUNDWATER: 'Khai thác nước dưới đất cấp nước sinh hoạt',
    SURFACE_WATER: 'Khai thác nước mặt cấp nước sinh hoạt và tưới tiêu',
    DISCHARGE: 'Xả nước thải sau xử lý vào nguồn nước',
  };
  const scale = kind === 'GROUNDWATER' ? 200 : kind === 'SURFACE_WATER' ? 5000 : 1200;
  const volume = round((person ? 0.05 : 0.1) * scale + rnd() * scale * (person ? 0.2 : 1), 1);
  const validTo = addYears(issuedOn, kind === 'GROUNDWATER' ? 5 : kind === 'DISCHARGE' ? 5 : 10);
  const revoked = i % 37 === 0 && validTo >= SEED_DAY;
  const status: WaterLicenceStatus = revoked ? 'REVOKED' : validTo < SEED_DAY ? 'EXPIRED' : 'VALID';
  const revokedOn = revoked ? addYears(issuedOn, 1) : null;
  return {
    code,
    kind,
    purpose: person ? personPurpose[kind] : orgPurpose[kind],
    holderKind: person ? 'PERSON' : 'ORGANISATION',
    holderOrganisation: person ? null : orgs[kind][i % orgs[kind].length],
    holderPerson: person ? `${SURNAMES[i % SURNAMES.length]} ${MIDDLE[i % MIDDLE.length]} ${GIVEN[(i * 3) % GIVEN.length]}` : null,
    holderIdNumber: person ? `004${pad((i * 7919) % 1000, 3)}${pad((i * 104729) % 1000000, 6)}` : null,
    permittedVolumeM3PerDay: volume,
    issuedOn,
    validFrom: issuedOn,
    validTo,
    issuerCode: issuerOn(issuedOn, volume),
    status,
    revokedOn: revokedOn && revokedOn <= SEED_DAY ? revokedOn : null,
    revocationReason: revoked ? 'Không thực hiện đúng nội dung giấy phép (dữ liệu mẫu)' : null,
    waterSourceCode: kind === 'GROUNDWATER' ? sourceIn(m.code, ['AQUIFER']) : sourceIn(m.code, ['RIVER', 'STREAM', 'RESERVOIR']),
    energyProjectCode: null,
    communeCode: m.code,
    communeCodeOnRecord: codeOn(m, issuedOn, i),
  };
}

export const LICENCE_COUNT = 240;
export const LICENCES: LicenceSeed[] = (() => {
  const rnd = generator(2024);
  return Array.from({ length: LICENCE_COUNT }, (_, k) => licence(k + 1, rnd));
})();

// ---------------------------------------------------------------------------------------------------------------
// Monitoring stations and results

export interface StationSeed {
  code: string;
  name: string;
  kind: MonitoringStationKind;
  communeCode: string;
  formerCommuneCode: string | null;
  latitude: number;
  longitude: number;
  operatorCode: string;
  establishedOn: string;
}

export const STATION_COUNT = 70;
/** The station at the Bản Giốc waterfall (Xã Đàm Thủy, 01435): sample results that exceed their limit. */
export const BAN_GIOC_STATION = 'QT-023';

const KINDS: MonitoringStationKind[] = ['SURFACE_WATER', 'AIR', 'GROUNDWATER', 'SURFACE_WATER', 'AIR', 'WASTEWATER_AUTOMATIC'];

export const STATIONS: StationSeed[] = (() => {
  const rnd = generator(7);
  return Array.from({ length: STATION_COUNT }, (_, j) => {
    const m = COMMUNES[j % COMMUNES.length];
    const code = `QT-${pad(j + 1, 3)}`;
    const kind = code === BAN_GIOC_STATION ? 'SURFACE_WATER' : KINDS[j % KINDS.length];
    const river = sourceIn(m.code, ['RIVER', 'STREAM']);
    const riverName = river
      ? WATER_SOURCES.find((s) => s.code === river)!
          .name.replace(/ \(.*\)$/, '')
          .toLowerCase()
      : null;
    const place = shortName(m);
    const name =
      code === BAN_GIOC_STATION
        ? 'Điểm quan trắc nước mặt sông Quây Sơn tại thác Bản Giốc'
        : kind === 'AIR'
          ? `Điểm quan trắc không khí xung quanh ${place}`
          : kind === 'SURFACE_WATER'
            ? `Điểm quan trắc nước mặt ${riverName ?? 'suối'} tại ${place}`
            : kind === 'GROUNDWATER'
              ? `Giếng quan trắc nước dưới đất ${place}`
              : `Trạm quan trắc nước thải tự động cụm công nghiệp ${place} (mẫu)`;
    const establishedOn = j >= 66 ? `2025-${pad(8 + (j - 66), 2)}-01` : `${2014 + (j % 10)}-${pad(1 + (j % 12), 2)}-15`;
    return {
      code,
      name,
      kind,
      communeCode: m.code,
      formerCommuneCode: establishedOn < REFORM_DAY ? m.from[j % m.from.length] : null,
      latitude: round(22.4 + rnd() * 0.7, 5),
      longitude: round(105.35 + rnd() * 1.4, 5),
      operatorCode: 'SNNMT',
      establishedOn,
    };
  });
})();

export interface ResultSeed {
  code: string;
  stationCode: string;
  measuredOn: string;
  parameter: string;
  value: number;
  unit: string;
  standard: string;
  limitMin: number | null;
  limitMax: number | null;
  exceedsLimit: boolean;
  communeCode: string;
  communeCodeOnRecord: string;
}

export const RESULT_DAYS = ['2023-03-15', '2023-09-15', '2024-03-15', '2024-09-15', '2025-03-15', '2025-09-15', '2026-03-15', '2026-09-15'];

/** Sample values: most within the limit, about one in twenty beyond it; two forced at Bản Giốc. */
export const RESULTS: ResultSeed[] = (() => {
  const rnd = generator(42);
  const out: ResultSeed[] = [];
  for (const s of STATIONS)
    for (const day of RESULT_DAYS) {
      if (day < s.establishedOn) continue;
      for (const limit of LIMITS[s.kind]) {
        const r = rnd();
        let value =
          limit.min !== null && limit.max !== null
            ? limit.min + (limit.max - limit.min) * (0.15 + 0.7 * r)
            : limit.max !== null
              ? limit.max * (0.12 + 0.93 * r)
              : limit.min! * (1.6 - 0.66 * r);
        if (s.code === BAN_GIOC_STATION && day === '2025-09-15' && limit.parameter === 'Coliform') value = 9300;
        if (s.code === BAN_GIOC_STATION && day === '2024-09-15' && limit.parameter === 'TSS') value = 164;
        value = limit.parameter === 'Coliform' ? Math.round(value) : round(value, 2);
        out.push({
          code: `${s.code}/${day}/${limit.parameter}`,
          stationCode: s.code,
          measuredOn: day,
          parameter: limit.parameter,
          value,
          unit: limit.unit,
          standard: limit.standard,
          limitMin: limit.min,
          limitMax: limit.max,
          exceedsLimit: exceeds(value, limit),
          communeCode: s.communeCode,
          communeCodeOnRecord: day < REFORM_DAY ? (s.formerCommuneCode ?? s.communeCode) : s.communeCode,
        });
      }
    }
  return out;
})();

// ---------------------------------------------------------------------------------------------------------------
// Natural-hazard zones

export interface HazardZoneSeed {
  code: string;
  name: string;
  kind: HazardKind;
  riskLevel: RiskLevel;
  villages: string[];
  householdsExposed: number;
  assessedOn: string;
  communeCode: string;
  communeCodeOnRecord: string;
}

const VILLAGES = [
  'Bản Giốc',
  'Nà Đoỏng',
  'Khuổi Ky',
  'Pác Bó',
  'Nà Rạ',
  'Lũng Rì',
  'Cốc Xả',
  'Nà Lòa',
  'Khuổi Khoang',
  'Pác Rằng',
  'Bản Chang',
  'Nà Mạ',
  'Lũng Pán',
  'Phja Đén',
  'Nà Pậu',
  'Cốc Phát',
  'Bó Lếch',
  'Nà Pò',
  'Khau Ca',
  'Nà Sla',
  'Khuổi Lừa',
  'Nà Thin',
  'Pác Ngà',
  'Bản Khuông',
  'Lũng Luông',
  'Nặm Nhũng',
  'Cốc Khoác',
  'Nà Vị',
];
const HAZARD_KINDS: HazardKind[] = ['LANDSLIDE', 'FLASH_FLOOD', 'LANDSLIDE', 'FLOOD'];
const HAZARD_NAMES: Record<HazardKind, string> = {
  LANDSLIDE: 'Vùng nguy cơ sạt lở đất',
  FLASH_FLOOD: 'Vùng nguy cơ lũ quét',
  FLOOD: 'Vùng nguy cơ ngập lụt',
};
const LEVELS: RiskLevel[] = ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'];

export const HAZARD_ZONE_COUNT = 120;
export const HAZARD_ZONES: HazardZoneSeed[] = (() => {
  const rnd = generator(99);
  return Array.from({ length: HAZARD_ZONE_COUNT }, (_, k) => {
    const m = COMMUNES[k % COMMUNES.length];
    const kind = HAZARD_KINDS[k % HAZARD_KINDS.length];
    const villages = Array.from({ length: 1 + (k % 3) }, (_, v) => VILLAGES[(k * 5 + v * 11) % VILLAGES.length]);
    const assessedOn = `${2022 + (k % 5)}-${pad(1 + ((k * 5) % 12), 2)}-10`;
    return {
      code: `VNT-${pad(k + 1, 3)}`,
      name: `${HAZARD_NAMES[kind]} ${villages.join(', ')}, ${m.name.toLowerCase().startsWith('phường') ? 'phường' : 'xã'} ${shortName(m)} (dữ liệu mẫu)`,
      kind,
      riskLevel: LEVELS[Math.floor(rnd() * LEVELS.length)],
      villages,
      householdsExposed: 5 + Math.floor(rnd() * 175),
      assessedOn,
      communeCode: m.code,
      communeCodeOnRecord: codeOn(m, assessedOn, k),
    };
  });
})();
