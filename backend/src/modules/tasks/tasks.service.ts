import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isCityWide } from '../../common/actor';
import { vnDateTime } from '../../common/vn-date';
import { BallotReadService } from '../ballots/ballot-read.service';
import { deadlineState } from '../proposals/proposal-rules';
import type { KnownWorkCalendar } from '../proposals/rules';
import { loadWorkCalendar } from '../proposals/work-calendar';
import { RoundProgressReader, ScoreSheetRef } from '../rounds/progress-reader';
import { effectivePhase, RoundCalendar } from '../../domain/round-phase';
import type { TaskListDto } from './dto/task.dto';
import { conferenceKindLabel, criteriaProgress, draftLabel, sortTasks, Task, workingDaysText } from './task-rules';
import { type TaskCandidate, taskCandidates } from './tasks.sql';

const calendar = (c: NonNullable<TaskCandidate['cal']>): RoundCalendar => ({
  phase: c.phase, opensAt: new Date(c.opensAt), selfAssessmentUntil: new Date(c.selfAssessmentUntil), reviewUntil: new Date(c.reviewUntil),
  explanationUntil: new Date(c.explanationUntil), latestExtension: c.latestExtension ? new Date(c.latestExtension) : null,
});

/**
 * "Việc cần làm": each pending action of the signed-in person, derived from the year's state on every read
 * (never stored, so it cannot drift). One statement finds the candidates (tasks.sql.ts); score-sheet
 * progress and ballot outcomes are asked of the rounds and ballots modules only for the rows that need them.
 */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly progress: RoundProgressReader,
    private readonly ballots: BallotReadService,
  ) {}

  async list(actor: Actor): Promise<TaskListDto> {
    const em = this.ds.manager;
    const rows = await taskCandidates(em, { role: actor.role, unitId: actor.unitId, fullName: actor.fullName, cityWide: isCityWide(actor) });
    let workDays: KnownWorkCalendar | undefined;
    const now = new Date();
    const tasks: Task[] = [];
    const sheets: { ref: ScoreSheetRef; task: Task }[] = [];
    const base = (r: TaskCandidate, kind: Task['kind'], title: string, link: string, deadline: Date | null = r.due, extra: Partial<Task> = {}): Task => ({
      key: `${kind}:${r.refId ?? r.blockYearId}${r.unitId && kind === 'peer_review' ? `:${r.unitId}` : ''}${kind === 'minutes_approve' ? `:${r.ref2}` : ''}`,
      kind, title, detail: '', blockYearId: r.blockYearId, blockName: r.blockName, year: r.year, unitName: null,
      deadline: deadline ? new Date(deadline).toISOString() : null, overdue: !!deadline && new Date(deadline) < now, link, ...extra,
    });
    const checks: { yearId: string; row: TaskCandidate }[] = [];

    for (const r of rows) {
      const phase = r.cal ? effectivePhase(calendar(r.cal), now) : null;
      switch (r.kind) {
        case 'self_assessment':
        case 'self_assessment_confirm': {
          if (phase !== 'self_assessment') break;
          const confirm = r.kind === 'self_assessment_confirm';
          const t = base(r, r.kind, confirm ? `Xác nhận nộp bản tự chấm: ${r.refTitle}` : r.ref2 === 'returned' ? `Sửa và nộp lại bản tự chấm: ${r.refTitle}` : `Hoàn thành và nộp bản tự chấm: ${r.refTitle}`,
            `/rounds/${r.refId}/units/${r.unitId}`);
          tasks.push(t);
          if (!confirm) sheets.push({ ref: { roundId: r.refId!, schemeId: r.schemeId!, unitId: r.unitId!, source: 'self', scorerUnitId: r.unitId! }, task: t });
          break;
        }
        case 'peer_review': {
          if (phase !== 'review') break;
          const t = base(r, 'peer_review', `Chấm chéo ${r.unitName}: ${r.refTitle}`, `/rounds/${r.refId}/units/${r.unitId}/review`, r.due, { unitName: r.unitName });
          sheets.push({ ref: { roundId: r.refId!, schemeId: r.schemeId!, unitId: r.unitId!, source: 'peer', scorerUnitId: actor.unitId! }, task: t });
          tasks.push(t);
          break;
        }
        case 'explanation':
          if (phase === 'explanation' && r.n > 0) {
            tasks.push(base(r, 'explanation', `Giải trình điểm bị chấm thấp hơn: ${r.refTitle}`, `/rounds/${r.refId}/units/${actor.unitId}/explanation`, r.due,
              { detail: `${r.n} tiêu chí cần giải trình` }));
          }
          break;
        case 'round_state':
          if (phase === 'self_assessment' && r.n > 0) {
            tasks.push(base(r, 'units_late', `Đơn vị chậm nộp bản tự chấm: ${r.refTitle}`, `/rounds/${r.refId}`, null, { detail: `${r.n} đơn vị đã quá hạn mà chưa nộp` }));
          } else if (phase === 'self_assessment' && r.m === 0) {
            tasks.push(base(r, 'round_advance', `Các đơn vị đã nộp đủ: chuyển sang chấm chéo, thẩm định – ${r.refTitle}`, `/rounds/${r.refId}`, null));
          } else if (phase === 'final_review') {
            tasks.push(base(r, 'round_finalise', `Chốt điểm và hoàn tất đợt chấm: ${r.refTitle}`, `/rounds/${r.refId}`, r.due));
          }
          break;
        case 'draft_comment':
          tasks.push(base(r, 'draft_comment', `Góp ý dự thảo ${draftLabel(r.ref2!)} (phiên bản ${r.n})`, `/block-years/${r.blockYearId}/${r.ref2 === 'rules' ? 'rules' : 'plan'}`, null));
          break;
        case 'comments_resolve':
          if (r.m > 0) {
            tasks.push(base(r, 'comments_resolve', `Xử lý góp ý trước khi thông qua ${draftLabel(r.ref2!)} (phiên bản ${r.n})`, `/block-years/${r.blockYearId}/${r.ref2 === 'rules' ? 'rules' : 'plan'}`, null,
              { detail: `${r.m} góp ý chưa xử lý` }));
          }
          break;
        case 'invitation':
          tasks.push(base(r, 'invitation', `Trả lời giấy mời hội nghị ${conferenceKindLabel(r.ref2!)}: ${r.refTitle}`.replace('  ', ' '), `/conferences/${r.refId}`));
          break;
        case 'covenant_sign':
          tasks.push(base(r, 'covenant_sign', `Ký giao ước thi đua: ${r.refTitle}`, `/block-years/${r.blockYearId}/covenant`));
          break;
        case 'ballot_vote':
          tasks.push(base(r, 'ballot_vote', `Bỏ phiếu kín: ${r.refTitle}${r.n > 1 ? ` (vòng ${r.n})` : ''}`, `/ballots/${r.refId}`));
          break;
        case 'minutes_approve':
          tasks.push(base(r, 'minutes_approve', `Thông qua biên bản với tư cách ${r.ref2 === 'chair' ? 'chủ trì' : 'thư ký'}: ${r.refTitle}`, `/conferences/${r.refId}`));
          break;
        case 'dossier': {
          const link = r.refId ? `/proposals/${r.refId}` : `/block-years/${r.blockYearId}/proposals`;
          const returned = r.ref2 === 'returned' ? ' (bị trả lại)' : '';
          if (actor.role === 'unit_head' && r.n === 1 && r.refId) tasks.push(base(r, 'dossier_send', `Trình hồ sơ đề nghị khen thưởng${returned}`, link));
          else tasks.push(base(r, 'dossier_build', `Lập hồ sơ đề nghị khen thưởng${returned}`, link));
          break;
        }
        case 'report_check':
          if (r.n === 0) checks.push({ yearId: r.blockYearId, row: r });
          break;
        case 'tally_check':
          checks.push({ yearId: r.blockYearId, row: r });
          break;
        case 'block_year_setup':
          tasks.push(base(r, 'block_year_setup', `Thiết lập năm thi đua ${r.year}`, `/block-years/${r.blockYearId}`, null,
            { detail: `${r.n} đơn vị thành viên${r.m ? '' : ', chưa có Khối trưởng'}` }));
          break;
        case 'backup_failed':
          // The technical reason goes to the admins' mail and the server log; the screen says what happened, in Vietnamese.
          tasks.push(base(r, 'backup_failed', 'Sao lưu tự động thất bại: kiểm tra máy chủ rồi chạy lại "npm run backup"', '/', r.due,
            { detail: `Lần sao lưu lúc ${vnDateTime(new Date(r.due!))} không thành công; lý do có trong thư gửi quản trị và nhật ký máy chủ` }));
          break;
        case 'proposal': {
          const due = r.refTitle;
          const state = due ? deadlineState(due, now, (workDays ??= await loadWorkCalendar(em))) : null;
          const deadline = due ? new Date(`${due}T23:59:59+07:00`) : null;
          const extra = { detail: state ? workingDaysText(state.workingDaysLeft, state.overdue) : '', overdue: !!state?.overdue };
          const link = `/proposals/${r.refId}`;
          if (r.ref2 === 'submitted') tasks.push(base(r, 'dossier_take', 'Tiếp nhận hồ sơ đề nghị khen thưởng để thẩm định', link, deadline, extra));
          else if (r.ref2 === 'under_appraisal') tasks.push(base(r, 'dossier_appraise', 'Thẩm định hồ sơ đề nghị khen thưởng', link, deadline, extra));
          else tasks.push(base(r, 'decision_record', 'Ghi nhận quyết định khen thưởng', link, null));
          break;
        }
      }
    }

    const progress = await this.progress.filled(em, sheets.map((s) => s.ref));
    const reviewed = new Set<Task>();
    sheets.forEach((s, i) => {
      s.task.detail = criteriaProgress(progress[i].filled, progress[i].required);
      // A review has no submit act: it is done once every criterion carries the reviewer's score.
      if (s.ref.source === 'peer' && progress[i].filled >= progress[i].required) reviewed.add(s.task);
    });
    tasks.push(...(await this.yearEndTasks(em, actor, checks)));
    const sorted = sortTasks(tasks.filter((t) => !reviewed.has(t)));
    return { items: sorted, count: sorted.length, overdueCount: sorted.filter((t) => t.overdue).length };
  }

  /** Nominee reports and tally records, from the ballots module's outcome of each year that needs a look. */
  private async yearEndTasks(em: EntityManager, actor: Actor, checks: { yearId: string; row: TaskCandidate }[]): Promise<Task[]> {
    const out: Task[] = [];
    const outcomes = new Map<string, Awaited<ReturnType<BallotReadService['outcomes']>>>();
    for (const { yearId, row } of checks) {
      if (!outcomes.has(yearId)) outcomes.set(yearId, await this.ballots.outcomes(em, yearId));
      const common = { detail: '', blockYearId: yearId, blockName: row.blockName, year: row.year, unitName: null, deadline: null, overdue: false };
      for (const o of outcomes.get(yearId)!) {
        if (row.kind === 'tally_check' && o.status === 'closed' && !o.tallyRecord.signed) {
          out.push({ ...common, key: `tally_record_sign:${o.ballotId}`, kind: 'tally_record_sign', title: `Ký biên bản kiểm phiếu: ${o.awardName}`, link: `/ballots/${o.ballotId}` });
        }
        if (row.kind === 'report_check' && o.status === 'closed' && o.elected.some((e) => e.unitId === actor.unitId)) {
          out.push({ ...common, key: `nominee_report:${row.refId}`, kind: 'nominee_report', title: 'Tải lên báo cáo thành tích của đơn vị', detail: `Đơn vị được đề nghị ${o.awardName}`, link: `/proposals/${row.refId}` });
          break;
        }
      }
    }
    return out;
  }
}
