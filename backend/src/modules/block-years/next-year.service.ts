import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isCityWide, isUnitMember } from '../../common/actor';
import { conflict, forbidden } from '../../common/app-error';
import { loadYearContext, type YearContext } from '../../common/scope/year-context';
import { ScopeService } from '../../common/scope/scope.service';
import { AuditService } from '../audit/audit.service';
import { nextYearSeats, seatElection } from '../ballots/seat-rotation';
import { buildDocumentNumber } from '../documents';
import { emptyPlan, type DraftSection, type PlanData } from '../drafts/draft-content';
import { BlockYearsService } from './block-years.service';
import { NextYearResultDto } from './next-year.dto';
import { defaultLegalBasis, defaultRuleSet, type RuleSet } from '@thidua/rules';

/** "Biểu chấm điểm thi đua năm 2024" → "… năm 2025": the year in a copied title moves on. */
export function nextYearTitle(title: string, year: number): string {
  return title.replace(new RegExp(`(?<!\\d)${year}(?!\\d)`, 'g'), String(year + 1));
}

/**
 * The plan skeleton for next year: the sections as they were adopted (the leader rewrites them), the theme
 * and slogan cleared, regular movements kept; dated activities, thematic campaigns, commemorations and
 * field trips belong to their year and are dropped (as the drafts module's "copy from previous year").
 */
export function planSkeleton(sections: readonly DraftSection[], plan: PlanData | null): { sections: DraftSection[]; plan: PlanData } {
  return {
    sections: sections.map((s) => ({ key: s.key, heading: s.heading, body: s.body, rev: 1 })),
    plan: { ...emptyPlan(), movements: (plan?.movements ?? []).filter((m) => m.kind === 'regular') },
  };
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
  ) {}

  async start(actor: Actor, sourceId: string): Promise<NextYearResultDto> {
    const out = await this.ds.transaction(async (em) => {
      const src = await loadYearContext(em, sourceId, actor, { lock: true });
      await this.scope.assertCanSeeBlock(actor, src.blockId);
      const election = await seatElection(em, src.blockYearId);
      assertCanStart(actor, src, !!election);
      const [block] = await em.query('SELECT archived_at FROM blocks WHERE id = $1', [src.blockId]);
      if (block.archived_at) throw conflict('archived', 'Khối đã lưu trữ, không thể khởi tạo năm mới.');
      const next = src.year + 1;
      const [exists] = await em.query('SELECT id FROM block_years WHERE block_id = $1 AND year = $2', [src.blockId, next]);
      // A concurrent start or create loses on uq_block_years_block_year (409).
      if (exists) throw conflict('next_year_exists', `Khối đã có năm thi đua ${next}.`);

      const members: { id: string; name: string; archived_at: Date | null }[] = await em.query(
        `SELECT u.id, u.name, u.archived_at FROM block_year_members m JOIN units u ON u.id = m.unit_id WHERE m.block_year_id = $1 ORDER BY u.name`, [src.blockYearId]);
      const skipped = members.filter((m) => m.archived_at).map((m) => ({ unitId: m.id, name: m.name, reason: 'Đơn vị đã lưu trữ' }));
      const kept = members.filter((m) => !m.archived_at);
      const taken: { name: string; block_name: string }[] = await em.query(
        `SELECT u.name, b.name AS block_name FROM block_year_members m JOIN units u ON u.id = m.unit_id JOIN blocks b ON b.id = m.block_id
         WHERE m.unit_id = ANY($1::uuid[]) AND m.year = $2 AND m.block_id <> $3`, [kept.map((m) => m.id), next, src.blockId]);
      if (taken.length) {
        throw conflict('unit_in_other_block', `Mỗi đơn vị chỉ thuộc một khối trong một năm: ${taken.map((t) => `${t.name} đã thuộc ${t.block_name} năm ${next}`).join('; ')}.`);
      }
      const keptIds = new Set(kept.map((m) => m.id));
      const seats = await nextYearSeats(em, src.blockYearId);
      const leader = seats.leaderUnitId && keptIds.has(seats.leaderUnitId) ? seats.leaderUnitId : null;
      const deputy = seats.deputyUnitId && keptIds.has(seats.deputyUnitId) && seats.deputyUnitId !== leader ? seats.deputyUnitId : null;
      const rules: RuleSet = { ...defaultRuleSet(), ...(src.rules ?? {}) };

      const [row] = await em.query(
        `INSERT INTO block_years (block_id, year, leader_unit_id, deputy_unit_id, status, legal_basis, rules, version) VALUES ($1,$2,$3,$4,'setup',$5,$6,1) RETURNING id`,
        [src.blockId, next, leader, deputy, JSON.stringify(defaultLegalBasis(next)), JSON.stringify(rules)]);
      const newId: string = row.id;
      if (kept.length) {
        await em.query(
          `INSERT INTO block_year_members (block_year_id, unit_id, year, block_id) SELECT $1, u, $2, $3 FROM unnest($4::uuid[]) AS u`, [newId, next, src.blockId, kept.map((m) => m.id)]);
      }
      const schemeId = await this.copyScheme(em, actor, src, newId, [...keptIds]);
      const planDocumentId = await this.copyPlan(em, actor, src, newId);
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

  /**
   * A new draft scheme (version 1) copied from the scheme of this year's year-end round, else its latest
   * version; criteria get new ids, "not applicable" lists keep only next year's members.
   */
  private async copyScheme(em: EntityManager, actor: Actor, src: YearContext, newYearId: string, memberIds: string[]): Promise<string | null> {
    const [source] = await em.query(
      `SELECT s.id, s.title, s.total_max FROM scoring_schemes s
       LEFT JOIN LATERAL (SELECT max(r.created_at) AS used_at FROM scoring_rounds r WHERE r.scheme_id = s.id AND r.kind = 'year_end') r ON true
       WHERE s.block_year_id = $1 ORDER BY r.used_at DESC NULLS LAST, s.version_no DESC LIMIT 1`, [src.blockYearId]);
    if (!source) return null;
    const [row] = await em.query(
      `INSERT INTO scoring_schemes (block_year_id, version_no, title, total_max, based_on_id, created_by, version) VALUES ($1,1,$2,$3,$4,$5,1) RETURNING id`,
      [newYearId, nextYearTitle(source.title, src.year), source.total_max, source.id, actor.id]);
    // One statement: the composite parent key is checked at its end, so parents need not come first.
    await em.query(
      `WITH m AS (SELECT id AS old_id, gen_random_uuid() AS new_id FROM scoring_criteria WHERE scheme_id = $1)
       INSERT INTO scoring_criteria (id, scheme_id, parent_id, code, title, guidance, type, max_points, sort_order, evidence_required, points_per_occurrence,
         measure, items, not_applicable_unit_ids, version)
       SELECT m.new_id, $2, pm.new_id, c.code, c.title, c.guidance, c.type, c.max_points, c.sort_order, c.evidence_required, c.points_per_occurrence,
         c.measure, c.items, ARRAY(SELECT x FROM unnest(c.not_applicable_unit_ids) AS x WHERE x = ANY($3::uuid[])), 1
       FROM scoring_criteria c JOIN m ON m.old_id = c.id LEFT JOIN m pm ON pm.old_id = c.parent_id`,
      [source.id, row.id, memberIds]);
    return row.id;
  }

  /** The plan of next year as a draft (version 1) from this year's adopted plan, else its latest version. */
  private async copyPlan(em: EntityManager, actor: Actor, src: YearContext, newYearId: string): Promise<string | null> {
    const [v] = await em.query(
      `SELECT v.sections, v.plan FROM draft_versions v JOIN draft_documents d ON d.id = v.document_id
       WHERE d.block_year_id = $1 AND d.kind = 'plan' ORDER BY (v.status = 'adopted') DESC, v.number DESC LIMIT 1`, [src.blockYearId]);
    if (!v) return null;
    const next = src.year + 1;
    const skeleton = planSkeleton(v.sections ?? [], v.plan ?? null);
    const [doc] = await em.query(
      `INSERT INTO draft_documents (block_year_id, kind, doc_number, created_by, version) VALUES ($1,'plan',$2,$3,1) RETURNING id`,
      [newYearId, buildDocumentNumber(1, 'KH', src.blockCode), actor.id]);
    await em.query(
      `INSERT INTO draft_versions (document_id, number, status, title, sections, plan, rule_set, created_by, version) VALUES ($1,1,'draft',$2,$3,$4,NULL,$5,1)`,
      [doc.id, `Hoạt động năm ${next} của ${src.blockName}`, JSON.stringify(skeleton.sections), JSON.stringify(skeleton.plan), actor.id]);
    return doc.id;
  }
}

function assertCanStart(actor: Actor, src: YearContext, elected: boolean): void {
  if (isCityWide(actor)) return;
  if (!isUnitMember(actor) || src.seat !== 'leader') {
    throw forbidden('Chỉ Ban Thi đua – Khen thưởng Thành phố, quản trị viên hoặc đơn vị Khối trưởng của năm này được khởi tạo năm sau.');
  }
  if (!elected) {
    throw conflict('seats_not_elected', `Hội nghị tổng kết năm ${src.year} chưa bầu Khối trưởng, Khối phó năm ${src.year + 1}; Khối trưởng khởi tạo năm sau sau khi có kết quả bầu (hoặc đề nghị Ban Thi đua – Khen thưởng Thành phố khởi tạo).`);
  }
}
