/**
 * Holidays are data the board keeps per year: the official schedules of 2024–2026 are there from the start,
 * a year not entered is flagged on the dossiers whose deadline reaches into it, and the board enters it.
 */
import { createTestApp, DEMO, type TestApp } from '../app';
import { expectStatus } from '../factories';
import { putter } from '../scoring/helpers';

let t: TestApp;
const URL = (year: number | string) => `/api/proposals/work-calendar?year=${year}`;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const TET_2027 = ['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'].map((date) => ({ date, kind: 'holiday', name: 'Tết Nguyên đán Đinh Mùi' }));

describe('the board’s work calendar', () => {
  it('holds the official schedules of 2024–2026; 2027 is not entered yet', async () => {
    const board = await t.as(DEMO.board);
    const y2026 = await expectStatus(board.get(URL(2026)), 200);
    expect(y2026).toMatchObject({ year: 2026, known: true, knownYears: [2024, 2025, 2026] });
    expect(y2026.days).toEqual(expect.arrayContaining([{ date: '2026-02-16', kind: 'holiday', name: 'Tết Nguyên đán Bính Ngọ' }, { date: '2026-09-02', kind: 'holiday', name: 'Quốc khánh' }]));
    expect(await expectStatus(board.get(URL(2027)), 200)).toMatchObject({ year: 2027, known: false, days: [] });
    expect((await board.get(URL('abc'))).body.fields).toHaveProperty('year');
  });

  it('flags a dossier whose deadline reaches into a year without a calendar, until the board enters it', async () => {
    const board = await t.as(DEMO.board);
    const [p] = await t.ds.query(`SELECT p.id FROM proposals p JOIN block_years y ON y.id = p.block_year_id WHERE y.year = 2024 LIMIT 1`);
    await t.ds.query(`UPDATE proposals SET status = 'submitted', decided_at = NULL, due_date = '2027-02-26' WHERE id = $1`, [p.id]);
    expect((await expectStatus(board.get(`/api/proposals/${p.id}`), 200)).calendarMissingYears).toEqual([2027]);
    const inbox = await expectStatus(board.get('/api/proposals'), 200);
    expect(inbox.find((x: any) => x.id === p.id).calendarMissingYears).toEqual([2027]);

    const put = await putter(t, DEMO.board);
    const saved = await expectStatus(put(URL(2027), { days: [{ date: '2027-01-01', kind: 'holiday', name: 'Tết Dương lịch' }, ...TET_2027] }), 200);
    expect(saved).toMatchObject({ year: 2027, known: true, knownYears: [2024, 2025, 2026, 2027] });
    expect(saved.days).toHaveLength(6);
    const after = await expectStatus(board.get(`/api/proposals/${p.id}`), 200);
    expect(after.calendarMissingYears).toEqual([]);
    const [audit] = await t.ds.query(`SELECT after FROM audit_entries WHERE action = 'work_calendar.update' ORDER BY id DESC LIMIT 1`);
    expect(audit.after).toMatchObject({ year: 2027 });
  });

  it('is the board’s to keep; bad input is a 400 naming the field', async () => {
    expect((await (await putter(t, DEMO.leaderOfficer))(URL(2027), { days: TET_2027 })).status).toBe(403);
    const put = await putter(t, DEMO.board);
    const cases: [unknown, string][] = [
      [null, 'days'],
      [{ days: null }, 'days'],
      [{ days: 'Tết' }, 'days'],
      [{ days: [] }, 'days'],
      [{ days: Array.from({ length: 61 }, (_, i) => ({ date: `2027-03-${String((i % 28) + 1).padStart(2, '0')}`, kind: 'holiday', name: 'x' })) }, 'days'],
      [{ days: [{ date: '2026-02-16', kind: 'holiday', name: 'Tết' }] }, 'days.0.date'],
      [{ days: [{ date: '2027-02-30', kind: 'holiday', name: 'Tết' }] }, 'days.0.date'],
      [{ days: [{ date: '27/02/2027', kind: 'holiday', name: 'Tết' }] }, 'days.0.date'],
      [{ days: [{ date: '2027-02-08', kind: 'holiday', name: 'Tết' }, { date: '2027-02-08', kind: 'holiday', name: 'Tết' }] }, 'days.1.date'],
      [{ days: [{ date: '2027-02-08', kind: 'make_up', name: 'Làm bù' }] }, 'days.0.date'],
      [{ days: [{ date: '2027-02-08', kind: 'vacation', name: 'Tết' }] }, 'days.0.kind'],
      [{ days: [{ date: '2027-02-08', kind: 'holiday', name: 'T\u0000ết' }] }, 'days.0.name'],
      [{ days: [{ date: '2027-02-08', kind: 'holiday', name: 'x'.repeat(300) }] }, 'days.0.name'],
      [{ days: [{ date: '2027-02-08', kind: 'holiday', name: 42 }] }, 'days.0.name'],
    ];
    for (const [body, field] of cases) {
      const res = await put(URL(2027), body as object);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.fields ?? {})).toContain(field);
    }
    // A Saturday worked is a make-up day.
    const ok = await expectStatus(put(URL(2027), { days: [...TET_2027, { date: '2027-02-20', kind: 'make_up', name: 'Làm bù cho ngày 10/2' }] }), 200);
    expect(ok.days.find((d: any) => d.kind === 'make_up')).toEqual({ date: '2027-02-20', kind: 'make_up', name: 'Làm bù cho ngày 10/2' });
  });
});
