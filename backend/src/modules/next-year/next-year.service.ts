import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, isUnitMember } from '../../common/actor';
import { conflict, forbidden } from '../../common/app-error';
import { loadYearContext, type YearContext } from '../../common/scope/year-context';
import { ScopeService } from '../../common/scope/scope.service';
import { AuditService } from '../audit/audit.service';
import { BallotsPolicy } from '../ballots/ballots.policy';
import { nextYearSeats, seatElection } from '../ballots/seat-rotation';
import { BlockYearsService } from '../block-years/block-years.service';
import { DraftWorkflowService } from '../drafts/draft-workflow.service';
import { ScoringService } from '../scoring/scoring.service';
import { blockArchived, blockHasYear, memberUnits, unitsInOtherBlock } from './next-year-data';
import { NextYearResultDto } from './next-year.dto';
import { defaultRuleSet, type RuleSet } from '@thidua/rules';

/** "Biểu chấm điểm thi đua năm 2024" → "… năm 2025": the year in a copied title moves on. */
export function nextYearTitle(title: string, year: number): string {
  return title.replace(new RegExp(`(?<!\\d)${year}(?!\\d)`, 'g'), String(year + 1));
}

/**
 * Khởi tạo năm sau: copies a block year into a new year (year + 1, status `setup`): its members (archived
 * units left out), next year's seats (elected at the year-end conference, else the rotation suggestion), the
 * rule set, a draft copy of the scoring scheme and the plan skeleton.
 *
 * Who: the board or an admin at any time; the leader seat of the year once the year-end conference has
 * elected next year's seats (ballots module, seat_elections). 409 when the next year exists.
 */
@Injectable()
export class NextYearService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly scope: ScopeService,
    private readonly years: BlockYearsService,
    private readonly scoring: ScoringService,
    private readonly drafts: DraftWorkflowService,
  ) {}

  async start(actor: Actor, sourceId: string): Promise<NextYearResultDto> {
    const out = await this.ds.transaction(async (em) => {
      const src = await loadYearContext(em, sourceId, actor, { lock: true });
      await this.scope.assertCanSeeBlock(actor, src.blockId);
      const election = await seatElection(em, src.blockYearId);
      assertCanStart(actor, src, !!election);
      if (await blockArchived(em, src.blockId)) throw conflict('archived', 'Khối đã lưu trữ, không thể khởi tạo năm mới.');
      const next = src.year + 1;
      // A concurrent start or create loses on uq_block_years_block_year (409).
      if (await blockHasYear(em, src.blockId, next)) throw conflict('next_year_exists', `Khối đã có năm thi đua ${next}.`);

      const members = await memberUnits(em, src.blockYearId);
      const skipped = members.filter((m) => m.archivedAt).map((m) => ({ unitId: m.id, name: m.name, reason: 'Đơn vị đã lưu trữ' }));
      const kept = members.filter((m) => !m.archivedAt);
      const taken = await unitsInOtherBlock(em, kept.map((m) => m.id), next, src.blockId);
      if (taken.length) {
        throw conflict('unit_in_other_block', `Mỗi đơn vị chỉ thuộc một khối trong một năm: ${taken.map((t) => `${t.name} đã thuộc ${t.blockName} năm ${next}`).join('; ')}.`);
      }
      const keptIds = new Set(kept.map((m) => m.id));
      const seats = await nextYearSeats(em, src.blockYearId);
      const leader = seats.leaderUnitId && keptIds.has(seats.leaderUnitId) ? seats.leaderUnitId : null;
      const deputy = seats.deputyUnitId && keptIds.has(seats.deputyUnitId) && seats.deputyUnitId !== leader ? seats.deputyUnitId : null;
      const rules: RuleSet = { ...defaultRuleSet(), ...(src.rules ?? {}) };

      const newId = await this.years.insertNextYear(em, { blockId: src.blockId, year: next, leaderUnitId: leader, deputyUnitId: deputy, rules, memberIds: kept.map((m) => m.id) });
      const schemeId = await this.scoring.copySchemeToNextYear(em, actor, {
        fromYearId: src.blockYearId, toYearId: newId, title: (t) => nextYearTitle(t, src.year), memberIds: [...keptIds],
      });
      const planDocumentId = await this.drafts.startPlanFromPreviousYear(em, actor, {
        fromYearId: src.blockYearId, toYearId: newId, blockCode: src.blockCode, title: `Hoạt động năm ${next} của ${src.blockName}`,
      });
      await this.audit.record(em, actor, {
        action: 'block_year.next_year', entityType: 'block_year', entityId: newId, blockId: src.blockId,
        reason: `Khởi tạo năm ${next} từ năm ${src.year}`,
        after: {
          sourceYearId: src.blockYearId, year: next, status: 'setup', memberUnitIds: [...keptIds].sort(), leaderUnitId: leader, deputyUnitId: deputy, seatsFrom: seats.from,
          rules, schemeId, planDocumentId, skippedUnitIds: skipped.map((s) => s.unitId),
        },
      });
      return { newId, seatsFrom: seats.from, schemeId, planDocumentId, skipped };
    });
    return {
      blockYear: await this.years.get(actor, out.newId), sourceYearId: sourceId, seatsFrom: out.seatsFrom, schemeId: out.schemeId, planDocumentId: out.planDocumentId,
      skippedUnits: out.skipped,
    };
  }
}

function assertCanStart(actor: Actor, src: YearContext, elected: boolean): void {
  if (BallotsPolicy.canStartNextYear(actor, src, elected)) return;
  if (!isUnitMember(actor) || src.seat !== 'leader') {
    throw forbidden('Chỉ Ban Thi đua – Khen thưởng Thành phố, quản trị viên hoặc đơn vị Khối trưởng của năm này được khởi tạo năm sau.');
  }
  if (!elected) {
    throw conflict('seats_not_elected', `Hội nghị tổng kết năm ${src.year} chưa bầu Khối trưởng, Khối phó năm ${src.year + 1}; Khối trưởng khởi tạo năm sau sau khi có kết quả bầu (hoặc đề nghị Ban Thi đua – Khen thưởng Thành phố khởi tạo).`);
  }
}
