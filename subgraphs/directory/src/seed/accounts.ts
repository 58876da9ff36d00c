// Demo accounts, one per role, all with the demo password (printed by `npm start`; never use it for real data).
import type { Role } from '../entities';

export const DEMO_PASSWORD = 'demo-password-2025';

export const ACCOUNTS: { username: string; displayName: string; agency: string; roles: Role[] }[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống (demo)', agency: 'TTCDS', roles: ['SYSTEM_ADMIN'] },
  { username: 'vhttdl.admin', displayName: 'Quản trị Sở VHTTDL (demo)', agency: 'SVHTTDL', roles: ['AGENCY_ADMIN'] },
  { username: 'vhttdl.editor', displayName: 'Biên tập viên Sở VHTTDL (demo)', agency: 'SVHTTDL', roles: ['DATA_EDITOR', 'OFFICIAL'] },
  { username: 'vhttdl.official', displayName: 'Cán bộ Sở VHTTDL (demo)', agency: 'SVHTTDL', roles: ['OFFICIAL'] },
  { username: 'sxd.admin', displayName: 'Quản trị Sở Xây dựng (demo)', agency: 'SXD', roles: ['AGENCY_ADMIN'] },
  { username: 'sxd.official', displayName: 'Cán bộ Sở Xây dựng (demo)', agency: 'SXD', roles: ['OFFICIAL'] },
  { username: 'vp.approver', displayName: 'Chuyên viên Văn phòng UBND tỉnh (demo)', agency: 'VP-UBND-04', roles: ['APPROVER', 'OFFICIAL'] },
  { username: 'security.auditor', displayName: 'Cán bộ an toàn thông tin (demo)', agency: 'TTCDS', roles: ['AUDITOR'] },
];
