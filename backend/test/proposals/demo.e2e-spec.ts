import { createTestApp, TestApp } from '../app';
import { expectStatus } from '../factories';
import { seedAwardsDemo } from '../../src/database/demo/awards';
import { seedProposalsDemo } from '../../src/database/demo/proposals';
import { appraisalDueDate, OFFICIAL_CALENDAR } from '../../src/modules/proposals/rules';
import { approveMinutes, docxText, download, flat, K4 } from './helpers';
import { paperFor } from '../ballots/helpers';

type Seed = (em: any) => Promise<unknown>;

/** The ballots demo seed when that module has one (found at run time: it may not be written yet). */
function ballotsDemoSeed(): Seed | null {
  try {
    const path = '../../src/database/demo/ballots';
    const mod = require(path);
    // Only a self-sufficient seed (the EntityManager alone) can be called from here.
    const fn = Object.values(mod).find((v) => typeof v === 'function' && /^seed/i.test((v as Seed).name) && (v as Seed).length <= 1);
    return (fn as Seed) ?? null;
  } catch {
    return null;
  }
}

/** Without the ballots demo: the 2024 year-end conference of KTĐ4 through the API (all present, both ballots, signed records, approved minutes). */
async function yearEnd2024(t: TestApp) {
  const leader = await t.as(K4.leader2024);
  const leaderHead = await t.as(K4.leaderHead2024);
  const [{ id: yearId }] = await t.ds.query(`SELECT y.id FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE b.code = 'KTĐ4' AND y.year = 2024`);
  const members: { unit_id: string; short: string }[] = await t.ds.query(
    `SELECT m.unit_id, u.short_name AS short FROM block_year_members m JOIN units u ON u.id = m.unit_id WHERE m.block_year_id = $1`, [yearId]);
  const conf = await expectStatus(leader.post('/api/conferences', {
    blockYearId: yearId, kind: 'year_end', title: 'Hội nghị tổng kết công tác thi đua, khen thưởng năm 2024', startsAt: new Date(Date.now() - 3600_000).toISOString(),
    place: 'Hội trường Đảng ủy Khối các cơ quan Thành phố', chairName: 'Trịnh Văn Khải', secretaryName: 'Phạm Quang Huy', agenda: [{ title: 'Bình xét, suy tôn' }],
  }), 201);
  await expectStatus(leader.post(`/api/conferences/${conf.id}/open`), 201);
  for (const m of members) await expectStatus(leader.post(`/api/conferences/${conf.id}/attendance/${m.unit_id}/check-in`, { presence: 'present', delegateName: `Đại biểu ${m.short}` }), 201);
  const heads: string[] = (await t.ds.query(`SELECT a.email FROM accounts a JOIN block_year_members m ON m.unit_id = a.unit_id WHERE m.block_year_id = $1 AND a.role = 'unit_head'`, [yearId])).map((r: any) => r.email);
  for (const code of ['city_flag', 'city_merit']) {
    const b = await expectStatus(leader.post('/api/ballots', { conferenceId: conf.id, awardCode: code }), 201);
    const approvals = b.candidates.slice(0, b.quota).map((c: any) => c.unitId);
    for (const email of heads) await expectStatus((await t.as(email)).post(`/api/ballots/${b.id}/votes`, { paper: paperFor(b, approvals) }), 201);
    await expectStatus(leader.post(`/api/ballots/${b.id}/close`), 200);
    await expectStatus(leader.post(`/api/ballots/${b.id}/tally-record/sign`, { chairName: 'Nguyễn Văn Kiểm', memberNames: ['Lê Thị Phiếu'] }), 200);
  }
  await expectStatus(leader.post(`/api/conferences/${conf.id}/close`, {}), 201);
  await approveMinutes(leader, leaderHead, conf.id);
}

describe('demo: Khối thi đua số 4, the 2024 dossier through the board decision', () => {
  let t: TestApp;
  let proposalId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const [done] = await t.ds.query(`SELECT p.id FROM proposals p JOIN block_years y ON y.id = p.block_year_id JOIN blocks b ON b.id = y.block_id WHERE b.code = 'KTĐ4' AND y.year = 2024`);
    if (done) {
      proposalId = done.id;
      return;
    }
    // The demo loader does not call the seeds yet: seed here, in its order (awards → ballots → proposals).
    const [catalogue] = await t.ds.query('SELECT 1 FROM award_history LIMIT 1');
    if (!catalogue) await t.ds.transaction((em) => seedAwardsDemo(em));
    const [ballot] = await t.ds.query(`SELECT 1 FROM ballots b JOIN block_years y ON y.id = b.block_year_id JOIN blocks k ON k.id = y.block_id WHERE k.code = 'KTĐ4' AND y.year = 2024 LIMIT 1`);
    if (!ballot) {
      const seed = ballotsDemoSeed();
      if (seed) await t.ds.transaction((em) => seed(em));
      else await yearEnd2024(t);
    }
    proposalId = (await t.ds.transaction((em) => seedProposalsDemo(em))).proposalId;
  }, 180_000);
  afterAll(() => t.close());

  it('is decided, after one return with a reason and a resubmission, with its whole history', async () => {
    const board = await t.as(K4.board);
    const p = await expectStatus(board.get(`/api/proposals/${proposalId}`), 200);
    expect(p).toMatchObject({ blockCode: 'KTĐ4', year: 2024, status: 'decided', submissions: 2, complete: true, letter: { number: '05/TTr-KTĐ4', date: '2024-12-30' } });
    expect(p.history.map((h: any) => h.kind)).toEqual([
      'created', 'submitted', 'appraisal_started', 'returned', 'submitted', 'appraisal_started', 'approved', ...p.history.slice(7, -1).map(() => 'decision'), 'decided',
    ]);
    expect(p.history.filter((h: any) => h.kind === 'decision').length).toBeGreaterThanOrEqual(1);
    expect(p.history[1]).toMatchObject({ at: '2024-12-30T01:30:00.000Z', dueDate: appraisalDueDate('2024-12-30', 25, OFFICIAL_CALENDAR), actorName: expect.any(String) });
    expect(p.history[3].reason).toContain('chưa có xác nhận của cơ quan chủ quản');
    expect(p.history[4]).toMatchObject({ dueDate: appraisalDueDate('2025-01-14', 25, OFFICIAL_CALENDAR), detail: { submission: 2 } });
    expect(p.letter.paragraphs.at(-1)).toContain('biên bản kiểm phiếu');
    // Every nominee has its report; the returned one was replaced and kept.
    for (const n of p.nominees) expect(n.report).toMatchObject({ mimeType: 'application/pdf', supersededAt: null });
    expect(p.reports.filter((r: any) => r.supersededAt).length).toBe(1);
    const flag = p.decisions.find((d: any) => d.code === 'city_flag');
    expect(flag).toMatchObject({ outcome: 'awarded', decisionNumber: '512/QĐ-UBND', decisionDate: '2025-03-20', revoked: false });
    expect(p.decisions.every((d: any) => d.outcome === 'awarded')).toBe(true);
    // The leading unit holds the city flag in its award history, from this dossier.
    const [h] = await t.ds.query(`SELECT h.source, h.proposal_id, u.short_name FROM award_history h JOIN units u ON u.id = h.unit_id WHERE h.id = $1`, [flag.awardHistoryId]);
    expect(h).toEqual({ source: 'decision', proposal_id: proposalId, short_name: 'ĐUK các cơ quan TP' });
    const history = await expectStatus((await t.as(K4.leader2024)).get(`/api/units/${flag.unitId}/awards`), 200);
    expect(history.find((r: any) => r.year === 2024 && r.code === 'city_flag')).toMatchObject({ decisionNumber: '512/QĐ-UBND', decisionDate: '2025-03-20', proposalId });
  });

  it('shows in the board inbox of 2024 and counts in the city-wide quota', async () => {
    const board = await t.as(K4.board);
    const inbox = await expectStatus(board.get('/api/proposals?year=2024'), 200);
    expect(inbox.find((x: any) => x.id === proposalId)).toMatchObject({ status: 'decided', blockName: 'Khối thi đua số 4', workingDaysLeft: null });
    const quota = await expectStatus(board.get('/api/proposals/quota-use?year=2024'), 200);
    expect(quota.usage.find((u: any) => u.code === 'city_flag').decided).toBeGreaterThanOrEqual(1);
  });

  it('renders its documents', async () => {
    const lhp = await t.as('canbo.lhp@thidua.vn');
    const letter = flat(await docxText((await download(lhp, `/api/proposals/${proposalId}/documents/letter?format=docx`)).body));
    expect(letter).toContain('Số: 05/TTr-KTĐ4');
    expect(letter).toContain('Hà Nội, ngày 30 tháng 12 năm 2024');
    expect(letter).toContain('Đảng ủy Khối các cơ quan Thành phố Hà Nội');
    const list = flat(await docxText((await download(lhp, `/api/proposals/${proposalId}/documents/decision-list?format=docx&decisionNumber=${encodeURIComponent('512/QĐ-UBND')}`)).body));
    expect(list).toContain('(Kèm theo Quyết định số 512/QĐ-UBND ngày 20/03/2025 của Chủ tịch Ủy ban nhân dân Thành phố Hà Nội)');
    expect(list).toContain('KT. CHỦ TỊCH');
  }, 60_000);

  it('seeding again changes nothing', async () => {
    const n = async () => (await t.ds.query('SELECT (SELECT count(*) FROM proposals)::int AS p, (SELECT count(*) FROM award_history)::int AS h'))[0];
    const before = await n();
    const again = await t.ds.transaction((em) => seedProposalsDemo(em));
    expect(again.proposalId).toBe(proposalId);
    expect(await n()).toEqual(before);
  });
});
