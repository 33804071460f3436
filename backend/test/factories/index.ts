/**
 * Factories for the HTTP tests: they write through the API (as the board or admin) so every record is
 * made the way a user would make it, with its audit entry. Names are unique per call.
 */
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../../src/database/demo/demo-data';
import type { Client_, TestApp } from '../app';

export const uniq = () => randomBytes(3).toString('hex');

/** Asserts the HTTP status and returns the body, with the body in the failure message. */
export async function expectStatus<T = any>(req: request.Test | Promise<request.Response>, status: number): Promise<T> {
  const res = await req;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as T;
}

export async function createBlock(c: Client_, over: Partial<{ code: string; name: string; kind: 'khoi' | 'cum'; description: string }> = {}) {
  const s = uniq();
  return expectStatus(c.post('/api/blocks', { code: `K-${s}`, name: `Khối thử ${s}`, kind: 'khoi', ...over }), 201);
}

export async function createUnit(c: Client_, over: Partial<{ name: string; shortName: string; parentAgency: string; address: string; phone: string; email: string }> = {}) {
  const s = uniq();
  return expectStatus(c.post('/api/units', { name: `Đơn vị thử ${s}`, shortName: `ĐV ${s}`, ...over }), 201);
}

export async function createAccount(
  c: Client_,
  over: Partial<{ fullName: string; email: string; role: string; unitId: string | null; title: string; password: string }> = {},
) {
  const s = uniq();
  return expectStatus(c.post('/api/accounts', { fullName: `Người thử ${s}`, email: `nguoi.thu.${s}@thidua.vn`, role: 'board', password: 'MatKhau2025', ...over }), 201);
}

/** A new block with `units` fresh member units and a block year; the first unit leads, the second is deputy. */
export async function createBlockYear(c: Client_, opts: { year?: number; units?: number } = {}) {
  const block = await createBlock(c);
  const units = [];
  for (let i = 0; i < (opts.units ?? 3); i++) units.push(await createUnit(c));
  const year = await expectStatus(c.post('/api/block-years', {
    blockId: block.id, year: opts.year ?? 2025, memberUnitIds: units.map((u) => u.id), leaderUnitId: units[0].id, deputyUnitId: units[1]?.id ?? null,
  }), 201);
  return { block, units, year };
}

/** Signs in and returns the raw cookie and CSRF token (for multipart uploads the Client_ cannot send). */
export async function signInRaw(t: TestApp, email: string, password = DEMO_PASSWORD): Promise<{ cookie: string; csrf: string }> {
  const res = await t.http().post('/api/auth/sign-in').send({ email, password });
  if (res.status !== 200) throw new Error(`sign-in ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: res.body.csrfToken };
}

/** POSTs a file as multipart/form-data field `file`. */
export async function upload(t: TestApp, email: string, url: string, file: Buffer, filename = 'nhap.xlsx') {
  const { cookie, csrf } = await signInRaw(t, email);
  return t.http().post(url).set('Cookie', cookie).set('X-CSRF-Token', csrf).attach('file', file, filename);
}

/** Builds an import workbook: the first row of each sheet is the header, as in the template. */
export async function importWorkbook(sheets: { units?: string[][]; accounts?: string[][] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (sheets.units) {
    const ws = wb.addWorksheet('Đơn vị');
    ws.addRow(['Tên đơn vị (*)', 'Tên viết tắt (*)', 'Cơ quan chủ quản', 'Địa chỉ', 'Điện thoại', 'Email']);
    sheets.units.forEach((r) => ws.addRow(r));
  }
  if (sheets.accounts) {
    const ws = wb.addWorksheet('Tài khoản');
    ws.addRow(['Họ và tên (*)', 'Email (*)', 'Vai trò (*)', 'Đơn vị (tên hoặc tên viết tắt)', 'Chức vụ']);
    sheets.accounts.forEach((r) => ws.addRow(r));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Audit entries for one entity, oldest first. */
export async function auditOf(ds: DataSource, entityType: string, entityId: string): Promise<{ id: string; action: string; before: any; after: any; reason: string; actor_id: string | null }[]> {
  return ds.query('SELECT a.id::text AS id, action, before, after, reason, actor_id FROM audit_entries a WHERE entity_type = $1 AND entity_id = $2 ORDER BY a.id', [entityType, entityId]);
}

export const auditCount = async (ds: DataSource): Promise<number> => (await ds.query('SELECT count(*)::int AS n FROM audit_entries'))[0].n;

/**
 * Makes the audit insert fail for one action, in this test's own database only, so a test can prove that
 * the domain change and its audit entry commit or roll back together. Returns the undo.
 */
export async function failAuditFor(ds: DataSource, action: string): Promise<() => Promise<void>> {
  const fn = `test_fail_audit_${uniq()}`;
  await ds.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.action = '${action.replace(/'/g, "''")}' THEN RAISE EXCEPTION 'test: audit insert refused for %', NEW.action; END IF;
      RETURN NEW;
    END $$`);
  await ds.query(`CREATE TRIGGER ${fn} BEFORE INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
  return async () => {
    await ds.query(`DROP TRIGGER ${fn} ON audit_entries`);
    await ds.query(`DROP FUNCTION ${fn}()`);
  };
}
