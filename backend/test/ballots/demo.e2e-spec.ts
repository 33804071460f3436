/**
 * The ballots demo as the demo loader will call it (after the awards demo, in one transaction): the 2024
 * year-end conference of Khối thi đua số 4 with its closed secret ballots, signed tally records and the
 * election of the 2025 seats.
 */
import { createTestApp, type TestApp } from '../app';
import { expectStatus } from '../factories';
import { download } from '../rounds/helpers';
import { K4, k4Ids } from '../scoring/helpers';
import { seedAwardsDemo } from '../../src/database/demo/awards';
import { AwardsService } from '../../src/modules/awards/awards.service';
import { BallotReadService } from '../../src/modules/ballots/ballot-read.service';
import { seedBallotsDemo, YEAR_END_2024 } from '../../src/database/demo/ballots';
import { countedTally } from '../../src/domain/year-end';
import { sumPapers, verifyDecryption } from '../../src/modules/ballots/crypto/paper-crypto';
import { docxText, pdfText } from './helpers';

let t: TestApp;
let k: Awaited<ReturnType<typeof k4Ids>>;
let conferenceId: string;
let ballots: any[];

beforeAll(async () => {
  t = await createTestApp();
  // The demo loader may already call the seeds; otherwise seed here, in its order.
  const [awards] = await t.ds.query(`SELECT 1 FROM award_history WHERE decision_number = '1234/QĐ-UBND' LIMIT 1`);
  if (!awards) await t.ds.transaction((em) => seedAwardsDemo(em));
  const [seeded] = await t.ds.query(`SELECT id FROM conferences WHERE title = $1`, [YEAR_END_2024.title]);
  conferenceId = seeded?.id ?? (await t.ds.transaction((em) => seedBallotsDemo(em))).conferenceId;
  k = await k4Ids(t);
  ballots = await expectStatus((await t.as(K4.lhpOfficer)).get(`/api/ballots?conferenceId=${conferenceId}`), 200);
});
afterAll(async () => { await t.close(); });

describe('demo: the 2024 year-end conference of Khối thi đua số 4', () => {
  it('was held on 27/12/2024 with all five units present; its minutes are approved as 02/BB-KTĐ4', async () => {
    const member = await t.as(K4.lhpOfficer);
    const c = await expectStatus(member.get(`/api/conferences/${conferenceId}`), 200);
    expect(c).toMatchObject({ kind: 'year_end', status: 'concluded', blockYearId: k.year2024, startsAt: '2024-12-27T01:00:00.000Z', quorum: { present: 5, members: 5, met: true } });
    expect(c.attendance.every((a: any) => a.presence === 'present' && a.delegateName)).toBe(true);
    expect(c.decisions.map((d: any) => d.text).join(' ')).toContain('Kết quả bỏ phiếu kín');
    const m = await expectStatus(member.get(`/api/conferences/${conferenceId}/minutes`), 200);
    expect(m).toMatchObject({ number: '02/BB-KTĐ4', status: 'approved' });
  });

  it('held closed electronic ballots whose candidates are the eligible units and whose result recounts from the box', async () => {
    const leader = await t.as(K4.leader2024);
    expect(ballots.map((b) => [b.awardCode, b.mode, b.status, b.ballotsCast, b.present])).toEqual([
      ['city_flag', 'electronic', 'closed', 5, 5], ['city_merit', 'electronic', 'closed', 5, 5],
    ]);
    for (const s of ballots) {
      const b = await expectStatus(leader.get(`/api/ballots/${s.id}`), 200);
      const eligibility = await t.app.get(AwardsService).eligibility(t.ds.manager, k.year2024, b.awardCode);
      expect(b.candidates.map((c: any) => c.unitId)).toEqual(eligibility.units.filter((u: any) => u.eligible).map((u: any) => u.unitId));
      expect(b.voters).toHaveLength(5);
      // Anyone can recount: the stored papers add up to the published sums, whose decryption is proved.
      const papers = (await t.ds.query('SELECT paper, receipt FROM ballot_papers WHERE ballot_id = $1 ORDER BY receipt', [b.id]));
      expect(papers.map((p: any) => p.receipt)).toEqual(b.result.receipts);
      const sums = sumPapers(papers.map((p: any) => p.paper), b.candidates.length);
      expect(b.result.decryption.sums.map((x: any) => ({ a: x.a, b: x.b }))).toEqual(sums);
      for (const x of b.result.decryption.sums) expect(verifyDecryption({ ballotId: b.id, publicKey: b.result.decryption.publicKey }, x)).toBe(true);
      const recount = countedTally({
        members: 5, present: 5, candidates: b.candidates.map((c: any) => c.unitId), quota: b.quota, thresholdPercent: b.thresholdPercent,
        thresholdBase: b.thresholdBase, ballotsCast: papers.length, approvals: b.result.decryption.sums.map((x: any) => x.count),
      });
      expect(recount.elected).toEqual(b.result.elected.map((e: any) => e.unitId));
      expect(recount.candidates.map((c) => c.approvals)).toEqual(b.result.candidates.map((c: any) => c.approvals));
    }
    const flag = await expectStatus(leader.get(`/api/ballots/${ballots[0].id}/result`), 200);
    // The leading unit of the finalised 2024 round: 4 of 5.
    expect(flag).toMatchObject({ quota: 1, valid: 5, elected: [{ unitId: k.dukcq }] });
    expect(flag.candidates[0]).toMatchObject({ unitId: k.dukcq, approvals: 4, percent: 80 });
    const merit = await expectStatus(leader.get(`/api/ballots/${ballots[1].id}/result`), 200);
    expect(merit.elected.map((e: any) => e.unitId)).toEqual([k.hiza]);
  });

  it('has signed tally records 03 and 04/BB-KTĐ4 that read back', async () => {
    const outcomes = await t.app.get(BallotReadService).outcomes(t.ds.manager, k.year2024);
    expect(outcomes.map((o) => [o.code, o.status, o.elected.map((e) => e.unitId), o.tallyRecord])).toEqual([
      ['city_flag', 'closed', [k.dukcq], { signed: true, documentNumber: '03/BB-KTĐ4' }],
      ['city_merit', 'closed', [k.hiza], { signed: true, documentNumber: '04/BB-KTĐ4' }],
    ]);
    const board = await t.as(K4.board);
    const rec = await expectStatus(board.get(`/api/ballots/${ballots[0].id}/tally-record`), 200);
    expect(rec).toMatchObject({ signed: true, number: '03/BB-KTĐ4', chairName: expect.any(String), memberNames: expect.arrayContaining([expect.any(String)]) });
    const pdf = await download(board, `/api/ballots/${ballots[0].id}/tally-record/export?format=pdf`);
    const text = (await pdfText(pdf.body)).replace(/\s+/g, ' ');
    expect(text).toContain('Số: 03/BB-KTĐ4');
    expect(text).toContain('Kiểm phiếu bầu chọn đề nghị tặng Cờ thi đua của UBND Thành phố năm 2024');
    expect(text).toContain('Đảng ủy Khối các cơ quan Thành phố Hà Nội');
    const docx = await download(board, `/api/ballots/${ballots[1].id}/tally-record/export?format=docx`);
    expect(await docxText(docx.body)).toContain('Bằng khen của Chủ tịch UBND Thành phố');
  });

  it('elected the 2025 seats the 2025 block year holds, which the rotation also suggests', async () => {
    const s = await expectStatus((await t.as(K4.lhpOfficer)).get(`/api/block-years/${k.year2024}/seat-suggestion`), 200);
    expect(s).toMatchObject({
      nextYearId: k.year2025, canElect: false,
      election: { conferenceId, leaderUnitId: k.dukdn, deputyUnitId: k.dukdh, presentCount: 5, memberCount: 5 },
      suggestion: { leaderUnitId: k.dukdn, deputyUnitId: k.dukdh },
    });
    const [y2025] = await t.ds.query('SELECT leader_unit_id, deputy_unit_id FROM block_years WHERE id = $1', [k.year2025]);
    expect(y2025).toEqual({ leader_unit_id: k.dukdn, deputy_unit_id: k.dukdh });
  });

  it('was run through the use cases by the people of the story, its notices dated in 2024 and never mailed', async () => {
    const actions = async (entityId: string) => (await t.ds.query(
      `SELECT e.action, a.email FROM audit_entries e LEFT JOIN accounts a ON a.id = e.actor_id WHERE e.entity_id = $1 ORDER BY e.id`, [entityId]))
      .map((r: any) => `${r.action} ${r.email}`);
    const conference = await actions(conferenceId);
    const count = (action: string) => conference.filter((a: string) => a.startsWith(`${action} `)).length;
    expect([count('conference.create'), count('conference.reply'), count('conference.check_in'), count('conference.open'), count('conference.decide'), count('conference.close')])
      .toEqual([1, 5, 5, 1, 3, 1]);
    expect(conference.filter((a: string) => a.startsWith('minutes.'))).toEqual([
      'minutes.draft canbo.dukcq@thidua.vn', 'minutes.approve canbo.dukcq@thidua.vn', 'minutes.approve thutruong.dukcq@thidua.vn',
    ]);
    for (const b of ballots) {
      const steps = await actions(b.id);
      expect(steps.filter((a: string) => !a.startsWith('ballot.vote '))).toEqual([
        'ballot.open canbo.dukcq@thidua.vn', 'ballot.close canbo.dukcq@thidua.vn', 'ballot.tally_record_sign canbo.dukcq@thidua.vn',
      ]);
      // Each paper cast by a unit head.
      expect(steps.filter((a: string) => a.startsWith('ballot.vote ')).every((a: string) => / thutruong\./.test(a))).toBe(true);
    }
    // The conference's record states each ballot's result, as closing a ballot writes it; the minutes drafted at the close state them.
    const c = await expectStatus((await t.as(K4.lhpOfficer)).get(`/api/conferences/${conferenceId}`), 200);
    expect(c.decisions.filter((d: any) => d.kind === 'ballot_result').map((d: any) => d.refId).sort()).toEqual(ballots.map((b) => b.id).sort());
    const notices = await t.ds.query(
      `SELECT n.kind, n.created_at, (SELECT count(*)::int FROM mail_outbox m WHERE m.idempotency_key = 'notification:' || n.id) AS mails FROM notifications n
        WHERE n.link = ANY($1::text[])`, [[`/conferences/${conferenceId}`, ...ballots.map((b) => `/ballots/${b.id}`)]]);
    expect([...new Set(notices.map((n: any) => n.kind))].sort()).toEqual(['ballot_opened', 'conference_invitation', 'minutes_to_approve']);
    expect(notices.every((n: any) => new Date(n.created_at).getUTCFullYear() === 2024 && n.mails === 0)).toBe(true);
  });

  it('keeps the secrecy of the real ballots: voters apart from the box, votes audited without content', async () => {
    for (const b of ballots) {
      const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM ballot_voters WHERE ballot_id = $1', [b.id]);
      const [papers] = await t.ds.query('SELECT count(*)::int AS n FROM ballot_papers WHERE ballot_id = $1', [b.id]);
      expect([n, papers.n]).toEqual([5, 5]);
      // Counted: no key left to open a paper.
      expect(await t.ds.query('SELECT 1 FROM ballot_keys WHERE ballot_id = $1', [b.id])).toEqual([]);
      const votes = await t.ds.query(`SELECT after FROM audit_entries WHERE entity_id = $1 AND action = 'ballot.vote'`, [b.id]);
      expect(votes.map((v: any) => Object.keys(v.after))).toEqual([['unitId'], ['unitId'], ['unitId'], ['unitId'], ['unitId']]);
    }
  });
});
