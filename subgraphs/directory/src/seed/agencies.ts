// Demo agencies of Cao Bằng, with the 2025 department mergers, and the catalogue of sector databases
// with their owners over time (ownership moves with a merger).
import type { AgencyKind, AdministrativeLevel } from '../entities';

export const MERGER_DAY = '2025-03-01';
const MERGER_BASIS = 'Nghị quyết của HĐND tỉnh Cao Bằng về tổ chức lại các cơ quan chuyên môn thuộc UBND tỉnh (2025)';

export interface AgencySeed {
  code: string;
  name: string;
  nameEn?: string;
  kind: AgencyKind;
  level: AdministrativeLevel;
  unitCode: string;
  parent?: string;
  validFrom?: string;
  validTo?: string;
  successor?: string;
  email?: string;
  phone?: string;
  address?: string;
  website?: string;
}

const province = { level: 'PROVINCE' as const, unitCode: '04', parent: 'UBND-04' };
const ended = (successor: string) => ({ validTo: '2025-02-28', successor });

export const AGENCIES: AgencySeed[] = [
  {
    code: 'UBND-04',
    name: 'Ủy ban nhân dân tỉnh Cao Bằng',
    nameEn: "Cao Bang Provincial People's Committee",
    kind: 'PEOPLES_COMMITTEE',
    level: 'PROVINCE',
    unitCode: '04',
    address: 'Số 011 Hoàng Đình Giong, Cao Bằng',
    website: 'https://caobang.gov.vn',
  },
  {
    code: 'VP-UBND-04',
    name: 'Văn phòng Ủy ban nhân dân tỉnh',
    nameEn: "Office of the Provincial People's Committee",
    kind: 'OFFICE',
    ...province,
    email: 'vpubnd@caobang.gov.vn',
  },
  {
    code: 'SCT',
    name: 'Sở Công Thương',
    nameEn: 'Department of Industry and Trade',
    kind: 'DEPARTMENT',
    ...province,
    email: 'sct@caobang.gov.vn',
  },
  {
    code: 'SVHTTDL',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    nameEn: 'Department of Culture, Sports and Tourism',
    kind: 'DEPARTMENT',
    ...province,
    email: 'svhttdl@caobang.gov.vn',
    phone: '0206 3852 384',
  },
  {
    code: 'STTTT',
    name: 'Sở Thông tin và Truyền thông',
    nameEn: 'Department of Information and Communications',
    kind: 'DEPARTMENT',
    ...province,
    ...ended('SKHCN'),
  },
  {
    code: 'SKHCN',
    name: 'Sở Khoa học và Công nghệ',
    nameEn: 'Department of Science and Technology',
    kind: 'DEPARTMENT',
    ...province,
    email: 'skhcn@caobang.gov.vn',
  },
  {
    code: 'STNMT',
    name: 'Sở Tài nguyên và Môi trường',
    nameEn: 'Department of Natural Resources and Environment',
    kind: 'DEPARTMENT',
    ...province,
    ...ended('SNNMT'),
  },
  {
    code: 'SNNPTNT',
    name: 'Sở Nông nghiệp và Phát triển nông thôn',
    nameEn: 'Department of Agriculture and Rural Development',
    kind: 'DEPARTMENT',
    ...province,
    ...ended('SNNMT'),
  },
  {
    code: 'SNNMT',
    name: 'Sở Nông nghiệp và Môi trường',
    nameEn: 'Department of Agriculture and Environment',
    kind: 'DEPARTMENT',
    ...province,
    validFrom: MERGER_DAY,
  },
  { code: 'SGTVT', name: 'Sở Giao thông vận tải', nameEn: 'Department of Transport', kind: 'DEPARTMENT', ...province, ...ended('SXD') },
  { code: 'SXD', name: 'Sở Xây dựng', nameEn: 'Department of Construction', kind: 'DEPARTMENT', ...province, email: 'sxd@caobang.gov.vn' },
  {
    code: 'SKHDT',
    name: 'Sở Kế hoạch và Đầu tư',
    nameEn: 'Department of Planning and Investment',
    kind: 'DEPARTMENT',
    ...province,
    ...ended('STC'),
  },
  { code: 'STC', name: 'Sở Tài chính', nameEn: 'Department of Finance', kind: 'DEPARTMENT', ...province },
  {
    code: 'TTCDS',
    name: 'Trung tâm Chuyển đổi số tỉnh Cao Bằng',
    nameEn: 'Provincial Digital Transformation Centre (hub operator)',
    kind: 'PUBLIC_SERVICE_UNIT',
    level: 'PROVINCE',
    unitCode: '04',
    parent: 'SKHCN',
    email: 'ttcds@caobang.gov.vn',
  },
  {
    code: 'UBND-040',
    name: 'Ủy ban nhân dân thành phố Cao Bằng',
    nameEn: "Cao Bang City People's Committee",
    kind: 'PEOPLES_COMMITTEE',
    level: 'DISTRICT',
    unitCode: '040',
    parent: 'UBND-04',
    validTo: '2025-06-30',
  },
  {
    code: 'UBND-047',
    name: 'Ủy ban nhân dân huyện Trùng Khánh',
    kind: 'PEOPLES_COMMITTEE',
    level: 'DISTRICT',
    unitCode: '047',
    parent: 'UBND-04',
    validTo: '2025-06-30',
  },
  {
    code: 'UBND-01240',
    name: 'Ủy ban nhân dân phường Thục Phán',
    kind: 'PEOPLES_COMMITTEE',
    level: 'COMMUNE',
    unitCode: '01240',
    parent: 'UBND-04',
    validFrom: '2025-07-01',
  },
  {
    code: 'UBND-01264',
    name: 'Ủy ban nhân dân phường Tân Giang',
    kind: 'PEOPLES_COMMITTEE',
    level: 'COMMUNE',
    unitCode: '01264',
    parent: 'UBND-04',
    validFrom: '2025-07-01',
  },
];

/**
 * The commune People's Committees that took over the seats of the district People's Committees ended on
 * 30 June 2025 (a later seed step): an act issued by a district PC before the reform names its successor.
 */
export const DISTRICT_SUCCESSORS: { ended: string; successor: AgencySeed }[] = [
  {
    ended: 'UBND-047',
    successor: {
      code: 'UBND-01426',
      name: 'Ủy ban nhân dân xã Trùng Khánh',
      kind: 'PEOPLES_COMMITTEE',
      level: 'COMMUNE',
      unitCode: '01426',
      parent: 'UBND-04',
      validFrom: '2025-07-01',
    },
  },
  {
    ended: 'UBND-040',
    successor: {
      code: 'UBND-01252',
      name: 'Ủy ban nhân dân phường Nùng Trí Cao',
      kind: 'PEOPLES_COMMITTEE',
      level: 'COMMUNE',
      unitCode: '01252',
      parent: 'UBND-04',
      validFrom: '2025-07-01',
    },
  },
];

export interface DatasetSeed {
  code: string;
  name: string;
  nameEn: string;
  sector: string;
  description?: string;
  /** Owners in order; each after the first took over on MERGER_DAY or the given day. */
  owners: [agency: string, from?: string][];
}

export const DATASETS: DatasetSeed[] = [
  {
    code: 'DIR-DANHMUC',
    name: 'Danh mục dùng chung của tỉnh',
    nameEn: 'Provincial shared directory',
    sector: 'Chuyển đổi số',
    description: 'Cơ quan, đơn vị hành chính và danh mục cơ sở dữ liệu chuyên ngành.',
    owners: [['TTCDS']],
  },
  {
    code: 'CSDL-VHTTDL',
    name: 'Cơ sở dữ liệu Văn hóa, Thể thao và Du lịch',
    nameEn: 'Culture, sports and tourism database',
    sector: 'Văn hóa, Thể thao và Du lịch',
    description: 'Du lịch, di tích, bảo tàng, công viên địa chất, cơ sở lưu trú.',
    owners: [['SVHTTDL']],
  },
  {
    code: 'CSDL-CONGTHUONG',
    name: 'Cơ sở dữ liệu Công Thương',
    nameEn: 'Industry and trade database',
    sector: 'Công Thương',
    owners: [['SCT']],
  },
  {
    code: 'CSDL-TTTT',
    name: 'Cơ sở dữ liệu Thông tin và Truyền thông',
    nameEn: 'Information and communications database',
    sector: 'Thông tin và Truyền thông',
    owners: [['STTTT'], ['SKHCN']],
  },
  {
    code: 'CSDL-TNMT',
    name: 'Cơ sở dữ liệu Tài nguyên và Môi trường',
    nameEn: 'Natural resources and environment database',
    sector: 'Tài nguyên và Môi trường',
    owners: [['STNMT'], ['SNNMT']],
  },
  {
    code: 'CSDL-NNPTNT',
    name: 'Cơ sở dữ liệu Nông nghiệp và Phát triển nông thôn',
    nameEn: 'Agriculture and rural development database',
    sector: 'Nông nghiệp',
    owners: [['SNNPTNT'], ['SNNMT']],
  },
  {
    code: 'CSDL-GTVT',
    name: 'Cơ sở dữ liệu Giao thông vận tải',
    nameEn: 'Transport database',
    sector: 'Giao thông vận tải',
    owners: [['SGTVT'], ['SXD']],
  },
  { code: 'CSDL-XAYDUNG', name: 'Cơ sở dữ liệu Xây dựng', nameEn: 'Construction database', sector: 'Xây dựng', owners: [['SXD']] },
  {
    code: 'CSDL-HTDT',
    name: 'Cơ sở dữ liệu hạ tầng đô thị',
    nameEn: 'Urban infrastructure database',
    sector: 'Hạ tầng đô thị',
    owners: [['UBND-040'], ['SXD', '2025-07-01']],
  },
  {
    code: 'KTXH-CHITIEU',
    name: 'Cơ sở dữ liệu chỉ tiêu kinh tế - xã hội',
    nameEn: 'Socio-economic indicator database',
    sector: 'Thống kê, kế hoạch',
    owners: [['SKHDT'], ['STC']],
  },
];

/** Loaded by a later seed step, so databases seeded before the audit subgraph existed get it too. */
export const AUDIT_DATASETS: DatasetSeed[] = [
  {
    code: 'NK-TRUYCAP',
    name: 'Nhật ký truy cập nền tảng dữ liệu',
    nameEn: 'Data hub access audit log',
    sector: 'An toàn thông tin',
    description: 'Nhật ký mọi truy vấn qua cổng dữ liệu, chuỗi băm chống sửa đổi; chỉ cán bộ kiểm tra (AUDITOR) được đọc.',
    owners: [['TTCDS']],
  },
];

/** Agencies responsible for indicators (a later seed step, so databases seeded before the indicators subgraph get them). */
export const INDICATOR_AGENCIES: AgencySeed[] = [
  {
    code: 'TK-04',
    name: 'Thống kê tỉnh Cao Bằng',
    nameEn: 'Cao Bang Provincial Statistics Office',
    kind: 'PUBLIC_SERVICE_UNIT',
    level: 'PROVINCE',
    unitCode: '04',
    email: 'caobang@nso.gov.vn',
  },
  { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', nameEn: 'Department of Education and Training', kind: 'DEPARTMENT', ...province },
  { code: 'SYT', name: 'Sở Y tế', nameEn: 'Department of Health', kind: 'DEPARTMENT', ...province },
];

export { MERGER_BASIS };
