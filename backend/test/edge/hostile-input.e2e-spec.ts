import { gzipSync } from 'node:zlib';
import { Client_, createTestApp, DEMO, TestApp } from '../app';
import { createBlock, signInRaw } from '../factories';

/** Malformed or hostile requests get 400/413/415 with the usual shape and a Vietnamese message, never 5xx. */
describe('hostile input at the HTTP edge', () => {
  let t: TestApp;
  let board: Client_;
  let boardRaw: { cookie: string; csrf: string };
  beforeAll(async () => {
    t = await createTestApp();
    board = await t.as(DEMO.board);
    boardRaw = await signInRaw(t, DEMO.board);
  });
  /** A write with a body sent byte for byte. */
  const rawPost = (url: string, body: string) =>
    t.http().post(url).set('Cookie', boardRaw.cookie).set('X-CSRF-Token', boardRaw.csrf).set('Content-Type', 'application/json').send(body);
  afterAll(() => t.close());

  const shape = (body: any, statusCode: number) => {
    expect(body).toMatchObject({ statusCode, code: expect.any(String), message: expect.any(String) });
    expect(body.message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
  };

  describe('bodies the parser refuses', () => {
    it('a body over 2 MB is 413', async () => {
      const res = await t.http().post('/api/auth/sign-in').set('Content-Type', 'application/json').send(JSON.stringify({ email: 'a@b.vn', password: 'x'.repeat(2.2 * 1024 * 1024) }));
      expect(res.status).toBe(413);
      shape(res.body, 413);
    });

    it('a charset other than UTF-8 is 415', async () => {
      for (const charset of ['latin1', 'utf-16', 'koi8-r']) {
        const res = await t.http().post('/api/auth/sign-in').set('Content-Type', `application/json; charset=${charset}`).send('{"email":"a@b.vn","password":"x"}');
        expect(res.status).toBe(415);
        shape(res.body, 415);
      }
    });

    it('a Content-Encoding that does not match the body is 400, an unknown one 415, a real gzip body works', async () => {
      for (const enc of ['gzip', 'deflate']) {
        const res = await t.http().post('/api/auth/sign-in').set('Content-Type', 'application/json').set('Content-Encoding', enc).send('{"email":"a@b.vn","password":"x"}');
        expect(res.status).toBe(400);
        shape(res.body, 400);
      }
      const unknown = await t.http().post('/api/auth/sign-in').set('Content-Type', 'application/json').set('Content-Encoding', 'x-bogus').send('{}');
      expect(unknown.status).toBe(415);
      const good = await t.http().post('/api/auth/sign-in').set('Content-Type', 'application/json').set('Content-Encoding', 'gzip')
        .serialize((b: Buffer) => b as unknown as string).send(gzipSync(Buffer.from(JSON.stringify({ email: DEMO.admin, password: 'ThiDua@2024' }))));
      expect(good.status).toBe(200);
    });

    it('malformed JSON is 400', async () => {
      const res = await t.http().post('/api/auth/sign-in').set('Content-Type', 'application/json').send('{"email": ');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('malformed_json');
    });

    it('JSON nested thousands of levels deep is 400 before validation', async () => {
      for (const body of ['{"code":'.repeat(5000) + '1' + '}'.repeat(5000), '['.repeat(5000) + ']'.repeat(5000)]) {
        const res = await rawPost('/api/blocks', body);
        expect(res.status).toBe(400);
        shape(res.body, 400);
        expect(res.body.message).toContain('lồng nhau quá sâu');
      }
    });
  });

  describe('text and numbers the database cannot hold', () => {
    it('NUL in any text field, anywhere, is 400 naming the field', async () => {
      const res = await board.post('/api/blocks', { code: 'K-NUL', name: 'Khối\u0000thử', kind: 'khoi' });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual({ name: 'không được chứa ký tự NUL (\\u0000)' });
      const [conf] = await t.ds.query('SELECT id FROM conferences LIMIT 1');
      const nested = await board.post('/api/conferences', { title: 'Hội nghị', agenda: [{ title: 'ok' }, { title: 'a\u0000' }] });
      expect(nested.status).toBe(400);
      expect(nested.body.fields).toHaveProperty(['agenda.1.title']);
      const patched = await board.patch(`/api/conferences/${conf.id}`, { title: '\u0000', version: 1 });
      expect(patched.status).toBe(400);
      expect(patched.body.fields).toHaveProperty('title');
    });

    it('a lone surrogate is 400 naming the field, anonymous sign-in included', async () => {
      const res = await t.http().post('/api/auth/sign-in').send({ email: 'a\ud800@thidua.vn', password: 'x' });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual({ email: 'chứa ký tự Unicode không hợp lệ' });
      const low = await board.post('/api/blocks', { code: 'K-SUR', name: '\udc00 khối', kind: 'khoi' });
      expect(low.status).toBe(400);
      expect(low.body.fields).toHaveProperty('name');
      // A proper pair (an emoji) is fine.
      expect((await board.post('/api/blocks', { code: `K-EMO-${Date.now() % 100000}`, name: 'Khối 😀', kind: 'khoi' })).status).toBe(201);
    });

    it('NUL in a query string or a route parameter is 400', async () => {
      const q = await board.get('/api/blocks?q=%00abc');
      expect(q.status).toBe(400);
      expect(q.body.fields).toHaveProperty('q');
      const p = await board.get('/api/blocks/%00');
      expect(p.status).toBe(400);
    });

    it('numbers like 1e-300, 1e999 (Infinity) or beyond 1e15 are 400 naming the field', async () => {
      for (const raw of ['1e-300', '1e999', '-1e999', '1e300']) {
        const res = await rawPost('/api/awards/catalogue', `{"code":"X","name":"Thử","bonusPoints":${raw}}`);
        expect(res.status).toBe(400);
        expect(res.body.fields).toHaveProperty('bonusPoints');
      }
    });
  });

  describe('what the API description forbids', () => {
    it('an explicit null on a non-nullable field is 400 naming it, in creates and updates', async () => {
      const block = await createBlock(board);
      const code = await board.patch(`/api/blocks/${block.id}`, { code: null, version: block.version });
      expect(code.status).toBe(400);
      expect(code.body.fields).toEqual({ code: 'không được để trống (null)' });
      const [year] = await t.ds.query('SELECT id, version FROM block_years LIMIT 1');
      const members = await board.patch(`/api/block-years/${year.id}`, { memberUnitIds: null, version: year.version });
      expect(members.status).toBe(400);
      expect(members.body.fields).toHaveProperty('memberUnitIds');
      // Still fine where null is described as allowed.
      const [acc] = await t.ds.query(`SELECT id, version FROM accounts WHERE role = 'board' LIMIT 1`);
      const admin = await t.as(DEMO.admin);
      expect((await admin.patch(`/api/accounts/${acc.id}`, { unitId: null, version: acc.version })).status).toBe(200);
    });

    it('conferences: agenda must be a list, startsAt: null no longer stores 1970, dates stay within 2000–2100', async () => {
      const [conf] = await t.ds.query('SELECT id, version, starts_at FROM conferences LIMIT 1');
      const agenda = await board.post('/api/conferences', { agenda: {} });
      expect(agenda.status).toBe(400);
      expect(agenda.body.fields).toHaveProperty('agenda');
      const nullStart = await board.patch(`/api/conferences/${conf.id}`, { startsAt: null, version: conf.version });
      expect(nullStart.status).toBe(400);
      expect(nullStart.body.fields).toHaveProperty('startsAt');
      for (const startsAt of ['1970-01-01T08:00:00+07:00', '9999-12-31T08:00:00+07:00', '1999-12-31T08:00:00+07:00']) {
        const res = await board.patch(`/api/conferences/${conf.id}`, { startsAt, version: conf.version });
        expect(res.status).toBe(400);
        expect(res.body.fields).toEqual({ startsAt: 'phải là ngày trong khoảng năm 2000–2100' });
      }
      const [after] = await t.ds.query('SELECT starts_at FROM conferences WHERE id = $1', [conf.id]);
      expect(after.starts_at).toEqual(conf.starts_at);
    });
  });
});
