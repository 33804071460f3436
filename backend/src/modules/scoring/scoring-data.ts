import type { EntityManager } from 'typeorm';
import type { RuleSet } from '@thidua/rules';
import type { CriterionRow } from './scheme-tree';

/** The scoring module's SQL: schemes (versions of a year's scoring table) and their criteria rows. */

type Sql = Pick<EntityManager, 'query'>;

/** A criterion row as stored, with its version (optimistic locking). */
export interface StoredCriterion extends CriterionRow {
  version: number;
}

export interface SchemeRow {
  id: string;
  blockYearId: string;
  versionNo: number;
  title: string;
  totalMax: number;
  basedOnId: string | null;
  frozenAt: Date | null;
  version: number;
}

/** A version in the year's list, with the version it was based on, its rounds and its criteria (for validity). */
export interface SchemeListRow extends SchemeRow {
  basedOnVersionNo: number | null;
  /** The based-on version's year: set whenever `basedOnVersionNo` is. */
  basedOnYear: number | null;
  rounds: { id: string; title: string }[];
  criteria: CriterionRow[];
}

/** The row a copy to next year starts from. */
export interface SchemeSource {
  id: string;
  title: string;
  /** As PostgreSQL sends a numeric: text, passed on unchanged. */
  totalMax: string;
}

interface RawScheme {
  id: string;
  block_year_id: string;
  version_no: number;
  title: string;
  total_max: number;
  based_on_id: string | null;
  frozen_at: Date | null;
  version: number;
}

const toScheme = (r: RawScheme): SchemeRow => ({
  id: r.id, blockYearId: r.block_year_id, versionNo: r.version_no, title: r.title, totalMax: r.total_max, basedOnId: r.based_on_id, frozenAt: r.frozen_at, version: r.version,
});

const CRITERION_COLUMNS = `
  id, parent_id AS "parentId", code, title, guidance, type, max_points::float8 AS "maxPoints", sort_order AS "sortOrder",
  evidence_required AS "evidenceRequired", points_per_occurrence::float8 AS "pointsPerOccurrence", measure, items,
  not_applicable_unit_ids::text[] AS "notApplicableUnitIds", count_source AS "countSource", version`;
const SELECT_CRITERIA = `SELECT ${CRITERION_COLUMNS} FROM scoring_criteria WHERE scheme_id = $1`;

// ---------------------------------------------------------------- schemes

/** One query: each version of the year with its based-on version, its rounds and its criteria. */
export async function listSchemes(em: Sql, blockYearId: string): Promise<SchemeListRow[]> {
  const rows: (RawScheme & { based_on_version_no: number | null; based_on_year: number | null; rounds: { id: string; title: string }[]; criteria: CriterionRow[] })[] = await em.query(
    `SELECT s.id, s.block_year_id, s.version_no, s.title, s.total_max::float8 AS total_max, s.frozen_at, s.version, s.based_on_id,
              b.version_no AS based_on_version_no, base_year.year AS based_on_year,
              (SELECT coalesce(json_agg(json_build_object('id', r.id, 'title', r.title) ORDER BY r.created_at), '[]')
                 FROM scoring_rounds r WHERE r.scheme_id = s.id) AS rounds,
              (SELECT coalesce(json_agg(c), '[]') FROM (SELECT ${CRITERION_COLUMNS} FROM scoring_criteria WHERE scheme_id = s.id) c) AS criteria
       FROM scoring_schemes s
       LEFT JOIN scoring_schemes b ON b.id = s.based_on_id
       LEFT JOIN block_years base_year ON base_year.id = b.block_year_id
       WHERE s.block_year_id = $1 ORDER BY s.version_no DESC`, [blockYearId]);
  return rows.map((r) => ({ ...toScheme(r), basedOnVersionNo: r.based_on_version_no, basedOnYear: r.based_on_year, rounds: r.rounds, criteria: r.criteria }));
}

/** A scheme, locked FOR UPDATE when `lock`; undefined when there is none. */
export async function findScheme(em: Sql, id: string, lock: boolean): Promise<SchemeRow | undefined> {
  const [row]: RawScheme[] = await em.query(
    `SELECT id, block_year_id, version_no, title, total_max::float8 AS total_max, based_on_id, frozen_at, version FROM scoring_schemes WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return row ? toScheme(row) : undefined;
}

/** The number the year's next version takes. */
export async function nextVersionNo(em: Sql, blockYearId: string): Promise<number> {
  const [{ next }]: { next: number }[] = await em.query('SELECT coalesce(max(version_no), 0) + 1 AS next FROM scoring_schemes WHERE block_year_id = $1', [blockYearId]);
  return next;
}

export async function insertScheme(
  em: Sql,
  s: { blockYearId: string; versionNo: number; title: string; totalMax: number; basedOnId: string | null; createdBy: string },
): Promise<string> {
  const [row]: { id: string }[] = await em.query(
    `INSERT INTO scoring_schemes (block_year_id, version_no, title, total_max, based_on_id, created_by, version) VALUES ($1,$2,$3,$4,$5,$6,1) RETURNING id`,
    [s.blockYearId, s.versionNo, s.title, s.totalMax, s.basedOnId, s.createdBy]);
  return row.id;
}

/** Sets the title and declared total, bumping the version. */
export async function updateSchemeHeader(em: Sql, id: string, title: string, totalMax: number): Promise<void> {
  await em.query('UPDATE scoring_schemes SET title = $2, total_max = $3, version = version + 1, updated_at = now() WHERE id = $1', [id, title, totalMax]);
}

export async function bumpSchemeVersion(em: Sql, id: string): Promise<void> {
  await em.query('UPDATE scoring_schemes SET version = version + 1, updated_at = now() WHERE id = $1', [id]);
}

export async function freezeScheme(em: Sql, id: string): Promise<void> {
  await em.query('UPDATE scoring_schemes SET frozen_at = now(), version = version + 1, updated_at = now() WHERE id = $1', [id]);
}

export async function deleteScheme(em: Sql, id: string): Promise<void> {
  await em.query('DELETE FROM scoring_schemes WHERE id = $1', [id]);
}

/** Whether a round uses the scheme. */
export async function schemeInUse(em: Sql, id: string): Promise<boolean> {
  const [used] = await em.query('SELECT 1 FROM scoring_rounds WHERE scheme_id = $1 LIMIT 1', [id]);
  return !!used;
}

/** The rounds that use the scheme, oldest first. */
export async function roundsOfScheme(em: Sql, id: string): Promise<{ id: string; title: string }[]> {
  return em.query('SELECT id, title FROM scoring_rounds WHERE scheme_id = $1 ORDER BY created_at', [id]);
}

// ---------------------------------------------------------------- the year (read, or locked to number versions)

/** Serialises version numbering per year. */
export async function lockBlockYear(em: Sql, blockYearId: string): Promise<void> {
  await em.query('SELECT id FROM block_years WHERE id = $1 FOR UPDATE', [blockYearId]);
}

export async function blockYearOf(em: Sql, blockYearId: string): Promise<{ blockId: string; year: number }> {
  const [src]: { block_id: string; year: number }[] = await em.query('SELECT y.block_id, y.year FROM block_years y WHERE y.id = $1', [blockYearId]);
  return { blockId: src.block_id, year: src.year };
}

/** The year's rule set as stored (no defaults filled in). */
export async function storedRules(em: Sql, blockYearId: string): Promise<RuleSet> {
  const [{ rules }]: { rules: RuleSet }[] = await em.query('SELECT rules FROM block_years WHERE id = $1', [blockYearId]);
  return rules;
}

export async function blockIdOfYear(em: Sql, blockYearId: string): Promise<string> {
  const [y]: { block_id: string }[] = await em.query('SELECT block_id FROM block_years WHERE id = $1', [blockYearId]);
  return y.block_id;
}

// ---------------------------------------------------------------- criteria

/** The criteria rows of a scheme, with their versions. */
export async function selectCriteria(em: Sql, schemeId: string): Promise<StoredCriterion[]> {
  return em.query(SELECT_CRITERIA, [schemeId]);
}

export async function deleteCriteria(em: Sql, ids: string[]): Promise<void> {
  await em.query('DELETE FROM scoring_criteria WHERE id = ANY($1::uuid[])', [ids]);
}

export async function insertCriterion(em: Sql, schemeId: string, r: CriterionRow): Promise<void> {
  await em.query(
    `INSERT INTO scoring_criteria (id, scheme_id, parent_id, code, title, guidance, type, max_points, sort_order, evidence_required, points_per_occurrence, measure, items, not_applicable_unit_ids, count_source, version)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14::uuid[],$15,1)`,
    [r.id, schemeId, r.parentId, r.code, r.title, r.guidance, r.type, r.maxPoints, r.sortOrder, r.evidenceRequired, r.pointsPerOccurrence, r.measure, JSON.stringify(r.items), r.notApplicableUnitIds, r.countSource ?? null]);
}

/** Writes every editable field of a row, bumping its version. */
export async function updateCriterion(em: Sql, r: CriterionRow): Promise<void> {
  await em.query(
    `UPDATE scoring_criteria SET parent_id = $2, code = $3, title = $4, guidance = $5, type = $6, max_points = $7, sort_order = $8, evidence_required = $9,
           points_per_occurrence = $10, measure = $11, items = $12, not_applicable_unit_ids = $13::uuid[], count_source = $14, version = version + 1, updated_at = now() WHERE id = $1`,
    [r.id, r.parentId, r.code, r.title, r.guidance, r.type, r.maxPoints, r.sortOrder, r.evidenceRequired, r.pointsPerOccurrence, r.measure, JSON.stringify(r.items), r.notApplicableUnitIds, r.countSource ?? null]);
}

// ---------------------------------------------------------------- next year

/** The scheme of the year's latest year-end round, else its latest version. */
export async function schemeToCarryOver(em: Sql, fromYearId: string): Promise<SchemeSource | undefined> {
  const [source]: { id: string; title: string; total_max: string }[] = await em.query(
    `SELECT s.id, s.title, s.total_max FROM scoring_schemes s
       LEFT JOIN LATERAL (SELECT max(r.created_at) AS used_at FROM scoring_rounds r WHERE r.scheme_id = s.id AND r.kind = 'year_end') r ON true
       WHERE s.block_year_id = $1 ORDER BY r.used_at DESC NULLS LAST, s.version_no DESC LIMIT 1`, [fromYearId]);
  return source ? { id: source.id, title: source.title, totalMax: source.total_max } : undefined;
}

/** Version 1 of next year's scheme. */
export async function insertFirstScheme(em: Sql, s: { blockYearId: string; title: string; totalMax: string; basedOnId: string; createdBy: string }): Promise<string> {
  const [row]: { id: string }[] = await em.query(
    `INSERT INTO scoring_schemes (block_year_id, version_no, title, total_max, based_on_id, created_by, version) VALUES ($1,1,$2,$3,$4,$5,1) RETURNING id`,
    [s.blockYearId, s.title, s.totalMax, s.basedOnId, s.createdBy]);
  return row.id;
}

/**
 * Copies a scheme's criteria under new ids, keeping only `memberIds` in the "not applicable" lists. One statement:
 * the composite parent key is checked at its end, so parents need not come first.
 */
export async function copyCriteria(em: Sql, fromSchemeId: string, toSchemeId: string, memberIds: string[]): Promise<void> {
  await em.query(
    `WITH m AS (SELECT id AS old_id, gen_random_uuid() AS new_id FROM scoring_criteria WHERE scheme_id = $1)
       INSERT INTO scoring_criteria (id, scheme_id, parent_id, code, title, guidance, type, max_points, sort_order, evidence_required, points_per_occurrence,
         measure, items, not_applicable_unit_ids, count_source, version)
       SELECT m.new_id, $2, pm.new_id, c.code, c.title, c.guidance, c.type, c.max_points, c.sort_order, c.evidence_required, c.points_per_occurrence,
         c.measure, c.items, ARRAY(SELECT x FROM unnest(c.not_applicable_unit_ids) AS x WHERE x = ANY($3::uuid[])), c.count_source, 1
       FROM scoring_criteria c JOIN m ON m.old_id = c.id LEFT JOIN m pm ON pm.old_id = c.parent_id`,
    [fromSchemeId, toSchemeId, memberIds]);
}

// ---------------------------------------------------------------- demo history

/**
 * Demo history: records when a demo scheme was frozen, at its round's back-dated opening (a real opening freezes
 * it at now() through `ScoringService.freezeForRound`). Leaves a frozen scheme, and the version, alone.
 */
export async function recordDemoFreeze(em: Sql, schemeId: string, at: Date): Promise<void> {
  await em.query('UPDATE scoring_schemes SET frozen_at = $2 WHERE id = $1 AND frozen_at IS NULL', [schemeId, at]);
}
