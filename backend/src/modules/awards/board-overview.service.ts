import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { DataSource, EntityManager } from 'typeorm';
import { effectivePhase, PHASE_LABELS, type Phase } from '../../domain/round-phase';
import { addPrintableSheet, layoutTable } from '../../common/xlsx-print';
import { formatNumber } from '@thidua/rules';
import type { ExportedFile } from '../scoring/scoring.service';
import { rankedRoundSummaries, rankingRowsOf } from './overview-ranking.sql';
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
    const awarded: { code: string; n: number }[] = await em.query('SELECT code, count(*)::int AS n FROM award_history WHERE year = $1 AND revoked_at IS NULL GROUP BY code', [year]);
    const perYear: { year: number; code: string; count: number }[] = await em.query(
      'SELECT year, code, count(*)::int AS count FROM award_history WHERE revoked_at IS NULL GROUP BY year, code ORDER BY year');
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
    const matches = search === null ? null : new Map((await em.query(
      `SELECT y.id, (SELECT count(*)::int FROM block_year_members m WHERE m.block_year_id = y.id) AS members
       FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE y.year = $1 AND lower(unaccent(b.name || ' ' || b.code)) LIKE lower(unaccent($2::text))`,
      [year, search]) as { id: string; members: number }[]).map((r) => [r.id, r.members]));
    const [row]: { facts: string | null; now: Date; members: number | null; name_key: string }[] = await em.query(
      `WITH yrs AS (
         SELECT y.id, y.status, b.kind, b.name, b.code FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE y.year = $1),
       rnd AS (SELECT r.id, r.block_year_id, r.kind, r.phase = 'finalised' AS fin, r.self_assessment_until, r.final_review_until FROM scoring_rounds r JOIN yrs ON yrs.id = r.block_year_id),
       -- Units past their own self-assessment deadline (extension included) without a submitted one, per open round.
       -- (per open round through the members' index: at year end most rounds are finalised and cost nothing here)
       overdue AS (
         SELECT o.id, d.n, d.since FROM rnd o CROSS JOIN LATERAL (
           SELECT count(*)::int AS n, min(coalesce(e.until, o.self_assessment_until)) AS since
           FROM block_year_members m
           LEFT JOIN self_assessments sa ON sa.round_id = o.id AND sa.unit_id = m.unit_id
           LEFT JOIN round_extensions e ON e.round_id = o.id AND e.unit_id = m.unit_id
           WHERE m.block_year_id = o.block_year_id AND sa.status IS DISTINCT FROM 'submitted' AND coalesce(e.until, o.self_assessment_until) < now()) d
         WHERE NOT o.fin),
       per AS (
         SELECT r.block_year_id, r.kind, CASE WHEN r.fin THEN '1' ELSE concat_ws(',', 0, coalesce(d.n, 0), coalesce(((extract(epoch FROM d.since) * 1000)::bigint)::text, ''),
                  coalesce(((extract(epoch FROM r.final_review_until) * 1000)::bigint)::text, '')) END AS f
         FROM rnd r LEFT JOIN overdue d ON d.id = r.id),
       dec AS (
         SELECT m.block_year_id, count(*)::int AS n FROM award_history h JOIN block_year_members m ON m.unit_id = h.unit_id AND m.year = h.year
         WHERE h.year = $1 AND h.revoked_at IS NULL GROUP BY m.block_year_id)
       SELECT now() AS now,
              -- The year's member units (a member row carries its block year's year), unless a search counts its own.
              (SELECT count(*)::int FROM block_year_members WHERE year = $1 AND $2::boolean) AS members,
              -- What the name order depends on (see nameOrders): every block year's id, kind, name and code, the ICU version.
              (SELECT count(*) || ':' || coalesce(bit_xor(hashtextextended((id, kind, name, code)::text, 0)), 0) || ':'
                 || coalesce((SELECT pg_collation_actual_version(oid) FROM pg_collation WHERE collname = 'vi-VN-x-icu' LIMIT 1), '') FROM yrs) AS name_key,
              string_agg(concat_ws('|', y.id, y.status, CASE WHEN cv.block_year_id IS NULL THEN 0 ELSE 1 END, coalesce(dec.n, 0),
                coalesce(mid.f, ''), coalesce(ye.f, '')), ';') AS facts
       FROM yrs y LEFT JOIN dec ON dec.block_year_id = y.id
       LEFT JOIN covenants cv ON cv.block_year_id = y.id AND cv.status = 'in_force'
       LEFT JOIN per mid ON mid.block_year_id = y.id AND mid.kind = 'mid_year'
       LEFT JOIN per ye ON ye.block_year_id = y.id AND ye.kind = 'year_end'`,
      [year, matches === null]);
    const lines = (row.facts ? row.facts.split(';') : []).filter((l) => !matches || matches.has(l.slice(0, l.indexOf('|'))));
    const order = await this.nameOrder(em, year, row.name_key);
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
    const [{ ids }]: { ids: string | null }[] = await em.query(
      `SELECT string_agg(y.id::text, ',' ORDER BY b.kind DESC, b.name COLLATE "vi-VN-x-icu", b.code) AS ids FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE y.year = $1`,
      [year]);
    const order = new Map((ids ? ids.split(',') : []).map((id, i) => [id, i]));
    // Read in the same snapshot as `key` (the overview's REPEATABLE READ transaction), so the two belong together.
    this.nameOrders.set(year, { key, order });
    return order;
  }

  /** What a row of the page shows: covenant, rounds with their phase in force, member count, dossier, the leaders of the final ranking (rows, not JSON). */
  private async details(em: EntityManager, shown: ShownBlock[]): Promise<OverviewBlockYearDto[]> {
    const ids = shown.map((b) => b.id);
    if (!ids.length) return [];
    const covenants: { block_year_id: string; status: string; signed: number }[] = await em.query(
      `SELECT DISTINCT ON (c.block_year_id) c.block_year_id, c.status, (SELECT count(*)::int FROM covenant_signatures s WHERE s.covenant_id = c.id) AS signed
       FROM covenants c WHERE c.block_year_id = ANY($1) AND c.status <> 'superseded' ORDER BY c.block_year_id, (c.status = 'in_force') DESC, c.number DESC`, [ids]);
    const rounds: any[] = await em.query(
      `SELECT r.id, r.block_year_id, r.kind, r.title, r.phase, r.opens_at, r.self_assessment_until, r.review_until, r.explanation_until, r.finalised_at,
              (SELECT max(e.until) FROM round_extensions e WHERE e.round_id = r.id) AS latest_extension, now() AS now
       FROM scoring_rounds r WHERE r.block_year_id = ANY($1) ORDER BY r.opens_at`, [ids]);
    const years: { id: string; block_id: string; code: string; name: string; kind: string; status: string; leader_name: string | null; deputy_name: string | null; members: number }[] = await em.query(
      `SELECT y.id, y.block_id, b.code, b.name, b.kind, y.status, lu.name AS leader_name, du.name AS deputy_name,
              (SELECT count(*)::int FROM block_year_members m WHERE m.block_year_id = y.id) AS members
       FROM block_years y JOIN blocks b ON b.id = y.block_id
       LEFT JOIN units lu ON lu.id = y.leader_unit_id LEFT JOIN units du ON du.id = y.deputy_unit_id WHERE y.id = ANY($1)`, [ids]);
    const decided: { block_year_id: string; code: string; n: number }[] = await em.query(
      `SELECT m.block_year_id, h.code, count(*)::int AS n FROM award_history h JOIN block_year_members m ON m.unit_id = h.unit_id AND m.year = h.year
       WHERE m.block_year_id = ANY($1) AND h.revoked_at IS NULL GROUP BY m.block_year_id, h.code`, [ids]);
    const yearEndIds = rounds.filter((r) => r.kind === 'year_end' && r.phase === 'finalised').map((r) => r.id as string);
    const ranked = await rankedRoundSummaries(em, yearEndIds, 3);
    return shown.map((b) => {
      const own = rounds.filter((r) => r.block_year_id === b.id).map((r) => ({
        ...r,
        effective: effectivePhase({
          phase: r.phase, opensAt: r.opens_at, selfAssessmentUntil: r.self_assessment_until, reviewUntil: r.review_until, explanationUntil: r.explanation_until,
          latestExtension: r.latest_extension,
        }, r.now) as Phase,
      }));
      const yearEnd = own.find((r) => r.kind === 'year_end');
      const summary = yearEnd && b.yearEndFinalised ? ranked.get(yearEnd.id) : undefined;
      const cov = covenants.find((c) => c.block_year_id === b.id);
      const y = years.find((x) => x.id === b.id)!;
      const decisions = Object.fromEntries(decided.filter((d) => d.block_year_id === b.id).map((d) => [d.code, d.n]));
      return {
        blockYearId: b.id, blockId: y.block_id, blockCode: y.code, blockName: y.name, blockKind: y.kind, status: y.status,
        step: b.step, stepLabel: CYCLE_STEP_LABELS[b.step], stepIndex: b.stepIndex, leaderUnitName: y.leader_name, deputyUnitName: y.deputy_name, members: y.members,
        covenant: cov ? { status: cov.status, signed: cov.signed } : null,
        rounds: own.map((r) => ({
          id: r.id, kind: r.kind, title: r.title, phase: r.effective, phaseLabel: PHASE_LABELS[r.effective as Phase], finalisedAt: r.finalised_at ? new Date(r.finalised_at).toISOString() : null,
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
