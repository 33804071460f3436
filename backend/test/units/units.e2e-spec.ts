import { Client_, createTestApp, DEMO, ids, TestApp } from '../app';
import { auditOf, createUnit, expectStatus, uniq } from '../factories';

const MISSING = '00000000-0000-4000-8000-000000000000';
const KHOI4 = ['Ban QL các KCN&CX', 'ĐUK các cơ quan TP', 'ĐUK các trường ĐH, CĐ', 'ĐUK Doanh nghiệp', 'Trường ĐTCB Lê Hồng Phong'];

describe('units', () => {
  let t: TestApp;
  let admin: Client_, board: Client_, member: Client_, head: Client_, leader: Client_, other: Client_;
  let lhp: string, dukcq: string, dukdn: string, snv: string, k1: string;

  const version = async (id: string): Promise<number> => (await t.ds.query('SELECT version FROM units WHERE id = $1', [id]))[0].version;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, board, member, head, leader, other] = await Promise.all(
      [DEMO.admin, DEMO.board, DEMO.memberOfficer, DEMO.unitHead, DEMO.leaderOfficer, DEMO.otherBlockOfficer].map((e) => t.as(e)));
    const I = await ids(t.ds);
    lhp = await I.unit('Trường ĐTCB Lê Hồng Phong');
    dukcq = await I.unit('ĐUK các cơ quan TP');
    dukdn = await I.unit('ĐUK Doanh nghiệp');
    snv = await I.unit('Sở Nội vụ');
    k1 = await I.block('KTĐ1');
  });
  afterAll(() => t.close());

  const shortNames = (body: { items: { shortName: string }[] }) => body.items.map((u) => u.shortName).sort();

  describe('scope: who sees which unit', () => {
    it('board and admin list every unit', async () => {
      const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM units WHERE archived_at IS NULL');
      for (const c of [board, admin]) expect((await expectStatus(c.get('/api/units?pageSize=200'), 200)).total).toBe(n);
    });

    it('an officer or unit head lists only the units of their own block', async () => {
      for (const c of [member, head, leader]) {
        const body = await expectStatus(c.get('/api/units?pageSize=200'), 200);
        expect(shortNames(body)).toEqual([...KHOI4].sort());
      }
      // Asking for another block's units gives nothing, not that block's units.
      expect((await expectStatus(member.get(`/api/units?blockId=${k1}`), 200)).items).toEqual([]);
      expect(shortNames(await expectStatus(other.get('/api/units?pageSize=200'), 200))).not.toContain('Trường ĐTCB Lê Hồng Phong');
    });

    it('an officer reads a unit of their block but not a unit of Khối 1 (and vice versa)', async () => {
      const own = await expectStatus(member.get(`/api/units/${dukcq}`), 200);
      expect(own).toMatchObject({ shortName: 'ĐUK các cơ quan TP', latestMembership: { year: 2025, blockName: 'Khối thi đua số 4' } });
      for (const [c, id] of [[member, snv], [head, snv], [leader, snv], [other, lhp]] as const) {
        const res = await c.get(`/api/units/${id}`);
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ code: 'forbidden', message: 'Bạn chỉ được xem các đơn vị trong khối của mình.' });
      }
    });
  });

  describe('editing', () => {
    it("an officer edits their own unit's phone, address and email (audited with before/after)", async () => {
      const v = await version(lhp);
      const res = await expectStatus(member.patch(`/api/units/${lhp}`, { phone: '024 3823 9999', address: 'Số 2 Lê Hồng Phong, Ba Đình', version: v }), 200);
      expect(res).toMatchObject({ phone: '024 3823 9999', address: 'Số 2 Lê Hồng Phong, Ba Đình', version: v + 1 });
      const last = (await auditOf(t.ds, 'unit', lhp)).at(-1)!;
      expect(last).toMatchObject({ action: 'unit.update', before: { phone: '024 3823 0003', address: 'Số 2 Lê Hồng Phong, Ba Đình, Hà Nội' }, after: { phone: '024 3823 9999', address: 'Số 2 Lê Hồng Phong, Ba Đình' } });
      expect(last.actor_id).toBe(member.me.id);
      // The unit head may too.
      await expectStatus(head.patch(`/api/units/${lhp}`, { email: 'vanthu@lhp.edu.vn', version: v + 1 }), 200);
    });

    it("an officer may not edit their own unit's name or short name", async () => {
      const v = await version(lhp);
      for (const body of [{ name: 'Trường mới', version: v }, { shortName: 'LHP', version: v }, { phone: '024 1111 2222', parentAgency: 'Bộ', version: v }]) {
        const res = await member.patch(`/api/units/${lhp}`, body);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('forbidden');
      }
      const [row] = await t.ds.query('SELECT name, short_name, version FROM units WHERE id = $1', [lhp]);
      expect(row).toEqual({ name: 'Trường Đào tạo cán bộ Lê Hồng Phong', short_name: 'Trường ĐTCB Lê Hồng Phong', version: v });
    });

    it("an officer may not edit another unit's contact, in their block or outside it", async () => {
      for (const [c, id] of [[member, dukdn], [member, snv], [leader, lhp], [head, dukcq], [other, lhp]] as const) {
        const res = await c.patch(`/api/units/${id}`, { phone: '024 0000 0000', version: await version(id) });
        expect(res.status).toBe(403);
        expect(res.body.message).toBe('Bạn chỉ được sửa thông tin của đơn vị mình.');
      }
      expect((await t.ds.query('SELECT phone FROM units WHERE id = $1', [dukdn]))[0].phone).toBe('024 3826 0004');
    });

    it('board and admin edit any field of any unit', async () => {
      const unit = await createUnit(board);
      const a = await expectStatus(board.patch(`/api/units/${unit.id}`, { name: `Tên mới ${uniq()}`, shortName: 'Mới', parentAgency: 'UBND TP', version: unit.version }), 200);
      await expectStatus(admin.patch(`/api/units/${unit.id}`, { email: 'moi@hanoi.gov.vn', version: a.version }), 200);
    });

    it('officers and unit heads may not create, archive or restore units', async () => {
      for (const c of [member, head, leader, other]) {
        expect((await c.post('/api/units', { name: `Đơn vị lạ ${uniq()}`, shortName: 'Lạ' })).status).toBe(403);
        expect((await c.post(`/api/units/${lhp}/archive`, {})).status).toBe(403);
        expect((await c.post(`/api/units/${lhp}/restore`, {})).status).toBe(403);
      }
      expect((await t.ds.query('SELECT archived_at FROM units WHERE id = $1', [lhp]))[0].archived_at).toBeNull();
    });

    it('board creates, archives and restores a unit; every step is audited', async () => {
      const name = `Sở Văn hóa và Thể thao ${uniq()}`;
      const unit = await expectStatus(board.post('/api/units', { name, shortName: 'Sở VH&TT', phone: '024 3825 3011', email: 'vanthu@hanoi.gov.vn' }), 201);
      expect(unit).toMatchObject({ name, shortName: 'Sở VH&TT', parentAgency: '', address: '', version: 1, archivedAt: null, latestMembership: null });
      await expectStatus(admin.post(`/api/units/${unit.id}/archive`, { reason: 'Giải thể' }), 201);
      const edit = await board.patch(`/api/units/${unit.id}`, { phone: '024 1', version: await version(unit.id) });
      expect(edit.status).toBe(409);
      expect(edit.body.code).toBe('archived');
      expect((await expectStatus(board.get(`/api/units?q=${encodeURIComponent(name)}`), 200)).total).toBe(0);
      expect((await expectStatus(board.get(`/api/units?q=${encodeURIComponent(name)}&includeArchived=true`), 200)).total).toBe(1);
      await expectStatus(board.post(`/api/units/${unit.id}/restore`, {}), 201);
      const entries = await auditOf(t.ds, 'unit', unit.id);
      expect(entries.map((e) => e.action)).toEqual(['unit.create', 'unit.archive', 'unit.restore']);
      expect(entries[0].after).toMatchObject({ name, shortName: 'Sở VH&TT', phone: '024 3825 3011' });
      expect(entries[1]).toMatchObject({ reason: 'Giải thể', before: { archivedAt: null } });
      expect(entries[2]).toMatchObject({ after: { archivedAt: null } });
    });
  });

  describe('validation and errors', () => {
    it('create with nothing names name and shortName', async () => {
      const res = await board.post('/api/units', {});
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'validation_failed', fields: { name: 'là bắt buộc', shortName: 'là bắt buộc' } });
      expect(Object.keys(res.body.fields).sort()).toEqual(['name', 'shortName']);
    });

    it('create with a bad phone and email names them', async () => {
      const res = await board.post('/api/units', { name: `Đơn vị ${uniq()}`, shortName: 'ĐV', phone: 'gọi tôi', email: 'khong-phai-email' });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual({ phone: 'chỉ gồm chữ số, dấu cách và + ( ) . -', email: 'không đúng định dạng email' });
      expect(res.body.message).toContain('phone');
      const edit = await member.patch(`/api/units/${lhp}`, { phone: 'abc', version: await version(lhp) });
      expect(edit.status).toBe(400);
      expect(Object.keys(edit.body.fields)).toEqual(['phone']);
    });

    it('an unknown field, a malformed id and a missing unit', async () => {
      const unknown = await board.post('/api/units', { name: `Đơn vị ${uniq()}`, shortName: 'ĐV', blockId: k1 });
      expect(unknown.status).toBe(400);
      expect(unknown.body.fields).toEqual({ blockId: 'không được phép gửi lên' });
      const bad = await member.get('/api/units/not-a-uuid');
      expect(bad.status).toBe(400);
      expect(bad.body.fields).toEqual({ id: 'không phải mã định danh hợp lệ' });
      expect((await member.patch('/api/units/1234', { phone: '1', version: 1 })).body.fields).toHaveProperty('id');
      expect((await board.get(`/api/units/${MISSING}`)).status).toBe(404);
      expect((await board.patch(`/api/units/${MISSING}`, { phone: '1', version: 1 })).status).toBe(404);
      expect((await board.post(`/api/units/${MISSING}/archive`, {})).status).toBe(404);
    });

    it('a duplicate name (ignoring case) is a 409 naming name', async () => {
      const res = await board.post('/api/units', { name: 'TRƯỜNG ĐÀO TẠO CÁN BỘ LÊ HỒNG PHONG', shortName: 'LHP 2' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'duplicate_name', fields: { name: 'đã có đơn vị trùng tên' } });
    });

    it('a stale version is a 409 stale_version', async () => {
      const unit = await createUnit(board);
      await expectStatus(board.patch(`/api/units/${unit.id}`, { address: 'A', version: unit.version }), 200);
      const res = await admin.patch(`/api/units/${unit.id}`, { address: 'B', version: unit.version });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('stale_version');
      expect((await board.get(`/api/units/${unit.id}`)).body.address).toBe('A');
    });
  });

  it('finds a unit by name or short name with or without diacritics, in any case', async () => {
    const tag = `tk${uniq()}`;
    const unit = await createUnit(board, { name: `Sở Giáo dục và Đào tạo ${tag}`, shortName: `SGDĐT ${tag}` });
    const ids = async (q: string) => (await expectStatus(board.get(`/api/units?q=${encodeURIComponent(q)}`), 200)).items.map((u: { id: string }) => u.id);
    for (const q of [`dao tao ${tag}`, `ĐÀO TẠO ${tag}`, `Đào tạo ${tag}`, `so giao duc va dao tao ${tag}`, `sgddt ${tag}`]) expect(await ids(q)).toContain(unit.id);
    expect(await ids(`dao tai ${tag}`)).toEqual([]);
    // LIKE's wildcards are text, not wildcards.
    expect(await ids(`%${tag}`)).toEqual([]);
  });

  describe('Vietnamese sort order', () => {
    it('the units list is ordered the Vietnamese way', async () => {
      const tag = `sx${uniq()}`;
      const first = ['Trường', 'Ư', 'Ơ', 'Ô', 'Ong', 'Đông', 'Dương', 'Ê', 'Em', 'Âu', 'Ăn', 'Ánh', 'Anh', 'Bắc'];
      for (const n of first) await createUnit(board, { name: `${n} ${tag}`, shortName: `${n} ${tag}`.slice(0, 64) });
      const expected = ['Anh', 'Ánh', 'Ăn', 'Âu', 'Bắc', 'Dương', 'Đông', 'Em', 'Ê', 'Ong', 'Ô', 'Ơ', 'Trường', 'Ư'].map((n) => `${n} ${tag}`);
      const body = await expectStatus(board.get(`/api/units?q=${tag}&pageSize=50`), 200);
      expect(body.items.map((u: { name: string }) => u.name)).toEqual(expected);
      expect([...expected].sort(new Intl.Collator('vi').compare)).toEqual(expected);
    });

    it("an officer's full list of their block is ordered the Vietnamese way too", async () => {
      const body = await expectStatus(member.get('/api/units'), 200);
      expect(body.items.map((u: { name: string }) => u.name)).toEqual([
        'Ban quản lý các khu công nghiệp và chế xuất Hà Nội',
        'Đảng ủy Khối các cơ quan Thành phố Hà Nội',
        'Đảng ủy Khối các trường Đại học, Cao đẳng Hà Nội',
        'Đảng ủy Khối Doanh nghiệp Hà Nội',
        'Trường Đào tạo cán bộ Lê Hồng Phong',
      ]);
    });
  });
});
