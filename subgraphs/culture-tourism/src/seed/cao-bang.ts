// Demo data of the culture and tourism database: real sites of Cao Bằng in today's communes (codes as in the
// directory's demo data); visitor figures and establishments are sample data.
import type { AccommodationType, TouristSiteCategory } from '../entities';

export interface SiteSeed {
  name: string;
  nameEn?: string;
  category: TouristSiteCategory;
  commune: string;
  lat: number;
  lng: number;
  description?: string;
}

export const SITES: SiteSeed[] = [
  {
    name: 'Thác Bản Giốc',
    nameEn: 'Ban Gioc Waterfall',
    category: 'SPECIAL_NATIONAL_RELIC',
    commune: '01435',
    lat: 22.8548,
    lng: 106.7236,
    description: 'Danh thắng quốc gia đặc biệt trên sông Quây Sơn.',
  },
  { name: 'Động Ngườm Ngao', nameEn: 'Nguom Ngao Cave', category: 'GEOPARK_SITE', commune: '01435', lat: 22.8459, lng: 106.7085 },
  {
    name: 'Chùa Phật Tích Trúc Lâm Bản Giốc',
    nameEn: 'Truc Lam Ban Gioc Pagoda',
    category: 'SPIRITUAL',
    commune: '01435',
    lat: 22.8563,
    lng: 106.7214,
  },
  {
    name: 'Làng đá Khuổi Ky',
    nameEn: 'Khuoi Ky stone village',
    category: 'COMMUNITY_TOURISM',
    commune: '01435',
    lat: 22.8467,
    lng: 106.6995,
  },
  {
    name: 'Khu di tích quốc gia đặc biệt Pác Bó',
    nameEn: 'Pac Bo special national relic',
    category: 'SPECIAL_NATIONAL_RELIC',
    commune: '01399',
    lat: 22.9789,
    lng: 106.0447,
  },
  {
    name: 'Suối Lê-nin và núi Các Mác',
    nameEn: 'Lenin Stream and Karl Marx Mountain',
    category: 'LANDSCAPE',
    commune: '01399',
    lat: 22.9775,
    lng: 106.0432,
  },
  { name: 'Khu di tích Kim Đồng', nameEn: 'Kim Dong memorial site', category: 'RELIC', commune: '01399', lat: 22.9598, lng: 106.0688 },
  { name: 'Núi Mắt Thần', nameEn: 'Eye of God Mountain', category: 'GEOPARK_SITE', commune: '01372', lat: 22.8153, lng: 105.9743 },
  { name: 'Hồ Thang Hen', nameEn: 'Thang Hen Lake', category: 'LANDSCAPE', commune: '01426', lat: 22.7928, lng: 106.3385 },
  { name: 'Đèo Mã Phục', nameEn: 'Ma Phuc Pass', category: 'LANDSCAPE', commune: '01426', lat: 22.7641, lng: 106.3023 },
  {
    name: 'Khu di tích quốc gia đặc biệt Rừng Trần Hưng Đạo',
    nameEn: 'Tran Hung Dao Forest special national relic',
    category: 'SPECIAL_NATIONAL_RELIC',
    commune: '01666',
    lat: 22.5864,
    lng: 105.9925,
  },
  {
    name: 'Vườn quốc gia Phia Oắc - Phia Đén',
    nameEn: 'Phia Oac - Phia Den National Park',
    category: 'ECOTOURISM',
    commune: '01639',
    lat: 22.6114,
    lng: 105.8809,
  },
  {
    name: 'Làng dệt thổ cẩm Hoài Khao',
    nameEn: 'Hoai Khao brocade village',
    category: 'CRAFT_VILLAGE',
    commune: '01648',
    lat: 22.6242,
    lng: 105.8502,
  },
  { name: 'Đền Kỳ Sầm', nameEn: 'Ky Sam Temple', category: 'RELIC', commune: '01585', lat: 22.7169, lng: 106.2017 },
  { name: 'Thành Na Lữ', nameEn: 'Na Lu Citadel', category: 'RELIC', commune: '01585', lat: 22.7258, lng: 106.1952 },
  { name: 'Chùa Đà Quận', nameEn: 'Da Quan Pagoda', category: 'SPIRITUAL', commune: '01585', lat: 22.7012, lng: 106.2131 },
  {
    name: 'Bảo tàng tỉnh Cao Bằng',
    nameEn: 'Cao Bang Provincial Museum',
    category: 'MUSEUM',
    commune: '01240',
    lat: 22.6657,
    lng: 106.2571,
  },
  {
    name: 'Trung tâm thông tin Công viên địa chất Non nước Cao Bằng',
    nameEn: 'Non Nuoc Cao Bang Geopark information centre',
    category: 'GEOPARK_SITE',
    commune: '01252',
    lat: 22.6702,
    lng: 106.2588,
  },
  { name: 'Đèo Khau Cốc Chà', nameEn: 'Khau Coc Cha Pass', category: 'LANDSCAPE', commune: '01273', lat: 22.8511, lng: 105.4829 },
  {
    name: 'Làng rèn Phúc Sen',
    nameEn: 'Phuc Sen blacksmith village',
    category: 'CRAFT_VILLAGE',
    commune: '01528',
    lat: 22.6792,
    lng: 106.4418,
  },
  {
    name: 'Di tích Chiến thắng Đông Khê',
    nameEn: 'Dong Khe victory relic',
    category: 'RELIC',
    commune: '01681',
    lat: 22.4301,
    lng: 106.4313,
  },
  { name: 'Hồ Khuổi Lái', nameEn: 'Khuoi Lai Lake', category: 'LANDSCAPE', commune: '01690', lat: 22.4725, lng: 106.3864 },
];

export interface AccommodationSeed {
  name: string;
  type: AccommodationType;
  stars: number | null;
  rooms: number;
  commune: string;
  owner?: string;
}

export const ACCOMMODATIONS: AccommodationSeed[] = [
  { name: 'Khách sạn Thục Phán', type: 'HOTEL', stars: 3, rooms: 60, commune: '01240' },
  { name: 'Khách sạn Sông Hiến', type: 'HOTEL', stars: 2, rooms: 35, commune: '01240' },
  { name: 'Khách sạn Bằng Giang', type: 'HOTEL', stars: 2, rooms: 42, commune: '01252' },
  { name: 'Khu nghỉ dưỡng Bản Giốc', type: 'RESORT', stars: 4, rooms: 80, commune: '01435' },
  { name: 'Homestay Khuổi Ky', type: 'HOMESTAY', stars: null, rooms: 6, commune: '01435', owner: 'Nông Văn Thắng' },
  { name: 'Nhà nghỉ Đàm Thủy', type: 'GUESTHOUSE', stars: null, rooms: 12, commune: '01435', owner: 'Hoàng Thị Mai' },
  { name: 'Nhà nghỉ Pác Bó', type: 'GUESTHOUSE', stars: null, rooms: 15, commune: '01399', owner: 'Lục Văn Hùng' },
  { name: 'Homestay Hoài Khao', type: 'HOMESTAY', stars: null, rooms: 5, commune: '01648', owner: 'Triệu Thị Lan' },
  { name: 'Homestay Phia Đén', type: 'HOMESTAY', stars: null, rooms: 8, commune: '01639', owner: 'Bàn Văn Sinh' },
  { name: 'Khách sạn Trùng Khánh', type: 'HOTEL', stars: 2, rooms: 30, commune: '01426' },
  { name: 'Khách sạn Đông Khê', type: 'HOTEL', stars: 1, rooms: 20, commune: '01681' },
  { name: 'Biệt thự du lịch Thang Hen', type: 'TOURIST_VILLA', stars: null, rooms: 10, commune: '01426' },
];
