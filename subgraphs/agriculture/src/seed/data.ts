// Demo data of the agriculture database, generated deterministically from lists of real place names, species,
// diseases and products of Cao Bằng. Names of people, areas, head counts, decision numbers and dates are SAMPLE DATA
// (dữ liệu mẫu), not the department's records. Units are the directory's (planCaoBang): today's communes and, for
// records dated before 1 July 2025, one of the old communes merged into today's.
import { planCaoBang } from '@hub/schema/fixtures/cao-bang';
import type {
  AquacultureMethod,
  FarmScale,
  ForestChangeCause,
  ForestChangeKind,
  ForestHolderKind,
  ForestOrigin,
  ForestPurpose,
  GrowingAreaCertification,
  IrrigationWorkKind,
  NewRuralLevel,
  OutbreakCategory,
  OutbreakStatus,
} from '../entities';
import { MERGED_FROM as MERGES, TODAY_COMMUNE_CODES as TODAY_CODES } from '@hub/kit';
import { REFORM_DAY } from '@hub/schema/fixtures/cao-bang';
import { addMonths, departmentOn } from '../units';

/** A fixed-seed generator (mulberry32): the same numbers on every machine and run. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
    round: (min: number, max: number, digits = 1) => Number((min + next() * (max - min)).toFixed(digits)),
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const day = (year: number, month: number, d: number) => `${year}-${pad(month, 2)}-${pad(d, 2)}`;
/** The commune code on `date` of a record located today in `today`: an old commune before the reform. */
export function codeOnRecord(today: string, date: string, k: number): string {
  const from = MERGES.get(today)!;
  return date < REFORM_DAY ? from[k % from.length] : today;
}

// ---------------------------------------------------------------------------------------------------------------
// Forest plots and their changes

/** Communes of special-use forests: Phia Oắc – Phia Đén national park (Nguyên Bình), the Cao Vít gibbon area (Trùng Khánh). */
const SPECIAL_USE: Record<string, string> = {
  '01630': 'Ban quản lý Vườn quốc gia Phia Oắc - Phia Đén',
  '01639': 'Ban quản lý Vườn quốc gia Phia Oắc - Phia Đén',
  '01675': 'Ban quản lý Vườn quốc gia Phia Oắc - Phia Đén',
  '01435': 'Ban quản lý Khu bảo tồn loài và sinh cảnh Vượn Cao Vít',
  '01444': 'Ban quản lý Khu bảo tồn loài và sinh cảnh Vượn Cao Vít',
  '01363': 'Ban quản lý Khu di tích quốc gia đặc biệt Pác Bó',
};
const NATURAL_SPECIES = ['Nghiến', 'Trai lý', 'Dẻ gai', 'Hỗn giao lá rộng', 'Tre nứa', 'Thông đá vôi', 'Giổi'];
const PLANTED_SPECIES = ['Keo lai', 'Thông mã vĩ', 'Hồi', 'Mỡ', 'Sa mộc', 'Trúc sào', 'Quế'];
const PEOPLE = [
  'Nông Văn Tuấn',
  'Hoàng Thị Mai',
  'Lục Văn Sáng',
  'Đàm Thị Hoa',
  'Bế Văn Thắng',
  'Lương Thị Hằng',
  'Triệu Văn Páo',
  'Sầm Văn Khoa',
  'La Thị Dung',
  'Hà Văn Lục',
  'Nông Thị Thu',
  'Mã Văn Hùng',
  'Lý Văn Chảo',
  'Hoàng Văn Pó',
  'Đinh Thị Lan',
];
const HAMLETS = ['Nà Rạo', 'Pác Rằng', 'Bản Khuông', 'Lũng Rì', 'Nà Pồng', 'Khuổi Áng', 'Bó Luông', 'Phia Khao', 'Cốc Nghịu', 'Nặm Nhũng'];
const ENTERPRISES = ['Công ty TNHH Lâm nghiệp Cao Bằng (mẫu)', 'HTX Nông lâm nghiệp Khuổi Khon (mẫu)', 'HTX Hồi Đông Khê (mẫu)'];

export interface PlotSeed {
  code: string;
  subCompartment: string;
  compartment: string;
  plot: string;
  purpose: ForestPurpose;
  origin: ForestOrigin;
  mainSpecies: string;
  areaHa: number;
  communeCode: string;
  holderKind: ForestHolderKind;
  holderOrganisation: string | null;
  holderPerson: string | null;
  managedByCode: string;
}

function buildPlots(): PlotSeed[] {
  const r = generator(7);
  const plots: PlotSeed[] = [];
  TODAY_CODES.forEach((commune, ci) => {
    const count = commune === '01435' ? 8 : 6;
    for (let j = 0; j < count; j++) {
      const sub = 100 + ci * 3 + Math.floor(j / 3);
      const k = (j % 3) + 1;
      const special = SPECIAL_USE[commune] && j < 2;
      const purpose: ForestPurpose = special ? 'SPECIAL_USE' : j % 2 === 0 ? 'PROTECTION' : 'PRODUCTION';
      const origin: ForestOrigin = purpose === 'PRODUCTION' && j % 3 !== 0 ? 'PLANTED' : 'NATURAL';
      let holderKind: ForestHolderKind;
      if (purpose !== 'PRODUCTION') holderKind = j % 4 === 2 ? 'COMMUNITY' : 'STATE_ORGANISATION';
      else holderKind = j % 5 === 0 ? 'ENTERPRISE' : 'HOUSEHOLD';
      const hamlet = HAMLETS[(ci + j) % HAMLETS.length];
      const holderOrganisation =
        holderKind === 'HOUSEHOLD'
          ? null
          : holderKind === 'COMMUNITY'
            ? `Cộng đồng xóm ${hamlet}`
            : holderKind === 'ENTERPRISE'
              ? ENTERPRISES[ci % ENTERPRISES.length]
              : ((special ? SPECIAL_USE[commune] : null) ?? `Ban quản lý rừng phòng hộ ${hamlet} (mẫu)`);
      plots.push({
        code: `TK${sub}-K${k}-L${j + 1}`,
        subCompartment: String(sub),
        compartment: String(k),
        plot: String(j + 1),
        purpose,
        origin,
        mainSpecies: r.pick(origin === 'NATURAL' ? NATURAL_SPECIES : PLANTED_SPECIES),
        areaHa: r.round(4, 85, 2),
        communeCode: commune,
        holderKind,
        holderOrganisation,
        holderPerson: holderKind === 'HOUSEHOLD' ? PEOPLE[(ci * 7 + j) % PEOPLE.length] : null,
        managedByCode: commune === '01240' || commune === '01264' ? `UBND-${commune}` : 'SNNMT',
      });
    }
  });
  return plots;
}
export const PLOTS = buildPlots();

export interface ChangeSeed {
  code: string;
  plotCode: string;
  kind: ForestChangeKind;
  cause: ForestChangeCause;
  areaHa: number;
  detectedOn: string;
  decidedOn: string | null;
  decisionNumber: string | null;
  issuerCode: string | null;
  energyProjectCode: string | null;
  communeCode: string;
  communeCodeOnRecord: string;
}

/** The contract's hydropower plants (owned by industry-trade) and today's commune of each. */
export const HYDROPOWER: readonly (readonly [string, string, string])[] = [
  ['NL-0001', 'Thủy điện Bảo Lạc A', '01312'],
  ['NL-0002', 'Thủy điện Bảo Lạc B', '01321'],
  ['NL-0003', 'Thủy điện Nho Quế 1', '01282'],
  ['NL-0004', 'Thủy điện Bản Rạ', '01417'],
  ['NL-0005', 'Thủy điện Tà Sa', '01399'],
  ['NL-0006', 'Thủy điện Bằng Giang', '01240'],
  ['NL-0007', 'Thủy điện Khuổi Luông', '01336'],
  ['NL-0008', 'Thủy điện Hòa Thuận', '01537'],
  ['NL-0009', 'Thủy điện Thoong Ngạn', '01435'],
  ['NL-0010', 'Thủy điện Bản Khoang', '01462'],
  ['NL-0011', 'Thủy điện Tiên Thành', '01579'],
  ['NL-0012', 'Thủy điện Nà Lòa', '01630'],
];

function buildChanges(): ChangeSeed[] {
  const r = generator(11);
  const changes: ChangeSeed[] = [];
  const seq = new Map<number, number>();
  const codeFor = (date: string) => {
    const y = Number(date.slice(0, 4));
    const n = (seq.get(y) ?? 0) + 1;
    seq.set(y, n);
    return `BD-${y}-${pad(n, 4)}`;
  };
  // A conversion for each plant: decided by the provincial People's Committee; the last two after the reform.
  HYDROPOWER.forEach(([project, , commune], i) => {
    const plot = PLOTS.find((p) => p.communeCode === commune && p.purpose !== 'SPECIAL_USE')!;
    const decidedOn = i < 10 ? day(2018 + (i % 7), 1 + ((i * 5) % 12), 5 + i) : day(2025, 8 + i - 10, 12);
    const detectedOn = i < 10 ? day(2018 + (i % 7), 1 + ((i * 5) % 12), 20 + (i % 8)) : day(2025, 8 + i - 10, 25);
    changes.push({
      code: codeFor(detectedOn),
      plotCode: plot.code,
      kind: 'CONVERSION',
      cause: 'CONVERSION_TO_INFRASTRUCTURE',
      areaHa: Number(Math.min(plot.areaHa * 0.4, r.round(0.8, 14, 2)).toFixed(2)),
      detectedOn,
      decidedOn,
      decisionNumber: `${300 + i * 41}/QĐ-UBND`,
      issuerCode: 'UBND-04',
      energyProjectCode: project,
      communeCode: commune,
      communeCodeOnRecord: codeOnRecord(commune, detectedOn, i + 1),
    });
  });
  // Losses and gains over the inventory: every seventh plot.
  const KINDS: [ForestChangeKind, ForestChangeCause][] = [
    ['LOSS', 'FIRE'],
    ['LOSS', 'ILLEGAL_LOGGING'],
    ['GAIN', 'PLANTING'],
    ['GAIN', 'NATURAL_REGENERATION'],
    ['LOSS', 'HARVEST'],
    ['LOSS', 'NATURAL_DISASTER'],
  ];
  PLOTS.filter((_, i) => i % 7 === 3).forEach((plot, i) => {
    const [kind, cause] = KINDS[i % KINDS.length];
    const detectedOn = day(2021 + (i % 6), 1 + ((i * 7) % 12), 1 + ((i * 3) % 27));
    const decided = cause === 'PLANTING' || cause === 'HARVEST';
    changes.push({
      code: codeFor(detectedOn),
      plotCode: plot.code,
      kind,
      cause,
      areaHa: Number(Math.min(plot.areaHa * 0.5, r.round(0.2, 9, 2)).toFixed(2)),
      detectedOn,
      decidedOn: decided ? detectedOn : null,
      decisionNumber: decided ? `${20 + i}/QĐ-${departmentOn(detectedOn)}` : null,
      issuerCode: departmentOn(detectedOn),
      energyProjectCode: null,
      communeCode: plot.communeCode,
      communeCodeOnRecord: codeOnRecord(plot.communeCode, detectedOn, i),
    });
  });
  return changes.sort((a, b) => a.code.localeCompare(b.code));
}
export const CHANGES = buildChanges();

// ---------------------------------------------------------------------------------------------------------------
// Growing-area codes and outbreaks

const CROP_AREAS: readonly (readonly [string, readonly string[], string])[] = [
  ['Hồi', ['01681', '01690', '01699', '01708', '01717'], 'HTX Hồi Thạch An (mẫu)'],
  ['Hạt dẻ Trùng Khánh', ['01426', '01435', '01444', '01453', '01462'], 'HTX Nông nghiệp Dẻ Trùng Khánh (mẫu)'],
  ['Thuốc lá', ['01585', '01594', '01363', '01528', '01603'], 'Tổ hợp tác trồng thuốc lá (mẫu)'],
  ['Mía', ['01537', '01546', '01630'], 'HTX Mía đường Phục Hòa (mẫu)'],
  ['Lúa nếp Pì Pất Bảo Lạc', ['01312', '01327', '01336', '01345'], 'HTX Nông nghiệp Bảo Lạc (mẫu)'],
  ['Quýt Trà Lĩnh', ['01471', '01480'], 'HTX Quýt Trà Lĩnh (mẫu)'],
  ['Lê Đông Khê', ['01681', '01690'], 'Tổ hợp tác Lê Đông Khê (mẫu)'],
  ['Thạch đen', ['01699', '01708', '01717'], 'HTX Thạch đen Thạch An (mẫu)'],
  ['Chè', ['01612', '01648', '01657'], 'HTX Chè Nguyên Bình (mẫu)'],
];
const CERTS: GrowingAreaCertification[] = ['VIETGAP', 'EXPORT_CHINA', 'ORGANIC', 'VIETGAP'];

export interface GrowingAreaSeed {
  code: string;
  crop: string;
  areaHa: number;
  certification: GrowingAreaCertification;
  grower: string;
  issuedOn: string;
  issuerCode: string;
  communeCode: string;
  communeCodeOnRecord: string;
  status: 'ACTIVE' | 'REVOKED';
  revokedOn: string | null;
}
function buildGrowingAreas(): GrowingAreaSeed[] {
  const r = generator(13);
  const out: GrowingAreaSeed[] = [];
  let n = 0;
  for (const [crop, communes, grower] of CROP_AREAS)
    for (const commune of communes) {
      const issuedOn = day(2021 + (n % 6), 1 + ((n * 5) % 12), 3 + ((n * 7) % 24));
      out.push({
        code: `VN-CBCA-${pad(++n, 4)}`,
        crop,
        areaHa: r.round(10, 120, 1),
        certification: CERTS[n % CERTS.length],
        grower,
        issuedOn,
        issuerCode: departmentOn(issuedOn),
        communeCode: commune,
        communeCodeOnRecord: codeOnRecord(commune, issuedOn, n),
        // every eleventh code was revoked a year after issue (sample: the area no longer met the requirements)
        status: n % 11 === 0 ? 'REVOKED' : 'ACTIVE',
        revokedOn: n % 11 === 0 ? addMonths(issuedOn, 12) : null,
      });
    }
  return out;
}
export const GROWING_AREAS = buildGrowingAreas();

const DISEASES: readonly (readonly [OutbreakCategory, string, string])[] = [
  ['ANIMAL_DISEASE', 'Dịch tả lợn châu Phi', 'Lợn'],
  ['ANIMAL_DISEASE', 'Lở mồm long móng', 'Trâu, bò'],
  ['ANIMAL_DISEASE', 'Cúm gia cầm A/H5N1', 'Gà, vịt'],
  ['ANIMAL_DISEASE', 'Viêm da nổi cục', 'Trâu, bò'],
  ['ANIMAL_DISEASE', 'Tụ huyết trùng', 'Trâu, bò'],
  ['PLANT_PEST', 'Sâu keo mùa thu', 'Ngô'],
  ['PLANT_PEST', 'Rầy nâu', 'Lúa'],
  ['PLANT_PEST', 'Bệnh thán thư', 'Hồi'],
  ['PLANT_PEST', 'Châu chấu tre lưng vàng', 'Tre nứa, ngô'],
  ['PLANT_PEST', 'Bệnh vàng lá Greening', 'Quýt'],
];

export interface OutbreakSeed {
  code: string;
  category: OutbreakCategory;
  disease: string;
  host: string;
  detectedOn: string;
  communeCodes: string[];
  communeCodesOnRecord: string[];
  affectedAreaHa: number | null;
  affectedHeads: number | null;
  culledHeads: number | null;
  householdsAffected: number | null;
  status: OutbreakStatus;
  controlledOn: string | null;
  endedOn: string | null;
  issuerCode: string;
}
function buildOutbreaks(): OutbreakSeed[] {
  const r = generator(17);
  const out: OutbreakSeed[] = [];
  const seq = new Map<number, number>();
  for (let i = 0; i < 30; i++) {
    const [category, disease, host] = DISEASES[i % DISEASES.length];
    const year = 2021 + Math.floor(i / 5);
    const detectedOn = day(year, 1 + ((i * 5) % 12), 2 + ((i * 11) % 25));
    const start = i === 7 ? TODAY_CODES.indexOf('01435') : (i * 13) % TODAY_CODES.length;
    const width = 1 + (i % 3);
    const communeCodes = [...new Set(Array.from({ length: width }, (_, k) => TODAY_CODES[(start + k) % TODAY_CODES.length]))];
    const recent = detectedOn >= '2025-10-01';
    const status: OutbreakStatus = !recent ? 'ENDED' : i % 2 ? 'ACTIVE' : 'CONTROLLED';
    const controlledOn = status === 'ACTIVE' ? null : addMonths(detectedOn, 1);
    const n = (seq.get(year) ?? 0) + 1;
    seq.set(year, n);
    const animal = category === 'ANIMAL_DISEASE';
    const heads = animal ? r.int(8, 900) : null;
    out.push({
      code: `OD-${year}-${pad(n, 3)}`,
      category,
      disease,
      host,
      detectedOn,
      communeCodes,
      communeCodesOnRecord: communeCodes.map((c, k) => codeOnRecord(c, detectedOn, i + k)),
      affectedAreaHa: animal ? null : r.round(2, 350, 1),
      affectedHeads: heads,
      culledHeads: animal && heads ? Math.round(heads * r.round(0.2, 1, 2)) : null,
      householdsAffected: r.int(3, 260),
      status,
      controlledOn,
      endedOn: status === 'ENDED' ? addMonths(detectedOn, 3) : null,
      issuerCode: departmentOn(detectedOn),
    });
  }
  return out;
}
export const OUTBREAKS = buildOutbreaks();

// ---------------------------------------------------------------------------------------------------------------
// Farms, irrigation works, aquaculture areas

export interface FarmSeed {
  code: string;
  name: string;
  scale: FarmScale;
  species: string;
  headCount: number;
  ownerName: string;
  communeCode: string;
}
const FARM_SPECIES = ['Lợn', 'Bò thịt', 'Trâu', 'Gà thả đồi', 'Dê', 'Lợn đen bản địa', 'Vịt cỏ Cao Bằng'];
function buildFarms(): FarmSeed[] {
  const r = generator(19);
  return Array.from({ length: 42 }, (_, i) => {
    const commune = TODAY_CODES[(i * 4 + 1) % TODAY_CODES.length];
    const species = FARM_SPECIES[i % FARM_SPECIES.length];
    const scale: FarmScale = i % 9 === 0 ? 'LARGE' : i % 3 === 0 ? 'MEDIUM' : 'SMALL';
    const poultry = species.startsWith('Gà') || species.startsWith('Vịt');
    const base = scale === 'LARGE' ? 600 : scale === 'MEDIUM' ? 150 : 40;
    return {
      code: `TT-${pad(i + 1, 4)}`,
      name: `Trang trại ${species.toLowerCase()} ${HAMLETS[i % HAMLETS.length]} (mẫu)`,
      scale,
      species,
      headCount: (poultry ? 20 : 1) * (base + r.int(0, base)),
      ownerName: PEOPLE[(i * 5 + 3) % PEOPLE.length],
      communeCode: commune,
    };
  });
}
export const FARMS = buildFarms();

export interface IrrigationSeed {
  code: string;
  name: string;
  kind: IrrigationWorkKind;
  capacity: number | null;
  irrigatedHa: number;
  communeCode: string;
  managedByCode: string;
}
const WORK_NAMES: Record<IrrigationWorkKind, string> = {
  RESERVOIR: 'Hồ chứa nước',
  WEIR: 'Đập dâng',
  CANAL: 'Kênh mương',
  PUMPING_STATION: 'Trạm bơm',
};
const WORK_KINDS: IrrigationWorkKind[] = ['WEIR', 'CANAL', 'RESERVOIR', 'CANAL', 'PUMPING_STATION', 'WEIR'];
function buildIrrigation(): IrrigationSeed[] {
  const r = generator(23);
  const named: [string, IrrigationWorkKind, string][] = [
    ['Hồ chứa nước Khuổi Lái', 'RESERVOIR', '01585'],
    ['Hồ chứa nước Nà Tấu', 'RESERVOIR', '01603'],
    ['Kênh Nà Cáp', 'CANAL', '01252'],
    ['Trạm bơm Bằng Giang', 'PUMPING_STATION', '01240'],
  ];
  const out: IrrigationSeed[] = named.map(([name, kind, communeCode], i) => ({
    code: `TL-${pad(i + 1, 4)}`,
    name: `${name} (mẫu)`,
    kind,
    capacity: kind === 'RESERVOIR' ? r.round(300, 3500, 0) : r.round(0.2, 2, 2),
    irrigatedHa: r.round(40, 600, 0),
    communeCode,
    managedByCode: 'SNNMT',
  }));
  for (let i = out.length; i < 40; i++) {
    const kind = WORK_KINDS[i % WORK_KINDS.length];
    const communeCode = TODAY_CODES[(i * 3 + 2) % TODAY_CODES.length];
    out.push({
      code: `TL-${pad(i + 1, 4)}`,
      name: `${WORK_NAMES[kind]} ${HAMLETS[(i * 3) % HAMLETS.length]} (mẫu)`,
      kind,
      capacity: kind === 'RESERVOIR' ? r.round(50, 900, 0) : kind === 'CANAL' ? null : r.round(0.05, 1, 2),
      irrigatedHa: r.round(5, 180, 0),
      communeCode,
      managedByCode: communeCode === '01240' || communeCode === '01264' ? `UBND-${communeCode}` : 'SNNMT',
    });
  }
  return out;
}
export const IRRIGATION = buildIrrigation();

export interface AquacultureSeed {
  code: string;
  name: string;
  species: string;
  method: AquacultureMethod;
  waterAreaHa: number;
  communeCode: string;
}
const FISH: [string, AquacultureMethod][] = [
  ['Cá chép ruộng', 'RICE_FIELD'],
  ['Cá trắm cỏ', 'POND'],
  ['Cá tầm', 'POND'],
  ['Cá rô phi', 'CAGE'],
  ['Cá lăng', 'CAGE'],
  ['Cá mè, cá trôi', 'RESERVOIR'],
];
function buildAquaculture(): AquacultureSeed[] {
  const r = generator(29);
  return Array.from({ length: 26 }, (_, i) => {
    const [species, method] = FISH[i % FISH.length];
    return {
      code: `TS-${pad(i + 1, 4)}`,
      name: `Vùng nuôi ${species.toLowerCase()} ${HAMLETS[(i * 7) % HAMLETS.length]} (mẫu)`,
      species,
      method,
      waterAreaHa: r.round(0.3, method === 'RESERVOIR' ? 60 : 8, 2),
      communeCode: TODAY_CODES[(i * 5 + 4) % TODAY_CODES.length],
    };
  });
}
export const AQUACULTURE = buildAquaculture();

// ---------------------------------------------------------------------------------------------------------------
// OCOP products and new-rural recognitions

export interface OcopSeed {
  code: string;
  name: string;
  stars: number;
  producer: string;
  decisionNumber: string;
  decidedOn: string;
  validUntil: string;
  revokedOn: string | null;
  issuerCode: string;
  communeCode: string;
  communeCodeOnRecord: string;
}
/** Products known as Cao Bằng's OCOP products; producers, stars and decisions are sample data. */
const OCOP: readonly (readonly [string, string, string])[] = [
  ['Miến dong Phia Đén', 'HTX Nông nghiệp Phia Đén (mẫu)', '01675'],
  ['Hạt dẻ Trùng Khánh', 'HTX Dẻ Trùng Khánh (mẫu)', '01426'],
  ['Lạp sườn hun khói Cao Bằng', 'Hộ kinh doanh Lạp sườn Hồng Nhung (mẫu)', '01240'],
  ['Bánh khảo Cao Bằng', 'Cơ sở Bánh khảo Thục Phán (mẫu)', '01264'],
  ['Trà giảo cổ lam', 'HTX Giảo cổ lam Hà Quảng (mẫu)', '01363'],
  ['Mật ong bạc hà', 'HTX Ong mật Bảo Lạc (mẫu)', '01312'],
  ['Gạo nếp Pì Pất', 'HTX Nông nghiệp Bảo Lạc (mẫu)', '01327'],
  ['Thạch đen Thạch An', 'HTX Thạch đen Đông Khê (mẫu)', '01681'],
  ['Hương Phia Thắp', 'Tổ hợp tác Hương Phia Thắp (mẫu)', '01528'],
  ['Khẩu sli Trùng Khánh', 'Cơ sở Khẩu sli Trùng Khánh (mẫu)', '01426'],
  ['Mì gạo Nam Tuấn', 'HTX Mì gạo Nam Tuấn (mẫu)', '01594'],
  ['Đường phên Phục Hòa', 'HTX Mía đường Phục Hòa (mẫu)', '01537'],
  ['Quýt Trà Lĩnh', 'HTX Quýt Trà Lĩnh (mẫu)', '01471'],
  ['Lê Đông Khê', 'Tổ hợp tác Lê Đông Khê (mẫu)', '01690'],
  ['Rượu ngô men lá Bảo Lâm', 'HTX Rượu Bảo Lâm (mẫu)', '01273'],
  ['Chè Tiên Thành', 'HTX Chè Tiên Thành (mẫu)', '01579'],
  ['Tương Nguyên Bình', 'Hộ kinh doanh Tương Nguyên Bình (mẫu)', '01630'],
  ['Bún khô Cao Bằng', 'Cơ sở Bún khô Nùng Trí Cao (mẫu)', '01252'],
  ['Thịt bò khô Hạ Lang', 'HTX Nông nghiệp Hạ Lang (mẫu)', '01489'],
  ['Hồng không hạt Quảng Uyên', 'HTX Hồng Quảng Uyên (mẫu)', '01528'],
  ['Vịt cỏ Cao Bằng', 'HTX Chăn nuôi Hòa An (mẫu)', '01585'],
  ['Lợn đen Thông Nông', 'HTX Chăn nuôi Thông Nông (mẫu)', '01372'],
  ['Chè đắng Cao Bằng', 'HTX Chè đắng Thạch An (mẫu)', '01699'],
  ['Gạo Bao thai Hòa An', 'HTX Gạo Hòa An (mẫu)', '01585'],
  ['Nấm hương Nguyên Bình', 'HTX Nấm Tĩnh Túc (mẫu)', '01639'],
  ['Bánh cuốn Cao Bằng', 'Hộ kinh doanh Bánh cuốn Tân Giang (mẫu)', '01264'],
  ['Hạt dẻ rang Đàm Thủy', 'Tổ hợp tác Dẻ Đàm Thủy (mẫu)', '01435'],
  ['Rượu thóc Đàm Thủy', 'Cơ sở Rượu Bản Giốc (mẫu)', '01435'],
];
function buildOcop(): OcopSeed[] {
  return OCOP.map(([name, producer, commune], i) => {
    const decidedOn = day(2021 + (i % 5), 1 + ((i * 5) % 12), 10 + (i % 15));
    return {
      code: `OCOP-${pad(i + 1, 4)}`,
      name,
      stars: i < 2 ? 4 : i === 2 ? 5 : 3 + (i % 7 === 0 ? 1 : 0),
      producer,
      decisionNumber: `${1200 + i * 13}/QĐ-UBND`,
      decidedOn,
      validUntil: addMonths(decidedOn, 36),
      revokedOn: null,
      issuerCode: 'UBND-04',
      communeCode: commune,
      communeCodeOnRecord: codeOnRecord(commune, decidedOn, i),
    };
  });
}
export const OCOP_PRODUCTS = buildOcop();

export interface NewRuralSeed {
  code: string;
  year: number;
  level: NewRuralLevel;
  criteriaMet: number;
  decisionNumber: string;
  decidedOn: string;
  issuerCode: string;
  communeCode: string;
  communeCodeOnRecord: string;
  status: 'ACTIVE' | 'REVOKED';
  revokedOn: string | null;
}
/** Recognitions 2021–2025 of old communes (before the reform: every decision is dated before 1 July 2025). */
function buildNewRural(): NewRuralSeed[] {
  const plan = planCaoBang();
  const todayOf = new Map(plan.merges.flatMap((m) => m.from.map((f) => [f, m.code] as const)));
  const out: NewRuralSeed[] = [];
  plan.communes
    .filter((c) => c.kind === 'COMMUNE')
    .forEach((c, i) => {
      if (i % 3 === 2) return;
      const year = 2021 + (i % 5);
      const decidedOn = year === 2025 ? day(2025, 3 + (i % 4), 15) : day(year, 11 + (i % 2), 10 + (i % 18));
      const level: NewRuralLevel = year >= 2024 && i % 4 === 0 ? 'ADVANCED' : year === 2025 && i % 11 === 0 ? 'MODEL' : 'STANDARD';
      out.push({
        code: `NTM-${year}-${c.code}`,
        year,
        level,
        criteriaMet: 19,
        decisionNumber: `${2000 + i * 9}/QĐ-UBND`,
        decidedOn,
        issuerCode: 'UBND-04',
        communeCode: todayOf.get(c.code)!,
        communeCodeOnRecord: c.code,
        status: 'ACTIVE',
        revokedOn: null,
      });
    });
  return out;
}
export const NEW_RURAL = buildNewRural();
