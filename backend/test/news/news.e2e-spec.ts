import { Parser } from 'htmlparser2';
import sharp from 'sharp';
import { createTestApp, DEMO, ids, TestApp, type Client_ } from '../app';
import { auditOf, expectStatus, signInRaw } from '../factories';
import { accountAsActor } from '../../src/modules/drafts/draft-data';
import { NewsService } from '../../src/modules/news/news.service';

/** A real PNG of the given size. */
const png = (w = 40, h = 30) => sharp({ create: { width: w, height: h, channels: 3, background: { r: 200, g: 80, b: 60 } } }).png().toBuffer();

const INJECTIONS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'; DROP TABLE news_items; --",
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="https://evil.example"></iframe>',
  '</title><script>alert(2)</script>',
  '<style>body{display:none}</style>',
];
/** Live markup a page holds, as a browser would parse it: script-like elements, event handlers, javascript: links. */
function liveMarkup(html: string): string[] {
  const found: string[] = [];
  let styles = 0;
  const parser = new Parser({
    onopentag(name, attribs) {
      if (['script', 'iframe', 'svg', 'object', 'embed'].includes(name)) found.push(name);
      if (name === 'style' && ++styles > 1) found.push('second <style>');
      if (name === 'img' && attribs.src && !attribs.src.startsWith('/tin-tuc/anh/')) found.push(`img ${attribs.src}`);
      for (const [k, v] of Object.entries(attribs)) {
        if (k.startsWith('on')) found.push(`${name}[${k}]`);
        if ((k === 'href' || k === 'src') && /^\s*javascript:/i.test(v)) found.push(`${name}[${k}=javascript:]`);
      }
    },
  }, { xmlMode: false });
  parser.write(html);
  parser.end();
  return found;
}

describe('news and exemplary stories: write, approve, publish, read in public, count, search', () => {
  let t: TestApp;
  let year: string;
  let officer: Client_;
  let head: Client_;
  let otherOfficer: Client_;
  let otherHead: Client_;
  let board: Client_;
  let leader: Client_;
  beforeAll(async () => {
    t = await createTestApp();
    const i = await ids(t.ds);
    year = await i.blockYear('KTĐ4', 2025);
    officer = await t.as(DEMO.memberOfficer);
    head = await t.as(DEMO.unitHead);
    otherOfficer = await t.as('canbo.hiza@thidua.vn');
    otherHead = await t.as('thutruong.hiza@thidua.vn');
    board = await t.as(DEMO.board);
    leader = await t.as(DEMO.nextLeaderOfficer); // Khối trưởng 2025 (ĐUK Doanh nghiệp)
  });
  afterAll(() => t.close());

  // One session per account: signing in for every upload would end the oldest (10 live sessions at most).
  const raw = new Map<string, ReturnType<typeof signInRaw>>();
  const uploadPhoto = async (email: string, id: string, file: Buffer, fields: Record<string, string>) => {
    if (!raw.has(email)) raw.set(email, signInRaw(t, email));
    const { cookie, csrf } = await raw.get(email)!;
    let req = t.http().post(`/api/news/${id}/photos`).set('Cookie', cookie).set('X-CSRF-Token', csrf);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req.attach('file', file, 'anh.png');
  };

  it('draft → submit → head approves → published on the public pages, audited at each step', async () => {
    const created = await expectStatus(officer.post('/api/news', {
      blockYearId: year, kind: 'story', title: 'Gương điển hình: chị Ngô Thu Trang hiến máu 30 lần',
      bodyHtml: '<p>Chị đã <strong>hiến máu</strong> 30 lần.</p><p>Đoạn hai.</p>', authorLine: 'Tin và ảnh: Đỗ Thị Hạnh',
      subjectKind: 'person', subjectName: 'Chị Ngô Thu Trang', eventDate: '2025-03-10',
    }), 201);
    expect(created.status).toBe('draft');
    expect(created.permissions).toMatchObject({ canEdit: true, canSubmit: true, canApprove: false });
    const withPhoto = await expectStatus(await uploadPhoto(DEMO.memberOfficer, created.id, await png(3000, 2000), { alt: 'Chị Trang tại điểm hiến máu', caption: 'Chị Trang hiến máu lần thứ 30', afterParagraph: '1' }) as any, 201);
    expect(withPhoto.photos).toHaveLength(1);
    // Resized to at most 1600 px and re-encoded as JPEG.
    expect(withPhoto.photos[0]).toMatchObject({ width: 1600, height: 1067, afterParagraph: 1 });
    const img = await officer.get(withPhoto.photos[0].url);
    expect(img.status).toBe(200);
    expect(img.headers['content-type']).toBe('image/jpeg');

    // Not public yet.
    expect((await t.http().get(`/tin-tuc/${created.slug}`)).status).toBe(404);
    const submitted = await expectStatus(officer.post(`/api/news/${created.id}/submit`), 200);
    expect(submitted.status).toBe('submitted');
    // An officer cannot approve, nor the head of another unit.
    await expectStatus(officer.post(`/api/news/${created.id}/approve`), 403);
    await expectStatus(otherHead.post(`/api/news/${created.id}/approve`), 403);
    const published = await expectStatus(head.post(`/api/news/${created.id}/approve`), 200);
    expect(published.status).toBe('published');
    expect(published.publicUrl).toBe(`/tin-tuc/${created.slug}`);
    expect((await auditOf(t.ds, 'news_item', created.id)).map((a) => a.action)).toEqual(['news.create', 'news.photo_add', 'news.submit', 'news.publish']);
    // The head was told the item waits for approval; the unit, that it is published; nobody else.
    const told = async (kind: string) => (await t.ds.query(
      `SELECT a.email FROM notifications n JOIN accounts a ON a.id = n.account_id WHERE n.kind = $1 AND n.link = $2 ORDER BY a.email`, [kind, `/news/${created.id}`])).map((r: { email: string }) => r.email);
    expect(await told('news_submitted')).toEqual([DEMO.unitHead]);
    const toldPublished = await told('news_published');
    expect(toldPublished).toEqual(expect.arrayContaining([DEMO.memberOfficer, DEMO.unitHead]));
    expect(toldPublished).not.toContain('canbo.hiza@thidua.vn');

    const page = await t.http().get(published.publicUrl);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<title>Gương điển hình: chị Ngô Thu Trang hiến máu 30 lần</title>');
    expect(page.text).toMatch(/Ngày đăng <time[^>]*>\d{2}\/\d{2}\/\d{4}<\/time>/);
    expect(page.text).toContain('Tin và ảnh: Đỗ Thị Hạnh');
    expect(page.text).toContain('<figcaption>Chị Trang hiến máu lần thứ 30</figcaption>');
    expect(page.text).toMatch(/<meta property="og:image" content="http:\/\/[^"]+\/tin-tuc\/anh\/[0-9a-f-]+\.jpg">/);
    expect(page.text).toContain('name="twitter:card" content="summary_large_image"');
    expect(page.headers['content-security-policy']).toContain("img-src 'self'");
    // The photo comes after the first paragraph, as placed.
    const body = page.text.slice(page.text.indexOf('<div class="body">'));
    expect(body.indexOf('<figure>')).toBeGreaterThan(body.indexOf('30 lần.</p>'));
    expect(body.indexOf('<figure>')).toBeLessThan(body.indexOf('Đoạn hai.'));
    const photo = await t.http().get(page.text.match(/\/tin-tuc\/anh\/[0-9a-f-]+\.jpg/)![0]);
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');

    const blockPage = await t.http().get('/tin-tuc/khoi/ktd4');
    expect(blockPage.status).toBe(200);
    expect(blockPage.text).toContain('hiến máu 30 lần');
    const feed = await t.http().get('/tin-tuc/khoi/ktd4/atom.xml');
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/application\/atom\+xml/);
    expect(feed.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(feed.text).toContain('hiến máu 30 lần');

    // Featuring: the 2025 leader's seat in its block, the board on the city page; a plain member cannot.
    await expectStatus(otherOfficer.post(`/api/news/${created.id}/feature`, { featured: true }), 403);
    expect((await expectStatus(leader.post(`/api/news/${created.id}/feature`, { featured: true }), 200)).featuredInBlock).toBe(true);
    expect((await expectStatus(board.post(`/api/news/${created.id}/feature`, { featured: true }), 200)).featuredCity).toBe(true);
    // Published items can no longer be edited.
    await expectStatus(officer.patch(`/api/news/${created.id}`, { version: published.version + 2, title: 'Khác' }), 409);
  });

  it('scope: a unit writes and edits only its own items; drafts stay private; the board reads but does not write', async () => {
    const mine = await expectStatus(officer.post('/api/news', { blockYearId: year, kind: 'news', title: 'Tin nội bộ chưa duyệt' }), 201);
    await expectStatus(otherOfficer.patch(`/api/news/${mine.id}`, { version: mine.version, title: 'Sửa trộm' }), 403);
    await expectStatus(otherOfficer.get(`/api/news/${mine.id}`), 403);
    await expectStatus(otherOfficer.post(`/api/news/${mine.id}/submit`), 403);
    expect((await expectStatus(otherOfficer.get(`/api/news?blockYearId=${year}`), 200)).items.map((i: any) => i.id)).not.toContain(mine.id);
    expect((await expectStatus(board.get(`/api/news?blockYearId=${year}`), 200)).items.map((i: any) => i.id)).toContain(mine.id);
    await expectStatus(board.post('/api/news', { blockYearId: year, kind: 'news', title: 'Ban viết' }), 403);
    const outsider = await t.as(DEMO.otherBlockOfficer);
    await expectStatus(outsider.post('/api/news', { blockYearId: year, kind: 'news', title: 'Khối khác viết' }), 403);
    await expectStatus(outsider.get(`/api/news?blockYearId=${year}`), 403);
    // A returned item goes back to the unit with the reason.
    await expectStatus(officer.patch(`/api/news/${mine.id}`, { version: mine.version, bodyHtml: '<p>Nội dung</p>' }), 200);
    await expectStatus(officer.post(`/api/news/${mine.id}/submit`), 200);
    await expectStatus(head.post(`/api/news/${mine.id}/return`, {}), 400);
    const returned = await expectStatus(head.post(`/api/news/${mine.id}/return`, { reason: 'Bổ sung ảnh' }), 200);
    expect(returned).toMatchObject({ status: 'returned', returnReason: 'Bổ sung ảnh' });
    // A stale version is refused.
    await expectStatus(officer.patch(`/api/news/${mine.id}`, { version: 1, title: 'Cũ' }), 409);
  });

  it('bad input: 400 naming the field (null, NUL, huge, wrong type, unknown plan key, story without subject)', async () => {
    const bad = async (body: object, field: string) => {
      const res = await expectStatus(officer.post('/api/news', { blockYearId: year, kind: 'news', title: 'Tiêu đề', ...body }), 400);
      expect(Object.keys(res.fields)).toContain(field);
      expect(res.message).toContain(field);
    };
    await bad({ title: null }, 'title');
    await bad({ title: 'a\u0000b' }, 'title');
    await bad({ title: 'x'.repeat(301) }, 'title');
    await bad({ title: 42 }, 'title');
    await bad({ kind: 'blog' }, 'kind');
    await bad({ bodyHtml: 'x'.repeat(200_001) }, 'bodyHtml');
    await bad({ bodyHtml: '<p>a\u0000</p>' }, 'bodyHtml');
    await bad({ eventDate: '31/12/2025' }, 'eventDate');
    await bad({ movementKey: 'khong-co' }, 'movementKey');
    await bad({ activityKey: 'hd99' }, 'activityKey');
    await bad({ subjectKind: 'animal' }, 'subjectKind');
    await bad({ blockYearId: 'not-a-uuid' }, 'blockYearId');
    const story = await expectStatus(officer.post('/api/news', { blockYearId: year, kind: 'story', title: 'Chưa có nhân vật', bodyHtml: '<p>Nội dung</p>' }), 201);
    const res = await expectStatus(officer.post(`/api/news/${story.id}/submit`), 400);
    expect(Object.keys(res.fields)).toEqual(expect.arrayContaining(['subjectKind', 'subjectName']));
    await expectStatus(officer.post(`/api/news/${story.id}/return`, { reason: 'x\u0000' }), 400);
    await expectStatus(officer.post(`/api/news/${story.id}/feature`, { featured: 'yes' }), 400);
  });

  it('photos: non-images are rejected by content; alt text is required', async () => {
    const item = await expectStatus(officer.post('/api/news', { blockYearId: year, kind: 'news', title: 'Tin có ảnh' }), 201);
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    let res = await uploadPhoto(DEMO.memberOfficer, item.id, html, { alt: 'Ảnh' });
    expect(res.status).toBe(400);
    expect(res.body.fields).toHaveProperty('file');
    // A PNG signature followed by garbage does not decode.
    res = await uploadPhoto(DEMO.memberOfficer, item.id, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('garbage')]), { alt: 'Ảnh' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('not_an_image');
    res = await uploadPhoto(DEMO.memberOfficer, item.id, await png(), {});
    expect(res.status).toBe(400);
    expect(res.body.fields).toHaveProperty('alt');
    res = await uploadPhoto(DEMO.memberOfficer, item.id, await png(), { alt: '   ' });
    expect(res.status).toBe(400);
    res = await uploadPhoto('canbo.hiza@thidua.vn', item.id, await png(), { alt: 'Ảnh' });
    expect(res.status).toBe(403);
    res = await uploadPhoto(DEMO.memberOfficer, item.id, await png(), { alt: 'Ảnh' });
    expect(res.status).toBe(201);
  });

  it('an HTML/script injection corpus in titles, bodies, captions and search comes out inert on the public pages, the feed and the API', async () => {
    for (const [n, bad] of INJECTIONS.entries()) {
      const item = await expectStatus(officer.post('/api/news', {
        blockYearId: year, kind: 'story', title: `Bài ${n} ${bad}`, // What the rich-text editor produces, with the corpus inside each of its structures.
        bodyHtml: `<h2>Mục ${bad}</h2><p>Đoạn <strong>${bad}</strong> <em>${bad}</em> <a href="javascript:alert(1)">x</a></p><ul><li><p>${bad}</p><ul><li><p>${bad}</p></li></ul></li></ul>`
          + `<blockquote><p>${bad}</p></blockquote>${bad}<p onclick="x()">an toàn</p><p><a target="_blank" rel="noopener" href="https://hanoi.gov.vn/tin">cổng</a></p>`,
        authorLine: `Tin: ${bad}`,
        subjectKind: 'person', subjectName: `Người ${bad}`, summary: `Tóm tắt ${bad}`,
      }), 201);
      // The API never returns a live body.
      expect(liveMarkup(item.bodyHtml)).toEqual([]);
      expect(item.bodyHtml).not.toMatch(/<style|<script/);
      // The editor's structures survive the allow-list.
      expect(item.bodyHtml).toMatch(/^<h2>Mục /);
      expect(item.bodyHtml).toContain('<a rel="noopener noreferrer nofollow" href="https://hanoi.gov.vn/tin">cổng</a>');
      expect(item.bodyHtml).toContain('<blockquote><p>');
      await expectStatus(await uploadPhoto(DEMO.memberOfficer, item.id, await png(), { alt: `Ảnh ${bad}`, caption: `Chú thích ${bad}` }) as any, 201);
      await expectStatus(officer.post(`/api/news/${item.id}/submit`), 200);
      const p = await expectStatus(head.post(`/api/news/${item.id}/approve`), 200);
      for (const url of [p.publicUrl, '/tin-tuc/khoi/ktd4', '/tin-tuc', `/tin-tuc?q=${encodeURIComponent(bad)}`, '/tin-tuc/atom.xml', '/tin-tuc/khoi/ktd4/atom.xml']) {
        const res = await t.http().get(url);
        expect(res.status).toBe(200);
        expect(liveMarkup(res.text)).toEqual([]);
        expect(res.text).not.toContain('<style>body{display:none}');
      }
    }
    const page = await t.http().get('/tin-tuc/khoi/ktd4');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect((await t.ds.query('SELECT count(*)::int AS n FROM news_items'))[0].n).toBeGreaterThan(0);
  });

  it('search finds Vietnamese words with or without diacritics, in the API and on the public page', async () => {
    const item = await expectStatus(officer.post('/api/news', {
      blockYearId: year, kind: 'news', title: 'Tuyên truyền gương điển hình tiên tiến ở Đảng bộ', bodyHtml: '<p>Học tập và làm theo tấm gương đạo đức.</p>',
    }), 201);
    await expectStatus(officer.post(`/api/news/${item.id}/submit`), 200);
    await expectStatus(head.post(`/api/news/${item.id}/approve`), 200);
    for (const q of ['gương điển hình', 'guong dien hinh', 'GUONG DIEN HINH', 'dang bo', 'tấm gương đạo đức']) {
      const list = await expectStatus(officer.get(`/api/news?blockYearId=${year}&q=${encodeURIComponent(q)}`), 200);
      expect(list.items.map((i: any) => i.id)).toContain(item.id);
      const page = await t.http().get(`/tin-tuc?q=${encodeURIComponent(q)}`);
      expect(page.text).toContain('Tuyên truyền gương điển hình tiên tiến');
    }
    const none = await expectStatus(officer.get(`/api/news?blockYearId=${year}&q=${encodeURIComponent('không có từ này xyzq')}`), 200);
    expect(none.total).toBe(0);
  });

  it('a page published before the app keeps its address: the slug given to createTx (demo history) is kept; a malformed one is refused naming the field', async () => {
    const actor = { ...(await accountAsActor(t.ds.manager, DEMO.memberOfficer))!, sessionId: 'test' };
    const svc = t.app.get(NewsService);
    const dto = { blockYearId: year, kind: 'news' as const, title: 'Tin đã đăng trên trang cũ' };
    const id = await t.ds.transaction((em) => svc.createTx(em, actor, dto, { slug: 'tin-da-dang-tren-trang-cu' }));
    expect((await expectStatus(officer.get(`/api/news/${id}`), 200)).slug).toBe('tin-da-dang-tren-trang-cu');
    for (const slug of ['', 'Tin-cũ', 'a/b', 'x\u0000', 'a'.repeat(241)]) {
      await expect(t.ds.transaction((em) => svc.createTx(em, actor, dto, { slug }))).rejects.toMatchObject({ statusCode: 400, fields: { slug: expect.any(String) } });
    }
  });

  it('the demo: the seed article is Khối 4’s first published news item, read without signing in', async () => {
    const page = await t.http().get('/tin-tuc/hoi-nghi-trien-khai-ke-hoach-thi-dua-khen-thuong-va-ky-ket-giao-uoc-thi-dua-nam-2024-khoi-thi-dua-so-4');
    expect(page.status).toBe(200);
    expect(page.text).toContain('HỘI NGHỊ TRIỂN KHAI KẾ HOẠCH THI ĐUA, KHEN THƯỞNG VÀ KÝ KẾT GIAO ƯỚC THI ĐUA NĂM 2024 - KHỐI THI ĐUA SỐ 4');
    expect(page.text).toContain('>26/04/2024</time>');
    expect(page.text).toContain('Tin và ảnh: Nguyễn Thị Thanh Hương');
    for (const c of ['Quang cảnh hội nghị', 'Các đại biểu thảo luận tại Hội nghị', 'Lãnh đạo các đơn vị trong Khổi thi đua số 4 ký kết giao ước thi đua']) expect(page.text).toContain(`<figcaption>${c}</figcaption>`);
    expect((page.text.match(/<figure>/g) ?? []).length).toBe(4);
    const models = await expectStatus(board.get(`/api/news/models?year=2024`), 200);
    expect(models[0]).toMatchObject({ name: 'ThS. Đỗ Minh Tuấn', subjectKind: 'person' });
    expect(models[0].stories).toHaveLength(1);
  });

  it('counts: per unit and per movement against the plan’s targets; the board’s overview per block', async () => {
    const y24 = await (await ids(t.ds)).blockYear('KTĐ4', 2024);
    const c = await expectStatus(officer.get(`/api/news/counts?blockYearId=${y24}`), 200);
    const lhp = c.units.find((u: any) => u.unitName.includes('Lê Hồng Phong'));
    expect(lhp.total).toEqual([{ kind: 'news', published: 1, target: 2, met: false }, { kind: 'story', published: 1, target: 1, met: true }]);
    expect(lhp.byMovement.find((m: any) => m.movementKey === 'pt1').cells[1]).toMatchObject({ kind: 'story', published: 1 });
    const o = await expectStatus(board.get('/api/news/overview?year=2024'), 200);
    expect(o.find((b: any) => b.blockCode === 'KTĐ4')).toMatchObject({ news: 1, stories: 3, publicUrl: '/tin-tuc/khoi/ktd4' });
    await expectStatus(officer.get('/api/news/overview?year=2024'), 403);
    // Targets: the 2025 leader's seat sets them; a member cannot; an unknown movement is refused.
    const put = async (email: string, body: object) => {
      const { cookie, csrf } = await signInRaw(t, email);
      return t.http().put('/api/news/targets').set('Cookie', cookie).set('X-CSRF-Token', csrf).send(body);
    };
    expect((await put(DEMO.memberOfficer, { blockYearId: year, targets: [{ movementKey: '', kind: 'story', perUnit: 2 }] })).status).toBe(403);
    const unknown = await put(DEMO.nextLeaderOfficer, { blockYearId: year, targets: [{ movementKey: 'pt9', kind: 'story', perUnit: 2 }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toHaveProperty(['targets.0.movementKey']);
    expect((await put(DEMO.nextLeaderOfficer, { blockYearId: year, targets: [{ movementKey: '', kind: 'story', perUnit: -1 }] })).status).toBe(400);
    const ok = await put(DEMO.nextLeaderOfficer, { blockYearId: year, targets: [{ movementKey: '', kind: 'story', perUnit: 2 }, { movementKey: 'pt2', kind: 'news', perUnit: 1 }] });
    expect(ok.status).toBe(200);
    expect(ok.body.targets).toEqual([{ movementKey: '', kind: 'story', perUnit: 2 }, { movementKey: 'pt2', kind: 'news', perUnit: 1 }]);
  });

  it('the register of exemplary models: the head enters one with its published stories; a dossier lists them by unit and year', async () => {
    const lhp = head.me.unitId!;
    const [story] = await t.ds.query(`SELECT id FROM news_items WHERE block_year_id = $1 AND unit_id = $2 AND kind = 'story' AND status = 'published' LIMIT 1`, [year, lhp]);
    const [draft] = await t.ds.query(`SELECT id FROM news_items WHERE block_year_id = $1 AND unit_id = $2 AND status <> 'published' LIMIT 1`, [year, lhp]);
    const body = { blockYearId: year, subjectKind: 'person', name: 'Chị Ngô Thu Trang', achievement: 'Hiến máu tình nguyện 30 lần', storyIds: [story.id] };
    await expectStatus(officer.post('/api/news/models', body), 403);
    await expectStatus(otherHead.post('/api/news/models', { ...body, unitId: lhp }), 403);
    expect((await expectStatus(head.post('/api/news/models', { ...body, storyIds: [draft.id] }), 400)).fields).toHaveProperty('storyIds');
    expect((await expectStatus(head.post('/api/news/models', { ...body, name: '' }), 400)).fields).toHaveProperty('name');
    expect((await expectStatus(head.post('/api/news/models', { ...body, subjectKind: 'team' }), 400)).fields).toHaveProperty('subjectKind');
    const m = await expectStatus(head.post('/api/news/models', body), 201);
    expect(m).toMatchObject({ name: 'Chị Ngô Thu Trang', year: 2025, unitId: lhp, stories: [{ id: story.id }] });
    expect((await auditOf(t.ds, 'exemplary_model', m.id)).map((a) => a.action)).toEqual(['exemplary_model.create']);
    const listed = await expectStatus(board.get(`/api/news/models?unitId=${lhp}&year=2025`), 200);
    expect(listed.map((x: any) => x.id)).toEqual([m.id]);
    const outsider = await t.as(DEMO.otherBlockOfficer);
    expect(await expectStatus(outsider.get(`/api/news/models?unitId=${lhp}`), 200)).toEqual([]);
  });
});
