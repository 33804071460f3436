import { Client_, createTestApp, DEMO, ids, TestApp } from '../app';
import { auditOf, createAccount, createUnit, expectStatus, uniq } from '../factories';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('accounts', () => {
  let t: TestApp;
  let admin: Client_, board: Client_, member: Client_, head: Client_, leader: Client_;
  let lhp: string, dukcq: string;
  const accountId = async (email: string): Promise<string> => (await t.ds.query('SELECT id FROM accounts WHERE email = $1', [email]))[0].id;
  const versionOf = async (id: string): Promise<number> => (await t.ds.query('SELECT version FROM accounts WHERE id = $1', [id]))[0].version;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, board, member, head, leader] = await Promise.all([DEMO.admin, DEMO.board, DEMO.memberOfficer, DEMO.unitHead, DEMO.leaderOfficer].map((e) => t.as(e)));
    const I = await ids(t.ds);
    lhp = await I.unit('Trường ĐTCB Lê Hồng Phong');
    dukcq = await I.unit('ĐUK các cơ quan TP');
  });
  afterAll(() => t.close());

  describe('scope: who sees which account', () => {
    it('board and admin list every account', async () => {
      const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM accounts WHERE archived_at IS NULL');
      for (const c of [board, admin]) {
        const body = await expectStatus(c.get('/api/accounts?pageSize=200'), 200);
        expect(body.total).toBe(n);
        expect(body.items.map((a: { email: string }) => a.email)).toEqual(expect.arrayContaining([DEMO.admin, DEMO.board, DEMO.otherBlockOfficer]));
      }
    });

    it('an officer or unit head lists only the accounts of their own unit', async () => {
      for (const c of [member, head]) {
        const body = await expectStatus(c.get('/api/accounts?pageSize=200'), 200);
        expect(body.items.map((a: { email: string }) => a.email).sort()).toEqual([DEMO.memberOfficer, DEMO.unitHead].sort());
        expect(body.items.every((a: { unitId: string }) => a.unitId === lhp)).toBe(true);
      }
      const lead = await expectStatus(leader.get('/api/accounts'), 200);
      expect(lead.items.map((a: { email: string }) => a.email).sort()).toEqual([DEMO.leaderOfficer, 'thutruong.dukcq@thidua.vn']);
      // Filtering on another unit is refused, not silently widened.
      const res = await member.get(`/api/accounts?unitId=${dukcq}`);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
    });

    it("an officer reads an account of their unit but not another unit's or the admin's", async () => {
      await expectStatus(member.get(`/api/accounts/${await accountId(DEMO.unitHead)}`), 200);
      for (const email of [DEMO.leaderOfficer, DEMO.otherBlockOfficer, DEMO.admin, DEMO.board]) {
        const res = await member.get(`/api/accounts/${await accountId(email)}`);
        expect(res.status).toBe(403);
        expect(res.body.message).toBe('Bạn chỉ được xem tài khoản của đơn vị mình.');
      }
    });

    it('never returns the password hash', async () => {
      const body = await expectStatus(board.get(`/api/accounts/${await accountId(DEMO.memberOfficer)}`), 200);
      expect(Object.keys(body).sort()).toEqual(['archivedAt', 'canManage', 'email', 'fullName', 'id', 'role', 'title', 'unitId', 'unitName', 'version']);
    });
  });

  describe('managing accounts', () => {
    it('officers and unit heads may not create, edit, archive or reset accounts — not even in their own unit', async () => {
      const headId = await accountId(DEMO.unitHead);
      const v = await versionOf(headId);
      for (const c of [member, head, leader]) {
        const created = await c.post('/api/accounts', { fullName: 'Người mới', email: `moi.${uniq()}@thidua.vn`, role: 'officer', unitId: lhp, password: 'MatKhau2025' });
        expect(created.status).toBe(403);
        expect((await c.patch(`/api/accounts/${headId}`, { title: 'Hiệu phó', version: v })).status).toBe(403);
        expect((await c.post(`/api/accounts/${headId}/archive`, {})).status).toBe(403);
        expect((await c.post(`/api/accounts/${headId}/reset-password`, { newPassword: 'MatKhau2026' })).status).toBe(403);
      }
      expect(await versionOf(headId)).toBe(v);
    });

    it('the board creates officers and board members but not admins; the admin creates admins', async () => {
      const officer = await createAccount(board, { role: 'officer', unitId: lhp, title: 'Chuyên viên' });
      expect(officer).toMatchObject({ role: 'officer', unitId: lhp, unitName: 'Trường Đào tạo cán bộ Lê Hồng Phong', title: 'Chuyên viên', version: 1, archivedAt: null });
      const boardMember = await createAccount(board, { role: 'board', unitId: null });
      expect(boardMember.unitId).toBeNull();
      const email = `qtv.${uniq()}@thidua.vn`;
      const refused = await board.post('/api/accounts', { fullName: 'Quản trị mới', email, role: 'admin', password: 'MatKhau2025' });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'forbidden', message: 'Chỉ quản trị viên được tạo hoặc sửa tài khoản quản trị.' });
      expect(await t.ds.query('SELECT 1 FROM accounts WHERE email = $1', [email])).toHaveLength(0);
      const created = await createAccount(admin, { role: 'admin', email });
      expect(created.role).toBe('admin');
      // The created officer signs in with the password set for them.
      const res = await t.http().post('/api/auth/sign-in').send({ email: officer.email, password: 'MatKhau2025' });
      expect(res.status).toBe(200);
    });

    it('the board may not edit, promote to, archive or reset an admin account', async () => {
      const adminId = await accountId(DEMO.admin);
      expect((await board.patch(`/api/accounts/${adminId}`, { title: 'X', version: await versionOf(adminId) })).status).toBe(403);
      expect((await board.post(`/api/accounts/${adminId}/archive`, {})).status).toBe(403);
      expect((await board.post(`/api/accounts/${adminId}/reset-password`, { newPassword: 'MatKhau2026' })).status).toBe(403);
      const officer = await createAccount(board, { role: 'officer', unitId: lhp });
      const promote = await board.patch(`/api/accounts/${officer.id}`, { role: 'admin', unitId: null, version: officer.version });
      expect(promote.status).toBe(403);
      expect((await admin.get(`/api/accounts/${officer.id}`)).body.role).toBe('officer');
    });

    it('changing role or unit is audited and ends the person’s sessions', async () => {
      const officer = await createAccount(board, { role: 'officer', unitId: lhp });
      const them = await t.as(officer.email, 'MatKhau2025');
      expect((await them.get('/api/auth/me')).status).toBe(200);
      const moved = await expectStatus(board.patch(`/api/accounts/${officer.id}`, { unitId: dukcq, title: 'Chuyên viên chính', version: officer.version }), 200);
      expect(moved).toMatchObject({ unitId: dukcq, title: 'Chuyên viên chính', version: officer.version + 1 });
      expect((await them.get('/api/auth/me')).status).toBe(401);
      const entries = await auditOf(t.ds, 'account', officer.id);
      expect(entries.map((e) => e.action)).toEqual(['account.create', 'account.update']);
      expect(entries[0].after).toEqual({ fullName: officer.fullName, email: officer.email, role: 'officer', unitId: lhp, title: '' });
      expect(JSON.stringify(entries[0].after)).not.toMatch(/password|MatKhau/i);
      expect(entries[1]).toMatchObject({ before: { unitId: lhp, title: '' }, after: { unitId: dukcq, title: 'Chuyên viên chính' } });
    });

    it('nobody changes their own role; the admin does not archive themself', async () => {
      const me = await accountId(DEMO.admin);
      const res = await admin.patch(`/api/accounts/${me}`, { role: 'board', version: await versionOf(me) });
      expect(res.status).toBe(403);
      expect((await admin.post(`/api/accounts/${me}/archive`, {})).status).toBe(403);
    });

    it('archiving an account signs it out and stops sign-in; restoring lets it back; both audited', async () => {
      const officer = await createAccount(board, { role: 'unit_head', unitId: lhp });
      const them = await t.as(officer.email, 'MatKhau2025');
      await expectStatus(board.post(`/api/accounts/${officer.id}/archive`, { reason: 'Nghỉ hưu' }), 201);
      expect((await them.get('/api/auth/me')).status).toBe(401);
      expect((await t.http().post('/api/auth/sign-in').send({ email: officer.email, password: 'MatKhau2025' })).status).toBe(401);
      const list = await expectStatus(board.get(`/api/accounts?q=${encodeURIComponent(officer.email)}`), 200);
      expect(list.total).toBe(0);
      expect((await expectStatus(board.get(`/api/accounts?q=${encodeURIComponent(officer.email)}&includeArchived=true`), 200)).total).toBe(1);
      const edit = await board.patch(`/api/accounts/${officer.id}`, { title: 'X', version: await versionOf(officer.id) });
      expect(edit.status).toBe(409);
      expect(edit.body.code).toBe('archived');
      await expectStatus(board.post(`/api/accounts/${officer.id}/restore`, {}), 201);
      expect((await t.http().post('/api/auth/sign-in').send({ email: officer.email, password: 'MatKhau2025' })).status).toBe(200);
      const entries = await auditOf(t.ds, 'account', officer.id);
      expect(entries.map((e) => e.action)).toEqual(['account.create', 'account.archive', 'account.restore']);
      expect(entries[1]).toMatchObject({ reason: 'Nghỉ hưu', before: { archivedAt: null } });
    });
  });

  describe('validation and errors', () => {
    it('create with nothing names every required field', async () => {
      const res = await board.post('/api/accounts', {});
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.fields).toEqual({ fullName: 'là bắt buộc', email: 'là bắt buộc', role: 'là bắt buộc', password: 'là bắt buộc' });
    });

    it('bad email, unknown role, and an officer without a unit are named', async () => {
      const res = await board.post('/api/accounts', { fullName: 'Người thử', email: 'khong-co-a-cong', role: 'chairman', password: 'MatKhau2025' });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual({ email: 'không đúng định dạng email', role: 'có giá trị không được phép' });
      const noUnit = await board.post('/api/accounts', { fullName: 'Người thử', email: `a.${uniq()}@thidua.vn`, role: 'officer', password: 'MatKhau2025' });
      expect(noUnit.status).toBe(400);
      expect(noUnit.body.fields).toEqual({ unitId: 'là bắt buộc' });
      const badUnit = await board.post('/api/accounts', { fullName: 'Người thử', email: `a.${uniq()}@thidua.vn`, role: 'unit_head', unitId: 'lhp', password: 'MatKhau2025' });
      expect(badUnit.body.fields).toEqual({ unitId: 'không phải mã định danh hợp lệ' });
    });

    it('a weak password, an unknown unit and an archived unit are 400s naming the field', async () => {
      const base = { fullName: 'Người thử', role: 'officer', unitId: lhp };
      const weak = await board.post('/api/accounts', { ...base, email: `a.${uniq()}@thidua.vn`, password: 'matkhau123' });
      expect(weak.status).toBe(400);
      expect(weak.body.fields).toEqual({ password: 'quá dễ đoán (mật khẩu phổ biến hoặc dãy ký tự liên tiếp)' });
      const missing = await board.post('/api/accounts', { ...base, unitId: MISSING, email: `a.${uniq()}@thidua.vn`, password: 'MatKhau2025' });
      expect(missing.status).toBe(400);
      expect(missing.body.fields).toEqual({ unitId: 'không phải đơn vị có trong hệ thống' });
      const unit = await createUnit(board);
      await expectStatus(board.post(`/api/units/${unit.id}/archive`, {}), 201);
      const archived = await board.post('/api/accounts', { ...base, unitId: unit.id, email: `a.${uniq()}@thidua.vn`, password: 'MatKhau2025' });
      expect(archived.status).toBe(400);
      expect(archived.body.fields).toEqual({ unitId: 'là đơn vị đã lưu trữ' });
    });

    it('a duplicate email (any case) is a 409 naming email', async () => {
      const res = await board.post('/api/accounts', { fullName: 'Trùng', email: 'CANBO.LHP@thidua.vn', role: 'officer', unitId: lhp, password: 'MatKhau2025' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'duplicate_email', fields: { email: 'đã có tài khoản' } });
    });

    it('unknown field, malformed id, missing account, stale version', async () => {
      const unknown = await board.post('/api/accounts', { fullName: 'X', email: `a.${uniq()}@thidua.vn`, role: 'board', password: 'MatKhau2025', passwordHash: 'x' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.fields).toEqual({ passwordHash: 'không được phép gửi lên' });
      const bad = await board.get('/api/accounts/xyz');
      expect(bad.status).toBe(400);
      expect(bad.body.fields).toEqual({ id: 'không phải mã định danh hợp lệ' });
      expect((await board.get(`/api/accounts/${MISSING}`)).status).toBe(404);
      expect((await board.patch(`/api/accounts/${MISSING}`, { title: 'X', version: 1 })).status).toBe(404);
      const acc = await createAccount(board);
      await expectStatus(board.patch(`/api/accounts/${acc.id}`, { title: 'Một', version: acc.version }), 200);
      const stale = await admin.patch(`/api/accounts/${acc.id}`, { title: 'Hai', version: acc.version });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('stale_version');
    });
  });

  it('finds an account by name with or without diacritics, in any case', async () => {
    const tag = `tk${uniq()}`;
    const acc = await createAccount(board, { fullName: `Đoàn Thị Hường ${tag}` });
    const ids = async (q: string) => (await expectStatus(board.get(`/api/accounts?q=${encodeURIComponent(q)}`), 200)).items.map((a: { id: string }) => a.id);
    for (const q of [`doan thi huong ${tag}`, `ĐOÀN THỊ HƯỜNG ${tag}`, `Hường ${tag}`]) expect(await ids(q)).toContain(acc.id);
    expect(await ids(`doan thi hoa ${tag}`)).toEqual([]);
  });

  it('lists accounts in Vietnamese name order', async () => {
    const tag = `sx${uniq()}`;
    for (const n of ['Vũ', 'Đỗ', 'Dương', 'Ông', 'Ong', 'Ánh', 'An']) await createAccount(board, { fullName: `${n} ${tag}` });
    const body = await expectStatus(board.get(`/api/accounts?q=${tag}`), 200);
    expect(body.items.map((a: { fullName: string }) => a.fullName)).toEqual(['An', 'Ánh', 'Dương', 'Đỗ', 'Ong', 'Ông', 'Vũ'].map((n) => `${n} ${tag}`));
  });
});
