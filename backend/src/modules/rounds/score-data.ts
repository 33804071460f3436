import type { EntityManager } from 'typeorm';
import type { HashedScoreRow } from './score-hash';
import type { Source } from './round-results';

/**
 * The rounds module's SQL over score rows (score_entries): one row read and written with its version check
 * (score-store.ts keeps the rules and the audit), a unit's rows, the rows a check or a hash needs.
 */

type Sql = Pick<EntityManager, 'query'>;

/** A score row as the API shows it (`updatedByName`: the account that saved it last, when read with it). */
export interface StoredScoreRow {
  id: string;
  criterionId: string;
  unitId: string;
  source: Source;
  scorerUnitId: string;
  score: number | null;
  passed: boolean | null;
  count: number | null;
  actual: number | null;
  items: Record<string, number> | null;
  note: string;
  version: number;
  updatedAt: Date;
  updatedByName?: string | null;
}

/** The values a save writes into a row (items as JSON text). */
export interface ScoreValue {
  score: number | null;
  passed: boolean | null;
  count: number | null;
  actual: number | null;
  items: string | null;
  note: string;
}

/** The values a versioned write replaced (the row as the statement found it). */
export interface ReplacedValues {
  oldScore: number | null;
  oldPassed: boolean | null;
  oldCount: number | null;
  oldActual: number | null;
  oldItems: Record<string, number> | null;
  oldNote: string;
}

/** Which row of a sheet: a peer row is also keyed by its scorer. */
export interface ScoreKey {
  roundId: string;
  unitId: string;
  criterionId: string;
  source: Source;
  scorerUnitId: string;
}

/** A row whose state a save was checked against, as read (`xmin` changes with every update of the row). */
export interface CheckedRow {
  table: 'scoring_rounds' | 'self_assessments';
  id: string;
  xmin: string;
}

/** The columns of a score row as the API shows it (`e` is score_entries). */
const RETURNED = `e.id, e.criterion_id AS "criterionId", e.unit_id AS "unitId", e.source, e.scorer_unit_id AS "scorerUnitId", e.score::float8 AS score,
  e.passed, e.count, e.actual::float8 AS actual, e.items, e.note, e.version, e.updated_at AS "updatedAt"`;

const SELECT_SCORE_ROW = `
  SELECT e.id, e.criterion_id AS "criterionId", e.unit_id AS "unitId", e.source, e.scorer_unit_id AS "scorerUnitId", e.score::float8 AS score,
         e.passed, e.count, e.actual::float8 AS actual, e.items, e.note, e.version, e.updated_at AS "updatedAt", a.full_name AS "updatedByName"
  FROM score_entries e LEFT JOIN accounts a ON a.id = e.updated_by`;

const whereOf = (k: ScoreKey) => k.source === 'peer'
  ? { sql: 'e.round_id = $1 AND e.unit_id = $2 AND e.criterion_id = $3 AND e.source = $4 AND e.scorer_unit_id = $5', params: [k.roundId, k.unitId, k.criterionId, k.source, k.scorerUnitId] }
  : { sql: 'e.round_id = $1 AND e.unit_id = $2 AND e.criterion_id = $3 AND e.source = $4', params: [k.roundId, k.unitId, k.criterionId, k.source] };

/**
 * The versioned write of a row the client has seen: the version check, the row lock and the write in one statement,
 * with the values it replaced (`old`, the row as this statement found it). A save that changes nothing writes nothing.
 * `$1…$n` are the row's key (`whereOf`); the values follow.
 */
const versionedUpdate = (where: { sql: string; params: unknown[] }, n = where.params.length) => `UPDATE score_entries e SET score = $${n + 1}, passed = $${n + 2}, count = $${n + 3}, actual = $${n + 4}, items = $${n + 5}, note = $${n + 6},
         updated_by = $${n + 7}, updated_at = now(), version = e.version + 1
       FROM score_entries old
       WHERE old.id = e.id AND ${where.sql} AND e.version = $${n + 8}
         AND (old.score, old.passed, old.count, old.actual, old.items, old.note)
             IS DISTINCT FROM ($${n + 1}::numeric, $${n + 2}::boolean, $${n + 3}::int, $${n + 4}::numeric, $${n + 5}::jsonb, $${n + 6}::text)`;
const REPLACED = `old.score::float8 AS "oldScore", old.passed AS "oldPassed", old.count AS "oldCount", old.actual::float8 AS "oldActual", old.items AS "oldItems", old.note AS "oldNote"`;

const valueParams = (v: ScoreValue, updatedBy: string) => [v.score, v.passed, v.count, v.actual, v.items, v.note, updatedBy];

/**
 * The versioned write as ONE statement: it takes the `checked` rows FOR SHARE only if none has changed since it was
 * read, writes the row with its version check, and appends the audit entry `entry` gives (its SQL reads the written
 * row as `u`; `first`: the number of its first parameter; `code`: the parameter holding `criterionCode`).
 * Undefined when it wrote nothing.
 */
export async function updateSeenRowAtOnce(
  q: Sql, k: ScoreKey, v: ScoreValue, updatedBy: string, version: number, criterionCode: string, checked: readonly CheckedRow[],
  entry: (first: number, code: number) => { sql: string; params: unknown[] },
): Promise<(StoredScoreRow & ReplacedValues) | undefined> {
  const where = whereOf(k);
  const n = where.params.length;
  const params: unknown[] = [...where.params, ...valueParams(v, updatedBy), version, criterionCode];
  const guards = checked.map((c, i) => {
    params.push(c.id, c.xmin);
    return `g${i} AS (SELECT 1 FROM ${c.table} WHERE id = $${params.length - 1} AND xmin::text = $${params.length} FOR SHARE)`;
  });
  const audit = entry(params.length + 1, n + 9);
  const [row]: (StoredScoreRow & ReplacedValues)[] = await q.query(
    `WITH ${guards.map((g) => `${g}, `).join('')}
       u AS (${versionedUpdate(where)}${guards.map((_, i) => ` AND EXISTS (SELECT 1 FROM g${i})`).join('')}
             RETURNING ${RETURNED}, ${REPLACED}),
       entry AS (${audit.sql})
     SELECT * FROM u`,
    [...params, ...audit.params]);
  return row;
}

/** The versioned write of a row the client has seen (version `version`), with the values it replaced; undefined when it wrote nothing. */
export async function updateSeenRow(em: Sql, k: ScoreKey, v: ScoreValue, updatedBy: string, version: number): Promise<(StoredScoreRow & ReplacedValues) | undefined> {
  const where = whereOf(k);
  // An UPDATE answers [rows, count] through TypeORM.
  const [[row]]: [(StoredScoreRow & ReplacedValues)[], number] = await em.query(`${versionedUpdate(where)} RETURNING ${RETURNED}, ${REPLACED}`,
    [...where.params, ...valueParams(v, updatedBy), version]);
  return row;
}

/** The row as it is now (no lock), with who saved it last; undefined when there is none. */
export async function currentScoreRow(em: Sql, k: ScoreKey): Promise<StoredScoreRow | undefined> {
  const where = whereOf(k);
  const [row]: StoredScoreRow[] = await em.query(`${SELECT_SCORE_ROW} WHERE ${where.sql}`, where.params);
  return row;
}

/** A new row (version 1) unless one is there already; undefined then. */
export async function insertScoreRow(
  em: Sql, k: ScoreKey, node: { type: string; max: number }, v: ScoreValue, updatedBy: string,
): Promise<StoredScoreRow | undefined> {
  const [inserted]: StoredScoreRow[] = await em.query(
    `INSERT INTO score_entries AS e (round_id, unit_id, criterion_id, source, scorer_unit_id, criterion_type, max_points, score, passed, count, actual, items, note, updated_by, version)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,1) ON CONFLICT DO NOTHING RETURNING ${RETURNED}`,
    [k.roundId, k.unitId, k.criterionId, k.source, k.scorerUnitId, node.type, node.max, ...valueParams(v, updatedBy)]);
  return inserted;
}

/** Every score row of a unit in the round (all sources), with who saved each last. */
export async function unitScoreRows(em: Sql, roundId: string, unitId: string): Promise<StoredScoreRow[]> {
  return em.query(`${SELECT_SCORE_ROW} WHERE e.round_id = $1 AND e.unit_id = $2`, [roundId, unitId]);
}

/** The version and note of a unit's self row of a criterion; undefined when it has none. */
export async function selfRowVersion(em: Sql, roundId: string, unitId: string, criterionId: string): Promise<{ version: number; note: string } | undefined> {
  const [current]: { version: number; note: string }[] = await em.query(
    `SELECT version, note FROM score_entries WHERE round_id = $1 AND unit_id = $2 AND criterion_id = $3 AND source = 'self'`, [roundId, unitId, criterionId]);
  return current;
}

/** A unit's self score and actual value of a criterion; undefined when it has no self row. */
export async function selfScoreOf(em: Sql, roundId: string, unitId: string, criterionId: string): Promise<{ score: number | null; actual: number | null } | undefined> {
  const [self]: { score: number | null; actual: number | null }[] = await em.query(
    `SELECT score::float8 AS score, actual::float8 AS actual FROM score_entries WHERE round_id = $1 AND unit_id = $2 AND criterion_id = $3 AND source = 'self'`,
    [roundId, unitId, criterionId]);
  return self;
}

/** The self, counted peer and leader scores of a unit's criterion (for an explanation). */
export async function loweringScores(em: Sql, roundId: string, unitId: string, criterionId: string): Promise<{ source: string; scorerUnitId: string; score: number | null; actual: number | null }[]> {
  return em.query(
    `SELECT e.source, e.scorer_unit_id AS "scorerUnitId", e.score::float8 AS score, e.actual::float8 AS actual FROM score_entries e
     WHERE e.round_id = $1 AND e.unit_id = $2 AND e.criterion_id = $3 AND e.source IN ('self','peer','leader')
       AND (e.source <> 'peer' OR EXISTS (SELECT 1 FROM review_assignments a WHERE a.round_id = e.round_id AND a.reviewer_unit_id = e.scorer_unit_id AND a.reviewee_unit_id = e.unit_id AND a.status = 'active'))`,
    [roundId, unitId, criterionId]);
}

/** Whether any score other than self-assessment has been saved in the round. */
export async function othersHaveScored(em: Sql, roundId: string): Promise<boolean> {
  const [started] = await em.query(`SELECT 1 FROM score_entries WHERE round_id = $1 AND source <> 'self' LIMIT 1`, [roundId]);
  return !!started;
}

/** Whether any peer score has been saved in the round. */
export async function peersHaveScored(em: Sql, roundId: string): Promise<boolean> {
  const [started] = await em.query(`SELECT 1 FROM score_entries WHERE round_id = $1 AND source = 'peer' LIMIT 1`, [roundId]);
  return !!started;
}

/** Every score row of the round as its hash covers it, in id order. */
export async function hashedScoreRows(em: Sql, roundId: string): Promise<HashedScoreRow[]> {
  return em.query(
    `SELECT id, round_id AS "roundId", unit_id AS "unitId", criterion_id AS "criterionId", source, scorer_unit_id AS "scorerUnitId", score::float8 AS score,
            passed, count, actual::float8 AS actual, items, note, version
     FROM score_entries WHERE round_id = $1 ORDER BY id`, [roundId]);
}
