/**
 * Paper ballots (totals entered and checked), the re-vote round after a tie at the quota line, and the
 * tally record: signed by the committee, numbered among the year's BB documents, read back as .docx/.pdf.
 */
import { createTestApp, type TestApp } from '../app';
import { auditOf, expectStatus } from '../factories';
import { download } from '../rounds/helpers';
import { K4 } from '../scoring/helpers';
import { BallotReadService } from '../../src/modules/ballots/ballot-read.service';
import { TallyRecordService } from '../../src/modules/ballots/tally-record.service';
import { encryptPaper } from '../../src/modules/ballots/crypto/paper-crypto';
import { ballotYear, BallotYear, docxText, grantTitles, openBallot, pdfText, setRules, strayPaper, vote, yearEndConference } from './helpers';

let t: TestApp;
let y: BallotYear;
let conf: string;
let blockCode: string;
beforeAll(async () => {
  t = await createTestApp();
  y = await ballotYear(t);
  await grantTitles(t, y, ['lhp', 'hiza', 'dukdh']);
  conf = (await yearEndConference(y)).id;
  [{ code: blockCode }] = await t.ds.query('SELECT code FROM blocks WHERE id = $1', [y.blockId]);
});
afterAll(async () => { await t.close(); });

const row = async (id: string) => (await t.ds.query('SELECT status, paper_counts, result, version FROM ballots WHERE id = $1', [id]))[0];

describe('paper ballots', () => {
  let b: any;
  beforeAll(async () => { b = await openBallot(y, conf, 'city_merit', 'paper'); });

  it('take no electronic votes and are not closed without the counted totals', async () => {
    expect(b).toMatchObject({ mode: 'paper', present: 5, quota: 2, permissions: { canClose: false, canEnterPaperTally: true } });
    expect(await expectStatus((await y.head('lhp')).post(`/api/ballots/${b.id}/votes`, { paper: strayPaper() }), 409)).toMatchObject({ code: 'paper_ballot' });
    expect(await expectStatus(y.leader.post(`/api/ballots/${b.id}/close`), 409)).toMatchObject({ code: 'paper_ballot' });
    expect(b.publicKey).toBeNull();
    expect(await t.ds.query('SELECT 1 FROM ballot_keys WHERE ballot_id = $1', [b.id])).toEqual([]);
  });

  it('refuse totals that do not add up, naming the field, and change nothing', async () => {
    const before = await row(b.id);
    const { lhp, hiza, dukdh } = y.ids;
    const cases: [object, string, string][] = [
      [{ issued: 5, valid: 4, invalid: 0, approvals: { [lhp]: 3, [hiza]: 2 } }, 'valid', 'phải bằng số phiếu phát ra'],
      [{ issued: 6, valid: 6, invalid: 0, approvals: { [lhp]: 3, [hiza]: 2 } }, 'issued', 'không được lớn hơn số đơn vị có mặt'],
      [{ issued: 5, valid: 3, invalid: 2, approvals: { [lhp]: 4, [hiza]: 1 } }, `approvals.${lhp}`, 'không được lớn hơn số phiếu hợp lệ'],
      [{ issued: 5, valid: 5, invalid: 0, approvals: { [lhp]: 6 } }, `approvals.${lhp}`, 'không được lớn hơn số phiếu hợp lệ'],
      [{ issued: 5, valid: 5, invalid: 0, approvals: { [lhp]: 3, [hiza]: 2, [dukdh]: 1 } }, `approvals.${dukdh}`, 'không có trong danh sách ứng viên'],
      [{ issued: 5, valid: 5, invalid: 0, approvals: { [lhp]: 2.5, [hiza]: 2 } }, `approvals.${lhp}`, 'phải là số nguyên không âm'],
    ];
    for (const [body, field, text] of cases) {
      const res = await expectStatus(y.leader.post(`/api/ballots/${b.id}/paper-tally`, body), 400);
      expect(res).toMatchObject({ code: 'paper_tally_mismatch', message: expect.stringContaining(text) });
      expect(Object.keys(res.fields)).toContain(field);
    }
    const negative = await expectStatus(y.leader.post(`/api/ballots/${b.id}/paper-tally`, { issued: -1, valid: 0, invalid: 0, approvals: {} }), 400);
    expect(negative.fields).toHaveProperty('issued');
    // Members, the deputy and the board do not enter totals.
    for (const email of [y.acc.lhp.head, y.acc.dukdn.officer, K4.board]) {
      await expectStatus((await y.as(email)).post(`/api/ballots/${b.id}/paper-tally`, { issued: 5, valid: 5, invalid: 0, approvals: { [lhp]: 3, [hiza]: 2 } }), 403);
    }
    expect(await row(b.id)).toEqual(before);
  });

  it('closes with totals that add up (a candidate left out counted 0), elected exactly as an electronic tally would', async () => {
    const { lhp, hiza } = y.ids;
    // The tally sheet lists only the candidates who received approvals: hiza, left out, received none.
    const closed = await expectStatus(y.leader.post(`/api/ballots/${b.id}/paper-tally`, { issued: 5, valid: 4, invalid: 1, approvals: { [lhp]: 4 } }), 200);
    expect(closed).toMatchObject({ status: 'closed', ballotsCast: 5 });
    expect(closed.result).toMatchObject({
      ballotsCast: 5, valid: 4, invalid: 1, approvalsNeeded: 3, elected: [{ unitId: lhp }], receipts: null, decryption: null, invalidByProblem: null,
      paperCounts: { issued: 5, valid: 4, invalid: 1, approvals: { [lhp]: 4, [hiza]: 0 } },
      candidates: [{ unitId: lhp, approvals: 4, percent: 80, elected: true }, { unitId: hiza, approvals: 0, percent: 0, elected: false }],
    });
    const [entry] = (await auditOf(t.ds, 'ballot', b.id)).filter((a) => a.action === 'ballot.paper_tally');
    expect(entry.after).toMatchObject({ counts: { issued: 5, valid: 4, invalid: 1 }, elected: [lhp] });
    expect(await expectStatus(y.leader.post(`/api/ballots/${b.id}/paper-tally`, { issued: 5, valid: 5, invalid: 0, approvals: { [lhp]: 5, [hiza]: 0 } }), 409))
      .toMatchObject({ code: 'ballot_closed' });
  });
});

describe('a tie at the quota line: the re-vote round', () => {
  let round1: any;
  let round2: any;

  it('closing with candidates tied across the quota line elects nobody yet and asks for a re-vote', async () => {
    // 20% of 5 members → at least 2 approvals.
    await setRules(t, y, { voteThresholdPercent: 20 });
    round1 = await openBallot(y, conf, 'city_flag');
    expect(round1).toMatchObject({ quota: 1, thresholdPercent: 20 });
    expect(await expectStatus(y.leader.post(`/api/ballots/${round1.id}/revote`, {}), 409)).toMatchObject({ code: 'ballot_open' });
    await vote(y, round1.id, { lhp: ['hiza'], hiza: ['lhp'], dukdh: ['lhp'], dukcq: ['hiza'], dukdn: ['dukdh'] });
    const closed = await expectStatus(y.leader.post(`/api/ballots/${round1.id}/close`), 200);
    expect(closed.result).toMatchObject({
      approvalsNeeded: 2, elected: [], revote: { candidates: [{ unitId: y.ids.lhp }, { unitId: y.ids.hiza }], seats: 1 },
    });
    expect(closed.series).toMatchObject({ complete: false, revotePending: true, elected: [] });
    expect(closed.permissions.canOpenRevote).toBe(true);
    const [outcome] = await t.app.get(BallotReadService).outcomes(t.ds.manager, y.yearId).then((o) => o.filter((x) => x.code === 'city_flag'));
    expect(outcome).toMatchObject({ status: 'open', revotePending: true, round: 1, elected: [] });
  });

  it('refuses a new ballot for the award and a tally record while the re-vote is pending', async () => {
    expect(await expectStatus(y.leader.post('/api/ballots', { conferenceId: conf, awardCode: 'city_flag' }), 409)).toMatchObject({ code: 'revote_pending' });
    expect(await expectStatus(y.leader.post(`/api/ballots/${round1.id}/tally-record/sign`, { chairName: 'A', memberNames: ['B'] }), 409))
      .toMatchObject({ code: 'tally_incomplete', message: expect.stringContaining('bầu lại') });
    await expectStatus((await y.head('lhp')).post(`/api/ballots/${round1.id}/revote`, {}), 403);
  });

  it('the leader opens round 2 among the tied for the seat left; the same series', async () => {
    round2 = await expectStatus(y.leader.post(`/api/ballots/${round1.id}/revote`, {}), 201);
    expect(round2).toMatchObject({ round: 2, seriesId: round1.id, quota: 1, mode: 'electronic', status: 'open', present: 5 });
    expect(round2.candidates.map((c: any) => c.unitId)).toEqual([y.ids.lhp, y.ids.hiza]);
    expect(await expectStatus(y.leader.post(`/api/ballots/${round1.id}/revote`, {}), 409)).toMatchObject({ code: 'revote_exists' });
    expect(round2.publicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(round2.publicKey).not.toBe(round1.publicKey);
    // dukdh is no longer a candidate: a paper of round 1's shape (three choices) is refused, and so is a
    // round-2-shaped paper proved under round 1's key.
    const threeChoices = encryptPaper({ ballotId: round2.id, publicKey: round2.publicKey, candidates: 3, quota: 1 }, [false, false, true]);
    expect(await expectStatus((await y.head('dukdn')).post(`/api/ballots/${round2.id}/votes`, { paper: threeChoices }), 400)).toMatchObject({ code: 'paper_shape' });
    const oldKey = encryptPaper({ ballotId: round2.id, publicKey: round1.publicKey, candidates: 2, quota: 1 }, [true, false]);
    expect(await expectStatus((await y.head('dukdn')).post(`/api/ballots/${round2.id}/votes`, { paper: oldKey }), 400)).toMatchObject({ code: 'choice_proof' });
    await vote(y, round2.id, { lhp: ['hiza'], hiza: ['lhp'], dukdh: ['lhp'], dukcq: ['lhp'], dukdn: ['hiza'] });
    const closed = await expectStatus(y.leader.post(`/api/ballots/${round2.id}/close`), 200);
    expect(closed.result).toMatchObject({ elected: [{ unitId: y.ids.lhp }], revote: null });
    expect(closed.series).toMatchObject({ complete: true, rounds: [{ round: 1 }, { round: 2 }], elected: [{ unitId: y.ids.lhp, approvals: 3, percent: 60, round: 2 }] });
    expect(await expectStatus(y.leader.post(`/api/ballots/${round2.id}/revote`, {}), 409)).toMatchObject({ code: 'no_revote' });
    const [outcome] = (await t.app.get(BallotReadService).outcomes(t.ds.manager, y.yearId)).filter((x) => x.code === 'city_flag');
    expect(outcome).toMatchObject({ ballotId: round2.id, round: 2, status: 'closed', revotePending: false, elected: [{ unitId: y.ids.lhp, approvals: 3, percent: 60 }] });
  });
});

describe('the tally record (biên bản kiểm phiếu)', () => {
  let flagBallot: string;
  beforeAll(async () => {
    flagBallot = (await expectStatus(y.leader.get(`/api/ballots?conferenceId=${conf}`), 200)).find((b: any) => b.awardCode === 'city_flag' && b.round === 2).id;
  });

  it('is a draft without a number until the committee signs', async () => {
    const rec = await expectStatus(y.leader.get(`/api/ballots/${flagBallot}/tally-record`), 200);
    expect(rec).toMatchObject({ complete: true, signed: false, number: null, canSign: true, ballotId: flagBallot });
    const file = await download(y.leader, `/api/ballots/${flagBallot}/tally-record/export?format=pdf`);
    expect(file.status).toBe(200);
    const text = await pdfText(file.body);
    expect(text).toContain('DỰ THẢO');
    expect(text).toMatch(/Số:\s+\/BB-/);
  });

  it('refuses signing by anyone but the leader seat, and bad names', async () => {
    for (const email of [y.acc.dukdn.officer, y.acc.lhp.head, K4.board, K4.admin]) {
      await expectStatus((await y.as(email)).post(`/api/ballots/${flagBallot}/tally-record/sign`, { chairName: 'Nguyễn Văn A', memberNames: ['Trần Thị B'] }), 403);
    }
    expect((await expectStatus(y.leader.post(`/api/ballots/${flagBallot}/tally-record/sign`, { chairName: '  ', memberNames: ['Trần Thị B'] }), 400)).fields).toHaveProperty('chairName');
    expect((await expectStatus(y.leader.post(`/api/ballots/${flagBallot}/tally-record/sign`, { chairName: 'Nguyễn Văn A', memberNames: [] }), 400)).fields).toHaveProperty('memberNames');
    expect((await expectStatus(y.leader.post(`/api/ballots/${flagBallot}/tally-record/sign`, { chairName: 'Nguyễn Văn A', memberNames: ['nguyễn văn a'] }), 400)).fields).toHaveProperty('memberNames');
    expect(await t.ds.query('SELECT 1 FROM ballot_tally_records r JOIN ballots b ON b.series_id = r.series_id WHERE b.id = $1', [flagBallot])).toEqual([]);
  });

  it('is signed, numbered after the minutes this conference will have, hashed, final', async () => {
    const signed = await expectStatus(y.leader.post(`/api/ballots/${flagBallot}/tally-record/sign`, {
      chairName: 'Nguyễn Văn An – Phó Chánh Văn phòng', memberNames: ['Trần Thị Bình', 'Lê Văn Cường'],
    }), 200);
    // No minutes yet in this year; 01/BB is kept for this conference's minutes.
    expect(signed).toMatchObject({ signed: true, number: `02/BB-${blockCode}`, chairName: 'Nguyễn Văn An – Phó Chánh Văn phòng', memberNames: ['Trần Thị Bình', 'Lê Văn Cường'], canSign: false });
    expect(signed.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await expectStatus(y.leader.post(`/api/ballots/${flagBallot}/tally-record/sign`, { chairName: 'X', memberNames: ['Y'] }), 409)).toMatchObject({ code: 'already_signed' });
    // Any round of the series reaches the same record.
    const [{ series_id: seriesId }] = await t.ds.query('SELECT series_id FROM ballots WHERE id = $1', [flagBallot]);
    expect(await expectStatus(y.leader.get(`/api/ballots/${seriesId}/tally-record`), 200)).toMatchObject({ number: `02/BB-${blockCode}`, ballotId: flagBallot });
    const [entry] = (await t.ds.query(`SELECT after FROM audit_entries WHERE action = 'ballot.tally_record_sign' AND entity_id = (SELECT series_id::text FROM ballots WHERE id = $1)`, [flagBallot])) as { after: any }[];
    expect(entry.after).toMatchObject({ number: `02/BB-${blockCode}`, contentHash: signed.contentHash, elected: [y.ids.lhp] });
    await expect(t.ds.query(`UPDATE ballot_tally_records SET chair_name = 'Khác'`)).rejects.toThrow();
    // The award is decided: no new ballot for it.
    expect(await expectStatus(y.leader.post('/api/ballots', { conferenceId: conf, awardCode: 'city_flag' }), 409)).toMatchObject({ code: 'already_decided' });
  });

  it('reads back as .docx and .pdf in the ND30 layout with the data of both rounds', async () => {
    const member = await y.as(y.acc.hiza.officer);
    const docx = await download(member, `/api/ballots/${flagBallot}/tally-record/export?format=docx`);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['content-disposition']).toContain(`Bien-ban-kiem-phieu-`);
    const pdf = await download(member, `/api/ballots/${flagBallot}/tally-record/export?format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const names = await t.ds.query('SELECT id, name FROM units WHERE id = ANY($1::uuid[])', [[y.ids.lhp, y.ids.hiza]]);
    const lhpName = names.find((n: any) => n.id === y.ids.lhp).name;
    for (const text of [await docxText(docx.body), (await pdfText(pdf.body)).replace(/\s+/g, ' ')]) {
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(flat).toContain(`Số: 02/BB-${blockCode}`);
      expect(flat).toContain('BIÊN BẢN');
      expect(flat).toContain('Kiểm phiếu bầu chọn đề nghị tặng Cờ thi đua của UBND Thành phố năm 2024');
      expect(flat).toContain('Vòng bầu lại lần 1');
      expect(flat).toContain('số phiếu đồng ý phải trên 20%');
      expect(flat).toContain(lhpName);
      expect(flat).toContain('Trúng cử');
      expect(flat).toContain('Bầu lại');
      expect(flat).toContain('60%');
      expect(flat).toContain('Nguyễn Văn An – Phó Chánh Văn phòng');
      expect(flat).toContain('Lê Văn Cường');
      expect(flat).toMatch(/TRƯỞNG BAN/i);
      expect(flat).not.toContain('DỰ THẢO');
    }
    // The contract's file for the dossier.
    const file = await t.app.get(TallyRecordService).tallyRecordFile(t.ds.manager, flagBallot, 'pdf');
    expect(file).toMatchObject({ mimeType: 'application/pdf', filename: expect.stringMatching(/^Bien-ban-kiem-phieu-.*-2024-Co-thi-dua-cua-UBND-Thanh-pho\.pdf$/) });
    expect(file.content.subarray(0, 4).toString()).toBe('%PDF');
    // Another block's officer cannot read it.
    await expectStatus((await y.as(K4.otherBlock)).get(`/api/ballots/${flagBallot}/tally-record/export?format=pdf`), 403);
  });

  it('numbers the next record after it and leaves 01 to the conference minutes', async () => {
    const paper = (await expectStatus(y.leader.get(`/api/ballots?conferenceId=${conf}`), 200)).find((b: any) => b.awardCode === 'city_merit');
    const signed = await expectStatus(y.leader.post(`/api/ballots/${paper.id}/tally-record/sign`, { chairName: 'Nguyễn Văn An', memberNames: ['Trần Thị Bình'] }), 200);
    expect(signed.number).toBe(`03/BB-${blockCode}`);
    await expectStatus(y.leader.post(`/api/conferences/${conf}/close`, {}), 201);
    const minutes = await expectStatus(y.leader.get(`/api/conferences/${conf}/minutes`), 200);
    expect(minutes.number).toBe(`01/BB-${blockCode}`);
    const outcomes = await expectStatus(y.leader.get(`/api/ballots/outcomes?blockYearId=${y.yearId}`), 200);
    expect(outcomes.map((o: any) => [o.code, o.status, o.tallyRecord])).toEqual([
      ['city_flag', 'closed', { signed: true, documentNumber: `02/BB-${blockCode}` }],
      ['city_merit', 'closed', { signed: true, documentNumber: `03/BB-${blockCode}` }],
    ]);
  });
});

describe('BB numbers shared by minutes and tally records', () => {
  it('gives a later conference\'s minutes a number no tally record holds', async () => {
    // Minutes 01 and records 02, 03 above: the next conference's minutes skip to 04.
    const later = await yearEndConference(y, { kind: 'extraordinary' });
    await expectStatus(y.leader.post(`/api/conferences/${later.id}/close`, {}), 201);
    expect((await expectStatus(y.leader.get(`/api/conferences/${later.id}/minutes`), 200)).number).toBe(`04/BB-${blockCode}`);
  });
});
