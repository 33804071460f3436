import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { DataSource, EntityManager } from 'typeorm';
import { effectivePhase, PHASE_LABELS, type Phase } from '../rounds/round-phase';
import { addPrintableSheet, layoutTable } from '../../common/xlsx-print';
import { formatNumber } from '@thidua/rules';
import type { ExportedFile } from '../scoring/scoring.service';
import { awardsByYear, CYCLE_STEP_LABELS, CYCLE_STEPS, cycleStep } from './award-rules';
import { AwardsService } from './awards.service';
import { likePattern } from '../../common/pagination';
import type { BoardOverviewDto, OverviewBlockYearDto, OverviewPageQueryDto, OverviewRankDto } from './dto/awards.dto';

export const BLOCK_YEAR_STATUS_LABELS: Record<string, string> = {
  setup: 'Thiết lập', planning: 'Xây dựng kế hoạch', signed: 'Đã ký giao ước', in_progress: 'Đang thực hiện', year_end: 'Tổng kết cuối năm',
  submitted: 'Đã gửi hồ sơ', decided: 'Đã có quyết định', archived: 'Lưu trữ',
};
/** An award no longer in the year's catalogue: named generically rather than by its code. */
const AWARD_FALLBACK = 'Hình thức khen thưởng khác';
const COVENANT_STATUS_LABELS: Record<string, string> = { draft: 'Dự thảo', signing: 'Đang ký', in_force: 'Có hiệu lực', superseded: 'Đã thay thế' };

/**
 * The board's dashboard (issue 5 "The board"): every block year of a year with its place in the annual
 * cycle, rankings side by side, dossiers (when the proposals module reports them) and decisions, awards per
 * year for the charts; and its .xlsx export. Board and admin only (checked by the controller's roles).
 */
@Injectable()
export class BoardOverviewService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly awards: AwardsService) {}

  async overview(year: number, q: Omit<OverviewPageQueryDto, 'year'> = {}): Promise<BoardOverviewDto> {
    return this.ds.transaction('REPEATABLE READ', (em) => this.build(em, year, q));
  }

  private async build(em: EntityManager, year: number, q: Omit<OverviewPageQueryDto, 'year'>): Promise<BoardOverviewDto> {
    const search = q.q?.trim() ? likePattern(q.q.trim()) : null;
    const years: any[] = await em.query(
      `SELECT y.id, y.block_id, b.code, b.name, b.kind, y.status, lu.name AS leader_name, du.name AS deputy_name,
              (SELECT count(*)::int FROM block_year_members m WHERE m.block_year_id = y.id) AS members
       FROM block_years y JOIN blocks b ON b.id = y.block_id LEFT JOIN units lu ON lu.id = y.leader_unit_id LEFT JOIN units du ON du.id = y.deputy_unit_id
       WHERE y.year = $1 AND ($2::text IS NULL OR lower(unaccent(b.name || ' ' || b.code)) LIKE lower(unaccent($2::text)))
       ORDER BY b.kind DESC, b.name`, [year, search]);
    const ids = years.map((y) => y.id);
    const covenants: any[] = await em.query(
      `SELECT DISTINCT ON (c.block_year_id) c.block_year_id, c.status, (SELECT count(*)::int FROM covenant_signatures s WHERE s.covenant_id = c.id) AS signed
       FROM covenants c WHERE c.block_year_id = ANY($1) AND c.status <> 'superseded' ORDER BY c.block_year_id, (c.status = 'in_force') DESC, c.number DESC`, [ids]);
    const rounds: any[] = await em.query(
      `SELECT r.id, r.block_year_id, r.kind, r.title, r.phase, r.opens_at, r.self_assessment_until, r.review_until, r.explanation_until, r.finalised_at,
              jsonb_typeof(s.ranking) = 'array' AS ranked,
              (SELECT max(e.until) FROM round_extensions e WHERE e.round_id = r.id) AS latest_extension, now() AS now
       FROM scoring_rounds r LEFT JOIN round_snapshots s ON s.round_id = r.id AND s.superseded_at IS NULL
       WHERE r.block_year_id = ANY($1) ORDER BY r.opens_at`, [ids]);
    const decided: { block_year_id: string; code: string; n: number }[] = await em.query(
      `SELECT m.block_year_id, h.code, count(*)::int AS n FROM award_history h JOIN block_year_members m ON m.unit_id = h.unit_id AND m.year = h.year
       WHERE h.year = $1 AND h.revoked_at IS NULL GROUP BY m.block_year_id, h.code`, [year]);
    const provider = this.awards.overviewProposalsProvider;
    const proposals = provider ? await provider(em, ids) : new Map();

    const all = years.map((y) => {
      const own = rounds.filter((r) => r.block_year_id === y.id).map((r) => ({
        ...r,
        effective: effectivePhase({
          phase: r.phase, opensAt: r.opens_at, selfAssessmentUntil: r.self_assessment_until, reviewUntil: r.review_until, explanationUntil: r.explanation_until,
          latestExtension: r.latest_extension,
        }, r.now) as Phase,
      }));
      const yearEnd = own.find((r) => r.kind === 'year_end');
      const yearEndFinalised = yearEnd?.effective === 'finalised' && !!yearEnd.ranked;
      const cov = covenants.find((c) => c.block_year_id === y.id);
      const decisions = Object.fromEntries(decided.filter((d) => d.block_year_id === y.id).map((d) => [d.code, d.n]));
      const decisionsTotal = Object.values(decisions).reduce((s, n) => s + n, 0);
      // The proposals module's provider sends the dossier's id too (see ProposalsService.overview).
      const proposal = proposals.get(y.id) ?? null;
      const step = cycleStep({
        status: y.status, covenantInForce: cov?.status === 'in_force', rounds: own.map((r) => ({ kind: r.kind, phase: r.effective })),
        proposalSubmitted: !!proposal?.submitted, decisions: decisionsTotal,
      });
      return {
        blockYearId: y.id, blockId: y.block_id, blockCode: y.code, blockName: y.name, blockKind: y.kind, status: y.status,
        step, stepLabel: CYCLE_STEP_LABELS[step], stepIndex: CYCLE_STEPS.indexOf(step), leaderUnitName: y.leader_name, deputyUnitName: y.deputy_name, members: y.members,
        covenant: cov ? { status: cov.status, signed: cov.signed } : null,
        rounds: own.map((r) => ({
          id: r.id, kind: r.kind, title: r.title, phase: r.effective, phaseLabel: PHASE_LABELS[r.effective as Phase], finalisedAt: r.finalised_at ? new Date(r.finalised_at).toISOString() : null,
        })),
        yearEndFinalised, yearEndRoundId: yearEndFinalised ? yearEnd.id : null, top3: [] as OverviewRankDto[], ranking: [] as OverviewRankDto[],
        proposal: proposal ? { id: proposal.id, status: proposal.status, statusLabel: proposal.statusLabel, submittedAt: proposal.submittedAt, dueAt: proposal.dueAt } : null,
        decisions, decisionsTotal,
      };
    });

    const stepCounts = CYCLE_STEPS.map((step) => ({ step, label: CYCLE_STEP_LABELS[step], count: all.filter((b) => b.step === step).length }));
    const matching = q.step ? all.filter((b) => b.step === q.step) : all;
    const page = q.page ?? 1;
    const shown = q.pageSize ? matching.slice((page - 1) * q.pageSize, page * q.pageSize) : matching;
    // Rankings for the shown block years only; of each year-end snapshot only rank, unit and total leave the
    // database, not the whole ranking (every criterion of every unit: megabytes once a city's rounds are final).
    const rankedIds = shown.map((b) => b.yearEndRoundId).filter((id): id is string => !!id);
    const rankings: { round_id: string; ranking: OverviewRankDto[] }[] = rankedIds.length ? await em.query(
      `SELECT s.round_id, (SELECT jsonb_agg(jsonb_build_object('rank', e->'rank', 'unitId', e->'unitId', 'unitName', e->'unitName', 'total', coalesce(e->'final'->'total', '0'::jsonb))
                                   ORDER BY (e->>'rank')::int) FROM jsonb_array_elements(s.ranking) e) AS ranking
       FROM round_snapshots s WHERE s.round_id = ANY($1) AND s.superseded_at IS NULL`, [rankedIds]) : [];
    const blockYears: OverviewBlockYearDto[] = shown.map(({ yearEndRoundId, ...b }) => {
      const ranking = rankings.find((r) => r.round_id === yearEndRoundId)?.ranking ?? [];
      return { ...b, ranking, top3: ranking.filter((r) => r.rank <= 3) };
    });

    const catalogue = await this.awards.catalogue(em, year);
    const awarded: { code: string; n: number }[] = await em.query('SELECT code, count(*)::int AS n FROM award_history WHERE year = $1 AND revoked_at IS NULL GROUP BY code', [year]);
    const perYear: { year: number; code: string; count: number }[] = await em.query(
      'SELECT year, code, count(*)::int AS count FROM award_history WHERE revoked_at IS NULL GROUP BY year, code ORDER BY year');
    return {
      year, blockYears, total: matching.length, page, pageSize: q.pageSize ?? null, stepCounts,
      awards: catalogue.map((t) => ({ code: t.code, name: t.name, awarded: awarded.find((a) => a.code === t.code)?.n ?? 0, cityQuota: t.cityQuota })),
      byYear: awardsByYear(perYear, catalogue.map((t) => t.code)),
      proposalsAvailable: provider !== null,
    };
  }

  /** The overview as a workbook: the cycle, the rankings side by side, awards per year, the city-wide quota use. */
  async export(year: number): Promise<ExportedFile> {
    const o = await this.overview(year);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Thi đua';

    // Columns in the order the board's page shows them; awards by their Vietnamese names, never their codes.
    const awardName = new Map(o.awards.map((a) => [a.code, a.name]));
    const ws = addPrintableSheet(wb, 'Tổng quan');
    ws.addRow([`TỔNG QUAN CÁC KHỐI, CỤM THI ĐUA NĂM ${year}`]).font = { bold: true, size: 14 };
    ws.addRow(['Ban Thi đua – Khen thưởng Thành phố']).font = { italic: true };
    ws.addRow([]);
    const header = ws.addRow(['STT', 'Khối, cụm thi đua', 'Số đơn vị', 'Khối trưởng', 'Khối phó', 'Bước trong chu trình', 'Trạng thái năm', 'Giao ước', 'Đợt chấm cuối năm',
      'Hồ sơ đề nghị', 'Hạng 1', 'Hạng 2', 'Hạng 3', 'Khen thưởng đã quyết định']);
    o.blockYears.forEach((b, i) => {
      const yearEnd = b.rounds.find((r) => r.kind === 'year_end');
      const rankName = (n: number) => b.top3.filter((r) => r.rank === n).map((r) => `${r.unitName} (${formatNumber(r.total)})`).join('; ');
      const decided = Object.entries(b.decisions).filter(([, n]) => n > 0).map(([code, n]) => `${awardName.get(code) ?? AWARD_FALLBACK}: ${n}`).join('; ');
      ws.addRow([
        i + 1, `${b.blockName} (${b.blockCode})`, b.members, b.leaderUnitName ?? '', b.deputyUnitName ?? '', b.stepLabel, BLOCK_YEAR_STATUS_LABELS[b.status] ?? '',
        b.covenant ? `${COVENANT_STATUS_LABELS[b.covenant.status] ?? ''} (${b.covenant.signed}/${b.members} đã ký)` : 'Chưa có',
        yearEnd ? yearEnd.phaseLabel : 'Chưa mở', b.proposal?.statusLabel ?? (o.proposalsAvailable ? 'Chưa có' : ''), rankName(1), rankName(2), rankName(3),
        decided || 'Chưa có',
      ]);
    });
    layoutTable(ws, { headerRow: header.number, widths: [6, 30, 8, 30, 30, 24, 16, 18, 18, 20, 30, 30, 30, 30], frozenColumns: 2 });

    const rk = addPrintableSheet(wb, 'Xếp hạng');
    rk.addRow([`KẾT QUẢ XẾP HẠNG CUỐI NĂM ${year} (theo bản chốt của từng khối)`]).font = { bold: true, size: 14 };
    rk.addRow([]);
    const ranked = o.blockYears.filter((b) => b.yearEndFinalised);
    // One block under another (not side by side), so the sheet fits the page's width.
    const rkHeader = rk.addRow(['Khối, cụm thi đua', 'Hạng', 'Đơn vị', 'Tổng điểm']);
    for (const b of ranked) for (const r of b.ranking) rk.addRow([b.blockName, r.rank, r.unitName, r.total]);
    if (!ranked.length) rk.addRow(['Chưa khối nào chốt kết quả đợt chấm điểm cuối năm.']);
    layoutTable(rk, { headerRow: rkHeader.number, widths: [30, 8, 48, 12], scoreColumns: [4] });

    const codes = o.awards.map((a) => a.code);
    const ch = addPrintableSheet(wb, 'Khen thưởng theo năm');
    ch.addRow(['SỐ ĐƠN VỊ ĐƯỢC KHEN THƯỞNG THEO NĂM (không tính khen thưởng đã thu hồi)']).font = { bold: true, size: 14 };
    ch.addRow([]);
    const extra = [...new Set(o.byYear.flatMap((y) => Object.keys(y.counts)))].filter((c) => !codes.includes(c));
    const allCodes = [...codes, ...extra];
    const chHeader = ch.addRow(['Năm', ...allCodes.map((c) => awardName.get(c) ?? AWARD_FALLBACK), 'Tổng']);
    for (const y of o.byYear) ch.addRow([y.year, ...allCodes.map((c) => y.counts[c] ?? 0), y.total]);
    layoutTable(ch, { headerRow: chHeader.number, widths: [8, ...allCodes.map(() => 22), 10] });

    const q = addPrintableSheet(wb, 'Chỉ tiêu toàn Thành phố');
    q.addRow([`SỬ DỤNG CHỈ TIÊU KHEN THƯỞNG TOÀN THÀNH PHỐ NĂM ${year}`]).font = { bold: true, size: 14 };
    q.addRow([]);
    const qHeader = q.addRow(['STT', 'Hình thức khen thưởng', 'Đã tặng', 'Chỉ tiêu', 'Còn lại']);
    o.awards.forEach((a, i) => q.addRow([i + 1, a.name, a.awarded, a.cityQuota ?? 'Không giới hạn', a.cityQuota === null ? '' : a.cityQuota - a.awarded]));
    layoutTable(q, { headerRow: qHeader.number, widths: [6, 44, 10, 16, 10] });

    return {
      buffer: Buffer.from(await wb.xlsx.writeBuffer()), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: `Tổng quan thi đua năm ${year}.xlsx`,
    };
  }
}
