import { MigrationInterface, QueryRunner } from 'typeorm';
import { OFFICIAL_SCHEDULES } from '../../modules/proposals/rules/official-holidays';

/**
 * The board's work calendar (issue 20, point 10): days off and weekend days worked, kept per year as data
 * (they were code for 2024–2026). Starts with the official schedules known when written; a year without
 * rows is one the board has not entered, and deadlines reaching into it are flagged.
 */
export class WorkCalendar1765400000000 implements MigrationInterface {
  name = 'WorkCalendar1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE work_calendar_days (
      day date PRIMARY KEY,
      kind varchar(16) NOT NULL,
      name varchar(255) NOT NULL DEFAULT '',
      updated_by uuid NULL REFERENCES accounts(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT ck_work_calendar_days_kind CHECK (kind IN ('holiday','make_up')),
      CONSTRAINT ck_work_calendar_days_make_up_weekend CHECK (kind <> 'make_up' OR extract(isodow FROM day) IN (6, 7))
    )`);
    for (const days of Object.values(OFFICIAL_SCHEDULES)) {
      for (const d of days) await q.query('INSERT INTO work_calendar_days (day, kind, name) VALUES ($1, $2, $3)', [d.date, d.kind, d.name]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE work_calendar_days');
  }
}
