/**
 * Khối thi đua số 1 holds its planned 2025 year-end conference (demo) today, not on the planned 26/12/2025:
 * the minutes and the Tờ trình state what happened (the day it was held, who came), and only the people
 * the minutes name as chair and secretary approve them, each in that role.
 */
import { createTestApp, type TestApp } from '../app';
import { expectStatus } from '../factories';
import { docxText, flat, pdfText } from '../drafts/doc-text';
import { download } from './helpers';

const LEADER = 'canbo.stc@thidua.vn'; // the leader unit's officer: the minutes' secretary
const LEADER_HEAD = 'thutruong.stc@thidua.vn'; // the leader unit's head: the minutes' chair

let t: TestApp;
let yearId: string;
let confId: string;
const unit: Record<string, string> = {};
/** dd/mm/yyyy of today in Hà Nội: the day the conference is held. */
const today = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());

beforeAll(async () => {
  t = await createTestApp();
  const [y] = await t.ds.query(`SELECT y.id FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE b.code = 'KTĐ1' AND y.year = 2025`);
  yearId = y.id;
  for (const r of await t.ds.query(`SELECT short_name, id FROM units`)) unit[r.short_name] = r.id;
  const leader = await t.as(LEADER);
  const [conf] = await expectStatus(leader.get(`/api/conferences?blockYearId=${yearId}`), 200);
  confId = conf.id;
  await expectStatus(leader.post(`/api/conferences/${confId}/open`), 201);
  for (const name of ['Sở Tài chính', 'Sở Nội vụ', 'Sở Tư pháp', 'Thanh tra TP', 'VP UBND TP']) {
    await expectStatus(leader.post(`/api/conferences/${confId}/attendance/${unit[name]}/check-in`, { presence: 'present', delegateName: `Đại biểu ${name}` }), 201);
  }
  // Sở QH-KT registered its director but did not come; a name typed with the absence is not a delegate.
  await expectStatus(leader.post(`/api/conferences/${confId}/attendance/${unit['Sở QH-KT']}/check-in`, { presence: 'absent', delegateName: 'Giám đốc Sở QH-KT' }), 201);
  await expectStatus(leader.post(`/api/conferences/${confId}/close`, { conclusion: 'Hội nghị thành công tốt đẹp.' }), 201);
});
afterAll(() => t.close());

describe('minutes of a conference held on another day than planned', () => {
  it('record the day it was held and list no delegate for the absent unit', async () => {
    const leader = await t.as(LEADER);
    const m = await expectStatus(leader.get(`/api/conferences/${confId}/minutes`), 200);
    const absent = m.content.attendees.find((a: any) => a.presence === 'absent');
    expect(absent).toMatchObject({ delegate: '' });
    const registered = (await expectStatus(leader.get(`/api/conferences/${confId}`), 200)).attendance.find((a: any) => a.unitId === unit['Sở QH-KT']);
    expect(registered).toMatchObject({ presence: 'absent', delegateName: '' });

    const text = flat(await docxText((await download(leader, `/api/conferences/${confId}/minutes/export?format=docx`)).body));
    const [d, mo, y] = today.split('/');
    expect(text).toContain(`ngày ${d} tháng ${Number(mo) <= 2 ? mo : Number(mo)} năm ${y}`);
    expect(text).not.toContain('ngày 26 tháng 12 năm 2025');
    expect(text).not.toContain('Giám đốc Sở QH-KT');
    expect(text).toMatch(/Vắng/);
  });

  it('sent back as read (with their read-only quorum) are accepted unchanged', async () => {
    const leader = await t.as(LEADER);
    const m = await expectStatus(leader.get(`/api/conferences/${confId}/minutes`), 200);
    const same = await expectStatus(leader.patch(`/api/conferences/${confId}/minutes`, { version: m.version, content: m.content }), 200);
    expect(same.version).toBe(m.version);
    // A quorum sent back different is ignored: it follows the attendees.
    const edited = await expectStatus(leader.patch(`/api/conferences/${confId}/minutes`, {
      version: m.version, content: { ...m.content, quorum: { ...m.content.quorum, present: 6 }, conclusion: 'Hội nghị thành công tốt đẹp!' },
    }), 200);
    expect(edited.content.quorum.present).toBe(5);
    expect(edited.content.conclusion).toBe('Hội nghị thành công tốt đẹp!');
  });

  it('are approved only by the person they name in each role: anyone else gets a 403 naming the role', async () => {
    const leader = await t.as(LEADER);
    const head = await t.as(LEADER_HEAD);
    let m = await expectStatus(leader.get(`/api/conferences/${confId}/minutes`), 200);
    expect(m.canApproveAs).toEqual(['secretary']);
    expect((await expectStatus(head.get(`/api/conferences/${confId}/minutes`), 200)).canApproveAs).toEqual(['chair']);
    expect((await expectStatus((await t.as('thutruong.snv@thidua.vn')).get(`/api/conferences/${confId}/minutes`), 200)).canApproveAs).toEqual([]);

    const wrongChair = await leader.post(`/api/conferences/${confId}/minutes/approve`, { as: 'chair', version: m.version });
    expect(wrongChair.status).toBe(403);
    expect(wrongChair.body).toMatchObject({ code: 'not_named_approver' });
    expect(wrongChair.body.message).toContain('chủ trì');
    expect(wrongChair.body.message).toContain(m.content.chair.person.split(' – ')[0]);
    const wrongSecretary = await head.post(`/api/conferences/${confId}/minutes/approve`, { as: 'secretary', version: m.version });
    expect(wrongSecretary.status).toBe(403);
    expect(wrongSecretary.body.message).toContain('thư ký');
    // Another unit's head, even one of the block, may not approve as chair.
    expect((await (await t.as('thutruong.snv@thidua.vn')).post(`/api/conferences/${confId}/minutes/approve`, { as: 'chair', version: m.version })).status).toBe(403);

    m = await expectStatus(head.post(`/api/conferences/${confId}/minutes/approve`, { as: 'chair', version: m.version }), 201);
    m = await expectStatus(leader.post(`/api/conferences/${confId}/minutes/approve`, { as: 'secretary', version: m.version }), 201);
    expect(m.status).toBe('approved');
    const [chair, secretary] = await t.ds.query(`SELECT full_name FROM accounts WHERE email = ANY($1) ORDER BY role DESC`, [[LEADER_HEAD, LEADER]]);
    expect(m.chairApproval.name).toBe(chair.full_name);
    expect(m.secretaryApproval.name).toBe(secretary.full_name);
    // The PDF's signature block names the same two people.
    const pdf = flat(await pdfText((await download(leader, `/api/conferences/${confId}/minutes/export?format=pdf`)).body));
    expect(pdf).toContain(chair.full_name);
    expect(pdf).toContain(secretary.full_name);
    expect(m.content.chair.person.startsWith(chair.full_name)).toBe(true);
    expect(m.content.secretary.startsWith(secretary.full_name)).toBe(true);
  });

  it('the Tờ trình cites the day the conference was held', async () => {
    const leader = await t.as(LEADER);
    const p = await expectStatus(leader.post('/api/proposals', { blockYearId: yearId }), 201);
    const text = flat(await docxText((await download(leader, `/api/proposals/${p.id}/documents/letter?format=docx`)).body));
    expect(text).toContain(`Hội nghị tổng kết công tác thi đua, khen thưởng năm 2025 của Khối thi đua số 1 ngày ${today}`);
    expect(text).not.toContain('26/12/2025');
  });
});
