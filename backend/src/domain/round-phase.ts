/**
 * Phases of a scoring round and how they follow the calendar (issue 4 "Rounds"). Pure.
 *
 * self_assessment → review → explanation → final_review → finalised. The first four switch on their end
 * dates (the self-assessment phase ends when the last deadline, extensions included, has passed) or earlier
 * by the leader; finalising is always the leader's explicit act, never a date.
 */
export type Phase = 'self_assessment' | 'review' | 'explanation' | 'final_review' | 'finalised';
export const PHASES: readonly Phase[] = ['self_assessment', 'review', 'explanation', 'final_review', 'finalised'];

export const PHASE_LABELS: Record<Phase, string> = {
  self_assessment: 'Tự chấm điểm',
  review: 'Chấm chéo, thẩm định',
  explanation: 'Giải trình',
  final_review: 'Chốt điểm',
  finalised: 'Đã hoàn tất',
};

export type RoundKind = 'mid_year' | 'year_end';
export const ROUND_KINDS: readonly RoundKind[] = ['mid_year', 'year_end'];
export const ROUND_KIND_LABELS: Record<RoundKind, string> = { mid_year: 'Sơ kết 6 tháng', year_end: 'Tổng kết năm' };

export interface RoundCalendar {
  phase: Phase;
  opensAt: Date;
  selfAssessmentUntil: Date;
  reviewUntil: Date;
  explanationUntil: Date;
  /** The latest per-unit extension, if any. */
  latestExtension: Date | null;
}

export const phaseIndex = (p: Phase): number => PHASES.indexOf(p);
export const laterPhase = (a: Phase, b: Phase): Phase => (phaseIndex(a) >= phaseIndex(b) ? a : b);

/** When the self-assessment phase ends for everyone: the deadline or the latest extension. */
export function selfAssessmentCloses(r: Pick<RoundCalendar, 'selfAssessmentUntil' | 'latestExtension'>): Date {
  return r.latestExtension && r.latestExtension > r.selfAssessmentUntil ? r.latestExtension : r.selfAssessmentUntil;
}

/** The phase the calendar alone puts the round in at `now`. */
export function calendarPhase(r: Omit<RoundCalendar, 'phase' | 'opensAt'>, now: Date): Exclude<Phase, 'finalised'> {
  if (now <= selfAssessmentCloses(r)) return 'self_assessment';
  if (now <= r.reviewUntil) return 'review';
  if (now <= r.explanationUntil) return 'explanation';
  return 'final_review';
}

/** The phase in force: the stored one (moved on by the leader) or the calendar's, whichever is later. */
export function effectivePhase(r: RoundCalendar, now: Date): Phase {
  if (r.phase === 'finalised') return 'finalised';
  return laterPhase(r.phase, calendarPhase(r, now));
}

/** The next phase the leader may switch to by hand (finalising has its own act), or null. */
export function nextManualPhase(current: Phase): Phase | null {
  const i = phaseIndex(current);
  return i < phaseIndex('final_review') ? PHASES[i + 1] : null;
}

/** A unit's own submission deadline: its extension, or the round's. */
export function unitDeadline(r: Pick<RoundCalendar, 'selfAssessmentUntil'>, extension: Date | null): Date {
  return extension ?? r.selfAssessmentUntil;
}
