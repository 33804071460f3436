import type { Role } from '../../common/actor';

/** The import workbook's layout: sheet names and columns, shared by the template and the parser. */
export const UNIT_SHEET = 'Đơn vị';
/** The last column marks the template's example rows; the importer skips a marked row and says so. */
export const SAMPLE_HEADER = 'Dòng mẫu (xóa dòng này)';
export const SAMPLE_MARK = 'MẪU – không nhập';
export const ACCOUNT_SHEET = 'Tài khoản';

export const UNIT_COLUMNS = [
  { key: 'name', header: 'Tên đơn vị (*)', width: 50 },
  { key: 'shortName', header: 'Tên viết tắt (*)', width: 28 },
  { key: 'parentAgency', header: 'Cơ quan chủ quản', width: 30 },
  { key: 'address', header: 'Địa chỉ', width: 40 },
  { key: 'phone', header: 'Điện thoại', width: 16 },
  { key: 'email', header: 'Email', width: 28 },
  { key: 'sample', header: SAMPLE_HEADER, width: 30 },
] as const;

export const ACCOUNT_COLUMNS = [
  { key: 'fullName', header: 'Họ và tên (*)', width: 28 },
  { key: 'email', header: 'Email (*)', width: 30 },
  { key: 'role', header: 'Vai trò (*)', width: 22 },
  { key: 'unit', header: 'Đơn vị (tên hoặc tên viết tắt)', width: 40 },
  { key: 'title', header: 'Chức vụ', width: 24 },
  { key: 'sample', header: SAMPLE_HEADER, width: 30 },
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

/** The template's example rows, marked; a row equal to one of them (marker erased or not) is skipped too. */
export const SAMPLE_UNIT = { name: 'Sở Văn hóa và Thể thao Hà Nội', shortName: 'Sở VH&TT', parentAgency: 'UBND thành phố Hà Nội', address: '47 Hàng Dầu, Hoàn Kiếm, Hà Nội', phone: '024 3825 3011', email: 'vanthu@hanoi.gov.vn', sample: SAMPLE_MARK };
export const SAMPLE_ACCOUNT = { fullName: 'Nguyễn Văn Ví Dụ', email: 'vidu@hanoi.gov.vn', role: 'Cán bộ', unit: 'Sở VH&TT', title: 'Chuyên viên', sample: SAMPLE_MARK };

/** Whether a sheet row is the template's example: marked in the sample column, or identical to the example. */
export function isSampleRow(values: Record<string, string>, sample: Record<string, string>): boolean {
  if (values.sample) return true;
  return Object.entries(sample).every(([k, v]) => k === 'sample' || (values[k] ?? '') === v);
}
