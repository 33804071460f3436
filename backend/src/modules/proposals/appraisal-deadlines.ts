import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JobRunner } from '../jobs/job-runner';
import { NewJob, scheduleJobs } from '../jobs/jobs-data';
import { notify } from '../notifications/notify';
import { deadlineState } from './proposal-rules';
import type { KnownWorkCalendar } from './rules';
import { loadWorkCalendar } from './calendar-data';
import { dossierHeading, dossiersAwaitingAppraisal } from './dossier-data';

/** Working days before the appraisal due date when the board is reminded. */
export const APPRAISAL_REMINDER_WORKING_DAYS = 3;

const dmy = (iso: string) => iso.split('-').reverse().join('/');
const dateOnly = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** What the board must hear about one dossier with the board at `now`, pure: each job keyed by its due date. */
export function appraisalJobs(p: { id: string; dueDate: string }, now: Date, calendar: KnownWorkCalendar): NewJob[] {
  const s = deadlineState(p.dueDate, now, calendar);
  const payload = { proposalId: p.id, dueDate: p.dueDate };
  if (s.overdue) return [{ kind: 'proposal.appraisal_overdue', payload, runAt: now, dedupeKey: `proposal.appraisal_overdue:${p.id}:${p.dueDate}` }];
  if (s.workingDaysLeft <= APPRAISAL_REMINDER_WORKING_DAYS) return [{ kind: 'proposal.appraisal_due', payload, runAt: now, dedupeKey: `proposal.appraisal_due:${p.id}:${p.dueDate}` }];
  return [];
}

/**
 * The board's appraisal deadline (working days from submission) acts on its own: a reminder to the board a
 * few working days before the due date, and a notice when it has passed. A resubmitted dossier has a new
 * due date, hence new keys.
 */
@Injectable()
export class AppraisalDeadlines implements OnModuleInit {
  constructor(private readonly runner: JobRunner) {}

  onModuleInit(): void {
    this.runner.addSweeper((em, now) => this.sweep(em, now));
    this.runner.register('proposal.appraisal_due', (em, p: { proposalId: string; dueDate: string }, ctx) => this.tell(em, p, 'due', ctx.now));
    this.runner.register('proposal.appraisal_overdue', (em, p: { proposalId: string; dueDate: string }, ctx) => this.tell(em, p, 'overdue', ctx.now));
  }

  async sweep(em: EntityManager, now: Date): Promise<number> {
    const rows = await dossiersAwaitingAppraisal(em);
    if (!rows.length) return 0;
    const calendar = await loadWorkCalendar(em);
    return scheduleJobs(em, rows.flatMap((r) => appraisalJobs(r, now, calendar)));
  }

  private async tell(em: EntityManager, p: { proposalId: string; dueDate: string }, what: 'due' | 'overdue', now: Date): Promise<void> {
    const row = await dossierHeading(em, p.proposalId);
    if (!row || !['submitted', 'under_appraisal'].includes(row.status) || !row.dueDate || dateOnly(row.dueDate) !== p.dueDate) return;
    const left = deadlineState(p.dueDate, now, await loadWorkCalendar(em)).workingDaysLeft;
    await notify(em, null, { board: true }, {
      kind: what === 'due' ? 'appraisal_due' : 'appraisal_overdue', blockYearId: row.blockYearId, link: `/proposals/${p.proposalId}`,
      title: what === 'due'
        ? `Sắp đến hạn thẩm định hồ sơ ${row.letterNumber} của ${row.blockName} năm ${row.year} (${dmy(p.dueDate)}, còn ${left} ngày làm việc)`
        : `Đã quá hạn thẩm định hồ sơ ${row.letterNumber} của ${row.blockName} năm ${row.year} (hạn ${dmy(p.dueDate)})`,
    });
  }
}
