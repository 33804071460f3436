import { createTestApp, TestApp, type Client_ } from '../app';
import { auditOf, expectStatus } from '../factories';
import { uploader } from '../scoring/helpers';
import { fillSelf, openRound, OpenRound, PDF, selfUrl, unitUrl } from '../rounds/helpers';

// A per-occurrence criterion counted from the unit's published news and stories of the block year, each item its evidence.
describe('a criterion counted from published items', () => {
  let t: TestApp;
  let r: OpenRound;
  let officer: Client_;
  let head: Client_;
  const published: { id: string; title: string; publicUrl: string }[] = [];

  /** Writes an item for the officer's unit in the round's year; the head publishes it unless `draft`. */
  const write = async (o: Client_, h: Client_, kind: 'news' | 'story', title: string, draft = false) => {
    const item = await expectStatus(o.post('/api/news', {
      blockYearId: r.yearId, kind, title, bodyHtml: '<p>Nội dung.</p>', ...(kind === 'story' ? { subjectKind: 'person', subjectName: 'Chị Lan' } : {}),
    }), 201);
    if (draft) return item;
    await expectStatus(o.post(`/api/news/${item.id}/submit`), 200);
    return expectStatus(h.post(`/api/news/${item.id}/approve`), 200);
  };

  beforeAll(async () => {
    t = await createTestApp();
    r = await openRound(t, {
      beforeOpen: async (leader, scheme) => {
        const url = `/api/scoring-schemes/${scheme.id}/criteria`;
        const i3 = scheme.byCode['I.3'];
        // Bad input on the new field: named, nothing changed.
        for (const [body, status] of [
          [{ countSource: 'tin' }, 400], [{ countSource: 5 }, 400], [{ countSource: ['news'] }, 400], [{ countSource: 'news\u0000' }, 400],
          [{ countSource: 'n'.repeat(100_000) }, 400],
        ] as const) {
          const res = await leader.patch(`${url}/${i3.id}`, { ...body, version: i3.version });
          expect(res.status).toBe(status);
          expect(res.body.fields ?? {}).toHaveProperty('countSource');
        }
        // Only a per-occurrence criterion counts published items.
        const i1 = scheme.byCode['I.1'];
        const wrongType = await expectStatus(leader.patch(`${url}/${i1.id}`, { countSource: 'news', version: i1.version }), 400);
        expect(wrongType.fields).toEqual({ countSource: 'chỉ dùng cho tiêu chí tính theo số lần' });
        await expectStatus(leader.post(url, { type: 'points', code: 'X', title: 'Sai loại', max: 1, countSource: 'story' }), 400);
        // Nobody but the year's leader or deputy seat edits the scheme.
        await expectStatus((await t.as('canbo.lhp@thidua.vn')).patch(`${url}/${i3.id}`, { countSource: 'both', version: i3.version }), 403);
        const s = await expectStatus(leader.patch(`${url}/${i3.id}`, { countSource: 'both', version: i3.version }), 200);
        expect(s.criteria.find((c: any) => c.code === 'I.3')).toMatchObject({ type: 'per_occurrence', countSource: 'both', pointsPerOccurrence: 2 });
        expect(s.criteria.find((c: any) => c.code === 'I.1').countSource).toBeNull();
      },
    });
    officer = await t.as(r.acc.lhp.officer);
    head = await t.as(r.acc.lhp.head);
    published.push(await write(officer, head, 'news', 'Tin: hội nghị sơ kết phong trào'));
    published.push(await write(officer, head, 'story', 'Gương điển hình: chị Lan hiến máu'));
    await write(officer, head, 'news', 'Bản nháp chưa đăng', true);
    // Another unit's published item never counts for this one.
    await write(await t.as(r.acc.hiza.officer), await t.as(r.acc.hiza.head), 'news', 'Tin của đơn vị khác');
  });
  afterAll(() => t.close());

  const row = (view: any, code: string) => view.rows.find((x: any) => x.code === code);

  it('the form counts the unit published items, lists each as evidence with its public link, and scores them', async () => {
    const view = await expectStatus(officer.get(`${unitUrl(r, r.ids.lhp)}/assessment`), 200);
    const i3 = row(view, 'I.3');
    expect(i3.automaticCount).toMatchObject({ source: 'both', count: 2 });
    expect(i3.automaticCount.items.map((i: any) => i.title)).toEqual(['Tin: hội nghị sơ kết phong trào', 'Gương điển hình: chị Lan hiến máu']);
    expect(i3.automaticCount.items.map((i: any) => i.publicUrl)).toEqual(published.map((p) => p.publicUrl));
    expect(i3.selfScore).toBe(4); // 2 items × 2 points
    expect(row(view, 'I.1').automaticCount).toBeNull();
    // Counted automatically: filled, needs no upload; the other criteria are still to fill.
    expect(view.totals.unfilledCodes).not.toContain('I.3');
    expect(view.totals.unfilledCodes).toEqual(expect.arrayContaining(['I.1', 'I.2', 'II.1', 'II.2']));
    for (const p of published) expect((await t.http().get(p.publicUrl)).status).toBe(200);
    // The leader's seat sees the same count; a unit that does not review this one sees nothing.
    expect(row(await expectStatus(r.leader.get(`${unitUrl(r, r.ids.lhp)}/assessment`), 200), 'I.3').automaticCount.count).toBe(2);
    await expectStatus((await t.as(r.acc.dukdh.officer)).get(`${unitUrl(r, r.ids.lhp)}/assessment`), 403);
  });

  it('refuses a count typed by hand; the same count or a note alone is kept with the automatic count', async () => {
    const put = await r.put(r.acc.lhp.officer);
    const url = selfUrl(r, r.ids.lhp, 'I.3');
    const refused = await expectStatus(put(url, { count: 5, version: 0 }), 409);
    expect(refused).toMatchObject({ code: 'automatic_count', fields: { count: 'là 2, tính tự động' } });
    expect(refused.message).toBe('Tiêu chí I.3: số lần được tính tự động từ các bài đã đăng của đơn vị (2 bài), không nhập tay được.');
    await expectStatus(put(url, { score: 4, version: 0 }), 409);
    await expectStatus(put(url, { count: 0, version: 0 }), 409);
    for (const body of [{ count: 'hai', version: 0 }, { count: 2, note: 'a\u0000b', version: 0 }, { count: 2, note: 'x'.repeat(6000), version: 0 }, { count: 2, version: null }, { count: 2 }]) {
      await expectStatus(put(url, body), 400);
    }
    expect(await t.ds.query(`SELECT 1 FROM score_entries WHERE round_id = $1 AND unit_id = $2 AND criterion_id = $3`, [r.round.id, r.ids.lhp, r.c('I.3')])).toEqual([]);
    const same = await expectStatus(put(url, { count: 2, version: 0 }), 200);
    expect(same.row).toMatchObject({ count: 2, score: 4, version: 1 });
    const note = await expectStatus(put(url, { note: 'Hai bài đã đăng trên trang tin của khối', version: 1 }), 200);
    expect(note.row).toMatchObject({ count: 2, score: 4, note: 'Hai bài đã đăng trên trang tin của khối', version: 2 });
    // Another unit cannot write this unit's row.
    await expectStatus((await r.put(r.acc.hiza.officer))(url, { count: 2, version: 2 }), 403);
  });

  it('on submission the count of the items published by then is written into the self row (audited), and later items no longer change it', async () => {
    published.push(await write(officer, head, 'story', 'Gương điển hình: tổ công tác xuất sắc'));
    const view = await expectStatus(officer.get(`${unitUrl(r, r.ids.lhp)}/assessment`), 200);
    expect(row(view, 'I.3').automaticCount.count).toBe(3);
    expect(row(view, 'I.3').selfScore).toBe(6);
    const { 'I.3': _counted, ...rest } = { 'I.1': { score: 18 }, 'I.2': { passed: true }, 'I.3': {}, 'II.1': { actual: 120 }, 'II.2': { score: 25 } };
    await fillSelf(r, r.acc.lhp.officer, r.ids.lhp, rest);
    await expectStatus((await uploader(t, r.acc.lhp.officer))(`${unitUrl(r, r.ids.lhp)}/evidence/${r.c('I.1')}`, PDF, 'bao-cao.pdf'), 201);
    const submitted = await expectStatus(head.post(`${unitUrl(r, r.ids.lhp)}/submit`), 200);
    expect(submitted.status).toBe('submitted');
    const [stored] = await t.ds.query(`SELECT id, count, score::float8 AS score, note FROM score_entries WHERE round_id = $1 AND unit_id = $2 AND criterion_id = $3 AND source = 'self'`, [r.round.id, r.ids.lhp, r.c('I.3')]);
    expect(stored).toMatchObject({ count: 3, score: 6, note: 'Hai bài đã đăng trên trang tin của khối' });
    expect((await auditOf(t.ds, 'score_entry', stored.id)).map((a) => a.after.count)).toEqual([2, 2, 3]);
    await write(officer, head, 'news', 'Tin đăng sau khi nộp');
    const after = await expectStatus(officer.get(`${unitUrl(r, r.ids.lhp)}/assessment`), 200);
    expect(row(after, 'I.3').selfScore).toBe(6);
    expect(row(after, 'I.3').self.count).toBe(3);
    // The evidence listed is what was counted: the items published by the submission.
    expect(row(after, 'I.3').automaticCount).toMatchObject({ count: 3 });
    expect(row(after, 'I.3').automaticCount.items.map((i: any) => i.title)).not.toContain('Tin đăng sau khi nộp');
  });
});
