import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { generatePassword } from '@thidua/rules';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { AppError, badRequest, forbidden } from '../../common/app-error';
import { validateDto } from '../../common/validation';
import { AccountsService } from '../accounts/accounts.service';
import { CreateAccountDto } from '../accounts/dto/account.dto';
import { CreateUnitDto } from '../units/dto/unit.dto';
import { activeUnitIdsNamed } from '../units/units-data';
import { UnitsService } from '../units/units.service';
import { ImportReportDto, ImportRowDto } from './dto/import.dto';
import { ACCOUNT_COLUMNS, ACCOUNT_SHEET, isSampleRow, parseRole, SAMPLE_ACCOUNT, SAMPLE_HEADER, SAMPLE_MARK, SAMPLE_UNIT, UNIT_COLUMNS, UNIT_SHEET } from './import-sheets';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const MAX_ROWS = 2000;

class DryRunRollback extends Error {}

@Injectable()
export class ImportsService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly units: UnitsService, private readonly accounts: AccountsService) {}

  async template(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Thi đua';
    const guide = wb.addWorksheet('Hướng dẫn');
    guide.columns = [{ width: 110 }];
    [
      'MẪU NHẬP ĐƠN VỊ VÀ TÀI KHOẢN',
      `Trang "${UNIT_SHEET}": mỗi dòng một đơn vị. Cột có dấu (*) là bắt buộc. Tên đơn vị không được trùng với đơn vị đã có.`,
      `Trang "${ACCOUNT_SHEET}": mỗi dòng một tài khoản. Vai trò: Quản trị, Ban TĐKT, Cán bộ, Thủ trưởng.`,
      'Cán bộ và Thủ trưởng phải ghi Đơn vị (tên đầy đủ hoặc tên viết tắt, có thể là đơn vị vừa khai ở trang Đơn vị).',
      'Mật khẩu ban đầu được sinh tự động và hiển thị một lần trong báo cáo sau khi nhập; hãy chuyển cho người dùng và đề nghị đổi mật khẩu.',
      `Dòng thứ hai của mỗi trang là dòng mẫu (cột "${SAMPLE_HEADER}" ghi "${SAMPLE_MARK}"): hệ thống không nhập dòng mẫu; hãy xóa nó và điền dữ liệu thật từ dòng 2.`,
      'Dòng hợp lệ được nhập; dòng có lỗi bị bỏ qua và báo rõ lý do. Trước khi ghi, hệ thống luôn kiểm tra tệp và hiện báo cáo để bạn xác nhận.',
    ].forEach((t, i) => (guide.getCell(`A${i + 1}`).value = t));
    guide.getCell('A1').font = { bold: true, size: 14 };
    const units = wb.addWorksheet(UNIT_SHEET);
    units.columns = UNIT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    units.addRow(SAMPLE_UNIT);
    const accounts = wb.addWorksheet(ACCOUNT_SHEET);
    accounts.columns = ACCOUNT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    accounts.addRow(SAMPLE_ACCOUNT);
    for (const ws of [units, accounts]) {
      ws.getRow(1).font = { bold: true };
      ws.getRow(2).font = { italic: true, color: { argb: 'FF595959' } };
      ws.views = [{ state: 'frozen', ySplit: 1 }];
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /**
   * Imports units then accounts; each row stands alone (a bad row is reported, the good ones land; the
   * template's example rows are skipped and reported as such). Writing needs confirmation: `confirm` is
   * the SHA-256 of the same file a check (dry run) reported on, so nothing is written unseen.
   */
  async importWorkbook(actor: Actor, file: Buffer | undefined, dryRun: boolean, confirm?: string): Promise<ImportReportDto> {
    if (actor.role !== 'admin' && actor.role !== 'board') throw forbidden('Chỉ Ban Thi đua – Khen thưởng Thành phố hoặc quản trị viên được nhập dữ liệu.');
    if (!file?.length) throw badRequest('validation_failed', 'Dữ liệu không hợp lệ: file là bắt buộc (tệp .xlsx).', { file: 'là bắt buộc' });
    if (file.length > MAX_IMPORT_BYTES) throw badRequest('file_too_large', 'Tệp quá lớn (tối đa 5 MB).', { file: 'quá 5 MB' });
    if (file.subarray(0, 4).toString('binary') !== 'PK\x03\x04') throw badRequest('bad_file_type', 'Tệp không phải bảng tính Excel (.xlsx). Hãy dùng tệp mẫu.', { file: 'không phải tệp .xlsx' });
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(file as unknown as ArrayBuffer);
    } catch {
      throw badRequest('bad_file_type', 'Không đọc được tệp Excel. Hãy dùng tệp mẫu.', { file: 'không đọc được' });
    }
    const unitSheet = wb.getWorksheet(UNIT_SHEET);
    const accountSheet = wb.getWorksheet(ACCOUNT_SHEET);
    if (!unitSheet && !accountSheet) throw badRequest('bad_template', `Tệp phải có trang "${UNIT_SHEET}" hoặc "${ACCOUNT_SHEET}" như tệp mẫu.`, { file: 'không đúng mẫu' });
    const fileSha256 = createHash('sha256').update(file).digest('hex');
    if (!dryRun && confirm !== fileSha256) {
      throw badRequest('confirmation_required', 'Hãy kiểm tra tệp trước và xác nhận nhập theo báo cáo kiểm tra; tệp chưa được kiểm tra hoặc đã thay đổi sau khi kiểm tra.', { confirm: 'phải là mã xác nhận của lần kiểm tra tệp này' });
    }

    const rows: ImportRowDto[] = [];
    try {
      await this.ds.transaction(async (em) => {
        for (const r of readRows(unitSheet, UNIT_COLUMNS.map((c) => c.key))) {
          rows.push(isSampleRow(r.values, SAMPLE_UNIT) ? skipped('units', r.row, r.values.name) : await this.importUnit(em, actor, r.row, r.values));
        }
        for (const r of readRows(accountSheet, ACCOUNT_COLUMNS.map((c) => c.key))) {
          rows.push(isSampleRow(r.values, SAMPLE_ACCOUNT) ? skipped('accounts', r.row, r.values.email || r.values.fullName) : await this.importAccount(em, actor, r.row, r.values));
        }
        if (dryRun) throw new DryRunRollback();
      });
    } catch (e) {
      if (!(e instanceof DryRunRollback)) throw e;
    }
    const count = (sheet: string, status: string) => rows.filter((r) => r.sheet === sheet && r.status === status).length;
    return {
      dryRun, fileSha256,
      units: { created: count('units', 'created'), rejected: count('units', 'rejected'), skipped: count('units', 'skipped') },
      accounts: { created: count('accounts', 'created'), rejected: count('accounts', 'rejected'), skipped: count('accounts', 'skipped') },
      rows: dryRun ? rows.map(({ initialPassword: _p, ...r }) => r) : rows,
    };
  }

  private async importUnit(em: EntityManager, actor: Actor, row: number, v: Record<string, string>): Promise<ImportRowDto> {
    const base = { sheet: 'units' as const, row, label: v.name || '(không tên)' };
    const { value, fields } = await validateDto(CreateUnitDto, { ...v, email: v.email || undefined });
    if (Object.keys(fields).length) return { ...base, status: 'rejected', errors: describe(fields, UNIT_COLUMNS) };
    return this.inSavepoint(em, base, (tx) => this.units.createIn(tx, actor, value));
  }

  private async importAccount(em: EntityManager, actor: Actor, row: number, v: Record<string, string>): Promise<ImportRowDto> {
    const base = { sheet: 'accounts' as const, row, label: v.email || v.fullName || '(trống)' };
    const role = parseRole(v.role ?? '');
    const errors: string[] = [];
    if (!role) errors.push(`Vai trò "${v.role ?? ''}" không hợp lệ (Quản trị, Ban TĐKT, Cán bộ, Thủ trưởng)`);
    let unitId: string | undefined;
    if (v.unit) {
      const found = await activeUnitIdsNamed(em, v.unit);
      if (found.length === 1) unitId = found[0];
      else errors.push(found.length ? `Đơn vị "${v.unit}" trùng tên viết tắt với nhiều đơn vị; hãy ghi tên đầy đủ` : `Không tìm thấy đơn vị "${v.unit}"`);
    }
    const password = generatePassword(12);
    const { value, fields } = await validateDto(CreateAccountDto, { fullName: v.fullName, email: v.email, role: role ?? 'officer', unitId, title: v.title || undefined, password });
    errors.push(...describe(fields, ACCOUNT_COLUMNS).filter((e) => !(unitId === undefined && v.unit && e.startsWith('Đơn vị'))));
    if (errors.length) return { ...base, status: 'rejected', errors };
    const result = await this.inSavepoint(em, base, (tx) => this.accounts.createIn(tx, actor, value));
    return result.status === 'created' ? { ...result, initialPassword: password } : result;
  }

  private async inSavepoint(em: EntityManager, base: Omit<ImportRowDto, 'status' | 'errors'>, work: (tx: EntityManager) => Promise<unknown>): Promise<ImportRowDto> {
    try {
      await em.transaction(work);
      return { ...base, status: 'created', errors: [] };
    } catch (e) {
      if (e instanceof AppError) return { ...base, status: 'rejected', errors: [e.message] };
      throw e;
    }
  }
}

function skipped(sheet: 'units' | 'accounts', row: number, label: string | undefined): ImportRowDto {
  return { sheet, row, label: label || '(trống)', status: 'skipped', errors: ['Dòng mẫu của tệp mẫu: không nhập'] };
}

function readRows(ws: ExcelJS.Worksheet | undefined, keys: readonly string[]): { row: number; values: Record<string, string> }[] {
  if (!ws) return [];
  const out: { row: number; values: Record<string, string> }[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const values: Record<string, string> = {};
    keys.forEach((k, i) => {
      const cell = r.getCell(i + 1);
      const text = (cell.text ?? '').toString().trim().normalize('NFC');
      if (text) values[k] = text;
    });
    if (Object.keys(values).length) out.push({ row: n, values });
  });
  if (out.length > MAX_ROWS) throw badRequest('too_many_rows', `Mỗi trang tối đa ${MAX_ROWS} dòng.`, { file: `quá ${MAX_ROWS} dòng` });
  return out;
}

/** Field errors in the words of the sheet's column headers. */
function describe(fields: Record<string, string>, columns: readonly { key: string; header: string }[]): string[] {
  return Object.entries(fields).map(([f, reason]) => {
    const key = f === 'unitId' ? 'unit' : f;
    const header = columns.find((c) => c.key === key)?.header.replace(' (*)', '') ?? f;
    return `${header} ${reason}`;
  });
}
