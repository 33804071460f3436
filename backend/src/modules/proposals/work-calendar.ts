import type { EntityManager } from 'typeorm';
import { type KnownWorkCalendar, workCalendar } from './rules';

/** The board's work calendar (work_calendar_days), as the working-day arithmetic takes it. */
export async function loadWorkCalendar(em: EntityManager): Promise<KnownWorkCalendar> {
  const rows: { day: string; kind: 'holiday' | 'make_up' }[] = await em.query(`SELECT day::text AS day, kind FROM work_calendar_days ORDER BY day`);
  return workCalendar(rows.map((r) => ({ date: r.day, kind: r.kind })));
}
