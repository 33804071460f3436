/**
 * The scheme as an Excel workbook (what offices compute in): export, and import back with errors that
 * name the sheet row and the criterion code.
 */
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { badRequest } from '../../common/app-error';
import type { AdjustmentItem, NodeType } from '@thidua/rules';
import type { CountSource, CriterionRow } from './scheme-tree';

export const MAX_SCHEME_XLSX_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 1000;

export const INFO_SHEET = 'Thông tin';
export const CRITERIA_SHEET = 'Tiêu chí';
export const ITEMS_SHEET = 'Khoản thưởng, trừ';

export const TYPE_LABELS: Record<NodeType, string> = {
  group: 'Nhóm',
  points: 'Chấm điểm',
  pass_fail: 'Đạt/Không đạt',
  per_occurrence: 'Theo số lần',
  target: 'Theo chỉ tiêu',
  bonus: 'Điểm thưởng',
  deduction: 'Điểm trừ',
};

/** Where a per-occurrence criterion takes its count from, as officials read it (empty: entered by hand). */
export const COUNT_SOURCE_LABELS: Record<CountSource, string> = {
  news: 'Tin hoạt động',
  story: 'Gương điển hình',
  both: 'Cả hai',
};
const COUNT_SOURCE_HEADER = 'Số lần lấy từ';

const CRITERIA_COLUMNS = [
  { key: 'code', header: 'Mã (*)', width: 10 },
  { key: 'parent', header: 'Mã nhóm cha', width: 12 },
  { key: 'type', header: 'Loại (*)', width: 16 },
  { key: 'title', header: 'Nội dung (*)', width: 60 },
  { key: 'max', header: 'Điểm tối đa (*)', width: 14 },
  { key: 'ppo', header: 'Điểm mỗi lần', width: 12 },
  { key: 'measure', header: 'Đơn vị tính', width: 12 },
  { key: 'evidence', header: 'Bắt buộc minh chứng', width: 12 },
  { key: 'guidance', header: 'Hướng dẫn chấm', width: 60 },
  { key: 'na', header: 'Không áp dụng cho (tên viết tắt, cách nhau bởi ;)', width: 40 },
  { key: 'countSource', header: COUNT_SOURCE_HEADER, width: 18 },
] as const;

const ITEM_COLUMNS = [
  { key: 'code', header: 'Mã mục (*)', width: 10 },
  { key: 'title', header: 'Nội dung khoản (*)', width: 60 },
  { key: 'points', header: 'Điểm mỗi lần (*)', width: 14 },
  { key: 'cap', header: 'Mức trần', width: 10 },
] as const;

export interface UnitRef { id: string; shortName: string; name: string }

/** Writes the scheme: an info sheet, the criteria in reading order, and the bonus / deduction items. */
export async function schemeToXlsx(scheme: { title: string; totalMax: number; blockName: string; year: number; versionNo: number }, rows: readonly CriterionRow[], units: readonly UnitRef[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thi đua';
  const info = wb.addWorksheet(INFO_SHEET);
  info.columns = [{ width: 24 }, { width: 80 }];
  info.addRow(['Tên biểu', scheme.title]);
  info.addRow(['Tổng điểm', scheme.totalMax]);
  info.addRow(['Khối', scheme.blockName]);
  info.addRow(['Năm', scheme.year]);
  info.addRow(['Phiên bản', scheme.versionNo]);
  info.addRow([]);
  info.addRow(['Hướng dẫn', `Loại tiêu chí: ${Object.values(TYPE_LABELS).join(', ')}. Nhóm cha ghi bằng mã. ${COUNT_SOURCE_HEADER} (chỉ cho tiêu chí theo số lần): ${Object.values(COUNT_SOURCE_LABELS).join(', ')} hoặc để trống (nhập tay). Thứ tự các dòng là thứ tự trong biểu.`]);
  info.getColumn(1).font = { bold: true };

  const byId = new Map(rows.map((r) => [r.id, r]));
  const unitName = new Map(units.map((u) => [u.id, u.shortName]));
  const ws = wb.addWorksheet(CRITERIA_SHEET);
  ws.columns = CRITERIA_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const r of rows) {
    ws.addRow({
      code: r.code, parent: r.parentId ? byId.get(r.parentId)?.code ?? '' : '', type: TYPE_LABELS[r.type], title: r.title, max: r.maxPoints,
      ppo: r.pointsPerOccurrence ?? '', measure: r.measure, evidence: r.evidenceRequired ? 'Có' : '', guidance: r.guidance,
      na: r.notApplicableUnitIds.map((id) => unitName.get(id) ?? id).join('; '),
      countSource: r.type === 'per_occurrence' && r.countSource ? COUNT_SOURCE_LABELS[r.countSource] : '',
    });
  }
  const items = wb.addWorksheet(ITEMS_SHEET);
  items.columns = ITEM_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const r of rows) for (const i of r.items) items.addRow({ code: r.code, title: i.title, points: i.points, cap: i.cap ?? '' });
  for (const s of [ws, items]) {
    s.getRow(1).font = { bold: true };
    s.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ParsedScheme {
  title: string | null;
  totalMax: number | null;
  /** New rows with fresh ids, in sheet order; `sheetRow` is the row number on the criteria sheet. */
  rows: (CriterionRow & { sheetRow: number })[];
}

const text = (cell: ExcelJS.Cell): string => (cell.text ?? '').toString().trim().normalize('NFC');
const norm = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/** 1 → A, 11 → K (the sheets stay under 26 columns). */
const columnLetter = (index: number) => String.fromCharCode(64 + index);

function parseNumber(raw: string): number | null {
  if (raw === '') return null;
  // Accept Vietnamese decimals (2,5) as well as 2.5.
  const n = Number(raw.replace(/\s/g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : NaN;
}

/**
 * Reads a workbook written by `schemeToXlsx` (or by hand on the same columns). Row-level problems (an
 * unknown type, a missing code or title, a non-numeric maximum, an unknown parent or unit) are collected
 * and thrown together as one 400 naming each sheet row; the tree rules are checked by the caller.
 */
export async function parseSchemeXlsx(file: Buffer | undefined, units: readonly UnitRef[]): Promise<ParsedScheme> {
  if (!file?.length) throw badRequest('validation_failed', 'Dữ liệu không hợp lệ: file là bắt buộc (tệp .xlsx).', { file: 'là bắt buộc' });
  if (file.length > MAX_SCHEME_XLSX_BYTES) throw badRequest('file_too_large', 'Tệp quá lớn (tối đa 5 MB).', { file: 'quá 5 MB' });
  if (file.subarray(0, 4).toString('binary') !== 'PK\x03\x04') throw badRequest('bad_file_type', 'Tệp không phải bảng tính Excel (.xlsx).', { file: 'không phải tệp .xlsx' });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw badRequest('bad_file_type', 'Không đọc được tệp Excel.', { file: 'không đọc được' });
  }
  const ws = wb.getWorksheet(CRITERIA_SHEET);
  if (!ws) throw badRequest('bad_template', `Tệp phải có trang "${CRITERIA_SHEET}" như tệp xuất từ hệ thống.`, { file: 'không đúng mẫu' });

  const errors: Record<string, string> = {};
  const fail = (where: string, message: string) => {
    errors[where] = errors[where] ? `${errors[where]}; ${message}` : message;
  };

  let title: string | null = null;
  let totalMax: number | null = null;
  const info = wb.getWorksheet(INFO_SHEET);
  info?.eachRow((r) => {
    const label = norm(text(r.getCell(1)));
    if (label === 'tên biểu') title = text(r.getCell(2)) || null;
    if (label === 'tổng điểm') {
      const n = parseNumber(text(r.getCell(2)));
      if (n === null || Number.isNaN(n)) fail(`${INFO_SHEET}!B${r.number}`, 'Tổng điểm phải là số');
      else totalMax = n;
    }
  });

  const typeByLabel = new Map<string, NodeType>(Object.entries(TYPE_LABELS).map(([k, v]) => [norm(v), k as NodeType]));
  for (const k of Object.keys(TYPE_LABELS)) typeByLabel.set(k, k as NodeType);
  const sourceByLabel = new Map<string, CountSource>(Object.entries(COUNT_SOURCE_LABELS).map(([k, v]) => [norm(v), k as CountSource]));
  const unitByName = new Map<string, string>();
  for (const u of units) {
    unitByName.set(norm(u.shortName), u.id);
    unitByName.set(norm(u.name), u.id);
  }

  const rows: (CriterionRow & { sheetRow: number; parentCode: string })[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const cells = CRITERIA_COLUMNS.map((_, i) => text(r.getCell(i + 1)));
    if (cells.every((c) => c === '')) return;
    const [code, parentCode, typeRaw, title, maxRaw, ppoRaw, measure, evidenceRaw, guidance, naRaw, sourceRaw] = cells;
    const where = `Dòng ${n}${code ? ` (${code})` : ''}`;
    if (!code) fail(where, 'chưa có mã tiêu chí');
    if (!title) fail(where, 'chưa có nội dung');
    const type = typeByLabel.get(norm(typeRaw));
    if (!type) fail(where, `loại "${typeRaw}" không hợp lệ (${Object.values(TYPE_LABELS).join(', ')})`);
    const max = parseNumber(maxRaw);
    if (max === null || Number.isNaN(max)) fail(where, 'điểm tối đa phải là số');
    const ppo = parseNumber(ppoRaw);
    if (Number.isNaN(ppo)) fail(where, 'điểm mỗi lần phải là số');
    const countSource = sourceRaw ? sourceByLabel.get(norm(sourceRaw)) ?? null : null;
    const sourceCell = `${CRITERIA_SHEET}!${columnLetter(CRITERIA_COLUMNS.length)}${n}`;
    if (sourceRaw && !countSource) fail(where, `cột "${COUNT_SOURCE_HEADER}" (${sourceCell}) "${sourceRaw.slice(0, 40)}" không hợp lệ (${Object.values(COUNT_SOURCE_LABELS).join(', ')} hoặc để trống)`);
    else if (countSource && type && type !== 'per_occurrence') fail(where, `cột "${COUNT_SOURCE_HEADER}" (${sourceCell}) chỉ dùng cho tiêu chí theo số lần`);
    const na: string[] = [];
    for (const name of naRaw.split(/[;\n]/).map((s) => s.trim()).filter(Boolean)) {
      const id = unitByName.get(norm(name));
      if (id) na.push(id);
      else fail(where, `không có đơn vị "${name}" trong khối năm này`);
    }
    rows.push({
      id: randomUUID(), parentId: null, parentCode, code, title, guidance, type: type ?? 'points', maxPoints: max ?? 0, sortOrder: 0,
      evidenceRequired: ['có', 'x', 'yes', 'true', '1'].includes(norm(evidenceRaw)), pointsPerOccurrence: type === 'per_occurrence' ? (ppo ?? 0) : null,
      measure: type === 'target' ? measure : '', items: [], notApplicableUnitIds: [...new Set(na)], sheetRow: n,
      countSource: type === 'per_occurrence' ? countSource : null,
    });
  });
  if (rows.length > MAX_ROWS) throw badRequest('too_many_rows', `Biểu chấm điểm tối đa ${MAX_ROWS} dòng.`, { file: `quá ${MAX_ROWS} dòng` });

  const byCode = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (r.code && !byCode.has(r.code)) byCode.set(r.code, r);
  const order = new Map<string | null, number>();
  for (const r of rows) {
    if (r.parentCode) {
      const parent = byCode.get(r.parentCode);
      if (!parent) fail(`Dòng ${r.sheetRow} (${r.code})`, `nhóm cha "${r.parentCode}" không có trong biểu`);
      else r.parentId = parent.id;
    }
    const next = (order.get(r.parentId) ?? 0) + 1;
    order.set(r.parentId, next);
    r.sortOrder = next;
  }

  ws.workbook.getWorksheet(ITEMS_SHEET)?.eachRow((r, n) => {
    if (n === 1) return;
    const [code, title, pointsRaw, capRaw] = ITEM_COLUMNS.map((_, i) => text(r.getCell(i + 1)));
    if (!code && !title && !pointsRaw && !capRaw) return;
    const where = `${ITEMS_SHEET} dòng ${n}`;
    const owner = byCode.get(code);
    if (!owner) return fail(where, `không có mục "${code}" trong biểu`);
    if (owner.type !== 'bonus' && owner.type !== 'deduction') return fail(where, `mục ${code} không phải mục điểm thưởng/điểm trừ`);
    if (!title) fail(where, 'chưa có nội dung khoản');
    const points = parseNumber(pointsRaw);
    if (points === null || Number.isNaN(points)) fail(where, 'điểm mỗi lần phải là số');
    const cap = parseNumber(capRaw);
    if (Number.isNaN(cap)) fail(where, 'mức trần phải là số');
    const item: AdjustmentItem = { id: `k${owner.items.length + 1}`, title, points: points ?? 0, cap: cap ?? null };
    owner.items.push(item);
  });

  if (Object.keys(errors).length) {
    const list = Object.entries(errors).map(([w, m]) => `${w}: ${m}`);
    throw badRequest('invalid_import', `Tệp biểu chấm điểm có lỗi: ${list.slice(0, 10).join('; ')}${list.length > 10 ? `; … và ${list.length - 10} lỗi khác` : ''}.`, errors);
  }
  return { title, totalMax, rows: rows.map(({ parentCode: _p, ...r }) => r) };
}
