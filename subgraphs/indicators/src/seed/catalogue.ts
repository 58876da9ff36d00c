// The indicator catalogue of the demo: a subset of the provincial statistical indicator system of Decision
// 05/2023/QĐ-TTg (Appendix I), grouped as there, with the disaggregations, periods, collection levels and
// responsible agencies it names. Codes are `<group><number>` in the catalogue's group order; names are
// abbreviated. Responsible agencies are directory codes (the provincial statistics office is `TK-04`).
import type { Aggregation, Level } from '../rules';
import type { Periodicity } from '../periods';

export interface DimensionSeed {
  code: string;
  name: string;
  nameEn: string;
  categories: { code: string; name: string; nameEn: string }[];
}

export const DIMENSIONS: DimensionSeed[] = [
  { code: 'SEX', name: 'Giới tính', nameEn: 'Sex', categories: [
    { code: 'MALE', name: 'Nam', nameEn: 'Male' }, { code: 'FEMALE', name: 'Nữ', nameEn: 'Female' }] },
  { code: 'AREA', name: 'Thành thị/nông thôn', nameEn: 'Urban/rural', categories: [
    { code: 'URBAN', name: 'Thành thị', nameEn: 'Urban' }, { code: 'RURAL', name: 'Nông thôn', nameEn: 'Rural' }] },
  { code: 'SECTOR', name: 'Khu vực kinh tế', nameEn: 'Economic sector', categories: [
    { code: 'AGRI', name: 'Nông, lâm nghiệp và thủy sản', nameEn: 'Agriculture, forestry and fishing' },
    { code: 'IND', name: 'Công nghiệp và xây dựng', nameEn: 'Industry and construction' },
    { code: 'SERV', name: 'Dịch vụ', nameEn: 'Services' },
    { code: 'TAX', name: 'Thuế sản phẩm trừ trợ cấp sản phẩm', nameEn: 'Product taxes less subsidies' }] },
  { code: 'LAND', name: 'Loại đất', nameEn: 'Land type', categories: [
    { code: 'AGRI', name: 'Đất nông nghiệp', nameEn: 'Agricultural land' },
    { code: 'NONAGRI', name: 'Đất phi nông nghiệp', nameEn: 'Non-agricultural land' },
    { code: 'UNUSED', name: 'Đất chưa sử dụng', nameEn: 'Unused land' }] },
  { code: 'OWNERSHIP', name: 'Loại hình kinh tế', nameEn: 'Type of ownership', categories: [
    { code: 'STATE', name: 'Nhà nước', nameEn: 'State' }, { code: 'NONSTATE', name: 'Ngoài nhà nước', nameEn: 'Non-state' },
    { code: 'FDI', name: 'Có vốn đầu tư nước ngoài', nameEn: 'Foreign-invested' }] },
  { code: 'VISITOR', name: 'Loại khách', nameEn: 'Visitor type', categories: [
    { code: 'DOMESTIC', name: 'Khách trong nước', nameEn: 'Domestic' }, { code: 'INTERNATIONAL', name: 'Khách quốc tế', nameEn: 'International' }] },
  { code: 'SCHOOL', name: 'Cấp học', nameEn: 'School level', categories: [
    { code: 'PRIMARY', name: 'Tiểu học', nameEn: 'Primary' }, { code: 'LOWER', name: 'Trung học cơ sở', nameEn: 'Lower secondary' },
    { code: 'UPPER', name: 'Trung học phổ thông', nameEn: 'Upper secondary' }] },
  { code: 'CROP', name: 'Loại cây', nameEn: 'Crop', categories: [
    { code: 'RICE', name: 'Lúa', nameEn: 'Rice' }, { code: 'MAIZE', name: 'Ngô', nameEn: 'Maize' }] },
];

export interface GroupSeed {
  code: string;
  name: string;
  nameEn: string;
}

export const GROUPS: GroupSeed[] = [
  { code: '01', name: 'Đất đai', nameEn: 'Land' },
  { code: '02', name: 'Dân số', nameEn: 'Population' },
  { code: '03', name: 'Lao động, việc làm', nameEn: 'Labour and employment' },
  { code: '04', name: 'Doanh nghiệp, cơ sở kinh tế', nameEn: 'Enterprises and establishments' },
  { code: '05', name: 'Đầu tư và xây dựng', nameEn: 'Investment and construction' },
  { code: '06', name: 'Tài khoản quốc gia', nameEn: 'National (regional) accounts' },
  { code: '07', name: 'Tài chính công', nameEn: 'Public finance' },
  { code: '08', name: 'Nông, lâm nghiệp và thủy sản', nameEn: 'Agriculture, forestry and fishing' },
  { code: '09', name: 'Công nghiệp', nameEn: 'Industry' },
  { code: '10', name: 'Thương mại, dịch vụ, du lịch', nameEn: 'Trade, services and tourism' },
  { code: '11', name: 'Chỉ số giá', nameEn: 'Prices' },
  { code: '12', name: 'Giáo dục', nameEn: 'Education' },
  { code: '13', name: 'Y tế', nameEn: 'Health' },
  { code: '14', name: 'Mức sống dân cư', nameEn: 'Living standards' },
  { code: '15', name: 'Văn hóa, thể thao', nameEn: 'Culture and sport' },
  { code: '16', name: 'Môi trường', nameEn: 'Environment' },
];

export interface IndicatorSeed {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  definition?: string;
  periodicities: Periodicity[];
  levels: Level[];
  dimensions?: string[];
  aggregation: Aggregation;
  /** For WEIGHTED_AVERAGE: the indicator whose values weigh each unit. */
  weight?: string;
  agency: string;
  formula?: string;
  min?: number;
  max?: number;
}

const Y: Periodicity[] = ['YEAR'];
const Q: Periodicity[] = ['QUARTER', 'HALF_YEAR', 'NINE_MONTHS', 'YEAR'];
const M: Periodicity[] = ['MONTH', 'QUARTER', 'HALF_YEAR', 'NINE_MONTHS', 'YEAR'];
const ALL: Level[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];
const COMMUNE: Level[] = ['COMMUNE'];
const PROVINCE: Level[] = ['PROVINCE'];
const PCT = { min: 0, max: 100 };
const POS = { min: 0 };

const g = (group: string, list: Omit<IndicatorSeed, 'code'>[], start = 1) =>
  list.map((i, n) => ({ ...i, code: `${group}${String(start + n).padStart(2, '0')}` }));

export const INDICATORS: IndicatorSeed[] = [
  ...g('01', [
    { name: 'Diện tích đất', nameEn: 'Land area', unit: 'ha', periodicities: Y, levels: COMMUNE, dimensions: ['LAND'], aggregation: 'SUM', agency: 'SNNMT', ...POS,
      definition: 'Diện tích đất theo hiện trạng sử dụng tại ngày 31/12, theo loại đất.' },
    { name: 'Diện tích đất trồng lúa', nameEn: 'Rice land area', unit: 'ha', periodicities: Y, levels: COMMUNE, aggregation: 'SUM', agency: 'SNNMT', ...POS },
    { name: 'Tỷ lệ che phủ rừng', nameEn: 'Forest cover rate', unit: '%', periodicities: Y, levels: ['PROVINCE', 'COMMUNE'], aggregation: 'WEIGHTED_AVERAGE', weight: '0101', agency: 'SNNMT', ...PCT,
      definition: 'Diện tích rừng trên tổng diện tích đất tự nhiên; tổng hợp lên cấp trên theo bình quân gia quyền với diện tích đất.' },
  ]),
  ...g('02', [
    { name: 'Dân số trung bình', nameEn: 'Average population', unit: 'người', periodicities: Y, levels: COMMUNE, dimensions: ['SEX', 'AREA'], aggregation: 'SUM', agency: 'TK-04', ...POS },
    { name: 'Mật độ dân số', nameEn: 'Population density', unit: 'người/km²', periodicities: Y, levels: ALL, aggregation: 'NONE', agency: 'TK-04', formula: '{0201} / ({0101} / 100)',
      definition: 'Dân số trung bình chia cho diện tích đất (km²); tính từ hai chỉ tiêu ở mọi cấp, không cộng dồn.' },
    { name: 'Số hộ dân cư', nameEn: 'Households', unit: 'hộ', periodicities: Y, levels: COMMUNE, dimensions: ['AREA'], aggregation: 'SUM', agency: 'TK-04', ...POS },
    { name: 'Số trẻ em sinh ra', nameEn: 'Live births', unit: 'trẻ', periodicities: ['QUARTER', 'HALF_YEAR', 'YEAR'], levels: COMMUNE, dimensions: ['SEX'], aggregation: 'SUM', agency: 'TK-04', ...POS },
    { name: 'Tỷ suất sinh thô', nameEn: 'Crude birth rate', unit: '‰', periodicities: Y, levels: ALL, aggregation: 'NONE', agency: 'TK-04', formula: '{0204} / {0201} * 1000' },
    { name: 'Tỷ số giới tính khi sinh', nameEn: 'Sex ratio at birth', unit: 'bé trai/100 bé gái', periodicities: Y, levels: PROVINCE, aggregation: 'NONE', agency: 'TK-04', min: 80, max: 150 },
    { name: 'Tốc độ tăng dân số', nameEn: 'Population growth rate', unit: '%', periodicities: Y, levels: ALL, aggregation: 'NONE', agency: 'TK-04', formula: '({0201} / prev({0201}) - 1) * 100' },
  ]),
  ...g('03', [
    { name: 'Lực lượng lao động từ 15 tuổi trở lên', nameEn: 'Labour force aged 15+', unit: 'người', periodicities: ['QUARTER', 'YEAR'], levels: PROVINCE, dimensions: ['SEX', 'AREA'], aggregation: 'SUM', agency: 'TK-04', ...POS },
    { name: 'Tỷ lệ thất nghiệp', nameEn: 'Unemployment rate', unit: '%', periodicities: ['QUARTER', 'YEAR'], levels: PROVINCE, dimensions: ['SEX', 'AREA'], aggregation: 'NONE', agency: 'TK-04', ...PCT },
    { name: 'Tỷ lệ lao động đã qua đào tạo', nameEn: 'Share of trained workers', unit: '%', periodicities: Y, levels: PROVINCE, dimensions: ['SEX'], aggregation: 'NONE', agency: 'TK-04', ...PCT },
    { name: 'Số lao động được tạo việc làm mới', nameEn: 'New jobs created', unit: 'người', periodicities: ['QUARTER', 'YEAR'], levels: ['PROVINCE', 'COMMUNE'], dimensions: ['SEX'], aggregation: 'SUM', agency: 'UBND-04', ...POS },
  ]),
  ...g('04', [
    { name: 'Số doanh nghiệp đang hoạt động', nameEn: 'Active enterprises', unit: 'doanh nghiệp', periodicities: Y, levels: COMMUNE, dimensions: ['OWNERSHIP'], aggregation: 'SUM', agency: 'STC', ...POS },
    { name: 'Số doanh nghiệp thành lập mới', nameEn: 'Newly registered enterprises', unit: 'doanh nghiệp', periodicities: M, levels: PROVINCE, aggregation: 'SUM', agency: 'STC', ...POS },
    { name: 'Số hợp tác xã', nameEn: 'Cooperatives', unit: 'hợp tác xã', periodicities: Y, levels: COMMUNE, aggregation: 'SUM', agency: 'SNNMT', ...POS },
  ]),
  ...g('05', [
    { name: 'Vốn đầu tư thực hiện trên địa bàn', nameEn: 'Realised investment', unit: 'tỷ đồng', periodicities: Q, levels: PROVINCE, dimensions: ['OWNERSHIP'], aggregation: 'SUM', agency: 'STC', ...POS },
    { name: 'Vốn đầu tư công thực hiện', nameEn: 'Realised public investment', unit: 'tỷ đồng', periodicities: M, levels: PROVINCE, aggregation: 'SUM', agency: 'STC', ...POS },
    { name: 'Diện tích nhà ở xây dựng mới', nameEn: 'New dwelling floor area', unit: 'm²', periodicities: Y, levels: COMMUNE, dimensions: ['AREA'], aggregation: 'SUM', agency: 'SXD', ...POS },
  ]),
  ...g('06', [
    { name: 'Tổng sản phẩm trên địa bàn (GRDP) theo giá hiện hành', nameEn: 'GRDP at current prices', unit: 'tỷ đồng', periodicities: Q, levels: PROVINCE, dimensions: ['SECTOR'], aggregation: 'SUM', agency: 'TK-04', ...POS },
    { name: 'GRDP theo giá so sánh 2010', nameEn: 'GRDP at constant 2010 prices', unit: 'tỷ đồng', periodicities: Q, levels: PROVINCE, dimensions: ['SECTOR'], aggregation: 'SUM', agency: 'TK-04', ...POS },
    { name: 'Tốc độ tăng trưởng GRDP', nameEn: 'GRDP growth rate', unit: '%', periodicities: Q, levels: PROVINCE, dimensions: ['SECTOR'], aggregation: 'NONE', agency: 'TK-04', formula: '({0602} / prev({0602}) - 1) * 100',
      definition: 'GRDP theo giá so sánh của kỳ báo cáo so với cùng kỳ năm trước, trừ 1, nhân 100.' },
    { name: 'GRDP bình quân đầu người', nameEn: 'GRDP per capita', unit: 'triệu đồng', periodicities: Y, levels: PROVINCE, aggregation: 'NONE', agency: 'TK-04', formula: '{0601} * 1000 / {0201}' },
  ]),
  ...g('07', [
    { name: 'Thu ngân sách nhà nước trên địa bàn', nameEn: 'State budget revenue', unit: 'tỷ đồng', periodicities: M, levels: ['PROVINCE', 'COMMUNE'], aggregation: 'SUM', agency: 'STC', ...POS },
    { name: 'Chi ngân sách địa phương', nameEn: 'Local budget expenditure', unit: 'tỷ đồng', periodicities: M, levels: ['PROVINCE', 'COMMUNE'], aggregation: 'SUM', agency: 'STC', ...POS },
  ]),
  ...g('08', [
    { name: 'Diện tích gieo trồng cây hằng năm', nameEn: 'Sown area of annual crops', unit: 'ha', periodicities: ['HALF_YEAR', 'YEAR'], levels: COMMUNE, dimensions: ['CROP'], aggregation: 'SUM', agency: 'SNNMT', ...POS },
    { name: 'Sản lượng lương thực có hạt', nameEn: 'Cereal production', unit: 'tấn', periodicities: ['HALF_YEAR', 'YEAR'], levels: COMMUNE, dimensions: ['CROP'], aggregation: 'SUM', agency: 'SNNMT', ...POS },
    { name: 'Năng suất lúa', nameEn: 'Rice yield', unit: 'tạ/ha', periodicities: ['HALF_YEAR', 'YEAR'], levels: ALL, aggregation: 'NONE', agency: 'SNNMT', formula: '{0802} * 10 / {0801}' },
    { name: 'Số lượng đàn trâu', nameEn: 'Buffalo herd', unit: 'con', periodicities: Y, levels: COMMUNE, aggregation: 'SUM', agency: 'SNNMT', ...POS },
    { name: 'Diện tích rừng trồng mới tập trung', nameEn: 'New planted forest', unit: 'ha', periodicities: Y, levels: COMMUNE, aggregation: 'SUM', agency: 'SNNMT', ...POS },
    { name: 'Số xã đạt chuẩn nông thôn mới', nameEn: 'Communes meeting new-rural standards', unit: 'xã', periodicities: Y, levels: ['PROVINCE'], aggregation: 'SUM', agency: 'SNNMT', ...POS },
  ]),
  ...g('09', [
    { name: 'Chỉ số sản xuất công nghiệp', nameEn: 'Index of industrial production', unit: '%', periodicities: M, levels: PROVINCE, aggregation: 'NONE', agency: 'SCT', min: 0, max: 500,
      definition: 'So với cùng kỳ năm trước (cùng kỳ = 100).' },
    { name: 'Sản lượng điện sản xuất', nameEn: 'Electricity generated', unit: 'triệu kWh', periodicities: M, levels: PROVINCE, aggregation: 'SUM', agency: 'SCT', ...POS },
  ]),
  ...g('10', [
    { name: 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', nameEn: 'Retail sales of goods and consumer services', unit: 'tỷ đồng', periodicities: M, levels: ['PROVINCE', 'COMMUNE'], dimensions: ['OWNERSHIP'], aggregation: 'SUM', agency: 'SCT', ...POS },
    { name: 'Số lượt khách du lịch', nameEn: 'Tourist arrivals', unit: 'lượt người', periodicities: M, levels: COMMUNE, dimensions: ['VISITOR'], aggregation: 'SUM', agency: 'SVHTTDL', ...POS },
    { name: 'Doanh thu du lịch', nameEn: 'Tourism revenue', unit: 'tỷ đồng', periodicities: Y, levels: PROVINCE, dimensions: ['VISITOR'], aggregation: 'SUM', agency: 'SVHTTDL', ...POS },
    { name: 'Kim ngạch xuất khẩu', nameEn: 'Exports', unit: 'triệu USD', periodicities: M, levels: PROVINCE, aggregation: 'SUM', agency: 'SCT', ...POS },
    { name: 'Kim ngạch nhập khẩu', nameEn: 'Imports', unit: 'triệu USD', periodicities: M, levels: PROVINCE, aggregation: 'SUM', agency: 'SCT', ...POS },
    { name: 'Số chợ', nameEn: 'Markets', unit: 'chợ', periodicities: Y, levels: COMMUNE, aggregation: 'SUM', agency: 'SCT', ...POS },
    { name: 'Số thuê bao internet băng rộng cố định', nameEn: 'Fixed broadband subscriptions', unit: 'thuê bao', periodicities: Q, levels: COMMUNE, aggregation: 'SUM', agency: 'SKHCN', ...POS },
  ]),
  ...g('11', [
    { name: 'Chỉ số giá tiêu dùng (CPI)', nameEn: 'Consumer price index', unit: '%', periodicities: M, levels: PROVINCE, aggregation: 'NONE', agency: 'TK-04', min: 50, max: 200,
      definition: 'So với cùng kỳ năm trước (cùng kỳ = 100); không cộng, không bình quân giữa các đơn vị.' },
  ]),
  ...g('12', [
    { name: 'Số học sinh phổ thông', nameEn: 'School pupils', unit: 'học sinh', periodicities: Y, levels: COMMUNE, dimensions: ['SCHOOL', 'SEX'], aggregation: 'SUM', agency: 'SGDDT', ...POS },
    { name: 'Số giáo viên phổ thông', nameEn: 'School teachers', unit: 'người', periodicities: Y, levels: COMMUNE, dimensions: ['SCHOOL'], aggregation: 'SUM', agency: 'SGDDT', ...POS },
    { name: 'Tỷ lệ trường đạt chuẩn quốc gia', nameEn: 'Schools meeting national standards', unit: '%', periodicities: Y, levels: ['PROVINCE', 'COMMUNE'], aggregation: 'NONE', agency: 'SGDDT', ...PCT },
  ]),
  ...g('13', [
    { name: 'Số giường bệnh', nameEn: 'Hospital beds', unit: 'giường', periodicities: Y, levels: COMMUNE, aggregation: 'SUM', agency: 'SYT', ...POS },
    { name: 'Số bác sĩ', nameEn: 'Doctors', unit: 'người', periodicities: Y, levels: COMMUNE, dimensions: ['SEX'], aggregation: 'SUM', agency: 'SYT', ...POS },
    { name: 'Số bác sĩ trên 10.000 dân', nameEn: 'Doctors per 10,000 population', unit: 'bác sĩ', periodicities: Y, levels: ALL, aggregation: 'NONE', agency: 'SYT', formula: '{1302} / {0201} * 10000' },
    { name: 'Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ', nameEn: 'Full immunisation of infants', unit: '%', periodicities: Y, levels: ['PROVINCE', 'COMMUNE'], aggregation: 'NONE', agency: 'SYT', ...PCT },
  ]),
  ...g('14', [
    { name: 'Tỷ lệ hộ nghèo đa chiều', nameEn: 'Multidimensional poverty rate', unit: '%', periodicities: Y, levels: COMMUNE, aggregation: 'WEIGHTED_AVERAGE', weight: '0203', agency: 'UBND-04', ...PCT,
      definition: 'Hộ nghèo trên tổng số hộ; cấp trên là bình quân gia quyền với số hộ dân cư của từng xã.' },
    { name: 'Thu nhập bình quân đầu người một tháng', nameEn: 'Monthly income per capita', unit: 'nghìn đồng', periodicities: Y, levels: PROVINCE, dimensions: ['AREA'], aggregation: 'NONE', agency: 'TK-04', ...POS },
  ]),
  ...g('15', [
    { name: 'Số di tích được xếp hạng', nameEn: 'Classified relics', unit: 'di tích', periodicities: Y, levels: COMMUNE, aggregation: 'SUM', agency: 'SVHTTDL', ...POS },
    { name: 'Số thư viện', nameEn: 'Libraries', unit: 'thư viện', periodicities: Y, levels: COMMUNE, aggregation: 'SUM', agency: 'SVHTTDL', ...POS },
  ]),
  ...g('16', [
    { name: 'Tỷ lệ chất thải rắn sinh hoạt được thu gom', nameEn: 'Household solid waste collected', unit: '%', periodicities: Y, levels: ['PROVINCE', 'COMMUNE'], aggregation: 'NONE', agency: 'SNNMT', ...PCT },
    { name: 'Tỷ lệ dân số được sử dụng nước sạch', nameEn: 'Population with clean water', unit: '%', periodicities: Y, levels: COMMUNE, dimensions: ['AREA'], aggregation: 'WEIGHTED_AVERAGE', weight: '0201', agency: 'SNNMT', ...PCT },
  ]),
];
