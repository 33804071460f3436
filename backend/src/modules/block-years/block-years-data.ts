import type { EntityManager } from 'typeorm';
import type { LegalInstrument, RuleSet } from '@thidua/rules';
import type { BlockYearStatus } from '../../domain/year-status';

/**
 * The block-years module's SQL: the year lists in scope, a year's block and members, the checks before a year is
 * set up, the writes of a year's rules and status, and the reads it needs from elsewhere (units, the adopted
 * rules version, the open rounds).
 */

type Sql = Pick<EntityManager, 'query'>;

/** A block year in a list, with its leader and deputy unit names and how many members it has. */
export interface BlockYearSummaryRow {
  id: string;
  blockId: string;
  blockName: string;
  year: number;
  status: BlockYearStatus;
  leaderUnitName: string | null;
  deputyUnitName: string | null;
  memberCount: number;
}

/** Which block years a list covers: the blocks in scope (null: every block), one block, one year. */
export interface BlockYearFilter {
  visible: string[] | null;
  blockId: string | null;
  year: number | null;
}

/** The summary columns, in the order the API answers them. */
const SUMMARY_COLUMNS = `y.id, y.block_id AS "blockId", b.name AS "blockName", y.year, y.status, lu.name AS "leaderUnitName", du.name AS "deputyUnitName",
              (SELECT count(*)::int FROM block_year_members m WHERE m.block_year_id = y.id) AS "memberCount"`;

export async function listBlockYears(em: Sql, f: BlockYearFilter): Promise<BlockYearSummaryRow[]> {
  return em.query(
    `SELECT ${SUMMARY_COLUMNS}
       FROM block_years y JOIN blocks b ON b.id = y.block_id
       LEFT JOIN units lu ON lu.id = y.leader_unit_id LEFT JOIN units du ON du.id = y.deputy_unit_id
       WHERE ($1::uuid[] IS NULL OR y.block_id = ANY($1::uuid[])) AND ($2::uuid IS NULL OR y.block_id = $2) AND ($3::int IS NULL OR y.year = $3)
       ORDER BY y.year DESC, b.name`, [f.visible, f.blockId, f.year]);
}

/** The years the blocks in scope have, latest first. */
export async function yearsInScope(em: Sql, visible: string[] | null): Promise<number[]> {
  const rows: { year: number }[] = await em.query(
    'SELECT DISTINCT year FROM block_years WHERE ($1::uuid[] IS NULL OR block_id = ANY($1::uuid[])) ORDER BY year DESC', [visible]);
  return rows.map((r) => r.year);
}

/** How many block years (and members in all) the blocks in scope have in a year (null: every year). */
export async function yearTotals(em: Sql, visible: string[] | null, year: number | null): Promise<{ blocks: number; members: number }> {
  const [totals]: { blocks: number; members: number }[] = await em.query(
    `SELECT count(*)::int AS blocks, coalesce(sum((SELECT count(*) FROM block_year_members m WHERE m.block_year_id = y.id)), 0)::int AS members
       FROM block_years y WHERE ($1::uuid[] IS NULL OR y.block_id = ANY($1::uuid[])) AND ($2::int IS NULL OR y.year = $2)`, [visible, year]);
  return totals;
}

/** One page of the year's block years in scope, searched (a LIKE pattern) by block name, code or leader unit; and how many match. */
export async function blockYearPage(em: Sql, q: { visible: string[] | null; year: number | null; search: string | null; pageSize: number; offset: number }): Promise<{ rows: BlockYearSummaryRow[]; total: number }> {
  const from = `FROM block_years y JOIN blocks b ON b.id = y.block_id
       LEFT JOIN units lu ON lu.id = y.leader_unit_id LEFT JOIN units du ON du.id = y.deputy_unit_id
       WHERE ($1::uuid[] IS NULL OR y.block_id = ANY($1::uuid[])) AND ($2::int IS NULL OR y.year = $2)
         AND ($3::text IS NULL OR lower(unaccent(b.name || ' ' || b.code || ' ' || coalesce(lu.name, ''))) LIKE lower(unaccent($3::text)))`;
  const [{ n }]: { n: number }[] = await em.query(`SELECT count(*)::int AS n ${from}`, [q.visible, q.year, q.search]);
  const rows: BlockYearSummaryRow[] = await em.query(
    `SELECT ${SUMMARY_COLUMNS}
       ${from} ORDER BY y.year DESC, b.name, y.id LIMIT $4 OFFSET $5`, [q.visible, q.year, q.search, q.pageSize, q.offset]);
  return { rows, total: n };
}

/** Name and code of a block. */
export async function blockNameAndCode(em: Sql, blockId: string): Promise<{ name: string; code: string }> {
  const [block]: { name: string; code: string }[] = await em.query('SELECT name, code FROM blocks WHERE id = $1', [blockId]);
  return block;
}

/** A block's year, found by the block's code (as the demo seeds name Khối thi đua số 4: 'KTĐ4'); undefined when it has none. */
export async function blockYearByCode(em: Sql, code: string, year: number): Promise<{
  id: string; blockId: string; year: number; leaderUnitId: string | null; deputyUnitId: string | null; rules: Partial<RuleSet> | null; blockCode: string; blockName: string;
} | undefined> {
  const [row] = await em.query(
    `SELECT y.id, y.block_id AS "blockId", y.year, y.leader_unit_id AS "leaderUnitId", y.deputy_unit_id AS "deputyUnitId", y.rules, b.code AS "blockCode", b.name AS "blockName"
       FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE b.code = $1 AND y.year = $2`, [code, year]);
  return row;
}

/** A block year's member units, by name. */
export async function memberUnitsOf(em: Sql, blockYearId: string): Promise<{ unitId: string; name: string; shortName: string }[]> {
  return em.query(
    `SELECT u.id AS "unitId", u.name, u.short_name AS "shortName" FROM block_year_members m JOIN units u ON u.id = m.unit_id
       WHERE m.block_year_id = $1 ORDER BY u.name`, [blockYearId]);
}

/** A block year's member unit ids. */
export async function memberIdsOf(em: Sql, blockYearId: string): Promise<string[]> {
  const rows: { unitId: string }[] = await em.query('SELECT unit_id AS "unitId" FROM block_year_members WHERE block_year_id = $1', [blockYearId]);
  return rows.map((r) => r.unitId);
}

/** When a block was archived (null: it is not); undefined when there is no such block. */
export async function blockArchivedAt(em: Sql, blockId: string): Promise<{ archivedAt: Date | null } | undefined> {
  const [block]: { archivedAt: Date | null }[] = await em.query('SELECT archived_at AS "archivedAt" FROM blocks WHERE id = $1', [blockId]);
  return block;
}

/** Whether the block already has a year `year`. */
export async function blockHasYear(em: Sql, blockId: string, year: number): Promise<boolean> {
  const [exists] = await em.query('SELECT 1 FROM block_years WHERE block_id = $1 AND year = $2', [blockId, year]);
  return !!exists;
}

/** The rule set of the block's latest year before `year`; undefined when it has none. */
export async function previousYearRules(em: Sql, blockId: string, year: number): Promise<RuleSet | undefined> {
  const [previous]: { rules: RuleSet }[] = await em.query('SELECT rules FROM block_years WHERE block_id = $1 AND year < $2 ORDER BY year DESC LIMIT 1', [blockId, year]);
  return previous?.rules;
}

/** Inserts a block year in `setup` with its members; answers its id. */
export async function insertBlockYear(em: Sql, y: { blockId: string; year: number; leaderUnitId: string | null; deputyUnitId: string | null; legalBasis: LegalInstrument[]; rules: RuleSet; memberIds: string[] }): Promise<string> {
  const [row]: { id: string }[] = await em.query(
    `INSERT INTO block_years (block_id, year, leader_unit_id, deputy_unit_id, status, legal_basis, rules, version) VALUES ($1,$2,$3,$4,'setup',$5,$6,1) RETURNING id`,
    [y.blockId, y.year, y.leaderUnitId, y.deputyUnitId, JSON.stringify(y.legalBasis), JSON.stringify(y.rules)]);
  if (y.memberIds.length) {
    await em.query(
      `INSERT INTO block_year_members (block_year_id, unit_id, year, block_id) SELECT $1, u, $2, $3 FROM unnest($4::uuid[]) AS u`, [row.id, y.year, y.blockId, y.memberIds]);
  }
  return row.id;
}

/** Replaces a year's rule set. */
export async function updateRules(em: Sql, blockYearId: string, rules: RuleSet): Promise<void> {
  await em.query('UPDATE block_years SET rules = $2, version = version + 1, updated_at = now() WHERE id = $1', [blockYearId, JSON.stringify(rules)]);
}

/** Moves the year to `to` when its status is one of `from`; answers the status before, undefined when it did not move. */
export async function moveStatus(em: Sql, blockYearId: string, to: BlockYearStatus, from: BlockYearStatus[]): Promise<BlockYearStatus | undefined> {
  // An UPDATE … RETURNING answers [rows, count] through TypeORM.
  const [[row]]: [{ before: BlockYearStatus }[], number] = await em.query(
    `UPDATE block_years n SET status = $2, version = n.version + 1, updated_at = now() FROM block_years o
     WHERE n.id = $1 AND o.id = n.id AND n.status = ANY($3) RETURNING o.status AS before`, [blockYearId, to, from]);
  return row?.before;
}

/** The units with these ids (missing ones are absent). */
export async function unitsByIds(em: Sql, unitIds: string[]): Promise<{ id: string; name: string; archivedAt: Date | null }[]> {
  return em.query('SELECT id, name, archived_at AS "archivedAt" FROM units WHERE id = ANY($1::uuid[])', [unitIds]);
}

/** Which of these units another block (not the year `blockYearId`) has as members in `year`. */
export async function unitsInOtherBlock(em: Sql, unitIds: string[], year: number, blockYearId: string | null, blockId: string): Promise<{ name: string; blockName: string }[]> {
  return em.query(
    `SELECT u.name, b.name AS "blockName" FROM block_year_members m JOIN units u ON u.id = m.unit_id JOIN blocks b ON b.id = m.block_id
       WHERE m.unit_id = ANY($1::uuid[]) AND m.year = $2 AND m.block_year_id IS DISTINCT FROM $3::uuid AND m.block_id <> $4`,
    [unitIds, year, blockYearId, blockId]);
}

/** The number of the year's adopted rules version (drafts module's tables); undefined when none is adopted. */
export async function adoptedRulesVersion(em: Sql, blockYearId: string): Promise<number | undefined> {
  const [adopted]: { number: number }[] = await em.query(
    `SELECT v.number FROM draft_versions v JOIN draft_documents d ON d.id = v.document_id
     WHERE d.block_year_id = $1 AND d.kind = 'rules' AND v.status = 'adopted' LIMIT 1`, [blockYearId]);
  return adopted?.number;
}

/** Titles of the year's rounds not finalised (rounds module's table), by opening. */
export async function openRoundTitles(em: Sql, blockYearId: string): Promise<string[]> {
  const open: { title: string }[] = await em.query(`SELECT title FROM scoring_rounds WHERE block_year_id = $1 AND phase <> 'finalised' ORDER BY opens_at`, [blockYearId]);
  return open.map((r) => r.title);
}
