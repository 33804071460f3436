import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isCityWide } from '../../common/actor';
import { conflict, forbidden, notFound } from '../../common/app-error';
import { addPrintableSheet, layoutTable } from '../../common/xlsx-print';
import { AuditService, DocumentEntry, LedgerService } from '../audit/audit.service';
import { DocumentProofDto } from '../audit/dto/audit.dto';
import { ledgerSealLine } from '../audit/ledger-seal-line';
import { buildDocumentNumber, DocumentModel, renderPdf } from '../documents';
import { formatNumber } from '@thidua/rules';
import type { ExportedFile } from '../scoring/scoring.service';
import { RankingDto, RankingRowDto, SnapshotDto } from './dto/assessment.dto';
import { notify } from '../notifications/notify';
import { loadRound, RoundContext } from './round-context';
import { entriesByUnit, inReadOnlySnapshot, RoundData, type RoundFingerprint, type RoundScheme } from './round-data';
import { PHASE_LABELS } from '../../domain/round-phase';
import { computeResults, computeResultsState, recomputeResults, type ResultsInput, type ResultsState, RoundResults } from './round-results';
import { ResultsCache, resultsKey } from './ranking-cache';
import { rankingRows } from './ranking-rows';
import { storeRankingRows } from './ranking-rows-store';
import { markRoundFinalised, markRoundReopened } from './round-row-data';
import { hashedScoreRows } from './score-data';
import {
  deleteRankingRows, insertSnapshot, latestSnapshotDigest, liveSnapshot, lockLiveSnapshot, nextSnapshotSeq, snapshotsOf, supersedeSnapshot, unitHeadName,
} from './snapshot-data';
import { RoundsPolicy } from './rounds.policy';
import { compareRowHashes, scoreRowHash, snapshotDigest } from './score-hash';

const TIE_BREAK_LABELS: Record<string, string> = {
  total: 'tổng điểm', first_group_score: 'điểm nhóm tiêu chí thứ nhất', fewer_deductions: 'ít điểm trừ hơn', earlier_submission: 'nộp bản tự chấm sớm hơn',
};

export const ANNEX_HEADERS = ['STT', 'Tên đơn vị', 'Tự chấm', 'Thẩm định', 'Điểm thưởng', 'Điểm trừ', 'Tổng', 'Xếp hạng', 'Đề nghị', 'Ghi chú'];

const STATE_LIMIT = 8;

/** The inputs and intermediate results of a round's live ranking, under `baseKey` (the results key without the score rows). */
interface LiveState {
  baseKey: string;
  /** The score rows' fingerprint per unit scored (entriesByUnit). */
  parts: Map<string, string>;
  input: ResultsInput;
  state: ResultsState;
  scheme: RoundScheme;
  units: { id: string; name: string; submittedAt: Date | null }[];
}

@Injectable()
export class ResultsService {
  /** Live ranking rows of the last few rounds looked at, keyed by what they were computed from. */
  private readonly cache = new ResultsCache<RankingRowDto[]>(8);
  /** Per round, what its live results were last computed from, for recomputing only the units whose rows changed. */
  private readonly states = new Map<string, LiveState>();

  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly audit: AuditService, private readonly data: RoundData) {}

  /** Injected as a property: the demo builds this service by hand and never asks for a proof. */
  @Inject(LedgerService) private readonly ledger!: LedgerService;

  // ---------------------------------------------------------------- ranking

  /**
   * The ranking: from the signed snapshot once the round is finalised (what was signed is what is shown),
   * computed live before that (leader seat and board only: results are published at finalisation).
   */
  async ranking(actor: Actor, roundId: string): Promise<RankingDto> {
    const em = this.ds.manager;
    const ctx = await loadRound(em, roundId, actor);
    this.assertCanSeeRanking(actor, ctx);
    if (ctx.phase === 'finalised') {
      const snap = await liveSnapshot(em, roundId);
      if (snap) return { roundId, title: ctx.round.title, phase: ctx.phase, basis: 'snapshot', digest: snap.digest, tieBreakChain: ctx.year.rules.tieBreakChain, rows: snap.ranking };
    }
    const rows = await this.liveRows(ctx);
    return { roundId, title: ctx.round.title, phase: ctx.phase, basis: 'live', digest: null, tieBreakChain: ctx.year.rules.tieBreakChain, rows };
  }

  /**
   * The live ranking rows, from the results cache when nothing they depend on has changed. Every request
   * reads the fingerprint of the round's rows (and the covenant's targets in force) in one REPEATABLE READ
   * READ ONLY snapshot, so a change by any path, a manual SQL edit included, is a different key; on a miss
   * the inputs are read in that same snapshot, so the key stored is exactly the key of the rows computed.
   * Access is checked by the caller on every request, before this.
   */
  private async liveRows(ctx: RoundContext): Promise<RankingRowDto[]> {
    return inReadOnlySnapshot(this.ds, async (em) => {
      const fingerprint = await this.data.fingerprint(em, ctx);
      const covenantTargets = await this.data.covenantTargets(em, ctx);
      const awardFacts = await this.data.awardFacts(em, ctx);
      const key = resultsKey(ctx.round, ctx.year.rules, fingerprint, covenantTargets, awardFacts);
      return this.cache.get(ctx.round.id, key)
        ?? this.cache.set(ctx.round.id, key, await this.recompute(em, ctx, fingerprint, { schemeFingerprint: fingerprint.scheme, covenantTargets, awardFacts }));
    });
  }

  /**
   * The live ranking rows after a change. When only score rows changed since the round's last computation
   * (everything else in the key the same), only the units whose rows changed are read and resolved again
   * (`recomputeResults`, checked against `computeResults` by a property test); otherwise from scratch.
   */
  private async recompute(em: EntityManager, ctx: RoundContext, fingerprint: RoundFingerprint, read: NonNullable<Parameters<RoundData['resultsInput']>[2]>): Promise<RankingRowDto[]> {
    const baseKey = resultsKey(ctx.round, ctx.year.rules, { ...fingerprint, entries: '' }, read.covenantTargets ?? [], read.awardFacts);
    const parts = entriesByUnit(fingerprint.entries);
    const prev = this.states.get(ctx.round.id);
    let next: LiveState;
    if (prev && prev.baseKey === baseKey) {
      const changed = new Set([...parts.keys(), ...prev.parts.keys()].filter((u) => parts.get(u) !== prev.parts.get(u)));
      const fresh = await this.data.resultsInput(em, ctx, { ...read, onlyUnits: [...changed] });
      const input = { ...fresh.input, entries: [...prev.input.entries.filter((e) => !changed.has(e.unitId)), ...fresh.input.entries] };
      next = { baseKey, parts, input, state: recomputeResults(input, prev.state, changed), scheme: fresh.scheme, units: fresh.units };
    } else {
      const { input, scheme, units } = await this.data.resultsInput(em, ctx, read);
      next = { baseKey, parts, input, state: computeResultsState(input), scheme, units };
    }
    this.states.delete(ctx.round.id);
    while (this.states.size >= STATE_LIMIT) this.states.delete(this.states.keys().next().value!);
    this.states.set(ctx.round.id, next);
    return rankingRows(next.state.results, next.scheme, next.units);
  }

  /** The score summary; `proposed` (from the dossier): the award proposed for each nominated unit, for "Đề nghị". */
  async export(actor: Actor, roundId: string, format: 'xlsx' | 'pdf', proposed: Map<string, string> = new Map()): Promise<ExportedFile> {
    const ranking = await this.ranking(actor, roundId);
    const ctx = await loadRound(this.ds.manager, roundId, actor);
    const base = `Bảng tổng hợp điểm ${ctx.year.blockCode} ${ctx.year.year} ${ctx.round.kind === 'mid_year' ? '6 tháng' : 'cả năm'}`;
    if (format === 'xlsx') return { buffer: await this.xlsx(ctx, ranking, proposed), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `${base}.xlsx` };
    const head = ctx.year.leaderUnitId ? await unitHeadName(this.ds, ctx.year.leaderUnitId) : undefined;
    const seal = ranking.digest ? ledgerSealLine(await this.ledger.documentProof(finaliseEntry(roundId, ranking.digest))) : undefined;
    return { buffer: await renderPdf(this.annexModel(ctx, ranking, head ?? '', proposed, seal)), contentType: 'application/pdf', filename: `${base}.pdf` };
  }

  // ---------------------------------------------------------------- finalising

  /**
   * Hoàn tất: freezes the round and stores the signed snapshot: the ranking and the SHA-256 of every score
   * row, with their digest recorded in the audit chain in the same transaction; rank, unit and total also as rows.
   */
  async finalise(actor: Actor, roundId: string, reason?: string): Promise<SnapshotDto> {
    await this.ds.transaction((em) => this.finaliseTx(em, actor, roundId, reason));
    return this.snapshot(actor, roundId);
  }

  /**
   * `finalise` in the caller's transaction. `at` (demo history only, never from a request): the time the round was
   * finalised, sealed into the snapshot's digest and the round, its notice dated then and not mailed.
   */
  async finaliseTx(em: EntityManager, actor: Actor, roundId: string, reason?: string, opts: { at?: Date } = {}): Promise<void> {
    const ctx = await loadRound(em, roundId, actor, 'update');
    RoundsPolicy.assertManager(actor, ctx.year);
    RoundsPolicy.assertPhase(ctx, ['final_review'], 'hoàn tất đợt chấm');
    const at = opts.at ?? ctx.now;
    const { rows: ranking } = await this.live(em, ctx);
    const rowHashes = (await hashedScoreRows(em, roundId)).map((r) => ({ id: r.id, sha256: scoreRowHash(r) }));
    const seq = await nextSnapshotSeq(em, roundId);
    const digest = snapshotDigest({ roundId, seq, finalisedAt: at.toISOString(), finalisedBy: actor.id, ranking, rowHashes });
    const snapshotId = await insertSnapshot(em, { roundId, seq, finalisedAt: at, finalisedBy: actor.id, ranking, rowHashes, digest });
    await storeRankingRows(em, roundId, snapshotId, ranking);
    await markRoundFinalised(em, roundId, at);
    const members = (await this.data.members(em, ctx.round.blockYearId)).map((m) => m.id);
    await notify(em, actor, { units: members }, { roundId, blockYearId: ctx.round.blockYearId, link: `/rounds/${roundId}/ranking`, kind: 'finalised', title: `${ctx.round.title}: đã hoàn tất, công bố kết quả xếp hạng`, at: opts.at });
    await this.audit.record(em, actor, {
      action: 'round.finalise', entityType: 'scoring_round', entityId: roundId, blockId: ctx.year.blockId, before: { phase: ctx.phase },
      after: { phase: 'finalised', seq, digest, rows: rowHashes.length, ranking: ranking.map((r) => ({ unitId: r.unitId, rank: r.rank, total: r.final.total })) }, reason,
    });
  }

  /** Mở lại: an audited act with a reason; the snapshot is kept, marked superseded (its ranking rows removed), and the round goes back to final review. */
  async reopen(actor: Actor, roundId: string, reason: string): Promise<SnapshotDto> {
    await this.ds.transaction(async (em) => {
      const ctx = await loadRound(em, roundId, actor, 'update');
      RoundsPolicy.assertManager(actor, ctx.year);
      if (ctx.phase !== 'finalised') throw conflict('wrong_phase', `Đợt chấm điểm đang ở giai đoạn "${PHASE_LABELS[ctx.phase]}", chưa hoàn tất nên không cần mở lại.`);
      const snap = await lockLiveSnapshot(em, roundId);
      if (snap) await supersedeSnapshot(em, snap.id, actor.id, reason);
      await deleteRankingRows(em, roundId);
      await markRoundReopened(em, roundId);
      const members = (await this.data.members(em, ctx.round.blockYearId)).map((m) => m.id);
      await notify(em, actor, { units: members }, { roundId, blockYearId: ctx.round.blockYearId, link: `/rounds/${roundId}`, kind: 'reopened', title: `${ctx.round.title}: Khối trưởng mở lại đợt chấm để xem xét lại điểm`, body: reason });
      await this.audit.record(em, actor, {
        action: 'round.reopen', entityType: 'scoring_round', entityId: roundId, blockId: ctx.year.blockId,
        before: { phase: 'finalised', seq: snap?.seq ?? null, digest: snap?.digest ?? null }, after: { phase: 'final_review' }, reason,
      });
    });
    return this.snapshot(actor, roundId);
  }

  /** The latest snapshot, checked against the score rows as they are now, with the history of reopenings. */
  async snapshot(actor: Actor, roundId: string): Promise<SnapshotDto> {
    const em = this.ds.manager;
    const ctx = await loadRound(em, roundId, actor);
    RoundsPolicy.assertCanRead(actor, ctx.year);
    const all = await snapshotsOf(em, roundId);
    if (!all.length) throw notFound('Đợt chấm điểm chưa hoàn tất lần nào nên chưa có bản chốt.');
    const s = all[0];
    const current = (await hashedScoreRows(em, roundId)).map((r) => ({ id: r.id, sha256: scoreRowHash(r) }));
    const cmp = compareRowHashes(s.rowHashes, current);
    const finalisedAt = new Date(s.finalisedAt).toISOString();
    const digestValid = snapshotDigest({ roundId, seq: s.seq, finalisedAt, finalisedBy: s.finalisedBy, ranking: s.ranking, rowHashes: s.rowHashes }) === s.digest;
    const sealed = await this.ledger.documentProof(finaliseEntry(roundId, s.digest), em);
    return {
      roundId, seq: s.seq, digest: s.digest, finalisedAt, finalisedByName: s.finalisedByName, auditHash: sealed.sealedLeafHash, rowCount: s.rowHashes.length,
      rowHashes: s.rowHashes, ranking: s.ranking,
      verification: { intact: digestValid && !cmp.changed.length && !cmp.missing.length && !cmp.added.length, digestValid, changedRows: cmp.changed, missingRows: cmp.missing, addedRows: cmp.added },
      history: all.map((h) => ({ seq: h.seq, digest: h.digest, finalisedAt: new Date(h.finalisedAt).toISOString(), supersededAt: h.supersededAt ? new Date(h.supersededAt).toISOString() : null, reopenReason: h.reopenReason })),
    };
  }

  /** The finalised ranking's ledger proof: the round.finalise entry of the current snapshot, the checkpoint it was sealed under and the inclusion proof. */
  async snapshotProof(actor: Actor, roundId: string): Promise<DocumentProofDto> {
    const em = this.ds.manager;
    const ctx = await loadRound(em, roundId, actor);
    RoundsPolicy.assertCanRead(actor, ctx.year);
    const digest = await latestSnapshotDigest(em, roundId);
    if (digest === undefined) throw notFound('Đợt chấm điểm chưa hoàn tất lần nào nên chưa có bản chốt.');
    return this.ledger.documentProof(finaliseEntry(roundId, digest), em);
  }

  // ---------------------------------------------------------------- internals

  private assertCanSeeRanking(actor: Actor, ctx: RoundContext): void {
    RoundsPolicy.assertCanRead(actor, ctx.year);
    if (isCityWide(actor) || RoundsPolicy.isManager(actor, ctx.year) || ctx.phase === 'finalised') return;
    throw forbidden('Kết quả xếp hạng được công bố khi đợt chấm điểm hoàn tất; trước đó chỉ Khối trưởng, Khối phó và Ban TĐKT xem được bảng tạm tính.', 'ranking_not_published');
  }

  /** Ranking rows computed from the score rows as they are now. */
  async live(em: EntityManager, ctx: RoundContext, read?: Parameters<RoundData['resultsInput']>[2]): Promise<{ rows: RankingRowDto[]; results: RoundResults }> {
    const { input, scheme, units } = await this.data.resultsInput(em, ctx, read);
    const results = computeResults(input);
    return { rows: rankingRows(results, scheme, units), results };
  }

  private async xlsx(ctx: RoundContext, ranking: RankingDto, proposed: Map<string, string>): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Thi đua';
    const ws = addPrintableSheet(wb, 'Tổng hợp điểm');
    ws.addRow([`BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA – ${ctx.year.blockName.toUpperCase()}`]).font = { bold: true, size: 14 };
    ws.addRow([ctx.round.title + (ranking.basis === 'live' ? ' (TẠM TÍNH – đợt chấm chưa hoàn tất)' : '')]).font = { italic: true };
    if (ranking.digest) ws.addRow([`Mã băm bản chốt (SHA-256): ${ranking.digest}`]).font = { size: 9 };
    ws.addRow([]);
    // The groups detail "Thẩm định" (their sum): printed just before it, as the ranking page shows them before the totals.
    const groups = ranking.rows[0]?.groups ?? [];
    const at = ANNEX_HEADERS.indexOf('Thẩm định');
    const header = ws.addRow([...ANNEX_HEADERS.slice(0, at), ...groups.map((g) => `${g.code} (tối đa ${formatNumber(g.max)})`), ...ANNEX_HEADERS.slice(at)]);
    ranking.rows.forEach((r, i) => {
      const cells = annexCells(r, i, proposed);
      ws.addRow([...cells.slice(0, at), ...r.groups.map((g) => g.final), ...cells.slice(at)]);
    });
    const widths = [6, 44, 11, ...groups.map(() => 11), 11, 11, 10, 11, 9, 26, 26];
    const scoreColumns = [3, ...groups.map((_, i) => 4 + i), 4 + groups.length, 5 + groups.length, 6 + groups.length, 7 + groups.length];
    layoutTable(ws, { headerRow: header.number, widths, scoreColumns, frozenColumns: 2 });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** The score summary annex (docs/domain.md §7): A4 landscape, STT | Tên đơn vị | Tự chấm | Thẩm định | Điểm thưởng | Điểm trừ | Tổng | Xếp hạng | Đề nghị | Ghi chú. */
  annexModel(ctx: RoundContext, ranking: RankingDto, leaderHeadName = '', proposed: Map<string, string> = new Map(), seal?: string): DocumentModel {
    const vn = (n: number) => formatNumber(n);
    let number = '';
    try {
      number = buildDocumentNumber(null, 'BC', ctx.year.blockCode);
    } catch {
      number = '';
    }
    return {
      agency: { parent: 'UBND Thành phố Hà Nội', name: ctx.year.blockName },
      number,
      place: 'Hà Nội',
      date: ranking.basis === 'snapshot' ? new Date(ctx.round.finalisedAt ?? ctx.now) : null,
      type: 'Bảng tổng hợp',
      title: `Kết quả chấm điểm thi đua ${ctx.round.kind === 'mid_year' ? `6 tháng đầu năm ${ctx.year.year}` : `năm ${ctx.year.year}`} của ${ctx.year.blockName}`,
      orientation: 'landscape',
      blocks: [
        ...(ranking.basis === 'live' ? [{ kind: 'paragraph' as const, content: [{ text: 'TẠM TÍNH – đợt chấm điểm chưa hoàn tất, số liệu còn có thể thay đổi.', bold: true, italic: true }], align: 'center' as const }] : []),
        {
          kind: 'table',
          size: 12,
          columns: ANNEX_HEADERS.map((header, i) => ({ header, width: [0.8, 4.2, 1.2, 1.3, 1.3, 1.1, 1.1, 1.2, 1.8, 2][i], align: i === 1 || i >= 8 ? 'left' : 'center' })),
          rows: ranking.rows.map((r, i) => annexCells(r, i, proposed).map((v, c) => (typeof v === 'number' && c >= 2 && c <= 6 ? (c === 6 ? { text: vn(v), bold: true } : vn(v)) : v))),
        },
        {
          kind: 'paragraph', size: 11, align: 'left', indent: false,
          content: `Thứ tự ưu tiên khi bằng điểm: ${ranking.tieBreakChain.map((t) => TIE_BREAK_LABELS[t] ?? t).join(' → ')}; đơn vị vẫn bằng nhau được xếp đồng hạng.`,
        },
        ...(seal ? [{ kind: 'paragraph' as const, size: 11, align: 'left' as const, indent: false, content: seal }] : []),
      ],
      signatures: [
        { position: 'Người lập biểu', name: '' },
        { prefix: 'TM.', authority: ctx.year.blockName, position: 'Khối trưởng', name: leaderHeadName },
      ],
      footer: ranking.digest ? `Bản chốt kết quả đợt chấm điểm, mã kiểm tra SHA-256: ${ranking.digest}` : 'TẠM TÍNH – chưa hoàn tất đợt chấm điểm',
    };
  }
}

/** The entry that fixes a finalised ranking: the round.finalise that recorded its snapshot's digest. */
const finaliseEntry = (roundId: string, digest: string): DocumentEntry => ({ action: 'round.finalise', entityType: 'scoring_round', entityId: roundId, after: { digest } });

/**
 * One unit's row of the annex, in ANNEX_HEADERS order. "Tự chấm" and "Thẩm định" are both the criteria's
 * points before bonus and deductions, so the two compare; "Tổng" is the final points after them.
 * `proposed`: the award the dossier proposes for the unit, by unit id.
 */
export function annexCells(r: RankingRowDto, i: number, proposed: Map<string, string>): (string | number)[] {
  return [i + 1, r.unitName, r.self.score, r.final.score, r.final.bonus, r.final.deductions, r.final.total, r.rank, proposed.get(r.unitId) ?? '', annexNote(r)];
}

function annexNote(r: RankingRowDto): string {
  return r.sharedRank ? 'Đồng hạng' : r.decidedBy && r.decidedBy !== 'total' ? `Xếp trên theo ${TIE_BREAK_LABELS[r.decidedBy] ?? r.decidedBy}` : '';
}
