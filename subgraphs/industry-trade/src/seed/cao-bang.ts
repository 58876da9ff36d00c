// Lists the demo data is built from. Public facts where known (the border gates and their counterparts, the names of
// the industrial clusters, the hydropower plants' names of the sector contract); everything else is sample data
// (dữ liệu mẫu): enterprises, people, figures, licence numbers and dates are made up, deterministically.
import { planCaoBang, type PlannedMerge } from '@hub/schema/fixtures/cao-bang';
import type {
  BorderGateKind,
  EnergyProjectKind,
  EnergyProjectStatus,
  IndustrialClusterStatus,
  MarketClass,
  TradeCentreKind,
} from '../entities';

const plan = planCaoBang();
/** Today's communes (after 1 July 2025), in code order. */
export const MERGES: PlannedMerge[] = plan.merges;
const oldName = new Map(plan.communes.map((c) => [c.code, c.name]));

/** The name without its kind (`Xã Đàm Thủy` → `Đàm Thủy`). */
export const bare = (name: string) => name.replace(/^(Xã|Phường|Thị trấn) /, '');
export const nameOfOld = (code: string) => oldName.get(code)!;
export const mergeOf = (today: string): PlannedMerge => {
  const m = MERGES.find((x) => x.code === today);
  if (!m) throw new Error(`${today} is no commune of today`);
  return m;
};

/**
 * The commune code as it was on `day`: before the reform, one of the merge's old communes (`pick` chooses it),
 * from the reform on, today's code.
 */
export function codeOnRecord(today: string, day: string, pick = 0): string {
  if (day >= '2025-07-01') return today;
  const from = mergeOf(today).from;
  return from[pick % from.length];
}

/** Deterministic pseudo-random numbers (mulberry32) with a fixed seed: the same data at every load. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface MarketSeed {
  name: string;
  communeCode: string;
  marketClass: MarketClass;
  daily?: boolean;
}

/** Well-known markets first; the rest are generated per commune from the names of its old communes. */
export const KNOWN_MARKETS: MarketSeed[] = [
  { name: 'Chợ Xanh Cao Bằng', communeCode: '01240', marketClass: 'CLASS_I', daily: true },
  { name: 'Chợ Sông Bằng', communeCode: '01240', marketClass: 'CLASS_II', daily: true },
  { name: 'Chợ Trùng Khánh', communeCode: '01426', marketClass: 'CLASS_II', daily: true },
  { name: 'Chợ Tà Lùng', communeCode: '01528', marketClass: 'CLASS_II', daily: true },
  { name: 'Chợ Bản Giốc', communeCode: '01435', marketClass: 'CLASS_III' },
  { name: 'Chợ phiên Đàm Thủy', communeCode: '01435', marketClass: 'CLASS_III' },
];

/** Villages (bản, xóm) whose names are common in Cao Bằng: the sample "Chợ phiên <village>" markets. */
export const VILLAGES = [
  'Nà Mạ',
  'Bản Chang',
  'Pác Ngà',
  'Khuổi Khỉn',
  'Lũng Luông',
  'Nà Rạo',
  'Bản Riển',
  'Pò Tấu',
  'Nà Lẹng',
  'Cốc Chia',
  'Bản Thuộc',
  'Khau Cảng',
  'Nà Pò',
  'Phja Đén',
  'Bản Mới',
  'Lũng Pán',
  'Nà Bản',
  'Pác Rà',
  'Cốc Xả',
  'Bó Mạ',
];

export const LUNAR_CYCLES = [
  '1, 6, 11, 16, 21, 26',
  '2, 7, 12, 17, 22, 27',
  '3, 8, 13, 18, 23, 28',
  '4, 9, 14, 19, 24, 29',
  '5, 10, 15, 20, 25, 30',
];

/** Commune People's Committees that are agencies of the directory (they manage the markets of their commune). */
export const COMMUNE_PCS: Record<string, string> = {
  '01240': 'UBND-01240',
  '01252': 'UBND-01252',
  '01264': 'UBND-01264',
  '01426': 'UBND-01426',
};

export interface ClusterSeed {
  name: string;
  communeCode: string;
  /** The old commune's code on the decision's date (one of the merge's `from`). */
  oldCode: string;
  areaHa: number;
  occupancyRate: number;
  status: IndustrialClusterStatus;
  decisionNumber: string;
  decisionDate: string;
}

export const CLUSTERS: ClusterSeed[] = [
  {
    name: 'Cụm công nghiệp Đề Thám',
    communeCode: '01252',
    oldCode: '01255',
    areaHa: 27.5,
    occupancyRate: 92,
    status: 'OPERATING',
    decisionNumber: '1732/QĐ-UBND',
    decisionDate: '2012-10-17',
  },
  {
    name: 'Cụm công nghiệp Chu Trinh',
    communeCode: '01264',
    oldCode: '01270',
    areaHa: 50.2,
    occupancyRate: 64,
    status: 'OPERATING',
    decisionNumber: '2215/QĐ-UBND',
    decisionDate: '2016-11-28',
  },
  {
    name: 'Cụm công nghiệp Hòa Chung',
    communeCode: '01252',
    oldCode: '01258',
    areaHa: 18.7,
    occupancyRate: 85,
    status: 'OPERATING',
    decisionNumber: '0945/QĐ-UBND',
    decisionDate: '2011-06-09',
  },
  {
    name: 'Cụm công nghiệp Tà Lùng',
    communeCode: '01528',
    oldCode: '01531',
    areaHa: 40,
    occupancyRate: 48,
    status: 'OPERATING',
    decisionNumber: '1187/QĐ-UBND',
    decisionDate: '2019-07-22',
  },
  {
    name: 'Cụm công nghiệp Nam Tuấn',
    communeCode: '01585',
    oldCode: '01591',
    areaHa: 60,
    occupancyRate: 21,
    status: 'ESTABLISHED',
    decisionNumber: '0512/QĐ-UBND',
    decisionDate: '2023-04-03',
  },
  {
    name: 'Cụm công nghiệp Hưng Đạo',
    communeCode: '01264',
    oldCode: '01267',
    areaHa: 35,
    occupancyRate: 37,
    status: 'ESTABLISHED',
    decisionNumber: '2034/QĐ-UBND',
    decisionDate: '2021-12-15',
  },
  {
    name: 'Cụm công nghiệp Tĩnh Túc',
    communeCode: '01630',
    oldCode: '01633',
    areaHa: 45,
    occupancyRate: 12,
    status: 'SUSPENDED',
    decisionNumber: '1450/QĐ-UBND',
    decisionDate: '2018-08-30',
  },
  {
    name: 'Cụm công nghiệp Trùng Khánh',
    communeCode: '01426',
    oldCode: '01426',
    areaHa: 30,
    occupancyRate: 0,
    status: 'PLANNED',
    decisionNumber: '2710/QĐ-UBND',
    decisionDate: '2025-10-15',
  },
];

export interface SectorSeed {
  code: string;
  label: string;
  products: string;
}

/** VSIC 2018 codes of activities found in the province. */
export const SECTORS: SectorSeed[] = [
  { code: '1071', label: 'Bánh truyền thống', products: 'Bánh khảo, bánh gai, bánh trứng kiến' },
  { code: '1062', label: 'Miến dong', products: 'Miến dong, tinh bột dong riềng' },
  { code: '1079', label: 'Chế biến thực phẩm', products: 'Lạp sườn, thịt lợn hun khói, hạt dẻ Trùng Khánh' },
  { code: '1101', label: 'Rượu', products: 'Rượu ngô men lá' },
  { code: '2395', label: 'Vật liệu xây dựng', products: 'Gạch không nung, bê tông thương phẩm' },
  { code: '0722', label: 'Khai khoáng', products: 'Quặng thiếc, quặng chì kẽm' },
  { code: '0710', label: 'Khai thác quặng sắt', products: 'Quặng sắt, tinh quặng sắt' },
  { code: '0810', label: 'Khai thác đá', products: 'Đá xây dựng, cát, sỏi' },
  { code: '1610', label: 'Chế biến gỗ', products: 'Gỗ xẻ, ván bóc' },
  { code: '3100', label: 'Đồ gỗ nội thất', products: 'Giường, tủ, bàn ghế' },
  { code: '1312', label: 'Dệt thổ cẩm', products: 'Vải thổ cẩm Tày, Nùng' },
  { code: '1104', label: 'Nước giải khát', products: 'Nước khoáng, nước tinh khiết đóng chai' },
  { code: '2410', label: 'Luyện kim', products: 'Gang, phôi thép' },
  { code: '2511', label: 'Cơ khí', products: 'Kết cấu thép, cửa sắt, khung nhà' },
  { code: '1629', label: 'Hương mỹ nghệ', products: 'Hương, đồ mỹ nghệ' },
  { code: '1410', label: 'May mặc', products: 'Quần áo, đồng phục' },
];

export const COMPANY_FORMS = ['Công ty TNHH', 'Công ty Cổ phần', 'Hợp tác xã', 'Doanh nghiệp tư nhân'];
export const BRANDS = [
  'Phúc An',
  'Hoàng Long',
  'Tân Phát',
  'Non Nước',
  'Thành Đạt',
  'Hưng Thịnh',
  'Minh Phú',
  'Bình Minh',
  'Kim Sơn',
  'Đức Thành',
  'Việt Bắc',
  'An Khang',
  'Ngọc Lâm',
  'Trường Xuân',
  'Quang Minh',
];
export const FAMILY = ['Nông', 'Hoàng', 'Lục', 'Đàm', 'Bế', 'Lương', 'Triệu', 'Nguyễn', 'Lý', 'La', 'Mã', 'Vi'];
export const MIDDLE = ['Văn', 'Thị', 'Đức', 'Thanh', 'Minh'];
export const GIVEN = ['Hùng', 'Lan', 'Tuấn', 'Hoa', 'Bình', 'Thảo', 'Dũng', 'Hà', 'Quang', 'Mai', 'Sơn', 'Hạnh'];

export interface TradeCentreSeed {
  name: string;
  kind: TradeCentreKind;
  tradeClass: MarketClass;
  areaM2: number;
  operator: string;
  communeCode: string;
}

export const TRADE_CENTRES: TradeCentreSeed[] = [
  {
    name: 'Siêu thị Co.opmart Cao Bằng',
    kind: 'SUPERMARKET',
    tradeClass: 'CLASS_II',
    areaM2: 4200,
    operator: 'Liên hiệp HTX Thương mại TP. Hồ Chí Minh (Saigon Co.op)',
    communeCode: '01240',
  },
  {
    name: 'Trung tâm thương mại Vincom Cao Bằng',
    kind: 'TRADE_CENTRE',
    tradeClass: 'CLASS_II',
    areaM2: 9800,
    operator: 'Công ty CP Vincom Retail',
    communeCode: '01240',
  },
  {
    name: 'Siêu thị WinMart Cao Bằng',
    kind: 'SUPERMARKET',
    tradeClass: 'CLASS_III',
    areaM2: 1500,
    operator: 'Công ty CP Dịch vụ Thương mại Tổng hợp WinCommerce',
    communeCode: '01252',
  },
  {
    name: 'Trung tâm thương mại Sông Bằng',
    kind: 'TRADE_CENTRE',
    tradeClass: 'CLASS_III',
    areaM2: 6000,
    operator: 'Công ty CP Thương mại Cao Bằng (dữ liệu mẫu)',
    communeCode: '01240',
  },
  {
    name: 'Siêu thị Điện máy Xanh Cao Bằng',
    kind: 'SUPERMARKET',
    tradeClass: 'CLASS_III',
    areaM2: 800,
    operator: 'Công ty CP Thế Giới Di Động',
    communeCode: '01264',
  },
  {
    name: 'Siêu thị Minh Tuấn (dữ liệu mẫu)',
    kind: 'SUPERMARKET',
    tradeClass: 'CLASS_III',
    areaM2: 650,
    operator: 'Công ty TNHH Minh Tuấn',
    communeCode: '01252',
  },
  {
    name: 'Siêu thị Trùng Khánh (dữ liệu mẫu)',
    kind: 'SUPERMARKET',
    tradeClass: 'CLASS_III',
    areaM2: 520,
    operator: 'HTX Thương mại Trùng Khánh',
    communeCode: '01426',
  },
  {
    name: 'Siêu thị Quảng Uyên (dữ liệu mẫu)',
    kind: 'SUPERMARKET',
    tradeClass: 'CLASS_III',
    areaM2: 500,
    operator: 'Công ty TNHH Thương mại Quảng Hòa',
    communeCode: '01528',
  },
  {
    name: 'Trung tâm thương mại Tà Lùng (dữ liệu mẫu)',
    kind: 'TRADE_CENTRE',
    tradeClass: 'CLASS_III',
    areaM2: 3200,
    operator: 'Công ty CP Cửa khẩu Tà Lùng',
    communeCode: '01528',
  },
  {
    name: 'Siêu thị Bảo Lạc (dữ liệu mẫu)',
    kind: 'SUPERMARKET',
    tradeClass: 'CLASS_III',
    areaM2: 480,
    operator: 'Công ty TNHH Thương mại Bảo Lạc',
    communeCode: '01312',
  },
  {
    name: 'Siêu thị Nguyên Bình (dữ liệu mẫu)',
    kind: 'SUPERMARKET',
    tradeClass: 'CLASS_III',
    areaM2: 450,
    operator: 'HTX Dịch vụ Nguyên Bình',
    communeCode: '01630',
  },
  {
    name: 'Siêu thị Đông Khê (dữ liệu mẫu)',
    kind: 'SUPERMARKET',
    tradeClass: 'CLASS_III',
    areaM2: 500,
    operator: 'Công ty TNHH Thạch An',
    communeCode: '01681',
  },
];

export interface BorderGateSeed {
  name: string;
  kind: BorderGateKind;
  counterpartGate: string;
  openedOn: string | null;
  communeCode: string;
  /** Whether trade flows are recorded for it (auxiliary openings report none). */
  trades: boolean;
}

/** The gates of Cao Bằng (Tà Lùng and Trà Lĩnh international); dates are sample where not sure. */
export const BORDER_GATES: BorderGateSeed[] = [
  {
    name: 'Cửa khẩu quốc tế Tà Lùng',
    kind: 'INTERNATIONAL',
    counterpartGate: 'Thủy Khẩu (Shuikou), Quảng Tây, Trung Quốc',
    openedOn: '2002-09-06',
    communeCode: '01528',
    trades: true,
  },
  {
    name: 'Cửa khẩu quốc tế Trà Lĩnh',
    kind: 'INTERNATIONAL',
    counterpartGate: 'Long Bang (Longbang), Quảng Tây, Trung Quốc',
    openedOn: '2022-07-01',
    communeCode: '01426',
    trades: true,
  },
  {
    name: 'Cửa khẩu Sóc Giang',
    kind: 'MAIN',
    counterpartGate: 'Bình Mãng (Pingmeng), Quảng Tây, Trung Quốc',
    openedOn: null,
    communeCode: '01363',
    trades: true,
  },
  {
    name: 'Cửa khẩu Lý Vạn',
    kind: 'MAIN',
    counterpartGate: 'Thạc Long (Shuolong), Quảng Tây, Trung Quốc',
    openedOn: null,
    communeCode: '01489',
    trades: true,
  },
  {
    name: 'Cửa khẩu Bí Hà (dữ liệu mẫu)',
    kind: 'SECONDARY',
    counterpartGate: 'Nham Ứng (Yanying), Quảng Tây, Trung Quốc (dữ liệu mẫu)',
    openedOn: null,
    communeCode: '01501',
    trades: true,
  },
  {
    name: 'Cửa khẩu Pò Peo',
    kind: 'SECONDARY',
    counterpartGate: 'Nhạc Vu (Yuexu), Quảng Tây, Trung Quốc',
    openedOn: null,
    communeCode: '01444',
    trades: true,
  },
  {
    name: 'Lối mở Đức Long (Thạch An, dữ liệu mẫu)',
    kind: 'AUXILIARY',
    counterpartGate: 'Khoa Giáp (Kejia), Quảng Tây, Trung Quốc (dữ liệu mẫu)',
    openedOn: null,
    communeCode: '01717',
    trades: false,
  },
  {
    name: 'Lối mở Hạ Lang (dữ liệu mẫu)',
    kind: 'AUXILIARY',
    counterpartGate: 'Bằng Tường, Quảng Tây, Trung Quốc (dữ liệu mẫu)',
    openedOn: null,
    communeCode: '01510',
    trades: false,
  },
];

export interface EnergySeed {
  name: string;
  kind: EnergyProjectKind;
  capacityMw: number;
  communeCodes: string[];
  operator: string;
  status: EnergyProjectStatus;
  commissionedOn: string | null;
}

/** NL-0001…NL-0012 are the hydropower plants of the sector contract (same codes, names and communes everywhere). */
export const ENERGY: EnergySeed[] = [
  {
    name: 'Thủy điện Bảo Lạc A',
    kind: 'HYDRO',
    capacityMw: 30,
    communeCodes: ['01312'],
    operator: 'Công ty CP Thủy điện Bảo Lạc (dữ liệu mẫu)',
    status: 'OPERATING',
    commissionedOn: '2015-06-01',
  },
  {
    name: 'Thủy điện Bảo Lạc B',
    kind: 'HYDRO',
    capacityMw: 18,
    communeCodes: ['01321'],
    operator: 'Công ty CP Thủy điện Bảo Lạc (dữ liệu mẫu)',
    status: 'OPERATING',
    commissionedOn: '2017-03-15',
  },
  {
    name: 'Thủy điện Nho Quế 1',
    kind: 'HYDRO',
    capacityMw: 32,
    communeCodes: ['01282'],
    operator: 'Công ty CP Đầu tư Điện lực Nho Quế (dữ liệu mẫu)',
    status: 'OPERATING',
    commissionedOn: '2012-10-01',
  },
  {
    name: 'Thủy điện Bản Rạ',
    kind: 'HYDRO',
    capacityMw: 12,
    communeCodes: ['01417'],
    operator: 'Công ty TNHH Thủy điện Bản Rạ (dữ liệu mẫu)',
    status: 'OPERATING',
    commissionedOn: '2018-09-20',
  },
  {
    name: 'Thủy điện Tà Sa',
    kind: 'HYDRO',
    capacityMw: 9,
    communeCodes: ['01399'],
    operator: 'Công ty CP Thủy điện Tà Sa (dữ liệu mẫu)',
    status: 'UNDER_CONSTRUCTION',
    commissionedOn: null,
  },
  {
    name: 'Thủy điện Bằng Giang',
    kind: 'HYDRO',
    capacityMw: 6,
    communeCodes: ['01240'],
    operator: 'Công ty CP Thủy điện Bằng Giang (dữ liệu mẫu)',
    status: 'OPERATING',
    commissionedOn: '2011-05-10',
  },
  {
    name: 'Thủy điện Khuổi Luông',
    kind: 'HYDRO',
    capacityMw: 7.5,
    communeCodes: ['01336'],
    operator: 'Công ty CP Năng lượng Khuổi Luông (dữ liệu mẫu)',
    status: 'OPERATING',
    commissionedOn: '2019-12-01',
  },
  {
    name: 'Thủy điện Hòa Thuận',
    kind: 'HYDRO',
    capacityMw: 10,
    communeCodes: ['01537'],
    operator: 'Công ty CP Thủy điện Hòa Thuận (dữ liệu mẫu)',
    status: 'OPERATING',
    commissionedOn: '2014-08-01',
  },
  {
    name: 'Thủy điện Thoong Ngạn',
    kind: 'HYDRO',
    capacityMw: 4.8,
    communeCodes: ['01435'],
    operator: 'Công ty TNHH Thoong Ngạn (dữ liệu mẫu)',
    status: 'OPERATING',
    commissionedOn: '2020-04-15',
  },
  {
    name: 'Thủy điện Bản Khoang',
    kind: 'HYDRO',
    capacityMw: 5.4,
    communeCodes: ['01462'],
    operator: 'Công ty CP Thủy điện Bản Khoang (dữ liệu mẫu)',
    status: 'PLANNED',
    commissionedOn: null,
  },
  {
    name: 'Thủy điện Tiên Thành',
    kind: 'HYDRO',
    capacityMw: 15,
    communeCodes: ['01579'],
    operator: 'Công ty CP Thủy điện Tiên Thành (dữ liệu mẫu)',
    status: 'OPERATING',
    commissionedOn: '2016-01-20',
  },
  {
    name: 'Thủy điện Nà Lòa',
    kind: 'HYDRO',
    capacityMw: 4.5,
    communeCodes: ['01630'],
    operator: 'Công ty CP Thủy điện Nà Lòa (dữ liệu mẫu)',
    status: 'OPERATING',
    commissionedOn: '2013-11-01',
  },
  {
    name: 'Thủy điện Sông Gâm (dữ liệu mẫu)',
    kind: 'HYDRO',
    capacityMw: 22,
    communeCodes: ['01273', '01282'],
    operator: 'Công ty CP Thủy điện Sông Gâm',
    status: 'UNDER_CONSTRUCTION',
    commissionedOn: null,
  },
  {
    name: 'Thủy điện Bảo Lâm 1 (dữ liệu mẫu)',
    kind: 'HYDRO',
    capacityMw: 30,
    communeCodes: ['01273'],
    operator: 'Công ty CP Thủy điện Bảo Lâm',
    status: 'OPERATING',
    commissionedOn: '2016-09-01',
  },
  {
    name: 'Thủy điện Bảo Lâm 3 (dữ liệu mẫu)',
    kind: 'HYDRO',
    capacityMw: 46,
    communeCodes: ['01297'],
    operator: 'Công ty CP Thủy điện Bảo Lâm',
    status: 'OPERATING',
    commissionedOn: '2018-02-01',
  },
  {
    name: 'Thủy điện Hồng Nam (dữ liệu mẫu)',
    kind: 'HYDRO',
    capacityMw: 8,
    communeCodes: ['01624'],
    operator: 'Công ty TNHH Năng lượng Hồng Nam',
    status: 'PLANNED',
    commissionedOn: null,
  },
  {
    name: 'Thủy điện Sông Hiến (dữ liệu mẫu)',
    kind: 'HYDRO',
    capacityMw: 12,
    communeCodes: ['01681', '01690'],
    operator: 'Công ty CP Thủy điện Sông Hiến',
    status: 'PLANNED',
    commissionedOn: null,
  },
  {
    name: 'Thủy điện Pác Khuổi (dữ liệu mẫu)',
    kind: 'HYDRO',
    capacityMw: 3.6,
    communeCodes: ['01354'],
    operator: 'Công ty TNHH Pác Khuổi',
    status: 'OPERATING',
    commissionedOn: '2021-06-30',
  },
  {
    name: 'Thủy điện Nặm Rằng (dữ liệu mẫu)',
    kind: 'HYDRO',
    capacityMw: 6.2,
    communeCodes: ['01345'],
    operator: 'Công ty CP Nặm Rằng',
    status: 'UNDER_CONSTRUCTION',
    commissionedOn: null,
  },
  {
    name: 'Thủy điện Thác Giềng (dữ liệu mẫu)',
    kind: 'HYDRO',
    capacityMw: 2.5,
    communeCodes: ['01666'],
    operator: 'HTX Điện Tam Kim',
    status: 'SUSPENDED',
    commissionedOn: '2010-01-01',
  },
  {
    name: 'Điện mặt trời Hạ Lang (dữ liệu mẫu)',
    kind: 'SOLAR',
    capacityMw: 50,
    communeCodes: ['01489'],
    operator: 'Công ty CP Năng lượng Xanh Cao Bằng',
    status: 'PLANNED',
    commissionedOn: null,
  },
  {
    name: 'Điện mặt trời Phục Hòa (dữ liệu mẫu)',
    kind: 'SOLAR',
    capacityMw: 35,
    communeCodes: ['01537'],
    operator: 'Công ty CP Năng lượng Xanh Cao Bằng',
    status: 'PLANNED',
    commissionedOn: null,
  },
  {
    name: 'Điện mặt trời mái nhà CCN Chu Trinh (dữ liệu mẫu)',
    kind: 'SOLAR',
    capacityMw: 2.2,
    communeCodes: ['01264'],
    operator: 'Công ty TNHH Điện mặt trời Chu Trinh',
    status: 'OPERATING',
    commissionedOn: '2021-12-20',
  },
  {
    name: 'Điện mặt trời Quảng Uyên (dữ liệu mẫu)',
    kind: 'SOLAR',
    capacityMw: 20,
    communeCodes: ['01528'],
    operator: 'Công ty CP Solar Quảng Hòa',
    status: 'CANCELLED',
    commissionedOn: null,
  },
  {
    name: 'Điện gió Trùng Khánh 1 (dữ liệu mẫu)',
    kind: 'WIND',
    capacityMw: 100,
    communeCodes: ['01426', '01453'],
    operator: 'Công ty CP Điện gió Trùng Khánh',
    status: 'PLANNED',
    commissionedOn: null,
  },
  {
    name: 'Điện gió Trùng Khánh 2 (dữ liệu mẫu)',
    kind: 'WIND',
    capacityMw: 80,
    communeCodes: ['01462', '01471'],
    operator: 'Công ty CP Điện gió Trùng Khánh',
    status: 'PLANNED',
    commissionedOn: null,
  },
  {
    name: 'Điện gió Quảng Hòa (dữ liệu mẫu)',
    kind: 'WIND',
    capacityMw: 120,
    communeCodes: ['01546', '01555'],
    operator: 'Công ty CP Năng lượng Gió Quảng Hòa',
    status: 'UNDER_CONSTRUCTION',
    commissionedOn: null,
  },
  {
    name: 'Điện gió Hạ Lang (dữ liệu mẫu)',
    kind: 'WIND',
    capacityMw: 60,
    communeCodes: ['01501', '01510'],
    operator: 'Công ty CP Điện gió Hạ Lang',
    status: 'PLANNED',
    commissionedOn: null,
  },
  {
    name: 'Điện gió Nguyên Bình (dữ liệu mẫu)',
    kind: 'WIND',
    capacityMw: 45,
    communeCodes: ['01639', '01648'],
    operator: 'Công ty CP Phong điện Nguyên Bình',
    status: 'PLANNED',
    commissionedOn: null,
  },
  {
    name: 'Điện gió Thạch An (dữ liệu mẫu)',
    kind: 'WIND',
    capacityMw: 50,
    communeCodes: ['01699', '01708'],
    operator: 'Công ty CP Phong điện Thạch An',
    status: 'PLANNED',
    commissionedOn: null,
  },
  {
    name: 'Đường dây 220 kV Cao Bằng – Lạng Sơn (dữ liệu mẫu)',
    kind: 'GRID',
    capacityMw: 0,
    communeCodes: ['01264', '01681', '01699', '01717'],
    operator: 'Tổng công ty Truyền tải điện Quốc gia (EVNNPT)',
    status: 'OPERATING',
    commissionedOn: '2019-05-01',
  },
  {
    name: 'Trạm biến áp 220 kV Cao Bằng (dữ liệu mẫu)',
    kind: 'GRID',
    capacityMw: 0,
    communeCodes: ['01264'],
    operator: 'Tổng công ty Truyền tải điện Quốc gia (EVNNPT)',
    status: 'OPERATING',
    commissionedOn: '2014-11-01',
  },
  {
    name: 'Trạm biến áp 110 kV Trà Lĩnh (dữ liệu mẫu)',
    kind: 'GRID',
    capacityMw: 0,
    communeCodes: ['01426'],
    operator: 'Công ty Điện lực Cao Bằng',
    status: 'OPERATING',
    commissionedOn: '2020-08-15',
  },
  {
    name: 'Trạm biến áp 110 kV Bảo Lâm (dữ liệu mẫu)',
    kind: 'GRID',
    capacityMw: 0,
    communeCodes: ['01273'],
    operator: 'Công ty Điện lực Cao Bằng',
    status: 'UNDER_CONSTRUCTION',
    commissionedOn: null,
  },
  {
    name: 'Đường dây 110 kV Cao Bằng – Trùng Khánh (dữ liệu mẫu)',
    kind: 'GRID',
    capacityMw: 0,
    communeCodes: ['01240', '01528', '01426'],
    operator: 'Công ty Điện lực Cao Bằng',
    status: 'OPERATING',
    commissionedOn: '2012-04-01',
  },
  {
    name: 'Đường dây 110 kV Bảo Lạc – Bảo Lâm (dữ liệu mẫu)',
    kind: 'GRID',
    capacityMw: 0,
    communeCodes: ['01312', '01273'],
    operator: 'Công ty Điện lực Cao Bằng',
    status: 'OPERATING',
    commissionedOn: '2017-10-01',
  },
  {
    name: 'Trạm biến áp 110 kV Hạ Lang (dữ liệu mẫu)',
    kind: 'GRID',
    capacityMw: 0,
    communeCodes: ['01489'],
    operator: 'Công ty Điện lực Cao Bằng',
    status: 'PLANNED',
    commissionedOn: null,
  },
  {
    name: 'Trạm biến áp 110 kV Nguyên Bình (dữ liệu mẫu)',
    kind: 'GRID',
    capacityMw: 0,
    communeCodes: ['01630'],
    operator: 'Công ty Điện lực Cao Bằng',
    status: 'OPERATING',
    commissionedOn: '2015-03-01',
  },
  {
    name: 'Đường dây 35 kV cấp điện cửa khẩu Lý Vạn (dữ liệu mẫu)',
    kind: 'GRID',
    capacityMw: 0,
    communeCodes: ['01489', '01501'],
    operator: 'Công ty Điện lực Cao Bằng',
    status: 'OPERATING',
    commissionedOn: '2018-06-01',
  },
  {
    name: 'Cải tạo lưới điện nông thôn Hà Quảng (dữ liệu mẫu)',
    kind: 'GRID',
    capacityMw: 0,
    communeCodes: ['01363', '01372', '01381'],
    operator: 'Công ty Điện lực Cao Bằng',
    status: 'UNDER_CONSTRUCTION',
    commissionedOn: null,
  },
];

export const FUEL_OPERATORS = [
  'Công ty Xăng dầu Cao Bằng (Petrolimex Cao Bằng)',
  'Chi nhánh Tổng công ty Dầu Việt Nam (PV Oil) tại Cao Bằng',
  'Công ty TNHH Thương mại Hà Quảng (dữ liệu mẫu)',
  'Công ty CP Vật tư Cao Bằng (dữ liệu mẫu)',
];
