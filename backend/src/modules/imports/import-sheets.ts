import type { Role } from '../../common/actor';

/** The import workbook's layout: sheet names and columns, shared by the template and the parser. */
export const UNIT_SHEET = 'Đơn vị';
export const ACCOUNT_SHEET = 'Tài khoản';

export const UNIT_COLUMNS = [
  { key: 'name', header: 'Tên đơn vị (*)', width: 50 },
  { key: 'shortName', header: 'Tên viết tắt (*)', width: 28 },
  { key: 'parentAgency', header: 'Cơ quan chủ quản', width: 30 },
  { key: 'address', header: 'Địa chỉ', width: 40 },
  { key: 'phone', header: 'Điện thoại', width: 16 },
  { key: 'email', header: 'Email', width: 28 },
] as const;

export const ACCOUNT_COLUMNS = [
  { key: 'fullName', header: 'Họ và tên (*)', width: 28 },
  { key: 'email', header: 'Email (*)', width: 30 },
  { key: 'role', header: 'Vai trò (*)', width: 22 },
  { key: 'unit', header: 'Đơn vị (tên hoặc tên viết tắt)', width: 40 },
  { key: 'title', header: 'Chức vụ', width: 24 },
] as const;

/** Role labels accepted in the sheet, in Vietnamese or as codes. */
export const ROLE_LABELS: Record<string, Role> = {
  'quản trị': 'admin', admin: 'admin',
  'ban tđkt': 'board', 'ban thi đua - khen thưởng': 'board', 'ban thi đua – khen thưởng': 'board', board: 'board',
  'cán bộ': 'officer', 'cán bộ đơn vị': 'officer', officer: 'officer',
  'thủ trưởng': 'unit_head', 'thủ trưởng đơn vị': 'unit_head', unit_head: 'unit_head',
};

export function parseRole(label: string): Role | null {
  return ROLE_LABELS[label.trim().toLowerCase().normalize('NFC')] ?? null;
}
