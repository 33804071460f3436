import type { EntityManager } from 'typeorm';
import { type KnownWorkCalendar, workCalendar } from './rules';

/** The board's appraisal deadline per year (proposal_settings) and its work calendar (work_calendar_days). */

type Sql = Pick<EntityManager, 'query'>;

export type CalendarDayKind = 'holiday' | 'make_up';

export interface CalendarDayRow {
  day: string;
  kind: CalendarDayKind;
  name: string;
}

// ─── Appraisal deadline ─────────────────────────────────────────────────────────────────────────────

/** The year's appraisal setting; undefined when the board has not set one. */
export async function appraisalSetting(em: Sql, year: number): Promise<{ year: number; appraisalWorkingDays: number; version: number; updatedAt: Date } | undefined> {
  const [s]: { year: number; appraisalWorkingDays: number; version: number; updatedAt: Date }[] = await em.query(
    'SELECT year, appraisal_working_days AS "appraisalWorkingDays", version, updated_at AS "updatedAt" FROM proposal_settings WHERE year = $1', [year]);
  return s;
}

/** The year's appraisal working days as set by the board; undefined when it has not set them. */
export async function appraisalWorkingDaysOf(em: Sql, year: number): Promise<number | undefined> {
  const [s]: { appraisalWorkingDays: number }[] = await em.query('SELECT appraisal_working_days AS "appraisalWorkingDays" FROM proposal_settings WHERE year = $1', [year]);
  return s?.appraisalWorkingDays;
}

/** Serialises the writes of one year's setting (transaction-scoped advisory lock). */
export async function lockSettingYear(em: Sql, year: number): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext('proposal_settings:' || $1::text))`, [year]);
}

/** The year's setting, locked for update; undefined when there is none. */
export async function settingForUpdate(em: Sql, year: number): Promise<{ appraisalWorkingDays: number; version: number } | undefined> {
  const [s]: { appraisalWorkingDays: number; version: number }[] = await em.query(
    'SELECT appraisal_working_days AS "appraisalWorkingDays", version FROM proposal_settings WHERE year = $1 FOR UPDATE', [year]);
  return s;
}

export async function updateSetting(em: Sql, year: number, appraisalWorkingDays: number, actorId: string): Promise<void> {
  await em.query('UPDATE proposal_settings SET appraisal_working_days = $2, updated_by = $3, updated_at = now(), version = version + 1 WHERE year = $1', [year, appraisalWorkingDays, actorId]);
}

export async function insertSetting(em: Sql, year: number, appraisalWorkingDays: number, actorId: string): Promise<void> {
  await em.query('INSERT INTO proposal_settings (year, appraisal_working_days, updated_by, version) VALUES ($1,$2,$3,1)', [year, appraisalWorkingDays, actorId]);
}

// ─── Work calendar ──────────────────────────────────────────────────────────────────────────────────

/** The board's work calendar, as the working-day arithmetic takes it. */
export async function loadWorkCalendar(em: Sql): Promise<KnownWorkCalendar> {
  const rows: { day: string; kind: CalendarDayKind }[] = await em.query(`SELECT day::text AS day, kind FROM work_calendar_days ORDER BY day`);
  return workCalendar(rows.map((r) => ({ date: r.day, kind: r.kind })));
}

/** A year's days off and weekend days worked, by date ('yyyy-mm-dd'). */
export async function calendarDaysOf(em: Sql, year: number): Promise<CalendarDayRow[]> {
  return em.query(`SELECT day::text AS day, kind, name FROM work_calendar_days WHERE extract(year FROM day) = $1 ORDER BY day`, [year]);
}

/** The years the calendar has days for. */
export async function knownCalendarYears(em: Sql): Promise<number[]> {
  const known: { y: number }[] = await em.query(`SELECT DISTINCT extract(year FROM day)::int AS y FROM work_calendar_days ORDER BY 1`);
  return known.map((k) => k.y);
}

/** Serialises the writes of one year's calendar (transaction-scoped advisory lock). */
export async function lockCalendarYear(em: Sql, year: number): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext('work_calendar:' || $1::text))`, [year]);
}

/** Replaces a year's days with these (in this order). */
export async function replaceCalendarYear(em: Sql, year: number, days: { date: string; kind: CalendarDayKind; name: string }[], actorId: string): Promise<void> {
  await em.query('DELETE FROM work_calendar_days WHERE extract(year FROM day) = $1', [year]);
  for (const d of days) await em.query('INSERT INTO work_calendar_days (day, kind, name, updated_by) VALUES ($1,$2,$3,$4)', [d.date, d.kind, d.name, actorId]);
}
