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
  bonusesByUnit, byRankThenName, decisionDateProblem, defaultCatalogue, effectiveBlockLimit, isStandardAward, normalizeTitle, quotaProblem, vnDate, type HeldAward, type UnitBonus,
} from './award-rules';
import * as data from './awards-data';
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

/** An award held, with the bonus its catalogue entry gives (the pure rule's `HeldAward`). */
export type BonusAward = HeldAward;

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
    return data.awardTypesOfYear(em, year);
  }

  /** One award of the year's catalogue; 404 `award_not_found` if absent. */
  async awardType(em: EntityManager, year: number, code: string): Promise<AwardTypeInfo> {
    await this.ensureCatalogue(em, year);
    const award = await data.awardTypeByCode(em, year, code);
    if (!award) throw notFound(`Danh mục khen thưởng năm ${year} không có hình thức khen thưởng mã "${code}".`, 'award_not_found');
    return award;
  }

  private async ensureCatalogue(em: EntityManager, year: number): Promise<void> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw invalidField('year', 'phải là năm từ 2000 đến 2100');
    if (await data.hasCatalogue(em, year)) return;
    await inTransaction(em, async (m) => {
      const created: string[] = [];
      for (const e of defaultCatalogue()) {
        // Two first reads at once: the second inserts nothing.
        if (await data.insertDefaultAwardType(m, year, e)) created.push(e.code);
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
      await data.advisoryLock(em, `award_types:${dto.year}`);
      checkGates(dto.gates);
      const name = normalizeTitle(dto.name);
      const requiredTitle = dto.gates.requiredTitle ? normalizeTitle(dto.gates.requiredTitle) : null;
      await this.assertFreeCodeAndName(em, dto.year, dto.code, name, null);
      const sort = await data.nextAwardTypeSort(em, dto.year);
      const info = await data.insertAwardType(em, {
        year: dto.year, code: dto.code, name, gates: { topN: dto.gates.topN ?? null, requiredTitle }, blockQuota: dto.blockQuota,
        cityQuota: dto.cityQuota ?? null, bonusPoints: dto.bonusPoints, sort: dto.sort ?? sort,
      }, actor.id);
      await this.audit.record(em, actor, { action: 'award_type.create', entityType: 'award_type', entityId: info.id, after: withoutVersion(info) });
      return info;
    });
  }

  async updateAwardType(actor: Actor, id: string, dto: UpdateAwardTypeDto): Promise<AwardTypeInfo> {
    return this.ds.transaction((em) => this.updateAwardTypeTx(em, actor, id, dto));
  }

  /** Changes an award of the catalogue, in the caller's transaction. */
  async updateAwardTypeTx(em: EntityManager, actor: Actor, id: string, dto: UpdateAwardTypeDto): Promise<AwardTypeInfo> {
    AwardsPolicy.assertCanManage(actor, 'sửa danh mục khen thưởng');
    const current = await data.awardTypeById(em, id, true);
    if (!current) throw notFound('Không tìm thấy hình thức khen thưởng trong danh mục.', 'award_not_found');
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
    await data.updateAwardType(em, id, next, actor.id);
    await this.audit.record(em, actor, { action: 'award_type.update', entityType: 'award_type', entityId: id, before: { year: current.year, code: current.code, ...before }, after });
    return (await data.awardTypeById(em, id))!;
  }

  private async assertFreeCodeAndName(em: EntityManager, year: number, code: string | null, name: string, exceptId: string | null): Promise<void> {
    if (code) {
      const taken = await data.awardTypeNameOfCode(em, year, code);
      if (taken !== undefined) throw conflict('award_code_taken', `Danh mục năm ${year} đã có mã "${code}" (${taken}).`, { code: 'đã được dùng' });
    }
    const same = await data.awardTypeCodeNamed(em, year, name, exceptId);
    if (same !== undefined) throw conflict('award_name_taken', `Danh mục năm ${year} đã có hình thức "${name}" (mã ${same}).`, { name: 'đã có trong danh mục' });
  }

  // ─── Eligibility and quotas ─────────────────────────────────────────────────────────────────────

  private async loadYear(em: EntityManager, blockYearId: string): Promise<YearRow> {
    const y = await data.blockYearOf(em, blockYearId);
    if (!y) throw notFound('Không tìm thấy năm thi đua của khối.');
    const members = await data.membersOf(em, blockYearId);
    return { id: y.id, blockId: y.blockId, year: y.year, rules: y.rules, members };
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
    const round = await data.yearEndRoundOf(em, blockYearId);
    const ranking = round?.phase === 'finalised' && Array.isArray(round.ranking) ? round.ranking : null;
    const roundFinalised = ranking !== null;
    const ranks = new Map<string, { rank: number; total: number | null }>((ranking ?? []).map((r) => [r.unitId, { rank: r.rank, total: r.final?.total ?? null }]));
    const flagged = new Set<string>(await data.disciplinedUnitIds(em, y.year, unitIds));
    const titleRows = await data.titlesOfYear(em, y.year, unitIds);
    const names = Object.fromEntries(y.members.map((m) => [m.id, m.name]));
    // checkEligibility knows the three standard awards; an award the board added is checked like the city merit (no leading-unit rule).
    const ruleCode = isStandardAward(award.code) ? award.code : 'city_merit';
    let results;
    try {
      results = checkEligibility({
        award: ruleCode, gates: award.gates, roundFinalised, members: y.members.length, names,
        units: y.members.map((m) => ({ unitId: m.id, rank: ranks.get(m.id)?.rank ?? null, disciplined: flagged.has(m.id), titles: titleRows.filter((t) => t.unitId === m.id).map((t) => t.title) })),
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
    const dateProblem = decisionDateProblem(input.year, input.decisionDate, await data.today(em));
    if (dateProblem) throw invalidField('decisionDate', dateProblem);
    const unit = await data.unitOf(em, input.unitId);
    if (!unit) throw notFound('Không tìm thấy đơn vị.', 'unit_not_found');
    const award = await this.awardType(em, input.year, input.code);
    // Serialises two recordings of the same award for the same unit and year.
    await data.advisoryLock(em, `award:${input.unitId}:${input.year}:${input.code}`);
    const held = await data.heldAward(em, input.unitId, input.year, input.code);
    if (held) {
      throw conflict('award_exists', `${unit.name} đã được tặng ${award.name} năm ${input.year} (Quyết định số ${held.decisionNumber} ngày ${vnDate(held.decisionDate)}).`);
    }
    const id = await data.insertAwardRecord(em, {
      unitId: input.unitId, year: input.year, awardTypeId: award.id, code: award.code, awardName: award.name, decisionNumber, decisionDate: input.decisionDate, signer,
      source: input.source, proposalId: input.proposalId ?? null, note: (input.note ?? '').trim(),
    }, actor.id);
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
    return data.findAwardRecords(em, f);
  }

  async record(em: EntityManager, id: string): Promise<AwardRecord> {
    const record = await data.awardRecordById(em, id);
    if (!record) throw notFound('Không tìm thấy khen thưởng trong lịch sử.', 'award_record_not_found');
    return record;
  }

  /** The block a unit belonged to in a year (for the audit log), or null. */
  async blockOfUnit(em: EntityManager, unitId: string, year: number): Promise<string | null> {
    return data.blockOfUnitInYear(em, unitId, year);
  }

  /** Thu hồi: the board revokes an award with a reason and the revocation decision; it is never counted again. */
  async revoke(actor: Actor, id: string, input: { reason: string; decisionNumber: string; decisionDate?: string | null }): Promise<AwardRecord> {
    return this.ds.transaction(async (em) => {
      const row = await data.lockAwardToRevoke(em, id);
      if (!row) throw notFound('Không tìm thấy khen thưởng trong lịch sử.', 'award_record_not_found');
      if (row.revokedAt) throw conflict('already_revoked', `Khen thưởng này đã bị thu hồi (Quyết định số ${row.revocationDecisionNumber}).`);
      const date = input.decisionDate ?? null;
      if (date) {
        const problem = decisionDateProblem(row.year, date, await data.today(em));
        if (problem) throw invalidField('decisionDate', problem);
        if (date < row.decisionDate) throw invalidField('decisionDate', `không được trước ngày quyết định khen thưởng (${vnDate(row.decisionDate)})`);
      }
      await data.revokeAwardRecord(em, id, actor.id, { reason: input.reason.trim(), decisionNumber: input.decisionNumber.trim(), decisionDate: date });
      await this.audit.record(em, actor, {
        action: 'award.revoke', entityType: 'award_history', entityId: id, blockId: await this.blockOfUnit(em, row.unitId, row.year),
        before: { revokedAt: null, unitId: row.unitId, year: row.year, code: row.code, awardName: row.awardName, decisionNumber: row.decisionNumber },
        after: {
          revoked: true, revocationDecisionNumber: input.decisionNumber.trim(), revocationDecisionDate: date,
          // What no longer counts: the bonus the award gave the next year's scoring.
          bonusWithdrawn: { year: row.year + 1, points: row.bonusPoints },
        },
        reason: input.reason.trim(),
      });
      return this.record(em, id);
    });
  }

  // ─── HTTP use cases (scope-checked) ──────────────────────────────────────────────────────────────

  /** A unit's history, revoked awards included (marked): the unit, the units of its blocks, the board. */
  async unitHistory(actor: Actor, unitId: string): Promise<AwardRecord[]> {
    if (!(await data.unitExists(this.ds, unitId))) throw notFound('Không tìm thấy đơn vị.', 'unit_not_found');
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
      const members = await data.memberIdsOf(this.ds, y.blockYearId);
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
    const awards = await data.bonusAwardsOf(em, y.year - 1, y.members.map((m) => m.id));
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
