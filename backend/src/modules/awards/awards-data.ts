import type { EntityManager } from 'typeorm';
import type { Quota } from '@thidua/rules';
import type { CatalogueEntry, HeldAward } from './award-rules';
import type { AwardRecord, AwardTypeInfo, BonusAward } from './awards.service';

/**
 * The awards module's SQL for the catalogue (award_types), the award history and what eligibility and bonuses
 * read of a block year (its members, the year-end round's ranking, titles and disciplinary flags). Every
 * function runs on the caller's EntityManager, so inside its transaction.
 */

type Sql = Pick<EntityManager, 'query'>;

/** Holds a transaction-scoped advisory lock on `key` (serialises two writers of the same thing). */
export async function advisoryLock(em: Sql, key: string): Promise<void> {
  await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
}

/** Today in Hà Nội (yyyy-mm-dd), from the database clock. */
export async function today(em: Sql): Promise<string> {
  const [r]: { d: string }[] = await em.query(`SELECT to_char(now() AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS d`);
  return r.d;
}

// ─── Catalogue ──────────────────────────────────────────────────────────────────────────────────────

const TYPE_COLUMNS = `id, year, code, name, top_n_kind AS "topNKind", top_n_value::float8 AS "topNValue", required_title AS "requiredTitle",
  block_quota_kind AS "blockQuotaKind", block_quota_value::float8 AS "blockQuotaValue", city_quota AS "cityQuota", bonus_points::float8 AS "bonusPoints", sort, version`;

interface AwardTypeRow {
  id: string;
  year: number;
  code: string;
  name: string;
  topNKind: Quota['kind'] | null;
  topNValue: number | null;
  requiredTitle: string | null;
  blockQuotaKind: Quota['kind'];
  blockQuotaValue: number;
  cityQuota: number | null;
  bonusPoints: number;
  sort: number;
  version: number;
}

function toTypeInfo(r: AwardTypeRow): AwardTypeInfo {
  return {
    id: r.id, year: r.year, code: r.code, name: r.name,
    gates: { topN: r.topNKind ? { kind: r.topNKind, value: r.topNValue! } : null, requiredTitle: r.requiredTitle ?? null },
    blockQuota: { kind: r.blockQuotaKind, value: r.blockQuotaValue }, cityQuota: r.cityQuota, bonusPoints: r.bonusPoints, sort: r.sort, version: r.version,
  };
}

/** A year's catalogue in its order. */
export async function awardTypesOfYear(em: Sql, year: number): Promise<AwardTypeInfo[]> {
  const rows: AwardTypeRow[] = await em.query(`SELECT ${TYPE_COLUMNS} FROM award_types WHERE year = $1 ORDER BY sort, name`, [year]);
  return rows.map(toTypeInfo);
}

export async function awardTypeByCode(em: Sql, year: number, code: string): Promise<AwardTypeInfo | undefined> {
  const [row]: AwardTypeRow[] = await em.query(`SELECT ${TYPE_COLUMNS} FROM award_types WHERE year = $1 AND code = $2`, [year, code]);
  return row && toTypeInfo(row);
}

/** One award of the catalogue by id; `lock` takes it FOR UPDATE. */
export async function awardTypeById(em: Sql, id: string, lock = false): Promise<AwardTypeInfo | undefined> {
  const [row]: AwardTypeRow[] = await em.query(`SELECT ${TYPE_COLUMNS} FROM award_types WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return row && toTypeInfo(row);
}

/** Whether the year has a catalogue at all. */
export async function hasCatalogue(em: Sql, year: number): Promise<boolean> {
  const [found] = await em.query('SELECT 1 FROM award_types WHERE year = $1 LIMIT 1', [year]);
  return !!found;
}

/** Adds a default entry unless the year already has its code (two first reads at once: the second inserts nothing); true when added. */
export async function insertDefaultAwardType(em: Sql, year: number, e: CatalogueEntry): Promise<boolean> {
  const rows: { id: string }[] = await em.query(
    `INSERT INTO award_types (year, code, name, top_n_kind, top_n_value, required_title, block_quota_kind, block_quota_value, city_quota, bonus_points, sort, version)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,1) ON CONFLICT DO NOTHING RETURNING id`,
    [year, e.code, e.name, e.gates.topN?.kind ?? null, e.gates.topN?.value ?? null, e.gates.requiredTitle, e.blockQuota.kind, e.blockQuota.value, e.cityQuota, e.bonusPoints, e.sort]);
  return rows.length > 0;
}

/** The sort position after the year's last award. */
export async function nextAwardTypeSort(em: Sql, year: number): Promise<number> {
  const [{ sort }]: { sort: number }[] = await em.query('SELECT coalesce(max(sort), 0) + 1 AS sort FROM award_types WHERE year = $1', [year]);
  return sort;
}

/** What an award of the catalogue is written with (the code and year are fixed at creation). */
export type AwardTypeFields = Pick<AwardTypeInfo, 'name' | 'gates' | 'blockQuota' | 'cityQuota' | 'bonusPoints' | 'sort'>;

export async function insertAwardType(em: Sql, a: AwardTypeFields & { year: number; code: string }, actorId: string): Promise<AwardTypeInfo> {
  const [row]: AwardTypeRow[] = await em.query(
    `INSERT INTO award_types (year, code, name, top_n_kind, top_n_value, required_title, block_quota_kind, block_quota_value, city_quota, bonus_points, sort, created_by, updated_by, version)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$12,1) RETURNING ${TYPE_COLUMNS}`,
    [a.year, a.code, a.name, a.gates.topN?.kind ?? null, a.gates.topN?.value ?? null, a.gates.requiredTitle, a.blockQuota.kind, a.blockQuota.value,
      a.cityQuota, a.bonusPoints, a.sort, actorId]);
  return toTypeInfo(row);
}

export async function updateAwardType(em: Sql, id: string, a: AwardTypeFields, actorId: string): Promise<void> {
  await em.query(
    `UPDATE award_types SET name = $2, top_n_kind = $3, top_n_value = $4, required_title = $5, block_quota_kind = $6, block_quota_value = $7, city_quota = $8,
            bonus_points = $9, sort = $10, updated_by = $11, updated_at = now(), version = version + 1
     WHERE id = $1`,
    [id, a.name, a.gates.topN?.kind ?? null, a.gates.topN?.value ?? null, a.gates.requiredTitle, a.blockQuota.kind, a.blockQuota.value,
      a.cityQuota, a.bonusPoints, a.sort, actorId]);
}

/** The name of the year's award with this code, if any. */
export async function awardTypeNameOfCode(em: Sql, year: number, code: string): Promise<string | undefined> {
  const [taken]: { name: string }[] = await em.query('SELECT name FROM award_types WHERE year = $1 AND code = $2', [year, code]);
  return taken?.name;
}

/** The code of the year's award with this name (case-insensitive), other than `exceptId`, if any. */
export async function awardTypeCodeNamed(em: Sql, year: number, name: string, exceptId: string | null): Promise<string | undefined> {
  const [same]: { code: string }[] = await em.query('SELECT code FROM award_types WHERE year = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3', [year, name, exceptId]);
  return same?.code;
}

// ─── What the awards read of a block year ───────────────────────────────────────────────────────────

export interface AwardsBlockYear {
  id: string;
  blockId: string;
  year: number;
  rules: { quotas?: Record<string, Quota> } | null;
}

export async function blockYearOf(em: Sql, blockYearId: string): Promise<AwardsBlockYear | undefined> {
  const [y]: AwardsBlockYear[] = await em.query('SELECT id, block_id AS "blockId", year, rules FROM block_years WHERE id = $1', [blockYearId]);
  return y;
}

/** The block year's member units in name order. */
export async function membersOf(em: Sql, blockYearId: string): Promise<{ id: string; name: string }[]> {
  return em.query('SELECT u.id, u.name FROM block_year_members m JOIN units u ON u.id = m.unit_id WHERE m.block_year_id = $1 ORDER BY u.name', [blockYearId]);
}

/** The block year's member unit ids. */
export async function memberIdsOf(em: Sql, blockYearId: string): Promise<string[]> {
  const rows: { unitId: string }[] = await em.query('SELECT unit_id AS "unitId" FROM block_year_members WHERE block_year_id = $1', [blockYearId]);
  return rows.map((r) => r.unitId);
}

/** The block a unit belonged to in a year, or null. */
export async function blockOfUnitInYear(em: Sql, unitId: string, year: number): Promise<string | null> {
  const [m]: { blockId: string }[] = await em.query('SELECT block_id AS "blockId" FROM block_year_members WHERE unit_id = $1 AND year = $2', [unitId, year]);
  return m?.blockId ?? null;
}

/** An entry of a signed snapshot's ranking, as far as eligibility reads it. */
export interface SnapshotRank {
  unitId: string;
  rank: number;
  final?: { total: number | null } | null;
}

/** The block year's year-end round with the ranking of its current (not superseded) snapshot, if any. */
export async function yearEndRoundOf(em: Sql, blockYearId: string): Promise<{ id: string; phase: string; ranking: SnapshotRank[] | null } | undefined> {
  const [round] = await em.query(
    `SELECT r.id, r.phase, s.ranking FROM scoring_rounds r LEFT JOIN round_snapshots s ON s.round_id = r.id AND s.superseded_at IS NULL
     WHERE r.block_year_id = $1 AND r.kind = 'year_end'`, [blockYearId]);
  return round;
}

/** Units among `unitIds` with a disciplinary flag in the year. */
export async function disciplinedUnitIds(em: Sql, year: number, unitIds: string[]): Promise<string[]> {
  const rows: { unitId: string }[] = await em.query('SELECT DISTINCT unit_id AS "unitId" FROM unit_discipline_flags WHERE year = $1 AND unit_id = ANY($2)', [year, unitIds]);
  return rows.map((r) => r.unitId);
}

/** The year's titles of the units, with the awards they hold for the year (not revoked) by their recorded and catalogue names. */
export async function titlesOfYear(em: Sql, year: number, unitIds: string[]): Promise<{ unitId: string; title: string }[]> {
  return em.query(
    `SELECT unit_id AS "unitId", title FROM unit_titles WHERE year = $1 AND unit_id = ANY($2)
     UNION ALL SELECT h.unit_id, h.award_name FROM award_history h WHERE h.year = $1 AND h.unit_id = ANY($2) AND h.revoked_at IS NULL
     UNION ALL SELECT h.unit_id, t.name FROM award_history h JOIN award_types t ON t.id = h.award_type_id WHERE h.year = $1 AND h.unit_id = ANY($2) AND h.revoked_at IS NULL`,
    [year, unitIds]);
}

// ─── Units ──────────────────────────────────────────────────────────────────────────────────────────

export async function unitOf(em: Sql, unitId: string): Promise<{ id: string; name: string } | undefined> {
  const [unit] = await em.query('SELECT id, name FROM units WHERE id = $1', [unitId]);
  return unit;
}

export async function unitExists(em: Sql, unitId: string): Promise<boolean> {
  const [unit] = await em.query('SELECT id FROM units WHERE id = $1', [unitId]);
  return !!unit;
}

// ─── History ────────────────────────────────────────────────────────────────────────────────────────

const RECORD_SELECT = `
  SELECT h.id, h.unit_id AS "unitId", u.name AS "unitName", h.year, h.code, h.award_name AS "awardName", h.decision_number AS "decisionNumber",
         to_char(h.decision_date, 'YYYY-MM-DD') AS "decisionDate", h.signer,
         h.source, h.proposal_id AS "proposalId", h.revoked_at AS "revokedAt", h.revocation_reason AS "revocationReason", h.revocation_decision_number AS "revocationDecisionNumber",
         to_char(h.revocation_decision_date, 'YYYY-MM-DD') AS "revocationDecisionDate", h.note, h.recorded_at AS "recordedAt", a.full_name AS "recordedByName"
  FROM award_history h JOIN units u ON u.id = h.unit_id LEFT JOIN accounts a ON a.id = h.recorded_by`;

type RecordRow = Omit<AwardRecord, 'revokedAt' | 'recordedAt'> & { revokedAt: Date | null; recordedAt: Date };

function toRecord(r: RecordRow): AwardRecord {
  return {
    id: r.id, unitId: r.unitId, unitName: r.unitName, year: r.year, code: r.code, awardName: r.awardName, decisionNumber: r.decisionNumber,
    decisionDate: r.decisionDate, signer: r.signer, source: r.source, proposalId: r.proposalId,
    revokedAt: r.revokedAt ? new Date(r.revokedAt).toISOString() : null, revocationReason: r.revocationReason, revocationDecisionNumber: r.revocationDecisionNumber,
    revocationDecisionDate: r.revocationDecisionDate, note: r.note, recordedAt: new Date(r.recordedAt).toISOString(), recordedByName: r.recordedByName ?? null,
  };
}

export interface AwardRecordFilter {
  year?: number;
  code?: string;
  unitIds?: string[];
  proposalId?: string;
  includeRevoked?: boolean;
}

/** The history, filtered: newest year first, then the catalogue's order, unit name, recording time. */
export async function findAwardRecords(em: Sql, f: AwardRecordFilter): Promise<AwardRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (!f.includeRevoked) where.push('h.revoked_at IS NULL');
  if (f.year !== undefined) add('h.year = ?', f.year);
  if (f.code !== undefined) add('h.code = ?', f.code);
  if (f.unitIds !== undefined) add('h.unit_id = ANY(?)', f.unitIds);
  if (f.proposalId !== undefined) add('h.proposal_id = ?', f.proposalId);
  const rows: RecordRow[] = await em.query(
    `${RECORD_SELECT} LEFT JOIN award_types t ON t.id = h.award_type_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY h.year DESC, t.sort, u.name, h.recorded_at`, params);
  return rows.map(toRecord);
}

export async function awardRecordById(em: Sql, id: string): Promise<AwardRecord | undefined> {
  const [row]: RecordRow[] = await em.query(`${RECORD_SELECT} WHERE h.id = $1`, [id]);
  return row && toRecord(row);
}

/** The decision of the unit's award of this code and year that is not revoked, if any. */
export async function heldAward(em: Sql, unitId: string, year: number, code: string): Promise<{ decisionNumber: string; decisionDate: string } | undefined> {
  const [held] = await em.query(
    `SELECT decision_number AS "decisionNumber", to_char(decision_date, 'YYYY-MM-DD') AS "decisionDate" FROM award_history WHERE unit_id = $1 AND year = $2 AND code = $3 AND revoked_at IS NULL`,
    [unitId, year, code]);
  return held;
}

export interface NewAwardRecord {
  unitId: string;
  year: number;
  awardTypeId: string;
  code: string;
  awardName: string;
  decisionNumber: string;
  decisionDate: string;
  signer: string;
  source: AwardRecord['source'];
  proposalId: string | null;
  note: string;
}

/** Adds an entry to the history; answers its id. */
export async function insertAwardRecord(em: Sql, r: NewAwardRecord, actorId: string): Promise<string> {
  const [{ id }]: { id: string }[] = await em.query(
    `INSERT INTO award_history (unit_id, year, award_type_id, code, award_name, decision_number, decision_date, signer, source, proposal_id, note, recorded_by, version)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,1) RETURNING id`,
    [r.unitId, r.year, r.awardTypeId, r.code, r.awardName, r.decisionNumber, r.decisionDate, r.signer, r.source, r.proposalId, r.note, actorId]);
  return id;
}

/** An award as a revocation reads it (locked FOR UPDATE), with the bonus its catalogue entry gives. */
export interface AwardToRevoke extends HeldAward {
  revokedAt: Date | null;
  revocationDecisionNumber: string | null;
}

export async function lockAwardToRevoke(em: Sql, id: string): Promise<AwardToRevoke | undefined> {
  const [row] = await em.query(
    `SELECT h.id, h.unit_id AS "unitId", h.year, h.code, h.award_name AS "awardName", h.decision_number AS "decisionNumber",
            to_char(h.decision_date, 'YYYY-MM-DD') AS "decisionDate", h.revoked_at AS "revokedAt",
            h.revocation_decision_number AS "revocationDecisionNumber", t.bonus_points::float8 AS "bonusPoints"
     FROM award_history h JOIN award_types t ON t.id = h.award_type_id WHERE h.id = $1 FOR UPDATE OF h`, [id]);
  return row;
}

export async function revokeAwardRecord(em: Sql, id: string, actorId: string, r: { reason: string; decisionNumber: string; decisionDate: string | null }): Promise<void> {
  await em.query(
    `UPDATE award_history SET revoked_at = now(), revoked_by = $2, revocation_reason = $3, revocation_decision_number = $4, revocation_decision_date = $5, version = version + 1
     WHERE id = $1`, [id, actorId, r.reason, r.decisionNumber, r.decisionDate]);
}

/** The units' active awards of a year with their catalogue bonus points, in the catalogue's order. */
export async function bonusAwardsOf(em: Sql, year: number, unitIds: string[]): Promise<BonusAward[]> {
  return em.query(
    `SELECT h.id, h.unit_id AS "unitId", h.year, h.code, h.award_name AS "awardName", h.decision_number AS "decisionNumber",
            to_char(h.decision_date, 'YYYY-MM-DD') AS "decisionDate", t.bonus_points::float8 AS "bonusPoints"
     FROM award_history h JOIN award_types t ON t.id = h.award_type_id
     WHERE h.year = $1 AND h.unit_id = ANY($2) AND h.revoked_at IS NULL ORDER BY t.sort, h.code`, [year, unitIds]);
}
