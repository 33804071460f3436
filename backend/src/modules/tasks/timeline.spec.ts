import { OFFICIAL_CALENDAR } from '../proposals/rules';
import { buildTimeline, YearState } from './timeline';

const NOW = new Date('2025-07-01T03:00:00Z');
const empty: YearState = {
  id: 'y1', year: 2025, status: 'setup', members: 5, drafts: [], conferences: [], covenant: null, schemeFrozenAt: null, rounds: [], seatsElectedAt: null, proposal: null,
};
const states = (s: YearState) => Object.fromEntries(buildTimeline(s, NOW, OFFICIAL_CALENDAR).map((st) => [st.key, st.state]));

describe('buildTimeline', () => {
  it('a new year waits for the board to set it up; everything else is next', () => {
    const steps = buildTimeline(empty, NOW, OFFICIAL_CALENDAR);
    expect(steps.map((s) => s.key)).toEqual(['setup', 'plan', 'rules', 'launch_conference', 'covenant', 'scheme', 'mid_year', 'year_end', 'year_end_conference', 'dossier', 'appraisal', 'decision', 'next_year']);
    expect(steps[0]).toMatchObject({ state: 'current', waitingFor: 'Ban Thi đua – Khen thưởng Thành phố', link: '/block-years/y1' });
    expect(steps.slice(1).every((s) => s.state === 'next')).toBe(true);
  });

  it('a year in progress: adopted drafts and covenant done, the mid-year round current with its deadline and who has not submitted', () => {
    const s: YearState = {
      ...empty, status: 'in_progress',
      drafts: [{ kind: 'plan', status: 'adopted', number: 2, circulatedAt: '2025-03-01T00:00:00Z', adoptedAt: '2025-04-26T01:45:00Z', unresolved: 0 },
        { kind: 'rules', status: 'adopted', number: 1, circulatedAt: null, adoptedAt: '2025-04-26T02:20:00Z', unresolved: 0 }],
      conferences: [{ id: 'c1', kind: 'launch', status: 'concluded', startsAt: '2025-04-26T01:00:00Z', closedAt: '2025-04-26T04:00:00Z', minutes: 'approved' }],
      covenant: { status: 'in_force', openedAt: '2025-04-26T03:00:00Z', inForceAt: '2025-04-26T03:30:00Z', signed: 5 },
      schemeFrozenAt: '2025-06-01T00:00:00Z',
      rounds: [{ id: 'r1', kind: 'mid_year', title: 'Sơ kết', phase: 'self_assessment', opensAt: '2025-06-01T00:00:00Z', selfAssessmentUntil: '2025-07-10T10:00:00Z',
        reviewUntil: '2025-07-20T10:00:00Z', explanationUntil: '2025-07-30T10:00:00Z', finalReviewUntil: null, finalisedAt: null, latestExtension: null, submitted: 2 }],
    };
    const steps = buildTimeline(s, NOW, OFFICIAL_CALENDAR);
    expect(states(s)).toMatchObject({ setup: 'done', plan: 'done', rules: 'done', launch_conference: 'done', covenant: 'done', scheme: 'done', mid_year: 'current', year_end: 'next' });
    const mid = steps.find((x) => x.key === 'mid_year')!;
    expect(mid).toMatchObject({ link: '/rounds/r1', date: '2025-07-10T10:00:00.000Z', dateLabel: 'Hạn', waitingFor: '3 đơn vị chưa nộp bản tự chấm', detail: 'Tự chấm điểm' });
    expect(steps.find((x) => x.key === 'plan')).toMatchObject({ date: '2025-04-26T01:45:00.000Z', waitingFor: '', detail: 'Phiên bản 2' });
  });

  it('the round follows the calendar: past the self-assessment deadline it is in review', () => {
    const s: YearState = { ...empty, status: 'in_progress', rounds: [{ id: 'r1', kind: 'year_end', title: 'Tổng kết', phase: 'self_assessment', opensAt: '2025-05-01T00:00:00Z',
      selfAssessmentUntil: '2025-06-10T10:00:00Z', reviewUntil: '2025-07-20T10:00:00Z', explanationUntil: '2025-07-30T10:00:00Z', finalReviewUntil: null, finalisedAt: null, latestExtension: null, submitted: 5 }] };
    expect(buildTimeline(s, NOW, OFFICIAL_CALENDAR).find((x) => x.key === 'year_end')).toMatchObject({ state: 'current', detail: 'Chấm chéo, thẩm định', date: '2025-07-20T10:00:00.000Z' });
  });

  it('a circulated draft waits for comments to be resolved; a covenant being signed names how many units have not signed', () => {
    const s: YearState = { ...empty, status: 'planning',
      drafts: [{ kind: 'plan', status: 'circulated', number: 2, circulatedAt: '2025-03-01T00:00:00Z', adoptedAt: null, unresolved: 2 }],
      covenant: { status: 'signing', openedAt: '2025-04-26T03:00:00Z', inForceAt: null, signed: 3 } };
    const steps = buildTimeline(s, NOW, OFFICIAL_CALENDAR);
    expect(steps.find((x) => x.key === 'plan')).toMatchObject({ state: 'current', waitingFor: 'Đơn vị Khối trưởng, Khối phó xử lý 2 góp ý; hội nghị thông qua' });
    expect(steps.find((x) => x.key === 'covenant')).toMatchObject({ state: 'current', waitingFor: 'Thủ trưởng 2 đơn vị chưa ký', detail: '3/5 đơn vị đã ký' });
  });

  it('a dossier with the board shows the appraisal deadline in working days', () => {
    const s: YearState = { ...empty, status: 'submitted', proposal: { id: 'p1', status: 'under_appraisal', submittedAt: '2025-06-30T03:00:00Z', dueDate: '2025-07-04', approvedAt: null, decidedAt: null, returnReason: '' } };
    const steps = buildTimeline(s, NOW, OFFICIAL_CALENDAR);
    expect(steps.find((x) => x.key === 'dossier')).toMatchObject({ state: 'done', link: '/proposals/p1' });
    expect(steps.find((x) => x.key === 'appraisal')).toMatchObject({ state: 'current', waitingFor: 'Ban Thi đua – Khen thưởng Thành phố', detail: 'Còn 3 ngày làm việc', dateLabel: 'Hạn thẩm định' });
    expect(steps.find((x) => x.key === 'decision')!.state).toBe('next');
  });
});
