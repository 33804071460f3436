import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { createTestApp, DEMO, TestApp } from '../app';
import { auditCount, failAuditFor, importWorkbook, signInRaw, uniq, upload } from '../factories';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const URL_IMPORT = '/api/imports/units-accounts';
/** Writing is confirmed with the SHA-256 of the file the check reported on (the report's fileSha256). */
const confirmed = (file: Buffer) => `${URL_IMPORT}?confirm=${createHash('sha256').update(file).digest('hex')}`;

/** supertest collects a binary response into a Buffer. */
const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('imports', () => {
  let t: TestApp;

  const counts = async () => (await t.ds.query(
    `SELECT (SELECT count(*)::int FROM units) AS units, (SELECT count(*)::int FROM accounts) AS accounts, (SELECT count(*)::int FROM audit_entries) AS audit`))[0];

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('the template', () => {
    it('downloads as a real .xlsx workbook with the import sheets and their headers', async () => {
      const { cookie } = await signInRaw(t, DEMO.board);
      const res = await t.http().get('/api/imports/template').set('Cookie', cookie).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain(XLSX);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="mau-nhap-don-vi-tai-khoan.xlsx"/);
      const body = res.body as Buffer;
      expect(body.subarray(0, 4).toString('binary')).toBe('PK\x03\x04');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(body as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Đơn vị', 'Tài khoản']);
      expect((wb.getWorksheet('Đơn vị')!.getRow(1).values as unknown[]).slice(1)).toEqual(['Tên đơn vị (*)', 'Tên viết tắt (*)', 'Cơ quan chủ quản', 'Địa chỉ', 'Điện thoại', 'Email', 'Dòng mẫu (xóa dòng này)']);
      expect((wb.getWorksheet('Tài khoản')!.getRow(1).values as unknown[]).slice(1)).toEqual(['Họ và tên (*)', 'Email (*)', 'Vai trò (*)', 'Đơn vị (tên hoặc tên viết tắt)', 'Chức vụ', 'Dòng mẫu (xóa dòng này)']);
      expect(wb.getWorksheet('Đơn vị')!.getRow(2).getCell(7).value).toBe('MẪU – không nhập');

      // The template sent back as it is: its example rows are skipped and reported as such, never imported.
      const dry = await upload(t, DEMO.board, `${URL_IMPORT}?dryRun=true`, body);
      expect(dry.status).toBe(201);
      expect(dry.body).toMatchObject({ dryRun: true, units: { created: 0, rejected: 0, skipped: 1 }, accounts: { created: 0, rejected: 0, skipped: 1 } });
      expect(dry.body.rows).toEqual([
        { sheet: 'units', row: 2, label: 'Sở Văn hóa và Thể thao Hà Nội', status: 'skipped', errors: ['Dòng mẫu của tệp mẫu: không nhập'] },
        { sheet: 'accounts', row: 2, label: 'vidu@hanoi.gov.vn', status: 'skipped', errors: ['Dòng mẫu của tệp mẫu: không nhập'] },
      ]);
      const before = await counts();
      const real = await upload(t, DEMO.board, `${URL_IMPORT}?confirm=${dry.body.fileSha256}`, body);
      expect(real.body).toMatchObject({ dryRun: false, units: { created: 0, skipped: 1 }, accounts: { created: 0, skipped: 1 } });
      expect(real.body.rows.every((r: { initialPassword?: string }) => !r.initialPassword)).toBe(true);
      expect(await t.ds.query('SELECT 1 FROM accounts WHERE email = $1', ['vidu@hanoi.gov.vn'])).toHaveLength(0);
      expect((await counts()).units).toBe(before.units);

      // The example rows with their marker erased are still recognised; a row filled in with real data is not.
      wb.getWorksheet('Đơn vị')!.getRow(2).getCell(7).value = null;
      wb.getWorksheet('Tài khoản')!.getRow(2).getCell(6).value = null;
      const s = uniq();
      wb.getWorksheet('Đơn vị')!.addRow([`Sở Thật ${s}`, `ST ${s}`]);
      const edited = Buffer.from(await wb.xlsx.writeBuffer());
      const again = await upload(t, DEMO.board, `${URL_IMPORT}?dryRun=true`, edited);
      expect(again.body.rows.map((r: { status: string }) => r.status)).toEqual(['skipped', 'created', 'skipped']);
    });

    it('officers and unit heads may neither download the template nor import', async () => {
      for (const email of [DEMO.memberOfficer, DEMO.unitHead, DEMO.leaderOfficer]) {
        const { cookie } = await signInRaw(t, email);
        expect((await t.http().get('/api/imports/template').set('Cookie', cookie)).status).toBe(403);
        const before = await counts();
        const file = await importWorkbook({ units: [[`Đơn vị lén ${uniq()}`, 'Lén']] });
        const res = await upload(t, email, URL_IMPORT, file);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('forbidden');
        expect(await counts()).toEqual(before);
      }
    });
  });

  describe('importing', () => {
    it('imports the good rows and reports each bad row with its number and reasons in Vietnamese', async () => {
      const s = uniq();
      const file = await importWorkbook({
        units: [
          [`Sở Văn hóa và Thể thao ${s}`, `Sở VH&TT ${s}`, 'UBND thành phố Hà Nội', '47 Hàng Dầu, Hoàn Kiếm', '024 3825 3011', 'vanthu@hanoi.gov.vn'], // row 2: good
          ['', `Thiếu tên ${s}`],                                                                                                        // row 3: missing name
          [`Sở Ngoại vụ ${s}`, `Sở NgV ${s}`, '', '', '', 'khong-phai-email'],                                                          // row 4: bad email
          ['Trường Đào tạo cán bộ Lê Hồng Phong', 'LHP'],                                                                                 // row 5: name already exists
          [`Sở Văn hóa và Thể thao ${s}`, 'Trùng trong tệp'],                                                                             // row 6: duplicate of row 2
          [`Sở Tài nguyên ${s}`, `Sở TN ${s}`],                                                                                          // row 7: good
        ],
        accounts: [
          ['Nguyễn Văn An', `an.${s}@hanoi.gov.vn`, 'Cán bộ', `Sở VH&TT ${s}`, 'Chuyên viên'],          // row 2: good, unit from this file
          ['Trần Thị Bình', `binh.${s}@hanoi.gov.vn`, 'Thủ trưởng', 'Trường ĐTCB Lê Hồng Phong'],       // row 3: good, existing unit by short name
          ['Lê Văn Cường', 'cuong-khong-co-email', 'Cán bộ', `Sở TN ${s}`],                              // row 4: bad email
          ['Phạm Thị Dung', `dung.${s}@hanoi.gov.vn`, 'Cán bộ', 'Sở Không Tồn Tại'],                     // row 5: unknown unit
          ['Hoàng Văn Em', `em.${s}@hanoi.gov.vn`, 'Giám đốc', `Sở TN ${s}`],                            // row 6: bad role label
          ['', `trong.${s}@hanoi.gov.vn`, 'Ban TĐKT'],                                                   // row 7: missing name
          ['Vũ Thị Giang', DEMO.memberOfficer, 'Cán bộ', 'Trường ĐTCB Lê Hồng Phong'],                   // row 8: email taken
          ['Đặng Văn Hải', `hai.${s}@hanoi.gov.vn`, 'Ban TĐKT'],                                          // row 9: good, board needs no unit
          ['Bùi Thị Khánh', `khanh.${s}@hanoi.gov.vn`, 'Cán bộ'],                                        // row 10: officer without unit
        ],
      });
      const res = await upload(t, DEMO.board, confirmed(file), file);
      expect(res.status).toBe(201);
      const report = res.body;
      expect(report).toMatchObject({ dryRun: false, units: { created: 2, rejected: 4 }, accounts: { created: 3, rejected: 6 } });

      const row = (sheet: string, n: number) => report.rows.find((r: { sheet: string; row: number }) => r.sheet === sheet && r.row === n);
      expect(report.rows.filter((r: { status: string }) => r.status === 'created').map((r: { sheet: string; row: number }) => `${r.sheet}:${r.row}`))
        .toEqual(['units:2', 'units:7', 'accounts:2', 'accounts:3', 'accounts:9']);
      expect(row('units', 3)).toMatchObject({ status: 'rejected', label: '(không tên)', errors: ['Tên đơn vị là bắt buộc'] });
      expect(row('units', 4)).toMatchObject({ status: 'rejected', errors: ['Email không đúng định dạng email'] });
      expect(row('units', 5)).toMatchObject({ status: 'rejected', errors: ['Đã có đơn vị tên "Trường Đào tạo cán bộ Lê Hồng Phong".'] });
      expect(row('units', 6).errors).toEqual([`Đã có đơn vị tên "Sở Văn hóa và Thể thao ${s}".`]);
      expect(row('accounts', 4)).toMatchObject({ status: 'rejected', label: 'cuong-khong-co-email', errors: ['Email không đúng định dạng email'] });
      expect(row('accounts', 5).errors).toEqual(['Không tìm thấy đơn vị "Sở Không Tồn Tại"']);
      expect(row('accounts', 6).errors).toEqual(['Vai trò "Giám đốc" không hợp lệ (Quản trị, Ban TĐKT, Cán bộ, Thủ trưởng)']);
      expect(row('accounts', 7).errors).toEqual(['Họ và tên là bắt buộc']);
      expect(row('accounts', 8).errors).toEqual([`Email ${DEMO.memberOfficer} đã có tài khoản.`]);
      expect(row('accounts', 10).errors).toEqual(['Đơn vị (tên hoặc tên viết tắt) là bắt buộc']);
      for (const r of report.rows.filter((x: { status: string }) => x.status === 'rejected')) expect(r).not.toHaveProperty('initialPassword');

      // Good rows landed, bad rows did not.
      const units = await t.ds.query(`SELECT name, short_name, phone, email FROM units WHERE name LIKE $1 ORDER BY name`, [`%${s}`]);
      expect(units).toEqual([
        { name: `Sở Tài nguyên ${s}`, short_name: `Sở TN ${s}`, phone: '', email: '' },
        { name: `Sở Văn hóa và Thể thao ${s}`, short_name: `Sở VH&TT ${s}`, phone: '024 3825 3011', email: 'vanthu@hanoi.gov.vn' },
      ]);
      const accounts = await t.ds.query(
        `SELECT a.email, a.role, a.title, u.short_name FROM accounts a LEFT JOIN units u ON u.id = a.unit_id WHERE a.email LIKE $1 ORDER BY a.email`, [`%.${s}@hanoi.gov.vn`]);
      expect(accounts).toEqual([
        { email: `an.${s}@hanoi.gov.vn`, role: 'officer', title: 'Chuyên viên', short_name: `Sở VH&TT ${s}` },
        { email: `binh.${s}@hanoi.gov.vn`, role: 'unit_head', title: '', short_name: 'Trường ĐTCB Lê Hồng Phong' },
        { email: `hai.${s}@hanoi.gov.vn`, role: 'board', title: '', short_name: null },
      ]);
      // Every created row has an audit entry.
      expect((await t.ds.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'unit.create' AND after->>'name' LIKE $1`, [`%${s}`]))[0].n).toBe(2);
      expect((await t.ds.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'account.create' AND after->>'email' LIKE $1`, [`%.${s}@hanoi.gov.vn`]))[0].n).toBe(3);

      // Each created account gets an initial password once, and can sign in with it.
      for (const n of [2, 3, 9]) {
        const r = row('accounts', n);
        expect(r.initialPassword).toMatch(/^[A-Za-z2-9]{12}$/);
        const signIn = await t.http().post('/api/auth/sign-in').send({ email: r.label, password: r.initialPassword });
        expect(signIn.status).toBe(200);
      }
      // The imported officer sees their new unit.
      const an = await t.as(`an.${s}@hanoi.gov.vn`, row('accounts', 2).initialPassword);
      expect(an.me).toMatchObject({ role: 'officer', unitName: `Sở Văn hóa và Thể thao ${s}` });
    });

    it('a dry run reports the same verdicts but writes nothing and reveals no password', async () => {
      const s = uniq();
      const file = await importWorkbook({
        units: [[`Ban Dân tộc ${s}`, `BDT ${s}`], ['', 'Thiếu tên']],
        accounts: [['Ngô Thị Lan', `lan.${s}@hanoi.gov.vn`, 'cán bộ', `BDT ${s}`], ['Sai Vai Trò', `sai.${s}@hanoi.gov.vn`, 'Chủ tịch', `BDT ${s}`]],
      });
      const before = await counts();
      const dry = await upload(t, DEMO.board, `${URL_IMPORT}?dryRun=true`, file);
      expect(dry.status).toBe(201);
      expect(dry.body).toMatchObject({ dryRun: true, units: { created: 1, rejected: 1 }, accounts: { created: 1, rejected: 1 } });
      expect(dry.body.rows.map((r: { sheet: string; row: number; status: string }) => `${r.sheet}:${r.row}:${r.status}`))
        .toEqual(['units:2:created', 'units:3:rejected', 'accounts:2:created', 'accounts:3:rejected']);
      for (const r of dry.body.rows) expect(r).not.toHaveProperty('initialPassword');
      expect(await counts()).toEqual(before);
      expect((await t.http().post('/api/auth/sign-in').send({ email: `lan.${s}@hanoi.gov.vn`, password: 'anything1' })).status).toBe(401);
      // The real run then does what the dry run promised.
      // Writing needs the confirmation of this very file: none, or another file's, is refused.
      const unconfirmed = await upload(t, DEMO.board, URL_IMPORT, file);
      expect(unconfirmed.status).toBe(400);
      expect(unconfirmed.body).toMatchObject({ code: 'confirmation_required', fields: { confirm: expect.any(String) } });
      expect((await upload(t, DEMO.board, `${URL_IMPORT}?confirm=${'0'.repeat(64)}`, file)).status).toBe(400);
      expect(await counts()).toEqual(before);
      expect(dry.body.fileSha256).toBe(createHash('sha256').update(file).digest('hex'));
      const real = await upload(t, DEMO.board, `${URL_IMPORT}?confirm=${dry.body.fileSha256}`, file);
      expect(real.body).toMatchObject({ dryRun: false, units: { created: 1, rejected: 1 }, accounts: { created: 1, rejected: 1 } });
      const after = await counts();
      expect(after.units).toBe(before.units + 1);
      expect(after.accounts).toBe(before.accounts + 1);
    });

    it('the board may not import an admin account (the row is refused, the rest lands)', async () => {
      const s = uniq();
      const file = await importWorkbook({ accounts: [['Quản Trị Lén', `qt.${s}@hanoi.gov.vn`, 'Quản trị'], ['Cán Bộ Ban', `cb.${s}@hanoi.gov.vn`, 'Ban TĐKT']] });
      const res = await upload(t, DEMO.board, confirmed(file), file);
      expect(res.status).toBe(201);
      expect(res.body.rows.map((r: { status: string }) => r.status)).toEqual(['rejected', 'created']);
      expect(res.body.rows[0].errors).toEqual(['Chỉ quản trị viên được tạo hoặc sửa tài khoản quản trị.']);
      expect(await t.ds.query('SELECT 1 FROM accounts WHERE email = $1', [`qt.${s}@hanoi.gov.vn`])).toHaveLength(0);
    });

    it('an import whose audit writes fail lands nothing at all', async () => {
      const s = uniq();
      const file = await importWorkbook({ units: [[`Sở Thử ${s}`, `ST ${s}`]], accounts: [['Người Thử', `thu.${s}@hanoi.gov.vn`, 'Cán bộ', `ST ${s}`]] });
      const before = await counts();
      const undo = await failAuditFor(t.ds, 'account.create');
      try {
        expect((await upload(t, DEMO.board, confirmed(file), file)).status).toBe(500);
      } finally {
        await undo();
      }
      expect(await counts()).toEqual(before);
    });
  });

  describe('bad files', () => {
    it('a file that is not .xlsx is a 400 naming file', async () => {
      for (const [content, name] of [[Buffer.from('Tên đơn vị,Tên viết tắt\nSở A,SA\n'), 'don-vi.csv'], [Buffer.from('%PDF-1.7 not a sheet'), 'don-vi.xlsx']] as const) {
        const res = await upload(t, DEMO.board, URL_IMPORT, content, name);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'bad_file_type', fields: { file: 'không phải tệp .xlsx' } });
        expect(res.body.message).toMatch(/Excel/);
      }
      // A zip that is not a workbook.
      const JSZip = (await import('jszip')).default;
      const zip = await new JSZip().file('hello.txt', 'xin chào').generateAsync({ type: 'nodebuffer' });
      const notBook = await upload(t, DEMO.board, URL_IMPORT, zip);
      expect(notBook.status).toBe(400);
      expect(Object.keys(notBook.body.fields)).toEqual(['file']);
    });

    it('a workbook without the template sheets, or no file at all, is a 400 naming file', async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Sheet1').addRow(['a', 'b']);
      const res = await upload(t, DEMO.board, URL_IMPORT, Buffer.from(await wb.xlsx.writeBuffer()));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'bad_template', fields: { file: 'không đúng mẫu' } });
      const { cookie, csrf } = await signInRaw(t, DEMO.board);
      const none = await t.http().post(URL_IMPORT).set('Cookie', cookie).set('X-CSRF-Token', csrf).field('note', 'không có tệp');
      expect(none.status).toBe(400);
      expect(none.body).toMatchObject({ code: 'validation_failed', fields: { file: 'là bắt buộc' } });
      expect(await auditCount(t.ds)).toBeGreaterThan(0);
    });
  });
});
