import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { reminderDaysBefore, RuleSet } from '@thidua/rules';
import { JobRunner } from '../jobs/job-runner';
import { NewJob, scheduleJobs } from '../jobs/jobs-data';
import { notify } from '../notifications/notify';
import { loadRound } from './round-context';
import { RoundData } from './round-data';
import { pendingSelfAssessments, roundsToSweep, unsubmittedUnits } from './round-row-data';
import { calendarPhase, Phase, phaseIndex, PHASE_LABELS, unitDeadline } from '../../domain/round-phase';

const DAY_MS = 86_400_000;
const vnDateTime = (d: Date) => new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }).format(d);

/** What each phase asks of the units, said when the calendar opens it. */
const PHASE_WORK: Record<Phase, (r: { reviewUntil: Date; explanationUntil: Date }) => string> = {
  self_assessment: () => '',
  review: (r) => `Các đơn vị chấm chéo những đơn vị được phân công; Khối trưởng thẩm định. Hạn: ${vnDateTime(r.reviewUntil)}.`,
  explanation: (r) => `Đơn vị xem kết quả chấm chéo, thẩm định và giải trình các tiêu chí có chênh lệch trước ${vnDateTime(r.explanationUntil)}.`,
  final_review: () => 'Khối trưởng chốt điểm cuối cùng và hoàn tất đợt chấm.',
  finalised: () => '',
};

/** What the sweep decides for one round at `now`, pure: the jobs due, each keyed so it is made once. */
export function roundDeadlineJobs(
  r: { id: string; phase: Phase; opensAt: Date; selfAssessmentUntil: Date; reviewUntil: Date; explanationUntil: Date; latestExtension: Date | null; rules: Partial<RuleSet> },
  pending: readonly { unitId: string; extension: Date | null }[],
  now: Date,
): NewJob[] {
  const jobs: NewJob[] = [];
  if (r.phase === 'finalised') return jobs;
  const target = calendarPhase(r, now);
  if (phaseIndex(target) > phaseIndex(r.phase)) jobs.push({ kind: 'round.phase_switch', payload: { roundId: r.id, to: target }, runAt: now, dedupeKey: `round.phase:${r.id}:${target}` });
  // Reminders and missed deadlines concern self-assessment; a leader who moved the round on has closed it.
  if (r.phase !== 'self_assessment') return jobs;
  const leadMs = reminderDaysBefore(r.rules) * DAY_MS;
  // Units sharing a deadline (the round's, or one extension's) are reminded and told together.
  const byDeadline = new Map<number, string[]>();
  for (const u of pending) {
    const at = unitDeadline(r, u.extension).getTime();
    byDeadline.set(at, [...(byDeadline.get(at) ?? []), u.unitId]);
  }
  for (const [at, unitIds] of byDeadline) {
    const payload = { roundId: r.id, unitIds: unitIds.sort(), deadline: new Date(at).toISOString() };
    if (now.getTime() < at) {
      if (leadMs > 0 && now.getTime() >= at - leadMs && r.opensAt.getTime() < at - leadMs) {
        jobs.push({ kind: 'round.reminder', payload, runAt: now, dedupeKey: `round.reminder:${r.id}:${at}` });
      }
    } else if (now <= r.reviewUntil) {
      jobs.push({ kind: 'round.missed', payload, runAt: now, dedupeKey: `round.missed:${r.id}:${at}` });
    }
  }
  return jobs;
}

/**
 * Deadlines that act on their own. A sweep on every runner pass looks at every open round of the city (two
 * queries) and schedules, by dedupe key, what the calendar has made due: the reminder N days (rule set)
 * before each unit's own deadline, the notice to the units that missed it with one escalation to the
 * leader naming them, and the phase switch. Units sharing a deadline share a job. A unit's extension changes its deadline, hence its keys: the reminders move for that
 * unit only, and the switch out of self-assessment waits for the latest extension (`calendarPhase`).
 * Each job re-checks the state in its own transaction before it notifies, so a unit that has submitted
 * in the meantime hears nothing.
 */
@Injectable()
export class RoundDeadlines implements OnModuleInit {
  constructor(private readonly runner: JobRunner, private readonly data: RoundData, private readonly audit: AuditService) {}

  onModuleInit(): void {
    this.runner.addSweeper((em, now) => this.sweep(em, now));
    this.runner.register('round.phase_switch', (em, p: { roundId: string; to: Phase }, ctx) => this.switchPhase(em, p.roundId, p.to, ctx.now));
    this.runner.register('round.reminder', (em, p: UnitsDeadline, ctx) => this.unitsDeadline(em, p, 'reminder', ctx.now));
    this.runner.register('round.missed', (em, p: UnitsDeadline, ctx) => this.unitsDeadline(em, p, 'missed', ctx.now));
  }

  async sweep(em: EntityManager, now: Date): Promise<number> {
    const rounds = await roundsToSweep(em, now);
    if (!rounds.length) return 0;
    const open = rounds.filter((r) => r.phase === 'self_assessment').map((r) => r.id);
    const pending = open.length ? await pendingSelfAssessments(em, open) : [];
    const byRound = new Map<string, { unitId: string; extension: Date | null }[]>();
    for (const p of pending) byRound.set(p.roundId, [...(byRound.get(p.roundId) ?? []), { unitId: p.unitId, extension: p.until }]);
    const jobs = rounds.flatMap((r) => roundDeadlineJobs({
      id: r.id, phase: r.phase, opensAt: r.opensAt, selfAssessmentUntil: r.selfAssessmentUntil, reviewUntil: r.reviewUntil, explanationUntil: r.explanationUntil,
      latestExtension: r.latestExtension, rules: r.rules ?? {},
    }, byRound.get(r.id) ?? [], now));
    return scheduleJobs(em, jobs);
  }

  /** The calendar has moved the round on: members and the leader are told once, and the audit trail says so. */
  private async switchPhase(em: EntityManager, roundId: string, to: Phase, now: Date): Promise<void> {
    const ctx = await loadRound(em, roundId, null, 'update');
    const r = ctx.round;
    if (r.storedPhase === 'finalised' || phaseIndex(r.storedPhase) >= phaseIndex(to) || phaseIndex(calendarPhase(r, now)) < phaseIndex(to)) return;
    const members = (await this.data.members(em, r.blockYearId)).map((m) => m.id);
    await notify(em, null, { units: members, leadersOf: [r.blockYearId] }, {
      roundId, blockYearId: r.blockYearId, link: `/rounds/${roundId}`, kind: 'phase_changed', title: `${r.title}: đã đến hạn, chuyển sang giai đoạn "${PHASE_LABELS[to]}"`, body: PHASE_WORK[to](r),
    });
    await this.audit.record(em, null, { action: 'round.phase_switch', entityType: 'scoring_round', entityId: roundId, blockId: ctx.year.blockId, before: { phase: r.storedPhase }, after: { phase: to, at: now.toISOString() } });
  }

  /** A reminder before the units' deadline, or the notice that it has passed (and the leader told), to those still due. */
  private async unitsDeadline(em: EntityManager, p: UnitsDeadline, what: 'reminder' | 'missed', now: Date): Promise<void> {
    const ctx = await loadRound(em, p.roundId, null, 'share');
    const r = ctx.round;
    if (r.storedPhase !== 'self_assessment') return;
    const rows = await unsubmittedUnits(em, p.roundId, p.unitIds);
    // Submitted meanwhile, or given another deadline (a job of its own carries that one).
    const due = rows.filter((u) => unitDeadline(r, u.until).getTime() === new Date(p.deadline).getTime());
    if (!due.length) return;
    const deadline = new Date(p.deadline);
    const base = { roundId: r.id, blockYearId: r.blockYearId, link: `/rounds/${r.id}` };
    if (what === 'reminder') {
      const days = Math.max(1, Math.ceil((deadline.getTime() - now.getTime()) / DAY_MS));
      await notify(em, null, { units: due.map((u) => u.unitId) }, { ...base, kind: 'deadline_reminder', title: `${r.title}: sắp đến hạn nộp bản tự chấm (${vnDateTime(deadline)})`, body: `Còn khoảng ${days} ngày. Đề nghị đơn vị hoàn thành và nộp bản tự chấm đúng hạn.` });
      return;
    }
    await notify(em, null, { units: due.map((u) => u.unitId) }, { ...base, kind: 'deadline_missed', title: `${r.title}: đã quá hạn nộp bản tự chấm (${vnDateTime(deadline)})`, body: 'Đơn vị chưa nộp bản tự chấm. Nếu có lý do chính đáng, đề nghị liên hệ đơn vị Khối trưởng để được gia hạn.' });
    await notify(em, null, { leadersOf: [r.blockYearId] }, {
      ...base, kind: 'units_overdue',
      title: `${r.title}: ${due.length} đơn vị quá hạn nộp bản tự chấm (${vnDateTime(deadline)})`, body: `${due.map((u) => u.name).join('; ')}. Khối trưởng xem xét nhắc nhở hoặc gia hạn.`,
    });
  }
}

interface UnitsDeadline {
  roundId: string;
  unitIds: string[];
  deadline: string;
}
