import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { conflict, forbidden, invalidField, notFound } from '../../common/app-error';
import { loadYearContext } from '../../common/scope/year-context';
import { ScopeService } from '../../common/scope/scope.service';
import { assertVersion, changedFields } from '../../common/versioning';
import { AuditService } from '../audit/audit.service';
import { AWARD_NAMES, checkEligibility, isValidQuota, RuleInputError, type AwardGates } from '../../domain/year-end';
import type { Quota } from '@thidua/rules';
import {
  bonusesByUnit, byRankThenName, decisionDateProblem, defaultCatalogue, effectiveBlockLimit, isStandardAward, normalizeTitle, quotaProblem, vnDate, type UnitBonus,
} from './award-rules';
import { AwardsPolicy } from './awards.policy';
import type { AwardHistoryQueryDto, CreateAwardTypeDto, RecordAwardDto, RevokeAwardDto, UpdateAwardTypeDto } from './dto/awards.dto';

// ─── Contract types (contracts5.md) ──────────────────────────────────────────────────────────────

export interface AwardTypeInfo {
  id: string;
  year: number;
  code: string;
  name: string;
  gates: AwardGates;
  blockQuota: Quota;
  /** City-wide limit (count); null = none. */
  cityQuota: number | null;
  /** Bonus next year for holding it. */
  bonusPoints: number;
  sort: number;
  /** Optimistic version for edits. */
  version: number;
}

export interface UnitEligibilityInfo {
  unitId: string;
  name: string;
  rank: number | null;
  total: number | null;
  eligible: boolean;
  reasons: string[];
}

export interface EligibilityReport {
  award: AwardTypeInfo;
  blockYearId: string;
  year: number;
  /** The block year's year-end round; ranks come from its latest (not superseded) snapshot. */
  roundId: string | null;
  roundFinalised: boolean;
  members: number;
  /** Effective per-block limit. */
  quotaLimit: number;
  /** Every member unit, in rank order then Vietnamese name order. */
  units: UnitEligibilityInfo[];
}

export interface AwardRecord {
  id: string;
  unitId: string;
  unitName: string;
  year: number;
  code: string;
  awardName: string;
  decisionNumber: string;
  /** yyyy-mm-dd */
  decisionDate: string;
  signer: string;
  source: 'decision' | 'manual';
  proposalId: string | null;
  revokedAt: string | null;
  revocationReason: string | null;
  revocationDecisionNumber: string | null;
  revocationDecisionDate: string | null;
  note: string;
  recordedAt: string;
  recordedByName: string | null;
}

export interface RecordAwardInput {
  unitId: string;
  year: number;
  code: string;
  decisionNumber: string;
  /** yyyy-mm-dd */
  decisionDate: string;
  signer: string;
  source: 'decision' | 'manual';
  proposalId?: string | null;
  note?: string;
}

export interface ActiveAwardsFilter {
  year?: number;
  code?: string;
  unitIds?: string[];
  proposalId?: string;
}

export interface BonusAward {
  id: string;
  unitId: string;
  year: number;
  code: string;
  awardName: string;
  decisionNumber: string;
  decisionDate: string;
  bonusPoints: number;
}

export interface BlockYearBonuses {
  blockYearId: string;
  year: number;
  /** The year whose awards give the bonus (year − 1). */
  fromYear: number;
  units: UnitBonus<BonusAward>[];
}

/** What the board overview shows of a block year's dossier; filled by the proposals module when it registers. */
export interface OverviewProposal {
  id: string;
  status: string;
  statusLabel: string;
  /** The dossier is with the board (submitted or later). */
  submitted: boolean;
  submittedAt: string | null;
  dueAt: string | null;
}
export type OverviewProposalsProvider = (em: EntityManager, blockYearIds: string[]) => Promise<Map<string, OverviewProposal>>;

// ─── Internals ───────────────────────────────────────────────────────────────────────────────────

const TYPE_COLUMNS = `id, year, code, name, top_n_kind, top_n_value::float8 AS top_n_value, required_title, block_quota_kind, block_quota_value::float8 AS block_quota_value,
  city_quota, bonus_points::float8 AS bonus_points, sort, version`;

const RECORD_SELECT = `
  SELECT h.id, h.unit_id, u.name AS unit_name, h.year, h.code, h.award_name, h.decision_number, to_char(h.decision_date, 'YYYY-MM-DD') AS decision_date, h.signer,
         h.source, h.proposal_id, h.revoked_at, h.revocation_reason, h.revocation_decision_number,
         to_char(h.revocation_decision_date, 'YYYY-MM-DD') AS revocation_decision_date, h.note, h.recorded_at, a.full_name AS recorded_by_name
  FROM award_history h JOIN units u ON u.id = h.unit_id LEFT JOIN accounts a ON a.id = h.recorded_by`;

function toTypeInfo(r: Record<string, any>): AwardTypeInfo {
  return {
    id: r.id, year: r.year, code: r.code, name: r.name,
    gates: { topN: r.top_n_kind ? { kind: r.top_n_kind, value: r.top_n_value } : null, requiredTitle: r.required_title ?? null },
    blockQuota: { kind: r.block_quota_kind, value: r.block_quota_value }, cityQuota: r.city_quota, bonusPoints: r.bonus_points, sort: r.sort, version: r.version,
  };
}

export function toRecord(r: Record<string, any>): AwardRecord {
  return {
    id: r.id, unitId: r.unit_id, unitName: r.unit_name, year: r.year, code: r.code, awardName: r.award_name, decisionNumber: r.decision_number,
    decisionDate: r.decision_date, signer: r.signer, source: r.source, proposalId: r.proposal_id,
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null, revocationReason: r.revocation_reason, revocationDecisionNumber: r.revocation_decision_number,
    revocationDecisionDate: r.revocation_decision_date, note: r.note, recordedAt: new Date(r.recorded_at).toISOString(), recordedByName: r.recorded_by_name ?? null,
  };
}

interface YearRow {
  id: string;
  blockId: string;
  year: number;
  rules: { quotas?: Record<string, Quota> } | null;
  members: { id: string; name: string }[];
}

/** Runs `fn` in the caller's transaction, or in a new one when the manager is not in a transaction. */
async function inTransaction<T>(em: EntityManager, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  return em.queryRunner?.isTransactionActive ? fn(em) : em.transaction(fn);
}

/** Today in Hà Nội (yyyy-mm-dd), from the database clock. */
export async function today(em: EntityManager): Promise<string> {
  const [r] = await em.query(`SELECT to_char(now() AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS d`);
  return r.d;
}

/**
 * The award catalogue, eligibility, award history and bonuses (issue 5 "Award catalogue and eligibility").
 * The methods taking an EntityManager are the contract the ballots and proposals modules use; they run in the
 * caller's transaction.
 */
@Injectable()
export class AwardsService {
  private overviewProposals: OverviewProposalsProvider | null = null;

  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly audit: AuditService, private readonly scope: ScopeService) {}

  // ─── Catalogue ──────────────────────────────────────────────────────────────────────────────────

  /** The catalogue of a year (created from the defaults on first read). */
  async catalogue(em: EntityManager, year: number): Promise<AwardTypeInfo[]> {
    await this.ensureCatalogue(em, year);
    const rows = await em.query(`SELECT ${TYPE_COLUMNS} FROM award_types WHERE year = $1 ORDER BY sort, name`, [year]);
    return rows.map(toTypeInfo);
  }

  /** One award of the year's catalogue; 404 `award_not_found` if absent. */
  async awardType(em: EntityManager, year: number, code: string): Promise<AwardTypeInfo> {
    await this.ensureCatalogue(em, year);
    const [row] = await em.query(`SELECT ${TYPE_COLUMNS} FROM award_types WHERE year = $1 AND code = $2`, [year, code]);
    if (!row) throw notFound(`Danh mục khen thưởng năm ${year} không có hình thức khen thưởng mã "${code}".`, 'award_not_found');
    return toTypeInfo(row);
  }

  private async ensureCatalogue(em: EntityManager, year: number): Promise<void> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw invalidField('year', 'phải là năm từ 2000 đến 2100');
    const [any] = await em.query('SELECT 1 FROM award_types WHERE year = $1 LIMIT 1', [year]);
    if (any) return;
    await inTransaction(em, async (m) => {
      const created: string[] = [];
      for (const e of defaultCatalogue()) {
        // Two first reads at once: the second inserts nothing.
        const rows = await m.query(
          `INSERT INTO award_types (year, code, name, top_n_kind, top_n_value, required_title, block_quota_kind, block_quota_value, city_quota, bonus_points, sort, version)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,1) ON CONFLICT DO NOTHING RETURNING id`,
          [year, e.code, e.name, e.gates.topN?.kind ?? null, e.gates.topN?.value ?? null, e.gates.requiredTitle, e.blockQuota.kind, e.blockQuota.value, e.cityQuota, e.bonusPoints, e.sort]);
        if (rows.length) created.push(e.code);
      }
      if (created.length) {
        await this.audit.record(m, null, {
          action: 'award_catalogue.defaults', entityType: 'award_catalogue', entityId: String(year), after: { year, codes: created },
          reason: `Tạo danh mục khen thưởng năm ${year} từ giá trị mặc định`,
        });
      }
    });
  }

  async listCatalogue(year: number): Promise<AwardTypeInfo[]> {
    return this.ds.transaction((em) => this.catalogue(em, year));
  }

  async createAwardType(actor: Actor, dto: CreateAwardTypeDto): Promise<AwardTypeInfo> {
    AwardsPolicy.assertCanManage(actor, 'thêm hình thức vào danh mục khen thưởng');
    return this.ds.transaction(async (em) => {
      await this.ensureCatalogue(em, dto.year);
      await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`award_types:${dto.year}`]);
      checkGates(dto.gates);
      const name = normalizeTitle(dto.name);
      const requiredTitle = dto.gates.requiredTitle ? normalizeTitle(dto.gates.requiredTitle) : null;
      await this.assertFreeCodeAndName(em, dto.year, dto.code, name, null);
      const [{ sort }] = await em.query('SELECT coalesce(max(sort), 0) + 1 AS sort FROM award_types WHERE year = $1', [dto.year]);
      const [row] = await em.query(
        `INSERT INTO award_types (year, code, name, top_n_kind, top_n_value, required_title, block_quota_kind, block_quota_value, city_quota, bonus_points, sort, created_by, updated_by, version)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$12,1) RETURNING ${TYPE_COLUMNS}`,
        [dto.year, dto.code, name, dto.gates.topN?.kind ?? null, dto.gates.topN?.value ?? null, requiredTitle, dto.blockQuota.kind, dto.blockQuota.value,
          dto.cityQuota ?? null, dto.bonusPoints, dto.sort ?? sort, actor.id]);
      const info = toTypeInfo(row);
      await this.audit.record(em, actor, { action: 'award_type.create', entityType: 'award_type', entityId: info.id, after: withoutVersion(info) });
      return info;
    });
  }

  async updateAwardType(actor: Actor, id: string, dto: UpdateAwardTypeDto): Promise<AwardTypeInfo> {
    AwardsPolicy.assertCanManage(actor, 'sửa danh mục khen thưởng');
    return this.ds.transaction(async (em) => {
      const [row] = await em.query(`SELECT ${TYPE_COLUMNS} FROM award_types WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw notFound('Không tìm thấy hình thức khen thưởng trong danh mục.', 'award_not_found');
      const current = toTypeInfo(row);
      assertVersion(current, dto.version, `Hình thức "${current.name}"`);
      if (dto.gates) checkGates(dto.gates);
      const next: AwardTypeInfo = {
        ...current,
        name: dto.name !== undefined ? normalizeTitle(dto.name) : current.name,
        gates: dto.gates
          ? { topN: dto.gates.topN ? { kind: dto.gates.topN.kind, value: dto.gates.topN.value } : null, requiredTitle: dto.gates.requiredTitle ? normalizeTitle(dto.gates.requiredTitle) : null }
          : current.gates,
        blockQuota: dto.blockQuota ? { kind: dto.blockQuota.kind, value: dto.blockQuota.value } : current.blockQuota,
        cityQuota: dto.cityQuota !== undefined ? dto.cityQuota : current.cityQuota,
        bonusPoints: dto.bonusPoints ?? current.bonusPoints,
        sort: dto.sort ?? current.sort,
      };
      const { before, after } = changedFields(withoutVersion(current), withoutVersion(next));
      if (Object.keys(after).length === 0) return current;
      if (next.name !== current.name) await this.assertFreeCodeAndName(em, current.year, null, next.name, current.id);
      await em.query(
        `UPDATE award_types SET name = $2, top_n_kind = $3, top_n_value = $4, required_title = $5, block_quota_kind = $6, block_quota_value = $7, city_quota = $8,
                bonus_points = $9, sort = $10, updated_by = $11, updated_at = now(), version = version + 1
         WHERE id = $1`,
        [id, next.name, next.gates.topN?.kind ?? null, next.gates.topN?.value ?? null, next.gates.requiredTitle, next.blockQuota.kind, next.blockQuota.value,
          next.cityQuota, next.bonusPoints, next.sort, actor.id]);
      await this.audit.record(em, actor, { action: 'award_type.update', entityType: 'award_type', entityId: id, before: { year: current.year, code: current.code, ...before }, after });
      const [saved] = await em.query(`SELECT ${TYPE_COLUMNS} FROM award_types WHERE id = $1`, [id]);
      return toTypeInfo(saved);
    });
  }

  private async assertFreeCodeAndName(em: EntityManager, year: number, code: string | null, name: string, exceptId: string | null): Promise<void> {
    if (code) {
      const [taken] = await em.query('SELECT name FROM award_types WHERE year = $1 AND code = $2', [year, code]);
      if (taken) throw conflict('award_code_taken', `Danh mục năm ${year} đã có mã "${code}" (${taken.name}).`, { code: 'đã được dùng' });
    }
    const [same] = await em.query('SELECT code FROM award_types WHERE year = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3', [year, name, exceptId]);
    if (same) throw conflict('award_name_taken', `Danh mục năm ${year} đã có hình thức "${name}" (mã ${same.code}).`, { name: 'đã có trong danh mục' });
  }

  // ─── Eligibility and quotas ─────────────────────────────────────────────────────────────────────

  private async loadYear(em: EntityManager, blockYearId: string): Promise<YearRow> {
    const [y] = await em.query('SELECT id, block_id, year, rules FROM block_years WHERE id = $1', [blockYearId]);
    if (!y) throw notFound('Không tìm thấy năm thi đua của khối.');
    const members = await em.query(
      'SELECT u.id, u.name FROM block_year_members m JOIN units u ON u.id = m.unit_id WHERE m.block_year_id = $1 ORDER BY u.name', [blockYearId]);
    return { id: y.id, blockId: y.block_id, year: y.year, rules: y.rules, members };
  }

  /** Effective per-block limit: the catalogue's quota, capped by the block year's rule-set quota for this award when it has one. */
  async blockQuotaLimit(em: EntityManager, blockYearId: string, code: string): Promise<number> {
    const y = await this.loadYear(em, blockYearId);
    const award = await this.awardType(em, y.year, code);
    return this.limitOf(y, award);
  }

  private limitOf(y: YearRow, award: AwardTypeInfo): number {
    const ruleQuota = y.rules?.quotas?.[award.code];
    return effectiveBlockLimit(award.blockQuota, ruleQuota && isValidQuota(ruleQuota) ? ruleQuota : null, y.members.length);
  }

  /**
   * The gates for every member unit: rank in the finalised year-end round (its current snapshot; a reopened
   * round is not finalised), disciplinary flags of the year, titles of the year. Awards the unit holds for
   * the year (not revoked) count as titles too, so a catalogue may require e.g. the city flag.
   */
  async eligibility(em: EntityManager, blockYearId: string, code: string): Promise<EligibilityReport> {
    const y = await this.loadYear(em, blockYearId);
    const award = await this.awardType(em, y.year, code);
    const unitIds = y.members.map((m) => m.id);
    const [round] = await em.query(
      `SELECT r.id, r.phase, s.ranking FROM scoring_rounds r LEFT JOIN round_snapshots s ON s.round_id = r.id AND s.superseded_at IS NULL
       WHERE r.block_year_id = $1 AND r.kind = 'year_end'`, [blockYearId]);
    const roundFinalised = round?.phase === 'finalised' && Array.isArray(round.ranking);
    const ranks = new Map<string, { rank: number; total: number | null }>(
      roundFinalised ? round.ranking.map((r: any) => [r.unitId, { rank: r.rank, total: r.final?.total ?? null }]) : []);
    const flagged = new Set<string>((await em.query('SELECT DISTINCT unit_id FROM unit_discipline_flags WHERE year = $1 AND unit_id = ANY($2)', [y.year, unitIds])).map((r: any) => r.unit_id));
    const titleRows: { unit_id: string; title: string }[] = await em.query(
      `SELECT unit_id, title FROM unit_titles WHERE year = $1 AND unit_id = ANY($2)
       UNION ALL SELECT h.unit_id, h.award_name FROM award_history h WHERE h.year = $1 AND h.unit_id = ANY($2) AND h.revoked_at IS NULL
       UNION ALL SELECT h.unit_id, t.name FROM award_history h JOIN award_types t ON t.id = h.award_type_id WHERE h.year = $1 AND h.unit_id = ANY($2) AND h.revoked_at IS NULL`,
      [y.year, unitIds]);
    const names = Object.fromEntries(y.members.map((m) => [m.id, m.name]));
    // checkEligibility knows the three standard awards; an award the board added is checked like the city merit (no leading-unit rule).
    const ruleCode = isStandardAward(award.code) ? award.code : 'city_merit';
    let results;
    try {
      results = checkEligibility({
        award: ruleCode, gates: award.gates, roundFinalised, members: y.members.length, names,
        units: y.members.map((m) => ({ unitId: m.id, rank: ranks.get(m.id)?.rank ?? null, disciplined: flagged.has(m.id), titles: titleRows.filter((t) => t.unit_id === m.id).map((t) => t.title) })),
      });
    } catch (e) {
      if (e instanceof RuleInputError) throw conflict('invalid_award_rules', `Không xét được điều kiện: ${e.message}`);
      throw e;
    }
    const ruleName = AWARD_NAMES[ruleCode];
    const units: UnitEligibilityInfo[] = results.map((r) => ({
      unitId: r.unitId, name: names[r.unitId], rank: ranks.get(r.unitId)?.rank ?? null, total: ranks.get(r.unitId)?.total ?? null, eligible: r.eligible,
      reasons: ruleName === award.name ? r.reasons : r.reasons.map((x) => x.split(ruleName).join(award.name)),
    })).sort(byRankThenName);
    return {
      award, blockYearId, year: y.year, roundId: round?.id ?? null, roundFinalised, members: y.members.length, quotaLimit: this.limitOf(y, award), units,
    };
  }

  // ─── History ────────────────────────────────────────────────────────────────────────────────────

  /** Adds an award to a unit's history (a board decision, or a manual historical entry) and writes its audit entry, in the caller's transaction. */
  async recordAward(em: EntityManager, actor: Actor, input: RecordAwardInput): Promise<AwardRecord> {
    const decisionNumber = (input.decisionNumber ?? '').trim();
    const signer = (input.signer ?? '').trim();
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw invalidField('year', 'phải là năm từ 2000 đến 2100');
    if (!decisionNumber) throw invalidField('decisionNumber', 'không được để trống');
    if (decisionNumber.length > 64) throw invalidField('decisionNumber', 'không được dài quá 64 ký tự');
    if (!signer) throw invalidField('signer', 'không được để trống');
    if (input.source !== 'decision' && input.source !== 'manual') throw invalidField('source', 'có giá trị không được phép');
    const dateProblem = decisionDateProblem(input.year, input.decisionDate, await today(em));
    if (dateProblem) throw invalidField('decisionDate', dateProblem);
    const [unit] = await em.query('SELECT id, name FROM units WHERE id = $1', [input.unitId]);
    if (!unit) throw notFound('Không tìm thấy đơn vị.', 'unit_not_found');
    const award = await this.awardType(em, input.year, input.code);
    // Serialises two recordings of the same award for the same unit and year.
    await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`award:${input.unitId}:${input.year}:${input.code}`]);
    const [held] = await em.query(
      `SELECT decision_number, to_char(decision_date, 'YYYY-MM-DD') AS decision_date FROM award_history WHERE unit_id = $1 AND year = $2 AND code = $3 AND revoked_at IS NULL`,
      [input.unitId, input.year, input.code]);
    if (held) {
      throw conflict('award_exists', `${unit.name} đã được tặng ${award.name} năm ${input.year} (Quyết định số ${held.decision_number} ngày ${vnDate(held.decision_date)}).`);
    }
    const [{ id }] = await em.query(
      `INSERT INTO award_history (unit_id, year, award_type_id, code, award_name, decision_number, decision_date, signer, source, proposal_id, note, recorded_by, version)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,1) RETURNING id`,
      [input.unitId, input.year, award.id, award.code, award.name, decisionNumber, input.decisionDate, signer, input.source, input.proposalId ?? null, (input.note ?? '').trim(), actor.id]);
    const record = await this.record(em, id);
    await this.audit.record(em, actor, {
      action: 'award.record', entityType: 'award_history', entityId: id, blockId: await this.blockOfUnit(em, input.unitId, input.year),
      after: { unitId: input.unitId, unitName: unit.name, year: input.year, code: award.code, awardName: award.name, decisionNumber, decisionDate: input.decisionDate, signer, source: input.source, proposalId: input.proposalId ?? null },
    });
    return record;
  }

  /** Awards not revoked, filtered. */
  async activeAwards(em: EntityManager, filter: ActiveAwardsFilter): Promise<AwardRecord[]> {
    return this.findRecords(em, { ...filter, includeRevoked: false });
  }

  async findRecords(em: EntityManager, f: ActiveAwardsFilter & { includeRevoked?: boolean }): Promise<AwardRecord[]> {
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
    const rows = await em.query(
      `${RECORD_SELECT} LEFT JOIN award_types t ON t.id = h.award_type_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY h.year DESC, t.sort, u.name, h.recorded_at`, params);
    return rows.map(toRecord);
  }

  async record(em: EntityManager, id: string): Promise<AwardRecord> {
    const [row] = await em.query(`${RECORD_SELECT} WHERE h.id = $1`, [id]);
    if (!row) throw notFound('Không tìm thấy khen thưởng trong lịch sử.', 'award_record_not_found');
    return toRecord(row);
  }

  /** The block a unit belonged to in a year (for the audit log), or null. */
  async blockOfUnit(em: EntityManager, unitId: string, year: number): Promise<string | null> {
    const [m] = await em.query('SELECT block_id FROM block_year_members WHERE unit_id = $1 AND year = $2', [unitId, year]);
    return m?.block_id ?? null;
  }

  /** Thu hồi: the board revokes an award with a reason and the revocation decision; it is never counted again. */
  async revoke(actor: Actor, id: string, input: { reason: string; decisionNumber: string; decisionDate?: string | null }): Promise<AwardRecord> {
    return this.ds.transaction(async (em) => {
      const [row] = await em.query(
        `SELECT h.id, h.unit_id, h.year, h.code, h.award_name, h.decision_number, to_char(h.decision_date, 'YYYY-MM-DD') AS decision_date, h.revoked_at,
                h.revocation_decision_number, t.bonus_points::float8 AS bonus_points
         FROM award_history h JOIN award_types t ON t.id = h.award_type_id WHERE h.id = $1 FOR UPDATE OF h`, [id]);
      if (!row) throw notFound('Không tìm thấy khen thưởng trong lịch sử.', 'award_record_not_found');
      if (row.revoked_at) throw conflict('already_revoked', `Khen thưởng này đã bị thu hồi (Quyết định số ${row.revocation_decision_number}).`);
      const date = input.decisionDate ?? null;
      if (date) {
        const problem = decisionDateProblem(row.year, date, await today(em));
        if (problem) throw invalidField('decisionDate', problem);
        if (date < row.decision_date) throw invalidField('decisionDate', `không được trước ngày quyết định khen thưởng (${vnDate(row.decision_date)})`);
      }
      await em.query(
        `UPDATE award_history SET revoked_at = now(), revoked_by = $2, revocation_reason = $3, revocation_decision_number = $4, revocation_decision_date = $5, version = version + 1
         WHERE id = $1`, [id, actor.id, input.reason.trim(), input.decisionNumber.trim(), date]);
      await this.audit.record(em, actor, {
        action: 'award.revoke', entityType: 'award_history', entityId: id, blockId: await this.blockOfUnit(em, row.unit_id, row.year),
        before: { revokedAt: null, unitId: row.unit_id, year: row.year, code: row.code, awardName: row.award_name, decisionNumber: row.decision_number },
        after: {
          revoked: true, revocationDecisionNumber: input.decisionNumber.trim(), revocationDecisionDate: date,
          // What no longer counts: the bonus the award gave the next year's scoring.
          bonusWithdrawn: { year: row.year + 1, points: row.bonus_points },
        },
        reason: input.reason.trim(),
      });
      return this.record(em, id);
    });
  }

  // ─── HTTP use cases (scope-checked) ──────────────────────────────────────────────────────────────

  /** A unit's history, revoked awards included (marked): the unit, the units of its blocks, the board. */
  async unitHistory(actor: Actor, unitId: string): Promise<AwardRecord[]> {
    const [unit] = await this.ds.query('SELECT id FROM units WHERE id = $1', [unitId]);
    if (!unit) throw notFound('Không tìm thấy đơn vị.', 'unit_not_found');
    AwardsPolicy.assertCanReadHistory(actor, unitId, await this.scope.unitIdsVisibleTo(actor));
    return this.findRecords(this.ds.manager, { unitIds: [unitId], includeRevoked: true });
  }

  /** The history, filtered; limited to the units the actor may see. */
  async listHistory(actor: Actor, q: AwardHistoryQueryDto): Promise<AwardRecord[]> {
    const visible = await this.scope.unitIdsVisibleTo(actor);
    let unitIds: string[] | undefined = visible ?? undefined;
    if (q.unitId) {
      AwardsPolicy.assertCanReadHistory(actor, q.unitId, visible);
      unitIds = [q.unitId];
    }
    if (q.blockYearId) {
      const y = await loadYearContext(this.ds.manager, q.blockYearId, actor);
      const members: string[] = (await this.ds.query('SELECT unit_id FROM block_year_members WHERE block_year_id = $1', [y.blockYearId])).map((r: any) => r.unit_id);
      if (visible !== null && !members.some((m) => visible.includes(m))) throw forbidden('Bạn chỉ được xem lịch sử khen thưởng của các đơn vị cùng khối với đơn vị mình.');
      unitIds = (unitIds ?? members).filter((u) => members.includes(u));
    }
    return this.findRecords(this.ds.manager, { year: q.year, code: q.code, unitIds, includeRevoked: q.includeRevoked ?? true });
  }

  /** A manual historical entry by the board. */
  async recordManual(actor: Actor, dto: RecordAwardDto): Promise<AwardRecord> {
    AwardsPolicy.assertCanManage(actor, 'nhập lịch sử khen thưởng');
    return this.ds.transaction((em) => this.recordAward(em, actor, { ...dto, source: 'manual', proposalId: null }));
  }

  async revokeByBoard(actor: Actor, id: string, dto: RevokeAwardDto): Promise<AwardRecord> {
    AwardsPolicy.assertCanManage(actor, 'thu hồi khen thưởng');
    return this.revoke(actor, id, dto);
  }

  async eligibilityFor(actor: Actor, blockYearId: string, code: string): Promise<EligibilityReport> {
    const y = await loadYearContext(this.ds.manager, blockYearId, actor);
    AwardsPolicy.assertCanReadBlockYear(actor, y.isMember);
    return this.ds.transaction((em) => this.eligibility(em, blockYearId, code));
  }

  async bonuses(actor: Actor, blockYearId: string): Promise<BlockYearBonuses> {
    const y = await loadYearContext(this.ds.manager, blockYearId, actor);
    AwardsPolicy.assertCanReadBlockYear(actor, y.isMember);
    return this.bonusesFor(this.ds.manager, blockYearId);
  }

  // ─── Bonuses next year ──────────────────────────────────────────────────────────────────────────

  /** Per member unit of the block year: its active awards of the previous year with their catalogue bonus points, and the total. */
  async bonusesFor(em: EntityManager, blockYearId: string): Promise<BlockYearBonuses> {
    const y = await this.loadYear(em, blockYearId);
    const rows = await em.query(
      `SELECT h.id, h.unit_id, h.year, h.code, h.award_name, h.decision_number, to_char(h.decision_date, 'YYYY-MM-DD') AS decision_date, t.bonus_points::float8 AS bonus_points
       FROM award_history h JOIN award_types t ON t.id = h.award_type_id
       WHERE h.year = $1 AND h.unit_id = ANY($2) AND h.revoked_at IS NULL ORDER BY t.sort, h.code`, [y.year - 1, y.members.map((m) => m.id)]);
    const awards: BonusAward[] = rows.map((r: any) => ({
      id: r.id, unitId: r.unit_id, year: r.year, code: r.code, awardName: r.award_name, decisionNumber: r.decision_number, decisionDate: r.decision_date, bonusPoints: r.bonus_points,
    }));
    return { blockYearId, year: y.year, fromYear: y.year - 1, units: bonusesByUnit(y.members, awards) };
  }

  // ─── Board overview extension ───────────────────────────────────────────────────────────────────

  /** The proposals module registers how the board overview reads each block year's dossier. */
  registerOverviewProposals(provider: OverviewProposalsProvider | null): void {
    this.overviewProposals = provider;
  }

  get overviewProposalsProvider(): OverviewProposalsProvider | null {
    return this.overviewProposals;
  }
}

function withoutVersion(i: AwardTypeInfo): Omit<AwardTypeInfo, 'version' | 'id'> {
  const { version: _v, id: _id, ...rest } = i;
  return rest;
}

/** Gates beyond what the DTO checks (the DTO already refuses bad quota values). */
function checkGates(g: { topN: Quota | null; requiredTitle: string | null }): void {
  const problem = g.topN ? quotaProblem(g.topN) : null;
  if (problem) throw invalidField('gates.topN.value', problem);
}
