import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { conflict, invalidField, notFound } from '../../common/app-error';
import { likePattern } from '../../common/pagination';
import { ScopeService } from '../../common/scope/scope.service';
import { assertVersion, changedFields } from '../../common/versioning';
import { AuditService } from '../audit/audit.service';
import { assertRankingRulesFixedWhileRoundOpen } from './ranking-rules-guard';
import {
  adoptedRulesVersion, blockArchivedAt, blockHasYear, blockNameAndCode, blockYearPage, type BlockYearSummaryRow, insertBlockYear, listBlockYears, memberIdsOf,
  memberUnitsOf, previousYearRules, unitsByIds, unitsInOtherBlock, updateRules, yearsInScope, yearTotals,
} from './block-years-data';
import { BlockYearsPolicy } from './block-years.policy';
import {
  BlockYearDefaultsDto, BlockYearDto, BlockYearPageDto, BlockYearPageQueryDto, BlockYearQueryDto, BlockYearSummaryDto, CreateBlockYearDto, UpdateBlockYearDto,
} from './dto/block-year.dto';
import { BlockYearMember } from './entities/block-year-member.entity';
import { BlockYear } from './entities/block-year.entity';
import { defaultLegalBasis, defaultRuleSet, RuleSet } from '@thidua/rules';

@Injectable()
export class BlockYearsService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly audit: AuditService, private readonly scope: ScopeService) {}

  defaults(year: number): BlockYearDefaultsDto {
    return { rules: defaultRuleSet(), legalBasis: defaultLegalBasis(year) };
  }

  async list(actor: Actor, q: BlockYearQueryDto): Promise<BlockYearSummaryDto[]> {
    const visible = await this.scope.blockIdsOf(actor);
    return (await listBlockYears(this.ds, { visible, blockId: q.blockId ?? null, year: q.year ?? null })).map(toSummary);
  }

  /**
   * One year's block years in the user's scope, a page at a time (the dashboard), searched by block or leader
   * unit with or without diacritics, with the whole year's counts beside the page. Without a year: the latest
   * for the city-wide roles, every year for a unit (it has a handful, and its seat may be in an earlier one).
   */
  async page(actor: Actor, q: BlockYearPageQueryDto): Promise<BlockYearPageDto> {
    const visible = await this.scope.blockIdsOf(actor);
    const years = await yearsInScope(this.ds, visible);
    const year = q.year ?? (visible === null ? years[0] ?? null : null);
    const totals = await yearTotals(this.ds, visible, year);
    const search = q.q?.trim() ? likePattern(q.q.trim()) : null;
    const { rows, total } = await blockYearPage(this.ds, { visible, year, search, pageSize: q.pageSize, offset: (q.page - 1) * q.pageSize });
    return {
      items: rows.map(toSummary),
      total, page: q.page, pageSize: q.pageSize, year, years, blockCount: totals.blocks, memberCount: totals.members,
    };
  }

  async get(actor: Actor, id: string): Promise<BlockYearDto> {
    const year = await this.ds.getRepository(BlockYear).findOneBy({ id });
    if (!year) throw notFound('Không tìm thấy năm thi đua của khối.');
    await this.scope.assertCanSeeBlock(actor, year.blockId);
    const block = await blockNameAndCode(this.ds, year.blockId);
    const members = await memberUnitsOf(this.ds, id);
    const nameOf = (unitId: string | null) => members.find((m) => m.unitId === unitId)?.name ?? null;
    const seat = await this.scope.seatOf(actor.unitId, id);
    return {
      id, blockId: year.blockId, blockName: block.name, blockCode: block.code, year: year.year, status: year.status,
      leaderUnitId: year.leaderUnitId, leaderUnitName: nameOf(year.leaderUnitId), deputyUnitId: year.deputyUnitId, deputyUnitName: nameOf(year.deputyUnitId),
      members, legalBasis: year.legalBasis, rules: year.rules, version: year.version,
      permissions: { canManage: BlockYearsPolicy.canManage(actor), seat, canEditRules: BlockYearsPolicy.canEditRules(actor, year, seat) },
    };
  }

  async create(actor: Actor, dto: CreateBlockYearDto): Promise<BlockYearDto> {
    BlockYearsPolicy.assertCanManage(actor);
    const id = await this.ds.transaction((em) => this.createIn(em, actor, dto));
    return this.get(actor, id);
  }

  /** Sets up a block's year inside the caller's transaction (a null actor is the system loading the demo); its id. */
  async createIn(em: EntityManager, actor: Actor | null, dto: CreateBlockYearDto): Promise<string> {
    const block = await blockArchivedAt(em, dto.blockId);
    if (!block) throw invalidField('blockId', 'không phải khối có trong hệ thống');
    if (block.archivedAt) throw conflict('archived', 'Khối đã lưu trữ, không thể thiết lập năm mới.');
    if (await blockHasYear(em, dto.blockId, dto.year)) throw conflict('duplicate_year', `Khối đã có năm thi đua ${dto.year}.`, { year: 'đã được thiết lập' });
    const previousRules = await previousYearRules(em, dto.blockId, dto.year);
    // Next year's rule set starts as a copy of the last one (docs/domain.md §1).
    const rules: RuleSet = dto.rules ? { ...dto.rules } : (previousRules ?? defaultRuleSet());
    assertRuleSet(rules);
    await this.assertMembersUsable(em, dto.memberUnitIds, dto.year, dto.blockId);
    assertSeats(dto.memberUnitIds, dto.leaderUnitId ?? null, dto.deputyUnitId ?? null);
    const year = await em.save(em.getRepository(BlockYear).create({
      blockId: dto.blockId, year: dto.year, leaderUnitId: dto.leaderUnitId ?? null, deputyUnitId: dto.deputyUnitId ?? null,
      legalBasis: dto.legalBasis ?? defaultLegalBasis(dto.year), rules, status: 'setup',
    }));
    await this.writeMembers(em, year, dto.memberUnitIds);
    await this.audit.record(em, actor, {
      action: 'block_year.create', entityType: 'block_year', entityId: year.id, blockId: dto.blockId,
      after: { year: dto.year, memberUnitIds: [...dto.memberUnitIds].sort(), leaderUnitId: year.leaderUnitId, deputyUnitId: year.deputyUnitId, rules, legalBasis: year.legalBasis },
    });
    return year.id;
  }

  async update(actor: Actor, id: string, dto: UpdateBlockYearDto): Promise<BlockYearDto> {
    await this.ds.transaction((em) => this.updateTx(em, actor, id, dto));
    return this.get(actor, id);
  }

  /** The same update (members, seats, status, legal basis, rules), in the caller's transaction. */
  async updateTx(em: EntityManager, actor: Actor, id: string, dto: UpdateBlockYearDto): Promise<void> {
    const year = await em.getRepository(BlockYear).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!year) throw notFound('Không tìm thấy năm thi đua của khối.');
    await this.scope.assertCanSeeBlock(actor, year.blockId);
    const seat = await this.scope.seatOf(actor.unitId, id, em);
    const touchesSetup = dto.memberUnitIds !== undefined || dto.leaderUnitId !== undefined || dto.deputyUnitId !== undefined || dto.status !== undefined;
    BlockYearsPolicy.assertCanUpdate(actor, year, seat, touchesSetup);
    BlockYearsPolicy.assertWritable(year);
    assertVersion(year, dto.version, 'Năm thi đua');

    const currentMembers = await memberIdsOf(em, id);
    const members = dto.memberUnitIds ?? currentMembers;
    const leader = dto.leaderUnitId === undefined ? year.leaderUnitId : dto.leaderUnitId;
    const deputy = dto.deputyUnitId === undefined ? year.deputyUnitId : dto.deputyUnitId;
    if (dto.rules) {
      assertRuleSet(dto.rules);
      await assertRulesNotAdopted(em, id);
      await assertRankingRulesFixedWhileRoundOpen(em, id, year.rules, dto.rules);
    }
    if (dto.memberUnitIds) await this.assertMembersUsable(em, dto.memberUnitIds, year.year, year.blockId, id);
    assertSeats(members, leader, deputy);

    const patch: Partial<BlockYear> = { leaderUnitId: leader, deputyUnitId: deputy, status: dto.status, legalBasis: dto.legalBasis, rules: dto.rules ? { ...dto.rules } : undefined };
    const diff = changedFields(year, patch) as { before: Record<string, unknown>; after: Record<string, unknown> };
    const membersChanged = dto.memberUnitIds !== undefined && [...currentMembers].sort().join() !== [...dto.memberUnitIds].sort().join();
    if (membersChanged) {
      diff.before.memberUnitIds = [...currentMembers].sort();
      diff.after.memberUnitIds = [...dto.memberUnitIds!].sort();
    }
    if (!Object.keys(diff.after).length) return;
    Object.assign(year, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
    await em.save(year);
    if (membersChanged) await this.writeMembers(em, year, dto.memberUnitIds!);
    await this.audit.record(em, actor, { action: 'block_year.update', entityType: 'block_year', entityId: id, blockId: year.blockId, ...diff, reason: dto.reason });
  }

  /**
   * Writes next year's block year (status `setup`, default legal basis for that year) and its members, for
   * "khởi tạo năm sau" (`modules/next-year`), inside the caller's transaction. The caller checks and audits.
   */
  async insertNextYear(em: EntityManager, y: { blockId: string; year: number; leaderUnitId: string | null; deputyUnitId: string | null; rules: RuleSet; memberIds: string[] }): Promise<string> {
    return insertBlockYear(em, { ...y, legalBasis: defaultLegalBasis(y.year) });
  }

  /** Replaces a year's rule set (the drafts module adopting the rules, `rules` already checked), inside the caller's transaction. */
  async writeRules(em: EntityManager, blockYearId: string, rules: RuleSet): Promise<void> {
    await updateRules(em, blockYearId, rules);
  }

  private async writeMembers(em: EntityManager, year: BlockYear, unitIds: string[]): Promise<void> {
    await em.delete(BlockYearMember, { blockYearId: year.id });
    if (unitIds.length) await em.insert(BlockYearMember, unitIds.map((unitId) => ({ blockYearId: year.id, unitId, year: year.year, blockId: year.blockId })));
  }

  /** Members must exist, be active, and not already belong to another block that year. */
  private async assertMembersUsable(em: EntityManager, unitIds: string[], year: number, blockId: string, blockYearId?: string): Promise<void> {
    if (!unitIds.length) return;
    const units = await unitsByIds(em, unitIds);
    const missing = unitIds.filter((u) => !units.some((x) => x.id === u));
    if (missing.length) throw invalidField('memberUnitIds', `có đơn vị không tồn tại (${missing.join(', ')})`);
    const archived = units.filter((u) => u.archivedAt);
    if (archived.length) throw invalidField('memberUnitIds', `có đơn vị đã lưu trữ: ${archived.map((u) => u.name).join(', ')}`);
    const taken = await unitsInOtherBlock(em, unitIds, year, blockYearId ?? null, blockId);
    if (taken.length) {
      throw conflict('unit_in_other_block', `Mỗi đơn vị chỉ thuộc một khối trong một năm: ${taken.map((t) => `${t.name} đã thuộc ${t.blockName} năm ${year}`).join('; ')}.`, { memberUnitIds: 'có đơn vị đã thuộc khối khác trong năm' });
    }
  }
}

const toSummary = (r: BlockYearSummaryRow): BlockYearSummaryDto => ({
  id: r.id, blockId: r.blockId, blockName: r.blockName, year: r.year, status: r.status,
  leaderUnitName: r.leaderUnitName, deputyUnitName: r.deputyUnitName, memberCount: r.memberCount,
});

function assertSeats(members: string[], leader: string | null, deputy: string | null): void {
  if (leader && !members.includes(leader)) throw invalidField('leaderUnitId', 'phải là một đơn vị thành viên của khối trong năm');
  if (deputy && !members.includes(deputy)) throw invalidField('deputyUnitId', 'phải là một đơn vị thành viên của khối trong năm');
  if (leader && deputy && leader === deputy) throw invalidField('deputyUnitId', 'phải khác đơn vị khối trưởng');
}

/** Once the conference has adopted a rules version, the rule set changes only through a new adopted version. */
async function assertRulesNotAdopted(em: EntityManager, blockYearId: string): Promise<void> {
  const adopted = await adoptedRulesVersion(em, blockYearId);
  if (adopted !== undefined) throw conflict('rules_adopted', `Quy chế (phiên bản ${adopted}) đã được hội nghị thông qua; muốn đổi bộ quy tắc phải soạn phiên bản mới và trình hội nghị thông qua.`);
}

function assertRuleSet(rules: RuleSet): void {
  if (rules.quorumNumerator > rules.quorumDenominator) throw invalidField('rules.quorumNumerator', 'không được lớn hơn mẫu số (tỷ lệ tối đa là 100%)');
}
