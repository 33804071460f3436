import { roundDeadlineJobs } from './round-deadlines';

const DAY = 86_400_000;
const t0 = new Date('2025-06-01T01:00:00Z');
const round = {
  id: 'r', phase: 'self_assessment' as const, opensAt: t0, selfAssessmentUntil: new Date(t0.getTime() + 10 * DAY),
  reviewUntil: new Date(t0.getTime() + 20 * DAY), explanationUntil: new Date(t0.getTime() + 30 * DAY), latestExtension: null as Date | null, rules: {},
};
const at = (days: number) => new Date(t0.getTime() + days * DAY);
const keys = (jobs: { dedupeKey?: string }[]) => jobs.map((j) => j.dedupeKey);

describe('roundDeadlineJobs', () => {
  it('reminds units sharing a deadline together, from N days before it (default 3), and not before', () => {
    const pending = [{ unitId: 'b', extension: null }, { unitId: 'a', extension: null }];
    expect(roundDeadlineJobs(round, pending, at(6.9))).toEqual([]);
    const [j] = roundDeadlineJobs(round, pending, at(7));
    expect(j).toMatchObject({ kind: 'round.reminder', payload: { unitIds: ['a', 'b'] }, dedupeKey: `round.reminder:r:${at(10).getTime()}` });
    expect(keys(roundDeadlineJobs({ ...round, rules: { reminderDaysBefore: 5 } }, pending, at(5)))).toEqual([`round.reminder:r:${at(10).getTime()}`]);
    expect(roundDeadlineJobs({ ...round, rules: { reminderDaysBefore: 0 } }, pending, at(9.9))).toEqual([]);
  });

  it('an extension gives its unit its own keys; the phase switch waits for the latest extension', () => {
    const r = { ...round, latestExtension: at(12) };
    const pending = [{ unitId: 'a', extension: null }, { unitId: 'x', extension: at(12) }];
    const jobs = roundDeadlineJobs(r, pending, at(10.1));
    expect(jobs.map((j) => [j.kind, (j.payload as { unitIds: string[] }).unitIds])).toEqual([['round.missed', ['a']], ['round.reminder', ['x']]]);
    expect(jobs.some((j) => j.kind === 'round.phase_switch')).toBe(false);
    const later = roundDeadlineJobs(r, pending, at(12.1));
    expect(later.find((j) => j.kind === 'round.phase_switch')).toMatchObject({ payload: { to: 'review' }, dedupeKey: 'round.phase:r:review' });
    expect(keys(later)).toContain(`round.missed:r:${at(12).getTime()}`);
  });

  it('does nothing for a finalised round, and no reminders once the leader has moved the round on', () => {
    expect(roundDeadlineJobs({ ...round, phase: 'finalised' }, [{ unitId: 'a', extension: null }], at(25))).toEqual([]);
    expect(roundDeadlineJobs({ ...round, phase: 'review' }, [{ unitId: 'a', extension: null }], at(9)).map((j) => j.kind)).toEqual([]);
  });
});
