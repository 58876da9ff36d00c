// Demo accounts, one per role, all with the demo password (printed by `npm start`; never use it for real data).
import type { Role } from '../entities';

export const DEMO_PASSWORD = 'demo-password-2025';

export interface DemoAccount {
  username: string;
  displayName: string;
  agency: string;
  roles: Role[];
  /** With DATA_EDITOR: the databases it edits. */
  editorOf?: string[];
}

export const ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống (demo)', agency: 'TTCDS', roles: ['SYSTEM_ADMIN'] },
  { username: 'vhttdl.admin', displayName: 'Quản trị Sở VHTTDL (demo)', agency: 'SVHTTDL', roles: ['AGENCY_ADMIN'] },
  {
    username: 'vhttdl.editor',
    displayName: 'Biên tập viên Sở VHTTDL (demo)',
    agency: 'SVHTTDL',
    roles: ['DATA_EDITOR', 'OFFICIAL'],
    editorOf: ['CSDL-VHTTDL'],
  },
  { username: 'vhttdl.official', displayName: 'Cán bộ Sở VHTTDL (demo)', agency: 'SVHTTDL', roles: ['OFFICIAL'] },
  { username: 'sxd.admin', displayName: 'Quản trị Sở Xây dựng (demo)', agency: 'SXD', roles: ['AGENCY_ADMIN'] },
  { username: 'sxd.official', displayName: 'Cán bộ Sở Xây dựng (demo)', agency: 'SXD', roles: ['OFFICIAL'] },
  { username: 'vp.approver', displayName: 'Chuyên viên Văn phòng UBND tỉnh (demo)', agency: 'VP-UBND-04', roles: ['APPROVER', 'OFFICIAL'] },
  { username: 'security.auditor', displayName: 'Cán bộ an toàn thông tin (demo)', agency: 'TTCDS', roles: ['AUDITOR'] },
];

/**
 * Data editors of the sector databases that joined later (a later seed step). Agriculture and Environment owns two
 * databases since the 2025 merger and has one editor for each (Cao Bằng Art. 6.3).
 */
export const SECTOR_EDITORS: DemoAccount[] = [
  {
    username: 'sct.editor',
    displayName: 'Biên tập viên Sở Công Thương (demo)',
    agency: 'SCT',
    roles: ['DATA_EDITOR', 'OFFICIAL'],
    editorOf: ['CSDL-CONGTHUONG'],
  },
  {
    username: 'snnmt.moitruong',
    displayName: 'Biên tập viên CSDL Tài nguyên và Môi trường (demo)',
    agency: 'SNNMT',
    roles: ['DATA_EDITOR', 'OFFICIAL'],
    editorOf: ['CSDL-TNMT'],
  },
  {
    username: 'snnmt.nongnghiep',
    displayName: 'Biên tập viên CSDL Nông nghiệp (demo)',
    agency: 'SNNMT',
    roles: ['DATA_EDITOR', 'OFFICIAL'],
    editorOf: ['CSDL-NNPTNT'],
  },
  { username: 'snnmt.admin', displayName: 'Quản trị Sở Nông nghiệp và Môi trường (demo)', agency: 'SNNMT', roles: ['AGENCY_ADMIN'] },
  {
    username: 'skhcn.editor',
    displayName: 'Biên tập viên CSDL Thông tin và Truyền thông, Sở KH&CN (demo)',
    agency: 'SKHCN',
    roles: ['DATA_EDITOR', 'OFFICIAL'],
    editorOf: ['CSDL-TTTT'],
  },
];
