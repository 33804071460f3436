import { calendarPhase, effectivePhase, nextManualPhase, selfAssessmentCloses, unitDeadline } from './round-phase';

const d = (s: string) => new Date(`2024-12-${s}T00:00:00Z`);
const cal = { opensAt: d('01'), selfAssessmentUntil: d('10'), reviewUntil: d('15'), explanationUntil: d('20'), latestExtension: null as Date | null };

describe('round phases', () => {
  it('follows the calendar, deadlines inclusive', () => {
    expect(calendarPhase(cal, d('05'))).toBe('self_assessment');
    expect(calendarPhase(cal, d('10'))).toBe('self_assessment');
    expect(calendarPhase(cal, d('11'))).toBe('review');
    expect(calendarPhase(cal, d('16'))).toBe('explanation');
    expect(calendarPhase(cal, d('21'))).toBe('final_review');
  });

  it('keeps the self-assessment phase open until the latest extension', () => {
    const ext = { ...cal, latestExtension: d('12') };
    expect(selfAssessmentCloses(ext)).toEqual(d('12'));
    expect(calendarPhase(ext, d('11'))).toBe('self_assessment');
    expect(calendarPhase(ext, d('13'))).toBe('review');
    expect(unitDeadline(ext, null)).toEqual(d('10'));
    expect(unitDeadline(ext, d('12'))).toEqual(d('12'));
  });

  it('takes the later of the stored phase and the calendar; finalised only when stored', () => {
    expect(effectivePhase({ ...cal, phase: 'review' }, d('05'))).toBe('review');
    expect(effectivePhase({ ...cal, phase: 'self_assessment' }, d('16'))).toBe('explanation');
    expect(effectivePhase({ ...cal, phase: 'final_review' }, d('30'))).toBe('final_review');
    expect(effectivePhase({ ...cal, phase: 'finalised' }, d('05'))).toBe('finalised');
  });

  it('moves by hand one phase at a time, never to finalised', () => {
    expect(nextManualPhase('self_assessment')).toBe('review');
    expect(nextManualPhase('explanation')).toBe('final_review');
    expect(nextManualPhase('final_review')).toBeNull();
    expect(nextManualPhase('finalised')).toBeNull();
  });
});
