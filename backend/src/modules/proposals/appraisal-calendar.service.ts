import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/actor';
import { badRequest } from '../../common/app-error';
import { assertVersion } from '../../common/versioning';
import { AuditService } from '../audit/audit.service';
import { SettingDto, UpdateSettingDto, UpdateWorkCalendarDto, WorkCalendarYearDto } from './dto/proposal.dto';
import {
  appraisalSetting, calendarDaysOf, insertSetting, knownCalendarYears, lockCalendarYear, lockSettingYear, replaceCalendarYear, settingForUpdate, updateSetting,
} from './calendar-data';
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
    const s = await appraisalSetting(this.ds, year);
    return s
      ? { year, appraisalWorkingDays: s.appraisalWorkingDays, isDefault: false, version: s.version, updatedAt: iso(s.updatedAt) }
      : { year, appraisalWorkingDays: DEFAULT_APPRAISAL_WORKING_DAYS, isDefault: true, version: 0, updatedAt: null };
  }

  // ---------------------------------------------------------------- the board's settings

  async setAppraisalDeadline(actor: Actor, year: number, dto: UpdateSettingDto): Promise<SettingDto> {
    ProposalsPolicy.assertBoard(actor);
    await this.ds.transaction(async (em) => {
      await lockSettingYear(em, year);
      const s = await settingForUpdate(em, year);
      if (s) {
        if (dto.version !== undefined) assertVersion(s, dto.version, `Thời hạn thẩm định năm ${year}`);
        if (s.appraisalWorkingDays === dto.appraisalWorkingDays) return;
        await updateSetting(em, year, dto.appraisalWorkingDays, actor.id);
      } else {
        await insertSetting(em, year, dto.appraisalWorkingDays, actor.id);
      }
      await this.audit.record(em, actor, {
        action: 'proposal.setting', entityType: 'proposal_setting', entityId: null,
        before: { year, appraisalWorkingDays: s?.appraisalWorkingDays ?? DEFAULT_APPRAISAL_WORKING_DAYS }, after: { year, appraisalWorkingDays: dto.appraisalWorkingDays },
      });
    });
    return this.appraisalDeadline(year);
  }

  // ---------------------------------------------------------------- the board's work calendar

  async workCalendar(year: number): Promise<WorkCalendarYearDto> {
    const rows = await calendarDaysOf(this.ds, year);
    const knownYears = await knownCalendarYears(this.ds);
    return { year, known: rows.length > 0, days: rows.map((r) => ({ date: r.day, kind: r.kind, name: r.name })), knownYears };
  }

  /** The board enters (or corrects) a year's days off and weekend days worked, as the official schedule is announced. */
  async enterWorkCalendar(actor: Actor, year: number, dto: UpdateWorkCalendarDto): Promise<WorkCalendarYearDto> {
    ProposalsPolicy.assertBoard(actor);
    const problems = calendarYearProblems(year, dto.days);
    if (Object.keys(problems).length) throw badRequest('validation_failed', `Lịch nghỉ năm ${year} không hợp lệ: ${Object.values(problems).join('; ')}.`, problems);
    await this.ds.transaction(async (em) => {
      await lockCalendarYear(em, year);
      const before = await calendarDaysOf(em, year);
      const after = [...dto.days].sort((a, b) => a.date.localeCompare(b.date));
      if (JSON.stringify(before.map((b) => [b.day, b.kind, b.name])) === JSON.stringify(after.map((a) => [a.date, a.kind, a.name]))) return;
      await replaceCalendarYear(em, year, after, actor.id);
      await this.audit.record(em, actor, {
        action: 'work_calendar.update', entityType: 'work_calendar', entityId: null,
        before: { year, days: before.map((b) => ({ date: b.day, kind: b.kind, name: b.name })) }, after: { year, days: after },
      });
    });
    return this.workCalendar(year);
  }
}
