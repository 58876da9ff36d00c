// Demo data of the information and communications database (sample data, "dữ liệu mẫu", except where a comment says
// a fact is public): the province's press agencies, and lists of real Cao Bằng place names from which the licences,
// postal points, base stations and surveyed villages are generated deterministically (no randomness).
import type { PressAgencyKind, PressAgencyStatus } from '../entities';

export interface PressAgencySeed {
  code: string;
  name: string;
  kind: PressAgencyKind;
  licenceNumber: string;
  licensedOn: string;
  issuerCode: string | null;
  licensedByName: string | null;
  governingAgencyCode: string | null;
  governingBodyName: string;
  status: PressAgencyStatus;
  endedOn: string | null;
  successorCode: string | null;
  website: string | null;
}

/**
 * The agencies are real; licence numbers and dates are sample data. Press licences are issued by the Ministry
 * (Bộ Thông tin và Truyền thông, from 1 March 2025 Bộ Văn hóa, Thể thao và Du lịch), which is not in the directory:
 * its name is kept as text and `issuer` stays null. Bulletins are licensed by the provincial department (STTTT, from
 * 1 March 2025 SKHCN), which is in the directory.
 */
export const PRESS_AGENCIES: PressAgencySeed[] = [
  {
    code: 'BC-01',
    name: 'Báo Cao Bằng',
    kind: 'PRINT',
    licenceNumber: '318/GP-BTTTT',
    licensedOn: '2020-07-10',
    issuerCode: null,
    licensedByName: 'Bộ Thông tin và Truyền thông',
    governingAgencyCode: null,
    governingBodyName: 'Tỉnh ủy Cao Bằng',
    status: 'MERGED',
    endedOn: '2025-06-30',
    successorCode: 'BC-05',
    website: 'https://baocaobang.vn',
  },
  {
    code: 'BC-02',
    name: 'Đài Phát thanh và Truyền hình Cao Bằng',
    kind: 'RADIO_TV',
    licenceNumber: '452/GP-BTTTT',
    licensedOn: '2019-09-16',
    issuerCode: null,
    licensedByName: 'Bộ Thông tin và Truyền thông',
    governingAgencyCode: 'UBND-04',
    governingBodyName: 'Ủy ban nhân dân tỉnh Cao Bằng',
    status: 'MERGED',
    endedOn: '2025-06-30',
    successorCode: 'BC-05',
    website: 'https://caobangtv.vn',
  },
  {
    code: 'BC-03',
    name: 'Tạp chí Văn nghệ Non Nước Cao Bằng',
    kind: 'MAGAZINE',
    licenceNumber: '215/GP-BTTTT',
    licensedOn: '2021-05-20',
    issuerCode: null,
    licensedByName: 'Bộ Thông tin và Truyền thông',
    governingAgencyCode: null,
    governingBodyName: 'Hội Liên hiệp Văn học Nghệ thuật tỉnh Cao Bằng',
    status: 'ACTIVE',
    endedOn: null,
    successorCode: null,
    website: null,
  },
  {
    code: 'BC-04',
    name: 'Bản tin Khoa học và Công nghệ Cao Bằng (dữ liệu mẫu)',
    kind: 'PRINT',
    licenceNumber: '03/GP-STTTT',
    licensedOn: '2022-03-14',
    issuerCode: 'STTTT',
    licensedByName: 'Sở Thông tin và Truyền thông tỉnh Cao Bằng',
    governingAgencyCode: 'SKHCN',
    governingBodyName: 'Sở Khoa học và Công nghệ tỉnh Cao Bằng',
    status: 'ACTIVE',
    endedOn: null,
    successorCode: null,
    website: null,
  },
  {
    code: 'BC-05',
    name: 'Báo và Phát thanh, Truyền hình Cao Bằng',
    kind: 'RADIO_TV',
    licenceNumber: '95/GP-BVHTTDL',
    licensedOn: '2025-07-01',
    issuerCode: null,
    licensedByName: 'Bộ Văn hóa, Thể thao và Du lịch',
    governingAgencyCode: null,
    governingBodyName: 'Tỉnh ủy Cao Bằng',
    status: 'ACTIVE',
    endedOn: null,
    successorCode: null,
    website: 'https://baocaobang.vn',
  },
  {
    code: 'BC-06',
    name: 'Bản tin điện tử Công Thương Cao Bằng (dữ liệu mẫu)',
    kind: 'ELECTRONIC',
    licenceNumber: '07/GP-STTTT',
    licensedOn: '2023-08-02',
    issuerCode: 'STTTT',
    licensedByName: 'Sở Thông tin và Truyền thông tỉnh Cao Bằng',
    governingAgencyCode: 'SCT',
    governingBodyName: 'Sở Công Thương tỉnh Cao Bằng',
    status: 'ACTIVE',
    endedOn: null,
    successorCode: null,
    website: null,
  },
  {
    code: 'BC-07',
    name: 'Bản tin Nông nghiệp và Môi trường Cao Bằng (dữ liệu mẫu)',
    kind: 'PRINT',
    licenceNumber: '02/GP-SKHCN',
    licensedOn: '2025-09-15',
    issuerCode: 'SKHCN',
    licensedByName: 'Sở Khoa học và Công nghệ tỉnh Cao Bằng',
    governingAgencyCode: 'SNNMT',
    governingBodyName: 'Sở Nông nghiệp và Môi trường tỉnh Cao Bằng',
    status: 'ACTIVE',
    endedOn: null,
    successorCode: null,
    website: null,
  },
];

/** Thôn, bản, xóm names of Cao Bằng (Tày and Nùng place names), used for sites, addresses and surveyed villages. */
export const PLACES = [
  'Bản Giốc',
  'Nà Lủng',
  'Pác Bó',
  'Nà Mạ',
  'Cốc Phường',
  'Bản Khuông',
  'Lũng Pảng',
  'Nà Pồng',
  'Khuổi Ky',
  'Phia Đén',
  'Lũng Rì',
  'Nặm Thoong',
  'Bản Chang',
  'Nà Mòn',
  'Pác Ngòa',
  'Cốc Lót',
  'Nà Sác',
  'Lũng Hoài',
  'Bản Ne',
  'Khau Vai',
  'Nà Rị',
  'Phja Oắc',
  'Lũng Luông',
  'Nà Giàng',
  'Cốc Xả',
  'Bản Thang',
  'Khuổi Khon',
  'Nà Vài',
  'Pác Rằng',
  'Lũng Mười',
  'Bó Lếch',
  'Nà Luông',
  'Cốc Pàng',
  'Bản Viết',
  'Khuổi Lình',
  'Nà Tổng',
  'Phiêng Pẻn',
  'Lũng Pán',
  'Nà Thin',
  'Pò Peo',
];

/** Vietnamese family, middle and given names for postal agents (sample personal data, no real person). */
export const FAMILY = ['Nông', 'Hoàng', 'Lương', 'Đàm', 'Triệu', 'Lục', 'Bế', 'Lý', 'Ma', 'Sầm', 'Nguyễn', 'La'];
export const MIDDLE = ['Văn', 'Thị', 'Đức', 'Thị Thu', 'Văn Minh', 'Thị Hồng'];
export const GIVEN = ['Hải', 'Lan', 'Tuấn', 'Hoa', 'Thắng', 'Mai', 'Dũng', 'Huyền', 'Quang', 'Thảo', 'Bình', 'Yến', 'Sơn'];

/** Organisations that hold bulletin or printing licences (sample). */
export const LICENCE_HOLDERS = [
  'Công ty TNHH In Cao Bằng',
  'Công ty Cổ phần In và Bao bì Non Nước',
  'Hội Nông dân',
  'Hội Liên hiệp Phụ nữ',
  'Trường Trung học phổ thông',
  'Trung tâm Y tế',
  'Hợp tác xã Dịch vụ Nông nghiệp',
  'Hội Cựu chiến binh',
  'Ban Quản lý Công viên địa chất',
  'Công ty TNHH Quảng cáo và In ấn',
];

/** Approximate centre (latitude, longitude) of each former district, for sample station positions. */
export const DISTRICT_CENTRES: Record<string, [number, number]> = {
  '040': [22.666, 106.258],
  '042': [22.86, 105.5],
  '043': [22.95, 105.67],
  '045': [22.9, 106.1],
  '047': [22.83, 106.52],
  '048': [22.71, 106.68],
  '049': [22.55, 106.35],
  '051': [22.7, 106.2],
  '052': [22.65, 105.95],
  '053': [22.48, 106.32],
};
