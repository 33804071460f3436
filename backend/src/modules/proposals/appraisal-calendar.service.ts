import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { badRequest } from '../../common/app-error';
import { assertVersion } from '../../common/versioning';
import { AuditService } from '../audit/audit.service';
import { SettingDto, UpdateSettingDto, UpdateWorkCalendarDto, WorkCalendarYearDto } from './dto/proposal.dto';
import { iso } from './dossier-data';
import { ProposalsPolicy } from './proposals.policy';
import { calendarYearProblems, DEFAULT_APPRAISAL_WORKING_DAYS } from './rules';

/** The board's appraisal deadline of a year (working days) and the work calendar it is counted on. */
@Injectable()
export class AppraisalCalendarService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async appraisalDeadline(year: number): Promise<SettingDto> {
    const [s] = await this.ds.query('SELECT year, appraisal_working_days, version, updated_at FROM proposal_settings WHERE year = $1', [year]);
    return s
      ? { year, appraisalWorkingDays: s.appraisal_working_days, isDefault: false, version: s.version, updatedAt: iso(s.updated_at) }
      : { year, appraisalWorkingDays: DEFAULT_APPRAISAL_WORKING_DAYS, isDefault: true, version: 0, updatedAt: null };
  }

  // ---------------------------------------------------------------- the board's settings

  async setAppraisalDeadline(actor: Actor, year: number, dto: UpdateSettingDto): Promise<SettingDto> {
    ProposalsPolicy.assertBoard(actor);
    await this.ds.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('proposal_settings:' || $1::text))`, [year]);
      const [s] = await em.query('SELECT appraisal_working_days, version FROM proposal_settings WHERE year = $1 FOR UPDATE', [year]);
      if (s) {
        if (dto.version !== undefined) assertVersion(s, dto.version, `Thời hạn thẩm định năm ${year}`);
        if (s.appraisal_working_days === dto.appraisalWorkingDays) return;
        await em.query('UPDATE proposal_settings SET appraisal_working_days = $2, updated_by = $3, updated_at = now(), version = version + 1 WHERE year = $1', [year, dto.appraisalWorkingDays, actor.id]);
      } else {
        await em.query('INSERT INTO proposal_settings (year, appraisal_working_days, updated_by, version) VALUES ($1,$2,$3,1)', [year, dto.appraisalWorkingDays, actor.id]);
      }
      await this.audit.record(em, actor, {
        action: 'proposal.setting', entityType: 'proposal_setting', entityId: null,
        before: { year, appraisalWorkingDays: s?.appraisal_working_days ?? DEFAULT_APPRAISAL_WORKING_DAYS }, after: { year, appraisalWorkingDays: dto.appraisalWorkingDays },
      });
    });
    return this.appraisalDeadline(year);
  }

  // ---------------------------------------------------------------- the board's work calendar

  async workCalendar(year: number): Promise<WorkCalendarYearDto> {
    const rows: { day: string; kind: 'holiday' | 'make_up'; name: string }[] = await this.ds.query(
      `SELECT day::text AS day, kind, name FROM work_calendar_days WHERE extract(year FROM day) = $1 ORDER BY day`, [year]);
    const known: { y: number }[] = await this.ds.query(`SELECT DISTINCT extract(year FROM day)::int AS y FROM work_calendar_days ORDER BY 1`);
    return { year, known: rows.length > 0, days: rows.map((r) => ({ date: r.day, kind: r.kind, name: r.name })), knownYears: known.map((k) => k.y) };
  }

  /** The board enters (or corrects) a year's days off and weekend days worked, as the official schedule is announced. */
  async enterWorkCalendar(actor: Actor, year: number, dto: UpdateWorkCalendarDto): Promise<WorkCalendarYearDto> {
    ProposalsPolicy.assertBoard(actor);
    const problems = calendarYearProblems(year, dto.days);
    if (Object.keys(problems).length) throw badRequest('validation_failed', `Lịch nghỉ năm ${year} không hợp lệ: ${Object.values(problems).join('; ')}.`, problems);
    await this.ds.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('work_calendar:' || $1::text))`, [year]);
      const before: { day: string; kind: string; name: string }[] = await em.query(
        `SELECT day::text AS day, kind, name FROM work_calendar_days WHERE extract(year FROM day) = $1 ORDER BY day`, [year]);
      const after = [...dto.days].sort((a, b) => a.date.localeCompare(b.date));
      if (JSON.stringify(before.map((b) => [b.day, b.kind, b.name])) === JSON.stringify(after.map((a) => [a.date, a.kind, a.name]))) return;
      await em.query('DELETE FROM work_calendar_days WHERE extract(year FROM day) = $1', [year]);
      for (const d of after) await em.query('INSERT INTO work_calendar_days (day, kind, name, updated_by) VALUES ($1,$2,$3,$4)', [d.date, d.kind, d.name, actor.id]);
      await this.audit.record(em, actor, {
        action: 'work_calendar.update', entityType: 'work_calendar', entityId: null,
        before: { year, days: before.map((b) => ({ date: b.day, kind: b.kind, name: b.name })) }, after: { year, days: after },
      });
    });
    return this.workCalendar(year);
  }
}
