import { Client_, createTestApp, DEMO, ids, TestApp } from '../app';
import { auditOf, createBlock, expectStatus, uniq } from '../factories';

const DEMO_BLOCK_CODES = ['CTĐ1', 'KTĐ1', 'KTĐ2', 'KTĐ4'];
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('blocks', () => {
  let t: TestApp;
  let admin: Client_, board: Client_, member: Client_, head: Client_, leader: Client_, other: Client_;
  let k4: string, k1: string;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, board, member, head, leader, other] = await Promise.all(
      [DEMO.admin, DEMO.board, DEMO.memberOfficer, DEMO.unitHead, DEMO.leaderOfficer, DEMO.otherBlockOfficer].map((e) => t.as(e)));
    const I = await ids(t.ds);
    k4 = await I.block('KTĐ4');
    k1 = await I.block('KTĐ1');
  });
  afterAll(() => t.close());

  const codes = (body: { items: { code: string }[] }) => body.items.map((b) => b.code).sort();

  describe('scope: who sees which block', () => {
    it('admin and board list every block', async () => {
      for (const c of [admin, board]) {
        const body = await expectStatus(c.get('/api/blocks?pageSize=200'), 200);
        expect(codes(body)).toEqual(expect.arrayContaining(DEMO_BLOCK_CODES));
      }
    });

    it('an officer or unit head lists only the block of their own unit', async () => {
      for (const c of [member, head, leader]) {
        const body = await expectStatus(c.get('/api/blocks?pageSize=200'), 200);
        expect(codes(body)).toEqual(['KTĐ4']);
        expect(body.total).toBe(1);
      }
      expect(codes(await expectStatus(other.get('/api/blocks'), 200))).toEqual(['KTĐ1']);
    });

    it('reading another block by id is refused; their own block is allowed', async () => {
      const own = await expectStatus(member.get(`/api/blocks/${k4}`), 200);
      expect(own).toMatchObject({ code: 'KTĐ4', name: 'Khối thi đua số 4', kind: 'khoi', memberCount: 5, latestYear: 2025 });
      for (const [c, id] of [[member, k1], [head, k1], [other, k4]] as const) {
        const res = await c.get(`/api/blocks/${id}`);
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ statusCode: 403, code: 'forbidden' });
        expect(res.body.message).toMatch(/khối/);
      }
    });

    it('without a session every block endpoint is 401', async () => {
      expect((await t.http().get('/api/blocks')).status).toBe(401);
      expect((await t.http().get(`/api/blocks/${k4}`)).status).toBe(401);
    });
  });

  describe('managing blocks', () => {
    it('officers and unit heads may not create, edit, archive or restore blocks', async () => {
      const [{ version }] = await t.ds.query('SELECT version FROM blocks WHERE id = $1', [k4]);
      for (const c of [member, head, leader, other]) {
        const created = await c.post('/api/blocks', { code: `X-${uniq()}`, name: 'Khối lạ', kind: 'khoi' });
        expect(created.status).toBe(403);
        expect(created.body.code).toBe('forbidden');
        expect((await c.patch(`/api/blocks/${k4}`, { name: 'Đổi tên', version })).status).toBe(403);
        expect((await c.post(`/api/blocks/${k4}/archive`, {})).status).toBe(403);
        expect((await c.post(`/api/blocks/${k4}/restore`, {})).status).toBe(403);
      }
      const [row] = await t.ds.query('SELECT name, archived_at, version FROM blocks WHERE id = $1', [k4]);
      expect(row).toEqual({ name: 'Khối thi đua số 4', archived_at: null, version });
    });

    it('board and admin create a block; each create writes an audit entry with the new values', async () => {
      for (const c of [board, admin]) {
        const s = uniq();
        const block = await expectStatus(c.post('/api/blocks', { code: `KTĐ-${s}`, name: `  Khối thi đua thử ${s}  `, kind: 'cum', description: 'Mô tả' }), 201);
        expect(block).toMatchObject({ code: `KTĐ-${s}`, name: `Khối thi đua thử ${s}`, kind: 'cum', description: 'Mô tả', archivedAt: null, version: 1, memberCount: 0, latestYear: null });
        const [entry] = await auditOf(t.ds, 'block', block.id);
        expect(entry).toMatchObject({ action: 'block.create', before: null, after: { code: `KTĐ-${s}`, name: `Khối thi đua thử ${s}`, kind: 'cum', description: 'Mô tả' } });
        expect(entry.actor_id).toBe(c.me.id);
      }
    });

    it('board edits a block with its version; the audit entry holds the old and new values', async () => {
      const block = await createBlock(board, { description: 'Cũ' });
      const updated = await expectStatus(board.patch(`/api/blocks/${block.id}`, { name: 'Khối đã đổi tên', description: 'Mới', version: block.version }), 200);
      expect(updated).toMatchObject({ name: 'Khối đã đổi tên', description: 'Mới', version: block.version + 1 });
      const entries = await auditOf(t.ds, 'block', block.id);
      expect(entries.map((e) => e.action)).toEqual(['block.create', 'block.update']);
      expect(entries[1]).toMatchObject({ before: { name: block.name, description: 'Cũ' }, after: { name: 'Khối đã đổi tên', description: 'Mới' } });
      // Sending the same values again changes nothing and writes nothing.
      await expectStatus(board.patch(`/api/blocks/${block.id}`, { name: 'Khối đã đổi tên', version: updated.version }), 200);
      expect(await auditOf(t.ds, 'block', block.id)).toHaveLength(2);
    });

    it('a stale version is refused with 409 stale_version and the row is left alone', async () => {
      const block = await createBlock(board);
      await expectStatus(board.patch(`/api/blocks/${block.id}`, { name: 'Lần một', version: block.version }), 200);
      const res = await admin.patch(`/api/blocks/${block.id}`, { name: 'Lần hai', version: block.version });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('stale_version');
      expect(res.body.message).toMatch(/phiên bản/);
      expect((await board.get(`/api/blocks/${block.id}`)).body.name).toBe('Lần một');
    });

    it('archiving hides a block, makes it read-only, and restoring brings it back — both audited with the reason', async () => {
      const block = await createBlock(board);
      const archived = await expectStatus(board.post(`/api/blocks/${block.id}/archive`, { reason: 'Sáp nhập khối' }), 201);
      expect(archived.archivedAt).not.toBeNull();
      expect(codes(await expectStatus(board.get('/api/blocks?pageSize=200'), 200))).not.toContain(block.code);
      expect(codes(await expectStatus(board.get('/api/blocks?pageSize=200&includeArchived=true'), 200))).toContain(block.code);
      const edit = await board.patch(`/api/blocks/${block.id}`, { name: 'Sửa khi đã lưu trữ', version: archived.version });
      expect(edit.status).toBe(409);
      expect(edit.body.code).toBe('archived');
      const restored = await expectStatus(admin.post(`/api/blocks/${block.id}/restore`, {}), 201);
      expect(restored.archivedAt).toBeNull();
      const entries = await auditOf(t.ds, 'block', block.id);
      expect(entries.map((e) => e.action)).toEqual(['block.create', 'block.archive', 'block.restore']);
      expect(entries[1]).toMatchObject({ reason: 'Sáp nhập khối', before: { archivedAt: null } });
      expect(entries[1].after.archivedAt).toEqual(expect.any(String));
      expect(entries[2]).toMatchObject({ after: { archivedAt: null } });
      expect(entries[2].before.archivedAt).toEqual(expect.any(String));
    });
  });

  describe('validation and errors', () => {
    it('create with nothing names every required field in Vietnamese', async () => {
      const res = await board.post('/api/blocks', {});
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(Object.keys(res.body.fields).sort()).toEqual(['code', 'kind', 'name']);
      expect(res.body.fields).toEqual({ code: 'là bắt buộc', name: 'là bắt buộc', kind: 'là bắt buộc' });
      expect(res.body.message).toMatch(/^Dữ liệu không hợp lệ: /);
    });

    it('create with bad values names exactly the bad fields', async () => {
      const res = await board.post('/api/blocks', { code: 'có dấu cách', name: '   ', kind: 'nhom' });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual({ code: 'chỉ gồm chữ, số, dấu chấm, gạch ngang', name: 'không được để trống', kind: 'có giá trị không được phép' });
      const long = await board.post('/api/blocks', { code: 'X'.repeat(33), name: 'Khối', kind: 'khoi' });
      expect(long.status).toBe(400);
      expect(long.body.fields).toEqual({ code: 'không được dài quá 32 ký tự' });
      const version = await board.patch(`/api/blocks/${k4}`, { name: 'Khối' });
      expect(version.status).toBe(400);
      expect(version.body.fields).toEqual({ version: 'là bắt buộc' });
    });

    it('an unknown field is a 400 naming it', async () => {
      const res = await board.post('/api/blocks', { code: `U-${uniq()}`, name: 'Khối', kind: 'khoi', leader: 'ai đó' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'validation_failed', fields: { leader: 'không được phép gửi lên' } });
    });

    it('a malformed id in the path is a 400 naming id; a missing block is a 404', async () => {
      for (const res of [await board.get('/api/blocks/khong-phai-uuid'), await board.patch('/api/blocks/123', { version: 1 }), await board.post('/api/blocks/abc/archive', {})]) {
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'validation_failed', fields: { id: 'không phải mã định danh hợp lệ' } });
      }
      for (const res of [await board.get(`/api/blocks/${MISSING}`), await board.patch(`/api/blocks/${MISSING}`, { name: 'X', version: 1 }), await board.post(`/api/blocks/${MISSING}/archive`, {})]) {
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ statusCode: 404, code: 'not_found', message: 'Không tìm thấy khối thi đua.' });
      }
    });

    it('a duplicate code is a 409 naming code, also when it differs only in case or comes by an edit', async () => {
      const dup = await board.post('/api/blocks', { code: 'KTĐ4', name: 'Khối trùng mã', kind: 'khoi' });
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({ code: 'duplicate_code', fields: { code: 'đã được dùng' } });
      expect((await board.post('/api/blocks', { code: 'ktđ4', name: 'Khối trùng mã', kind: 'khoi' })).body.code).toBe('duplicate_code');
      const block = await createBlock(board);
      const edit = await board.patch(`/api/blocks/${block.id}`, { code: 'KTĐ1', version: block.version });
      expect(edit.status).toBe(409);
      expect(edit.body.code).toBe('duplicate_code');
    });
  });

  it('finds a block by name or code with or without diacritics', async () => {
    const tag = `tk${uniq()}`;
    const block = await createBlock(board, { name: `Khối Đảng, đoàn thể ${tag}` });
    const ids = async (q: string) => (await expectStatus(board.get(`/api/blocks?q=${encodeURIComponent(q)}&pageSize=50`), 200)).items.map((b: { id: string }) => b.id);
    for (const q of [`khoi dang, doan the ${tag}`, `ĐOÀN THỂ ${tag}`, `Đảng, đoàn thể ${tag}`]) expect(await ids(q)).toContain(block.id);
    expect(await ids(`doan the ${tag}x`)).toEqual([]);
  });

  it('lists blocks in Vietnamese order (đ after d, ơ after ô after o, accents after the plain letter)', async () => {
    const tag = `sx${uniq()}`;
    const names = ['Trường', 'Ơn', 'Ô', 'Ong', 'Đông', 'Dương', 'Ăn', 'Ánh', 'Anh', 'Ba'];
    for (const n of names) await createBlock(board, { name: `${n} ${tag}` });
    const body = await expectStatus(board.get(`/api/blocks?q=${tag}&pageSize=50`), 200);
    const expected = ['Anh', 'Ánh', 'Ăn', 'Ba', 'Dương', 'Đông', 'Ong', 'Ô', 'Ơn', 'Trường'].map((n) => `${n} ${tag}`);
    expect(body.items.map((b: { name: string }) => b.name)).toEqual(expected);
    expect([...expected].sort(new Intl.Collator('vi').compare)).toEqual(expected);
    // Paging keeps the same order.
    const page2 = await expectStatus(board.get(`/api/blocks?q=${tag}&pageSize=4&page=2`), 200);
    expect(page2.items.map((b: { name: string }) => b.name)).toEqual(expected.slice(4, 8));
    expect(page2.total).toBe(10);
  });
});
