import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { DataSource, EntityManager } from 'typeorm';
import { effectivePhase, PHASE_LABELS } from '../../domain/round-phase';
import { addPrintableSheet, layoutTable } from '../../common/xlsx-print';
import { formatNumber } from '@thidua/rules';
import type { ExportedFile } from '../scoring/scoring.service';
import { rankedRoundSummaries, rankingRowsOf } from './overview-ranking.sql';
import * as data from './board-overview-data';
import { awardsByYear, blockLateness, CYCLE_STEP_LABELS, CYCLE_STEPS, cycleStep, LATENESS_LABELS, LATENESS_REASONS, overviewOrder } from './award-rules';
import { AwardsService, type OverviewProposal } from './awards.service';
import { likePattern } from '../../common/pagination';
import type { BoardOverviewDto, OverviewBlockYearDto, OverviewPageQueryDto } from './dto/awards.dto';

export const BLOCK_YEAR_STATUS_LABELS: Record<string, string> = {
  setup: 'Thiết lập', planning: 'Xây dựng kế hoạch', signed: 'Đã ký giao ước', in_progress: 'Đang thực hiện', year_end: 'Tổng kết cuối năm',
  submitted: 'Đã gửi hồ sơ', decided: 'Đã có quyết định', archived: 'Lưu trữ',
};
/** An award no longer in the year's catalogue: named generically rather than by its code. */
const AWARD_FALLBACK = 'Hình thức khen thưởng khác';
const COVENANT_STATUS_LABELS: Record<string, string> = { draft: 'Dự thảo', signing: 'Đang ký', in_force: 'Có hiệu lực', superseded: 'Đã thay thế' };

type ShownBlock = Awaited<ReturnType<BoardOverviewService['facts']>>['blocks'][number];

/** A dossier's due date (yyyy-mm-dd) is met until the end of that day in Việt Nam. */
const endOfVietnameseDay = (date: string): Date => new Date(`${date}T23:59:59.999+07:00`);

/**
 * The board's dashboard (issue 5 "The board"): every block year of a year with its place in the annual
 * cycle, rankings side by side, dossiers (when the proposals module reports them) and decisions, awards per
 * year for the charts; and its .xlsx export. Board and admin only (checked by the controller's roles).
 */
@Injectable()
export class BoardOverviewService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly awards: AwardsService) {}

  /**
   * The name order of a year's block years (khối before cụm, each `COLLATE "vi-VN-x-icu"`), kept per process and
   * per year with the key it was computed under: the block years' ids, kinds, names and codes (a 64-bit hash of
   * each, combined) and the ICU collation's version. Every request reads that key in the facts statement; a key
   * that differs (a block renamed, added, removed, moved between years) reads the order again. The key covers
   * everything the order depends on, so no request gets an order other than the sort's. At most one entry per
   * year the query admits (2000–2100).
   */
  private readonly nameOrders = new Map<number, { key: string; order: Map<string, number> }>();

  async overview(year: number, q: Omit<OverviewPageQueryDto, 'year'> = {}): Promise<BoardOverviewDto> {
    return this.ds.transaction('REPEATABLE READ', (em) => this.build(em, year, q));
  }

  /**
   * A few set-based statements give, for every block year matching the search, the facts its step and lateness
   * follow from (the pure rules `cycleStep` and `blockLateness` decide); the filters, the order and the page
   * apply to those, and only the shown block years' covenant, rounds, dossier and leaders are read after.
   */
  private async build(em: EntityManager, year: number, q: Omit<OverviewPageQueryDto, 'year'>): Promise<BoardOverviewDto> {
    const search = q.q?.trim() ? likePattern(q.q.trim()) : null;
    const sort = q.sort ?? 'name';
    const provider = this.awards.overviewProposalsProvider;
    const { blocks: all, members } = await this.facts(em, year, search);
    const stepCounts = CYCLE_STEPS.map((step) => ({ step, label: CYCLE_STEP_LABELS[step], count: all.filter((b) => b.step === step).length }));
    const aggregates = {
      blocks: all.length, members, late: all.filter((b) => b.late).length,
      lateByReason: LATENESS_REASONS.map((reason) => ({ reason, label: LATENESS_LABELS[reason], count: all.filter((b) => b.lateness.reasons.includes(reason)).length })),
      ranked: all.filter((b) => b.yearEndFinalised).length, proposalsSubmitted: all.filter((b) => b.proposal?.submitted).length,
    };
    const matching = all.filter((b) => (!q.step || b.step === q.step) && (q.late === undefined || b.late === q.late)).sort(overviewOrder(sort));
    const page = q.page ?? 1;
    const shown = q.pageSize ? matching.slice((page - 1) * q.pageSize, page * q.pageSize) : matching;
    const blockYears = await this.details(em, shown);

    const catalogue = await this.awards.catalogue(em, year);
    const awarded = await data.awardedInYear(em, year);
    const perYear = await data.awardedPerYear(em);
    return {
      year, blockYears, total: matching.length, page, pageSize: q.pageSize ?? null, sort, stepCounts, aggregates,
      awards: catalogue.map((t) => ({ code: t.code, name: t.name, awarded: awarded.find((a) => a.code === t.code)?.n ?? 0, cityQuota: t.cityQuota })),
      byYear: awardsByYear(perYear, catalogue.map((t) => t.code)),
      proposalsAvailable: provider !== null,
    };
  }

  /**
   * Every block year of the year matching the search, with its step, lateness and place in the name order (khối
   * before cụm, each in Vietnamese name order), and the member units of them all. One statement gives one compact
   * text line per block year (a country has thousands; rows through the driver cost more than the query): its
   * facts, with at most one round of each kind per year (`uq_scoring_rounds_year_kind`); a finalised round is
   * one flag, as neither rule reads more of it. The lines come unsorted: the order is the cached one when the
   * statement's `name_key` matches (see `nameOrders`), an ICU sort of a few thousand names otherwise.
   */
  private async facts(em: EntityManager, year: number, search: string | null) {
    // The search apart: the planner cannot estimate a LIKE over unaccent, and a guess of a few rows turned the
    // facts statement into nested loops (seconds at a country's scale). It counts the members of what it finds.
    const matches = search === null ? null : new Map((await data.blockYearsMatching(em, year, search)).map((r) => [r.id, r.members]));
    const row = await data.overviewFacts(em, year, matches === null);
    const lines = (row.facts ? row.facts.split(';') : []).filter((l) => !matches || matches.has(l.slice(0, l.indexOf('|'))));
    const order = await this.nameOrder(em, year, row.nameKey);
    const provider = this.awards.overviewProposalsProvider;
    const proposals = provider ? await provider(em, lines.map((l) => l.slice(0, l.indexOf('|')))) : new Map<string, OverviewProposal>();
    const now = new Date(row.now);
    const time = (ms: string | undefined) => (ms ? new Date(Number(ms)) : null);
    const blocks = lines.map((line) => {
      const [id, status, covenant, decisionsTotal, mid, yearEnd] = line.split('|');
      const rounds = ([['mid_year', mid], ['year_end', yearEnd]] as const).filter(([, f]) => f).map(([kind, f]) => {
        const [fin, overdue, since, finalReviewUntil] = f.split(',');
        return { kind, finalised: fin === '1', unitsOverdue: Number(overdue ?? 0), earliestMissed: time(since), finalReviewUntil: time(finalReviewUntil) };
      });
      const proposal = proposals.get(id) ?? null;
      // A stored 'finalised' is the only phase the step reads, and the calendar never makes a round finalised.
      const step = cycleStep({
        status, covenantInForce: covenant === '1', rounds: rounds.map((r) => ({ kind: r.kind, phase: r.finalised ? 'finalised' : 'open' })),
        proposalSubmitted: !!proposal?.submitted, decisions: Number(decisionsTotal),
      });
      const lateness = blockLateness({
        openRounds: rounds.filter((r) => !r.finalised), appraisalDue: proposal?.dueAt ? endOfVietnameseDay(proposal.dueAt) : null,
      }, now);
      return {
        id, nameOrder: order.get(id)!, step, stepIndex: CYCLE_STEPS.indexOf(step), lateness, late: lateness.reasons.length > 0, daysLate: lateness.daysLate, proposal,
        yearEndFinalised: rounds.some((r) => r.kind === 'year_end' && r.finalised),
      };
    }).sort((a, b) => a.nameOrder - b.nameOrder);
    return { blocks, members: matches ? blocks.reduce((sum, b) => sum + matches.get(b.id)!, 0) : row.members ?? 0 };
  }

  /** The year's block years in name order (position by id): the cached order while `key` is the one it was read under. */
  private async nameOrder(em: EntityManager, year: number, key: string): Promise<Map<string, number>> {
    const cached = this.nameOrders.get(year);
    if (cached?.key === key) return cached.order;
    const ids = await data.blockYearIdsInNameOrder(em, year);
    const order = new Map((ids ? ids.split(',') : []).map((id, i) => [id, i]));
    // Read in the same snapshot as `key` (the overview's REPEATABLE READ transaction), so the two belong together.
    this.nameOrders.set(year, { key, order });
    return order;
  }

  /** What a row of the page shows: covenant, rounds with their phase in force, member count, dossier, the leaders of the final ranking (rows, not JSON). */
  private async details(em: EntityManager, shown: ShownBlock[]): Promise<OverviewBlockYearDto[]> {
    const ids = shown.map((b) => b.id);
    if (!ids.length) return [];
    const covenants = await data.currentCovenants(em, ids);
    const rounds = await data.roundsOf(em, ids);
    const years = await data.yearsOf(em, ids);
    const decided = await data.decisionsOf(em, ids);
    const yearEndIds = rounds.filter((r) => r.kind === 'year_end' && r.phase === 'finalised').map((r) => r.id);
    const ranked = await rankedRoundSummaries(em, yearEndIds, 3);
    return shown.map((b) => {
      const own = rounds.filter((r) => r.blockYearId === b.id).map((r) => ({
        ...r,
        effective: effectivePhase({
          phase: r.phase, opensAt: r.opensAt, selfAssessmentUntil: r.selfAssessmentUntil, reviewUntil: r.reviewUntil, explanationUntil: r.explanationUntil,
          latestExtension: r.latestExtension,
        }, r.now),
      }));
      const yearEnd = own.find((r) => r.kind === 'year_end');
      const summary = yearEnd && b.yearEndFinalised ? ranked.get(yearEnd.id) : undefined;
      const cov = covenants.find((c) => c.blockYearId === b.id);
      const y = years.find((x) => x.id === b.id)!;
      const decisions = Object.fromEntries(decided.filter((d) => d.blockYearId === b.id).map((d) => [d.code, d.n]));
      return {
        blockYearId: b.id, blockId: y.blockId, blockCode: y.code, blockName: y.name, blockKind: y.kind, status: y.status,
        step: b.step, stepLabel: CYCLE_STEP_LABELS[b.step], stepIndex: b.stepIndex, leaderUnitName: y.leaderName, deputyUnitName: y.deputyName, members: y.members,
        covenant: cov ? { status: cov.status, signed: cov.signed } : null,
        rounds: own.map((r) => ({
          id: r.id, kind: r.kind, title: r.title, phase: r.effective, phaseLabel: PHASE_LABELS[r.effective], finalisedAt: r.finalisedAt ? new Date(r.finalisedAt).toISOString() : null,
        })),
        yearEndFinalised: b.yearEndFinalised, top3: summary?.leaders ?? [], rankedUnits: summary?.count ?? 0,
        lateness: {
          late: b.late, reasons: b.lateness.reasons, labels: b.lateness.reasons.map((r) => LATENESS_LABELS[r]),
          overdueSince: b.lateness.overdueSince?.toISOString() ?? null, daysLate: b.lateness.daysLate,
        },
        proposal: b.proposal ? { id: b.proposal.id, status: b.proposal.status, statusLabel: b.proposal.statusLabel, submittedAt: b.proposal.submittedAt, dueAt: b.proposal.dueAt } : null,
        decisions, decisionsTotal: Object.values(decisions).reduce((sum, n) => sum + n, 0),
      };
    });
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
    const rows = await rankingRowsOf(this.ds.manager, ranked.map((b) => b.rounds.find((r) => r.kind === 'year_end')!.id));
    for (const b of ranked) for (const r of rows.get(b.rounds.find((x) => x.kind === 'year_end')!.id) ?? []) rk.addRow([b.blockName, r.rank, r.unitName, r.total]);
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
