/**
 * The demo leaves the 2025 year end of Khối thi đua số 1 for a newcomer to replay: the round finalised, the
 * titles recognised, the year-end conference planned. This test replays it through the API, as the browser
 * would, from the conference to the elected unit and the start of 2026.
 */
import { createTestApp, type TestApp } from '../app';
import { expectStatus } from '../factories';
import { castPaper } from './helpers';

const LEADER = 'canbo.stc@thidua.vn';
const HEADS = ['thutruong.stc', 'thutruong.snv', 'thutruong.stp', 'thutruong.ttra', 'thutruong.vpub', 'thutruong.sqhkt'].map((h) => `${h}@thidua.vn`);

let t: TestApp;
let yearId: string;
const unit: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const [y] = await t.ds.query(`SELECT y.id FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE b.code = 'KTĐ1' AND y.year = 2025`);
  yearId = y.id;
  for (const r of await t.ds.query(`SELECT short_name, id FROM units`)) unit[r.short_name] = r.id;
});
afterAll(() => t.close());

describe('demo: Khối thi đua số 1 can replay its 2025 year end', () => {
  it('holds a finalised 2025 year-end round, 2025 titles and a planned year-end conference with every unit confirmed', async () => {
    const leader = await t.as(LEADER);
    const rounds = await expectStatus(leader.get(`/api/rounds?blockYearId=${yearId}`), 200);
    expect(rounds.map((r: any) => [r.kind, r.phase])).toEqual([['year_end', 'finalised']]);
    const flag = await expectStatus(leader.get(`/api/block-years/${yearId}/eligibility?award=city_flag`), 200);
    expect(flag).toMatchObject({ year: 2025, members: 6, roundFinalised: true, quotaLimit: 1 });
    expect(flag.units.filter((u: any) => u.eligible).map((u: any) => u.unitId)).toEqual([unit['Sở Nội vụ'], unit['VP UBND TP'], unit['Sở Tài chính']]);
    const conferences = await expectStatus(leader.get(`/api/conferences?blockYearId=${yearId}`), 200);
    expect(conferences).toHaveLength(1);
    const c = await expectStatus(leader.get(`/api/conferences/${conferences[0].id}`), 200);
    expect(c).toMatchObject({ kind: 'year_end', status: 'planned', startsAt: '2025-12-26T01:00:00.000Z' });
    expect(c.attendance.map((a: any) => a.rsvp)).toEqual(Array(6).fill('confirmed'));
    // Every unit has a head to cast its ballot.
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM accounts WHERE email = ANY($1) AND role = 'unit_head'`, [HEADS]);
    expect(n).toBe(6);
  });

  it('replays: conference, attendance, secret ballot, tally, seats in the minutes, next year', async () => {
    const leader = await t.as(LEADER);
    const [conf] = await expectStatus(leader.get(`/api/conferences?blockYearId=${yearId}`), 200);
    await expectStatus(leader.post(`/api/conferences/${conf.id}/open`), 201);
    const present = ['Sở Tài chính', 'Sở Nội vụ', 'Sở Tư pháp', 'Thanh tra TP', 'VP UBND TP'];
    for (const name of present) await expectStatus(leader.post(`/api/conferences/${conf.id}/attendance/${unit[name]}/check-in`, { presence: 'present', delegateName: `Đại biểu ${name}` }), 201);
    await expectStatus(leader.post(`/api/conferences/${conf.id}/attendance/${unit['Sở QH-KT']}/check-in`, { presence: 'absent' }), 201);

    const ballot = await expectStatus(leader.post('/api/ballots', { conferenceId: conf.id, awardCode: 'city_flag' }), 201);
    expect(ballot.candidates.map((c: any) => c.unitId)).toEqual([unit['Sở Nội vụ'], unit['VP UBND TP'], unit['Sở Tài chính']]);
    // The absent unit's head may not vote.
    expect((await castPaper(await t.as('thutruong.sqhkt@thidua.vn'), ballot.id, [unit['Sở Nội vụ']])).status).toBe(403);
    const papers = [['Sở Nội vụ'], ['Sở Nội vụ'], ['Sở Nội vụ'], ['VP UBND TP'], ['Sở Nội vụ']];
    for (const [i, email] of HEADS.slice(0, 5).entries()) {
      await expectStatus(castPaper(await t.as(email), ballot.id, papers[i].map((n) => unit[n])), 201);
    }
    const closed = await expectStatus(leader.post(`/api/ballots/${ballot.id}/close`), 200);
    expect(closed.result).toMatchObject({ ballotsCast: 5, valid: 5, elected: [{ unitId: unit['Sở Nội vụ'] }], revote: null });

    // The deputy becomes leader; the next unit in rotation (Vietnamese name order) becomes deputy.
    const { suggestion } = await expectStatus(leader.get(`/api/block-years/${yearId}/seat-suggestion`), 200);
    expect(suggestion).toMatchObject({ leaderUnitId: unit['Sở Tư pháp'], deputyUnitId: unit['Thanh tra TP'] });
    await expectStatus(leader.post(`/api/block-years/${yearId}/seat-election`, { conferenceId: conf.id, leaderUnitId: suggestion.leaderUnitId, deputyUnitId: suggestion.deputyUnitId }), 200);
    // The conference's record states both outcomes, so the minutes drafted at the close do.
    const decisions = (await expectStatus(leader.get(`/api/conferences/${conf.id}`), 200)).decisions.map((d: any) => d.text);
    expect(decisions).toEqual(expect.arrayContaining([
      'Kết quả bỏ phiếu kín đề nghị tặng Cờ thi đua của UBND Thành phố: có mặt 5/6 đơn vị, thu về 5 phiếu (5 phiếu hợp lệ); đơn vị được đề nghị: Sở Nội vụ Hà Nội (4 phiếu đồng ý, đạt 66,67%).',
      'Hội nghị bầu Sở Tư pháp Hà Nội làm Khối trưởng, Thanh tra Thành phố Hà Nội làm Khối phó Khối thi đua số 1 năm 2026.',
    ]));
    // Recorded again (a correction in session), the seats' conclusion is replaced, not repeated.
    await expectStatus(leader.post(`/api/block-years/${yearId}/seat-election`, { conferenceId: conf.id, leaderUnitId: suggestion.leaderUnitId, deputyUnitId: suggestion.deputyUnitId, note: 'biểu quyết 5/5 đơn vị có mặt đồng ý' }), 200);
    const again = (await expectStatus(leader.get(`/api/conferences/${conf.id}`), 200)).decisions.map((d: any) => d.text).filter((x: string) => x.startsWith('Hội nghị bầu'));
    expect(again).toEqual(['Hội nghị bầu Sở Tư pháp Hà Nội làm Khối trưởng, Thanh tra Thành phố Hà Nội làm Khối phó Khối thi đua số 1 năm 2026 (biểu quyết 5/5 đơn vị có mặt đồng ý).']);
    await expectStatus(leader.post(`/api/conferences/${conf.id}/close`, {}), 201);
    const minutes = JSON.stringify((await expectStatus(leader.get(`/api/conferences/${conf.id}/minutes`), 200)).content);
    expect(minutes).toContain('đơn vị được đề nghị: Sở Nội vụ Hà Nội');
    expect(minutes).toContain('Hội nghị bầu Sở Tư pháp Hà Nội làm Khối trưởng');
    // A leader may not write these outcomes by hand.
    const [item] = (await expectStatus(leader.get(`/api/conferences/${conf.id}`), 200)).agenda;
    expect((await leader.post(`/api/conferences/${conf.id}/decisions`, { agendaItemId: item.id, kind: 'ballot_result', text: 'x' })).body.fields).toHaveProperty('kind');

    const next = await expectStatus(leader.post(`/api/block-years/${yearId}/next-year`), 201);
    expect(next.blockYear).toMatchObject({ year: 2026, leaderUnitId: unit['Sở Tư pháp'], deputyUnitId: unit['Thanh tra TP'] });
  });
});
