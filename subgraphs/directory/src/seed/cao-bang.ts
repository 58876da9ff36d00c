// Demo data: Cao Bằng (province code 04) before and after the 2025 reform. Before 1 July 2025: ten
// district-level units and 161 commune-level units; from that day: 56 commune-level units directly under the
// province. Names are sample data; codes, levels, parents, validity and succession links are consistent:
// each new unit keeps the code of its seat (the first of the communes merged into it).

export const PROVINCE = { code: '04', name: 'Tỉnh Cao Bằng' };
export const REFORM_DAY = '2025-07-01';
export const LAST_DAY_BEFORE_REFORM = '2025-06-30';
export const REFORM_BASIS = 'Nghị quyết 1657/NQ-UBTVQH15 về sắp xếp đơn vị hành chính cấp xã tỉnh Cao Bằng năm 2025';

export interface DistrictSeed {
  code: string;
  name: string;
  kind: 'DISTRICT' | 'PROVINCIAL_CITY';
  /** Commune-level units before the reform, in code order. */
  communes: string[];
  /** The units they were merged into: name and how many consecutive old units each took. */
  merged: [name: string, size: number][];
}

export const DISTRICTS: DistrictSeed[] = [
  {
    code: '040', name: 'Thành phố Cao Bằng', kind: 'PROVINCIAL_CITY',
    communes: ['Phường Sông Hiến', 'Phường Sông Bằng', 'Phường Hợp Giang', 'Phường Tân Giang', 'Phường Ngọc Xuân', 'Phường Đề Thám',
      'Phường Hòa Chung', 'Phường Duyệt Trung', 'Xã Vĩnh Quang', 'Xã Hưng Đạo', 'Xã Chu Trinh'],
    merged: [['Phường Thục Phán', 4], ['Phường Nùng Trí Cao', 4], ['Phường Tân Giang', 3]],
  },
  {
    code: '042', name: 'Huyện Bảo Lâm', kind: 'DISTRICT',
    communes: ['Thị trấn Pác Miầu', 'Xã Đức Hạnh', 'Xã Lý Bôn', 'Xã Nam Cao', 'Xã Nam Quang', 'Xã Quảng Lâm', 'Xã Thạch Lâm',
      'Xã Vĩnh Phong', 'Xã Mông Ân', 'Xã Thái Học', 'Xã Thái Sơn', 'Xã Yên Thổ', 'Xã Tân Việt'],
    merged: [['Xã Bảo Lâm', 3], ['Xã Lý Bôn', 3], ['Xã Nam Quang', 2], ['Xã Quảng Lâm', 3], ['Xã Yên Thổ', 2]],
  },
  {
    code: '043', name: 'Huyện Bảo Lạc', kind: 'DISTRICT',
    communes: ['Thị trấn Bảo Lạc', 'Xã Cốc Pàng', 'Xã Thượng Hà', 'Xã Cô Ba', 'Xã Bảo Toàn', 'Xã Khánh Xuân', 'Xã Xuân Trường',
      'Xã Hồng Trị', 'Xã Kim Cúc', 'Xã Phan Thanh', 'Xã Hồng An', 'Xã Hưng Đạo', 'Xã Hưng Thịnh', 'Xã Huy Giáp', 'Xã Đình Phùng',
      'Xã Sơn Lộ', 'Xã Sơn Lập'],
    merged: [['Xã Bảo Lạc', 3], ['Xã Cốc Pàng', 2], ['Xã Cô Ba', 3], ['Xã Khánh Xuân', 3], ['Xã Xuân Trường', 3], ['Xã Huy Giáp', 3]],
  },
  {
    code: '045', name: 'Huyện Hà Quảng', kind: 'DISTRICT',
    communes: ['Thị trấn Xuân Hòa', 'Thị trấn Thông Nông', 'Xã Lũng Nặm', 'Xã Kéo Yên', 'Xã Trường Hà', 'Xã Vân An', 'Xã Cải Viên',
      'Xã Nội Thôn', 'Xã Tổng Cọt', 'Xã Sóc Hà', 'Xã Thượng Thôn', 'Xã Hồng Sỹ', 'Xã Quý Quân', 'Xã Mã Ba', 'Xã Ngọc Đào',
      'Xã Cần Yên', 'Xã Cần Nông', 'Xã Lương Thông', 'Xã Đa Thông', 'Xã Ngọc Động', 'Xã Yên Sơn'],
    merged: [['Xã Hà Quảng', 3], ['Xã Thông Nông', 3], ['Xã Lũng Nặm', 3], ['Xã Tổng Cọt', 3], ['Xã Trường Hà', 3], ['Xã Cần Yên', 3], ['Xã Thanh Long', 3]],
  },
  {
    code: '047', name: 'Huyện Trùng Khánh', kind: 'DISTRICT',
    communes: ['Thị trấn Trùng Khánh', 'Thị trấn Trà Lĩnh', 'Xã Đàm Thủy', 'Xã Chí Viễn', 'Xã Phong Châu', 'Xã Đình Phong',
      'Xã Ngọc Côn', 'Xã Ngọc Khê', 'Xã Phong Nậm', 'Xã Đình Minh', 'Xã Khâm Thành', 'Xã Cảnh Tiên', 'Xã Đức Hồng', 'Xã Đoài Dương',
      'Xã Lăng Hiếu', 'Xã Trung Phúc', 'Xã Quang Hán', 'Xã Quang Vinh', 'Xã Xuân Nội', 'Xã Quang Trung', 'Xã Cao Chương'],
    merged: [['Xã Trùng Khánh', 3], ['Xã Đàm Thủy', 3], ['Xã Đình Phong', 3], ['Xã Đình Minh', 3], ['Xã Đoài Dương', 3], ['Xã Quang Hán', 3], ['Xã Quang Trung', 3]],
  },
  {
    code: '048', name: 'Huyện Hạ Lang', kind: 'DISTRICT',
    communes: ['Thị trấn Thanh Nhật', 'Xã Minh Long', 'Xã Lý Quốc', 'Xã Đồng Loan', 'Xã Thắng Lợi', 'Xã Đức Quang', 'Xã Kim Loan',
      'Xã Quang Long', 'Xã An Lạc', 'Xã Thị Hoa', 'Xã Cô Ngân', 'Xã Thái Đức', 'Xã Vinh Quý'],
    merged: [['Xã Hạ Lang', 4], ['Xã Lý Quốc', 3], ['Xã Quang Long', 3], ['Xã Vinh Quý', 3]],
  },
  {
    code: '049', name: 'Huyện Quảng Hòa', kind: 'DISTRICT',
    communes: ['Thị trấn Quảng Uyên', 'Thị trấn Tà Lùng', 'Thị trấn Hòa Thuận', 'Xã Phúc Sen', 'Xã Chí Thảo', 'Xã Tự Do',
      'Xã Hồng Quang', 'Xã Cai Bộ', 'Xã Phi Hải', 'Xã Quảng Hưng', 'Xã Độc Lập', 'Xã Quốc Dân', 'Xã Hạnh Phúc', 'Xã Bế Văn Đàn',
      'Xã Cách Linh', 'Xã Đại Sơn', 'Xã Tiên Thành', 'Xã Mỹ Hưng', 'Xã Hồng Đại'],
    merged: [['Xã Quảng Uyên', 3], ['Xã Phục Hòa', 3], ['Xã Cai Bộ', 3], ['Xã Độc Lập', 3], ['Xã Hạnh Phúc', 3], ['Xã Bế Văn Đàn', 2], ['Xã Tiên Thành', 2]],
  },
  {
    code: '051', name: 'Huyện Hòa An', kind: 'DISTRICT',
    communes: ['Thị trấn Nước Hai', 'Xã Dân Chủ', 'Xã Nam Tuấn', 'Xã Đại Tiến', 'Xã Đức Long', 'Xã Ngũ Lão', 'Xã Trương Lương',
      'Xã Hồng Việt', 'Xã Hoàng Tung', 'Xã Nguyễn Huệ', 'Xã Bế Triều', 'Xã Bạch Đằng', 'Xã Bình Dương', 'Xã Lê Chung', 'Xã Hồng Nam'],
    merged: [['Xã Hòa An', 3], ['Xã Nam Tuấn', 3], ['Xã Trương Lương', 3], ['Xã Nguyễn Huệ', 2], ['Xã Bạch Đằng', 2], ['Xã Bình Dương', 2]],
  },
  {
    code: '052', name: 'Huyện Nguyên Bình', kind: 'DISTRICT',
    communes: ['Thị trấn Nguyên Bình', 'Thị trấn Tĩnh Túc', 'Xã Yên Lạc', 'Xã Triệu Nguyên', 'Xã Ca Thành', 'Xã Vũ Nông',
      'Xã Minh Tâm', 'Xã Thể Dục', 'Xã Mai Long', 'Xã Vũ Minh', 'Xã Hoa Thám', 'Xã Thịnh Vượng', 'Xã Quang Thành', 'Xã Tam Kim',
      'Xã Thành Công', 'Xã Minh Thanh', 'Xã Bắc Hợp'],
    merged: [['Xã Nguyên Bình', 3], ['Xã Tĩnh Túc', 3], ['Xã Ca Thành', 3], ['Xã Minh Tâm', 3], ['Xã Tam Kim', 3], ['Xã Thành Công', 2]],
  },
  {
    code: '053', name: 'Huyện Thạch An', kind: 'DISTRICT',
    communes: ['Thị trấn Đông Khê', 'Xã Canh Tân', 'Xã Kim Đồng', 'Xã Minh Khai', 'Xã Đức Thông', 'Xã Thái Cường', 'Xã Vân Trình',
      'Xã Thụy Hùng', 'Xã Quang Trọng', 'Xã Trọng Con', 'Xã Lê Lai', 'Xã Đức Xuân', 'Xã Lê Lợi', 'Xã Đức Nhuận'],
    merged: [['Xã Đông Khê', 3], ['Xã Canh Tân', 3], ['Xã Kim Đồng', 3], ['Xã Minh Khai', 3], ['Xã Đức Long', 2]],
  },
];

export type UnitKind = 'COMMUNE' | 'WARD' | 'TOWNSHIP';

export function kindOfName(name: string): UnitKind {
  if (name.startsWith('Phường')) return 'WARD';
  if (name.startsWith('Thị trấn')) return 'TOWNSHIP';
  return 'COMMUNE';
}

export interface PlannedCommune {
  code: string;
  name: string;
  kind: UnitKind;
  districtCode: string;
}

export interface PlannedMerge {
  code: string;
  name: string;
  kind: UnitKind;
  /** Codes of the old communes merged into it; the first is the seat. */
  from: string[];
  /** The district the merged communes belonged to. */
  districtCode: string;
}

/** Commune codes: five digits, in district order, 3 apart (as in the national code list). */
export function planCaoBang(): { communes: PlannedCommune[]; merges: PlannedMerge[] } {
  const communes: PlannedCommune[] = [];
  const merges: PlannedMerge[] = [];
  let n = 0;
  for (const d of DISTRICTS) {
    const codes = d.communes.map((name) => {
      const code = String(1240 + 3 * n++).padStart(5, '0');
      communes.push({ code, name, kind: kindOfName(name), districtCode: d.code });
      return code;
    });
    let at = 0;
    for (const [name, size] of d.merged) {
      const from = codes.slice(at, at + size);
      at += size;
      merges.push({ code: from[0], name, kind: kindOfName(name), from, districtCode: d.code });
    }
    if (at !== codes.length) throw new Error(`${d.name}: merges cover ${at} of ${codes.length} communes`);
  }
  return { communes, merges };
}
