import type { EntityManager } from 'typeorm';
import type { DisciplineFlagDto, UnitTitleDto } from './dto/awards.dto';

/**
 * The SQL of titles (unit_titles) and disciplinary flags (unit_discipline_flags): the filtered lists, one record
 * (optionally locked), the writes. Every function runs on the caller's EntityManager, so inside its transaction.
 */

type Sql = Pick<EntityManager, 'query'>;

const TITLE_SELECT = `SELECT t.id, t.unit_id AS "unitId", u.name AS "unitName", t.year, t.title, t.decision_number AS "decisionNumber",
  to_char(t.decision_date, 'YYYY-MM-DD') AS "decisionDate", t.note, t.version
  FROM unit_titles t JOIN units u ON u.id = t.unit_id`;
const FLAG_SELECT = `SELECT t.id, t.unit_id AS "unitId", u.name AS "unitName", t.year, t.reason, t.decision_number AS "decisionNumber",
  to_char(t.decision_date, 'YYYY-MM-DD') AS "decisionDate", t.version
  FROM unit_discipline_flags t JOIN units u ON u.id = t.unit_id`;

/** What a list of titles or flags is filtered by. */
export interface UnitRecordFilter {
  /** The members of this block year, in its year. */
  blockYear?: { id: string; year: number };
  year?: number;
  unitId?: string;
  /** Set for everyone but the board: only this unit and units of a block whose seat (leader, deputy) it holds that year. */
  seatOf?: { unitId: string | null };
}

function where(f: UnitRecordFilter): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.blockYear) {
    conditions.push(`t.year = ${p(f.blockYear.year)} AND t.unit_id IN (SELECT unit_id FROM block_year_members WHERE block_year_id = ${p(f.blockYear.id)})`);
  }
  if (f.year !== undefined) conditions.push(`t.year = ${p(f.year)}`);
  if (f.unitId) conditions.push(`t.unit_id = ${p(f.unitId)}`);
  if (f.seatOf) {
    const me = p(f.seatOf.unitId);
    conditions.push(`(t.unit_id = ${me} OR EXISTS (SELECT 1 FROM block_year_members m JOIN block_years y ON y.id = m.block_year_id
      WHERE m.unit_id = t.unit_id AND m.year = t.year AND (y.leader_unit_id = ${me} OR y.deputy_unit_id = ${me})))`);
  }
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** The year of a block year, if it exists. */
export async function yearOfBlockYear(em: Sql, blockYearId: string): Promise<number | undefined> {
  const [y]: { year: number }[] = await em.query('SELECT year FROM block_years WHERE id = $1', [blockYearId]);
  return y?.year;
}

/** The name of a unit, if it exists. */
export async function unitName(em: Sql, unitId: string): Promise<string | undefined> {
  const [u]: { name: string }[] = await em.query('SELECT name FROM units WHERE id = $1', [unitId]);
  return u?.name;
}

// ─── Titles ─────────────────────────────────────────────────────────────────────────────────────────

export async function listTitles(em: Sql, f: UnitRecordFilter): Promise<UnitTitleDto[]> {
  const w = where(f);
  return em.query(`${TITLE_SELECT} ${w.sql} ORDER BY t.year DESC, u.name, t.title`, w.params);
}

/** One title; `lock` takes it FOR UPDATE. */
export async function titleById(em: Sql, id: string, lock = false): Promise<UnitTitleDto | undefined> {
  const [row]: UnitTitleDto[] = await em.query(`${TITLE_SELECT} WHERE t.id = $1${lock ? ' FOR UPDATE OF t' : ''}`, [id]);
  return row;
}

/** Whether the unit has the title (case-insensitive) in the year, on a record other than `exceptId`. */
export async function titleTaken(em: Sql, unitId: string, year: number, title: string, exceptId?: string): Promise<boolean> {
  const [dup] = exceptId === undefined
    ? await em.query('SELECT id FROM unit_titles WHERE unit_id = $1 AND year = $2 AND lower(title) = lower($3)', [unitId, year, title])
    : await em.query('SELECT id FROM unit_titles WHERE unit_id = $1 AND year = $2 AND lower(title) = lower($3) AND id <> $4', [unitId, year, title, exceptId]);
  return !!dup;
}

export interface NewTitle {
  unitId: string;
  year: number;
  title: string;
  decisionNumber: string;
  decisionDate: string | null;
  note: string;
}

/** Adds a title; answers its id. */
export async function insertTitle(em: Sql, t: NewTitle, actorId: string): Promise<string> {
  const [{ id }]: { id: string }[] = await em.query(
    `INSERT INTO unit_titles (unit_id, year, title, decision_number, decision_date, note, created_by, updated_by, version) VALUES ($1,$2,$3,$4,$5,$6,$7,$7,1) RETURNING id`,
    [t.unitId, t.year, t.title, t.decisionNumber, t.decisionDate, t.note, actorId]);
  return id;
}

export async function updateTitle(em: Sql, id: string, t: Pick<UnitTitleDto, 'title' | 'decisionNumber' | 'decisionDate' | 'note'>, actorId: string): Promise<void> {
  await em.query(
    `UPDATE unit_titles SET title = $2, decision_number = $3, decision_date = $4, note = $5, updated_by = $6, updated_at = now(), version = version + 1 WHERE id = $1`,
    [id, t.title, t.decisionNumber, t.decisionDate, t.note, actorId]);
}

export async function deleteTitle(em: Sql, id: string): Promise<void> {
  await em.query('DELETE FROM unit_titles WHERE id = $1', [id]);
}

// ─── Disciplinary flags ─────────────────────────────────────────────────────────────────────────────

export async function listFlags(em: Sql, f: UnitRecordFilter): Promise<DisciplineFlagDto[]> {
  const w = where(f);
  return em.query(`${FLAG_SELECT} ${w.sql} ORDER BY t.year DESC, u.name, t.created_at`, w.params);
}

/** One flag; `lock` takes it FOR UPDATE. */
export async function flagById(em: Sql, id: string, lock = false): Promise<DisciplineFlagDto | undefined> {
  const [row]: DisciplineFlagDto[] = await em.query(`${FLAG_SELECT} WHERE t.id = $1${lock ? ' FOR UPDATE OF t' : ''}`, [id]);
  return row;
}

export interface NewFlag {
  unitId: string;
  year: number;
  reason: string;
  decisionNumber: string;
  decisionDate: string | null;
}

/** Adds a flag; answers its id. */
export async function insertFlag(em: Sql, f: NewFlag, actorId: string): Promise<string> {
  const [{ id }]: { id: string }[] = await em.query(
    `INSERT INTO unit_discipline_flags (unit_id, year, reason, decision_number, decision_date, created_by, updated_by, version) VALUES ($1,$2,$3,$4,$5,$6,$6,1) RETURNING id`,
    [f.unitId, f.year, f.reason, f.decisionNumber, f.decisionDate, actorId]);
  return id;
}

export async function updateFlag(em: Sql, id: string, f: Pick<DisciplineFlagDto, 'reason' | 'decisionNumber' | 'decisionDate'>, actorId: string): Promise<void> {
  await em.query(
    `UPDATE unit_discipline_flags SET reason = $2, decision_number = $3, decision_date = $4, updated_by = $5, updated_at = now(), version = version + 1 WHERE id = $1`,
    [id, f.reason, f.decisionNumber, f.decisionDate, actorId]);
}

export async function deleteFlag(em: Sql, id: string): Promise<void> {
  await em.query('DELETE FROM unit_discipline_flags WHERE id = $1', [id]);
}
