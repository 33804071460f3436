import { createTestApp, TestApp } from '../app';
import { auditOf, expectStatus } from '../factories';
import { K4, k4Ids } from '../scoring/helpers';

// The register of exemplary models (sổ gương điển hình): entries are written and edited by the unit's head
// (own unit) or the leader / deputy seat, and link published exemplary-model stories of the entry's unit.
describe('the exemplary-model register: create, edit, link stories', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof k4Ids>>;
  let lhpStory: string;
  let hizaStory: string;
  beforeAll(async () => {
    t = await createTestApp();
    ids = await k4Ids(t);
    const story = async (unitId: string): Promise<string> => (await t.ds.query(
      `SELECT id FROM news_items WHERE unit_id = $1 AND block_year_id = $2 AND kind = 'story' AND status = 'published' LIMIT 1`, [unitId, ids.year2024]))[0].id;
    lhpStory = await story(ids.lhp);
    hizaStory = await story(ids.hiza);
  });
  afterAll(() => t.close());

  const create = (over: object = {}) => ({ blockYearId: ids.year2024, subjectKind: 'collective', name: 'Tổ Đào tạo', achievement: 'Tổ chức 40 lớp bồi dưỡng tại cơ sở.', ...over });

  it('the head creates and edits an entry of its unit, links a story, and the change is audited', async () => {
    const head = await t.as(K4.lhpHead);
    const m = await expectStatus(head.post('/api/news/models', create()), 201);
    expect(m).toMatchObject({ unitId: ids.lhp, year: 2024, version: 1, canEdit: true, stories: [] });
    const edited = await expectStatus(head.patch(`/api/news/models/${m.id}`, { name: '  Tổ Đào tạo cơ sở ', subjectKind: 'collective', storyIds: [lhpStory], version: 1 }), 200);
    expect(edited).toMatchObject({ name: 'Tổ Đào tạo cơ sở', achievement: 'Tổ chức 40 lớp bồi dưỡng tại cơ sở.', version: 2, canEdit: true });
    expect(edited.stories.map((s: any) => s.id)).toEqual([lhpStory]);
    const audit = (await auditOf(t.ds, 'exemplary_model', m.id)).filter((a) => a.action === 'exemplary_model.update');
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toMatchObject({ name: 'Tổ Đào tạo', storyIds: [] });
    expect(audit[0].after).toMatchObject({ name: 'Tổ Đào tạo cơ sở', storyIds: [lhpStory] });
    // An edit based on an old version is refused; unlinking every story is allowed.
    const stale = await head.patch(`/api/news/models/${m.id}`, { name: 'Cũ', version: 1 });
    expect(stale.status).toBe(409);
    const unlinked = await expectStatus(head.patch(`/api/news/models/${m.id}`, { storyIds: [], version: 2 }), 200);
    expect(unlinked).toMatchObject({ stories: [], version: 3 });
    // The list says who may edit: the head of another unit reads it but may not edit.
    const list = await expectStatus((await t.as(K4.hizaHead)).get(`/api/news/models?year=2024&unitId=${ids.lhp}`), 200);
    expect(list.find((x: any) => x.id === m.id)).toMatchObject({ canEdit: false });
    const mine = await expectStatus(head.get(`/api/news/models?year=2024&unitId=${ids.lhp}`), 200);
    expect(mine.find((x: any) => x.id === m.id)).toMatchObject({ canEdit: true });
  });

  it('the leader seat edits any member unit\'s entry; officers and other heads are refused', async () => {
    const m = await expectStatus((await t.as(K4.lhpHead)).post('/api/news/models', create({ name: 'Cô Phạm Thu' , subjectKind: 'person' })), 201);
    const byLeader = await expectStatus((await t.as(K4.leader2024)).patch(`/api/news/models/${m.id}`, { achievement: 'Giảng viên giỏi cấp thành phố.', version: 1 }), 200);
    expect(byLeader).toMatchObject({ achievement: 'Giảng viên giỏi cấp thành phố.', version: 2, canEdit: true });
    for (const who of [K4.lhpOfficer, K4.hizaHead, K4.otherBlock]) {
      const r = await (await t.as(who)).patch(`/api/news/models/${m.id}`, { name: 'Không được', version: 2 });
      expect(r.status).toBe(403);
    }
    const after = (await t.ds.query('SELECT name, version FROM exemplary_models WHERE id = $1', [m.id]))[0];
    expect(after).toEqual({ name: 'Cô Phạm Thu', version: 2 });
  });

  it('refuses bad input with a 400 naming the field and changes nothing', async () => {
    const head = await t.as(K4.lhpHead);
    const m = await expectStatus(head.post('/api/news/models', create({ name: 'Mục kiểm tra' })), 201);
    const cases: [object, string][] = [
      [{ name: null, version: 1 }, 'name'], [{ name: '', version: 1 }, 'name'], [{ name: 'a\u0000b', version: 1 }, 'name'], [{ name: 'x'.repeat(100_000), version: 1 }, 'name'],
      [{ name: 5, version: 1 }, 'name'], [{ achievement: ['x'], version: 1 }, 'achievement'], [{ achievement: 'ok\u0000', version: 1 }, 'achievement'],
      [{ subjectKind: 'team', version: 1 }, 'subjectKind'], [{ subjectKind: null, version: 1 }, 'subjectKind'],
      [{ storyIds: 'x', version: 1 }, 'storyIds'], [{ storyIds: ['not-a-uuid'], version: 1 }, 'storyIds'], [{ storyIds: null, version: 1 }, 'storyIds'],
      // Another unit's story, and a story id that does not exist, cannot be linked.
      [{ storyIds: [hizaStory], version: 1 }, 'storyIds'], [{ storyIds: ['00000000-0000-4000-8000-000000000000'], version: 1 }, 'storyIds'],
      [{ name: 'Thiếu phiên bản' }, 'version'], [{ name: 'Sai kiểu', version: 'một' }, 'version'], [{ name: 'Sai', version: null }, 'version'],
    ];
    for (const [body, field] of cases) {
      const r = await head.patch(`/api/news/models/${m.id}`, body);
      expect({ body, status: r.status }).toEqual({ body, status: 400 });
      expect(r.body.fields ?? {}).toHaveProperty(field);
    }
    expect((await head.patch('/api/news/models/not-a-uuid', { name: 'x', version: 1 })).status).toBe(400);
    expect((await head.patch('/api/news/models/00000000-0000-4000-8000-000000000000', { name: 'x', version: 1 })).status).toBe(404);
    const after = (await t.ds.query('SELECT name, version FROM exemplary_models WHERE id = $1', [m.id]))[0];
    expect(after).toEqual({ name: 'Mục kiểm tra', version: 1 });
  });

  it('reads the register of a block year: words with or without diacritics, by unit, a page at a time, with the units one may write for', async () => {
    const head = await t.as(K4.lhpHead);
    await expectStatus(head.post('/api/news/models', create({ name: 'Chị Đặng Thị Gương', subjectKind: 'person', achievement: 'Điển hình "người tốt, việc tốt" 50% thời gian.' })), 201);
    const url = (q: string) => `/api/news/models/register?blockYearId=${ids.year2024}&${q}`;
    for (const words of ['Đặng Thị Gương', 'dang thi guong', 'DANG THI']) {
      const r = await expectStatus(head.get(url(`q=${encodeURIComponent(words)}`)), 200);
      expect(r.items.map((m: any) => m.name)).toEqual(['Chị Đặng Thị Gương']);
    }
    // LIKE wildcards are searched as text.
    expect((await expectStatus(head.get(url(`q=${encodeURIComponent('50%')}`)), 200)).total).toBe(1);
    expect((await expectStatus(head.get(url(`q=${encodeURIComponent('%%')}`)), 200)).total).toBe(0);
    const byUnit = await expectStatus(head.get(url(`unitId=${ids.hiza}`)), 200);
    expect(byUnit.items.every((m: any) => m.unitId === ids.hiza)).toBe(true);
    const all = await expectStatus(head.get(url('pageSize=2')), 200);
    expect(all.total).toBeGreaterThanOrEqual(4);
    expect(all.items).toHaveLength(2);
    const page2 = await expectStatus(head.get(url('pageSize=2&page=2')), 200);
    expect(page2.items.map((m: any) => m.id)).not.toContain(all.items[0].id);
    expect(all.units.map((u: any) => u.id)).toEqual(expect.arrayContaining([ids.lhp, ids.hiza, ids.dukcq]));
    expect(all.writableUnitIds).toEqual([ids.lhp]);
    expect((await expectStatus((await t.as(K4.lhpOfficer)).get(url('')), 200)).writableUnitIds).toEqual([]);
    expect((await expectStatus((await t.as(K4.leader2024)).get(url('')), 200)).writableUnitIds).toHaveLength(all.units.length);
    expect((await expectStatus((await t.as(K4.board)).get(url('')), 200)).writableUnitIds).toEqual([]);
    expect((await (await t.as(K4.otherBlock)).get(url(''))).status).toBe(403);
    for (const bad of ['q=a%00b', `q=${'x'.repeat(300)}`, 'unitId=x', 'page=0', 'pageSize=abc']) expect((await head.get(url(bad))).status).toBe(400);
    expect((await head.get('/api/news/models/register')).status).toBe(400);
    // The stories a register entry may link: the news list filtered by unit.
    const stories = await expectStatus(head.get(`/api/news?blockYearId=${ids.year2024}&kind=story&status=published&unitId=${ids.lhp}`), 200);
    expect(stories.items.map((i: any) => i.id)).toContain(lhpStory);
    expect(stories.items.every((i: any) => i.unitId === ids.lhp)).toBe(true);
    expect((await head.get(`/api/news?blockYearId=${ids.year2024}&unitId=x`)).status).toBe(400);
  });
});
