import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/actor';
import { AppError, conflict, forbidden, invalidField } from '../../common/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { loadYearContext, type YearContext } from '../../common/scope/year-context';
import { AuditService } from '../audit/audit.service';
import { AwardsService } from '../awards/awards.service';
import { defaultRuleSet, type RuleSet } from '@thidua/rules';
import { noQuorumMessage, quorumState } from '../conferences/conference-rules';
import { recordSessionOutcome } from '../conferences/session-outcomes';
import { countedTally, paperTally, RuleInputError, type VoteSetup } from '../../domain/year-end';
import { notify } from '../notifications/notify';
import { unwrapBallotKey, wrapBallotKey } from './ballot-keys';
import { BallotReadService } from './ballot-read.service';
import {
  awardBallots, type BallotConference, ballotPapers, type BallotRow, closeBallotRow, conferenceForBallot, deleteBallotKey, insertBallot, insertBallotKey, insertPaper,
  insertVoter, laterRoundExists, memberPresence, paperWithReceipt, seriesRows, wrappedBallotKey,
} from './ballot-data';
import { loadBallot, roundRecord, voterRefusal, yearToRun } from './ballot-store';
import { tallyRecordOf } from './tally-data';
import { BallotsPolicy } from './ballots.policy';
import { BallotDto, CastVoteDto, OpenBallotDto, PaperTallyDto, RevoteDto } from './dto/ballot.dto';
import type { BallotCandidate, BallotMode, PaperCounts } from './entities/ballot.entity';
import { canonicalPaper, decryptSum, generateKeyPair, paperProblem, paperReceipt, sumPapers, type EncryptedPaper } from './crypto/paper-crypto';
import { seriesState, StoredResult } from './series';
import { percentText } from './tally-record-document';
import { paperProblemMessage } from './voting';

const rulesOf = (y: YearContext): RuleSet => ({ ...defaultRuleSet(), ...(y.rules ?? {}) });

/**
 * Running the secret ballots of the year-end conference (docs/domain.md §5): the leader opens a ballot, units cast
 * their papers, the leader closes and counts it (or enters the paper tally) and opens a re-vote on a tie.
 *
 * Secrecy (docs/ballot-secrecy.md): the browser encrypts the paper to the ballot's public key and proves
 * it valid (crypto/paper-crypto.ts); the server checks the proofs and stores the voter row and the paper
 * row (ciphertexts only, random id, no time) in one transaction. The ballot's secret key rests only wrapped
 * by the server's key, which is not in the database, and is deleted once counted. Closing adds up the
 * encryptions per candidate and decrypts only the sums. The audit entry says only which unit voted.
 */
@Injectable()
export class BallotWorkflowService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly awards: AwardsService,
    private readonly ballots: BallotReadService,
    /** Absent only when built by hand outside Nest: electronic ballots then refuse to open or count. */
    @Optional() @Inject(APP_CONFIG) private readonly config?: AppConfig,
  ) {}

  // ---------------------------------------------------------------- running the ballot

  /**
   * Mở bỏ phiếu: the leader, during an in-session year-end conference with its quorum, opens a ballot for
   * an award. Candidates are the eligible units (awards module), the quota the effective per-block limit;
   * the units present now receive one ballot each.
   */
  async openBallot(actor: Actor, dto: OpenBallotDto): Promise<BallotDto> {
    const id = await this.ds.transaction((em) => this.openBallotTx(em, actor, dto));
    return this.ballots.getBallot(actor, id);
  }

  /**
   * The same opening, in the caller's transaction; the ballot's id. `at` only for demo history (a past year's
   * ballot, its heads' notice recorded without mail), now otherwise.
   */
  async openBallotTx(em: EntityManager, actor: Actor, dto: OpenBallotDto, opts: { at?: Date } = {}): Promise<string> {
    const conf = await this.conference(em, dto.conferenceId);
    if (!conf) throw invalidField('conferenceId', 'không phải hội nghị có trong hệ thống');
    const y = await loadYearContext(em, conf.blockYearId, actor);
    BallotsPolicy.assertCanRead(actor, y);
    BallotsPolicy.assertCanRun(actor, y);
    assertYearEndInSession(conf, 'mở bỏ phiếu');
    const mode: BallotMode = dto.mode ?? 'electronic';
    const att = await this.attendance(em, conf.id, y.blockYearId);
    const rules = rulesOf(y);
    const q = quorumState(att.present.length, att.members, rules);
    if (!q.met) throw conflict('no_quorum', `${noQuorumMessage(q)}. Chưa thể mở bỏ phiếu.`);
    await this.assertNoOtherSeries(em, y, dto.awardCode);

    let report;
    try {
      report = await this.awards.eligibility(em, y.blockYearId, dto.awardCode);
    } catch (e) {
      if (e instanceof AppError && e.code === 'award_not_found') throw invalidField('awardCode', `không có trong danh mục khen thưởng năm ${y.year}`, 'award_not_found');
      throw e;
    }
    const candidates: BallotCandidate[] = report.units.filter((u) => u.eligible).map((u) => ({ unitId: u.unitId, name: u.name, rank: u.rank, total: u.total }));
    if (!candidates.length) {
      const why = report.roundFinalised ? 'không đơn vị nào đáp ứng điều kiện (thứ hạng, danh hiệu, không bị xử lý kỷ luật)' : 'đợt chấm điểm cuối năm chưa hoàn tất nên chưa có thứ hạng';
      throw conflict('no_candidates', `Không có đơn vị đủ điều kiện để bầu chọn đề nghị tặng ${report.award.name}: ${why}.`);
    }
    const quota = await this.awards.blockQuotaLimit(em, y.blockYearId, dto.awardCode);
    if (quota < 1) throw conflict('no_quota', `Số lượng đề nghị tặng ${report.award.name} của khối là 0 nên không tổ chức bỏ phiếu.`);

    const id = randomUUID();
    const key = this.ballotKey(mode, id);
    await insertBallot(em, {
      id, seriesId: id, round: 1, conferenceId: conf.id, blockYearId: y.blockYearId, awardCode: dto.awardCode, awardName: report.award.name, mode, candidates, quota,
      memberCount: att.members, presentUnitIds: att.present, thresholdPercent: rules.voteThresholdPercent, thresholdBase: rules.voteThresholdBase, openedBy: actor.id,
      publicKey: key?.publicKey ?? null, openedAt: opts.at,
    });
    if (key) await insertBallotKey(em, id, key.wrapped);
    if (mode === 'electronic') await notify(em, actor, { unitHeads: att.present }, { kind: 'ballot_opened', blockYearId: y.blockYearId, link: `/ballots/${id}`, title: `Đã mở bỏ phiếu đề nghị tặng ${report.award.name} (${y.blockName} năm ${y.year})`, body: 'Đề nghị thủ trưởng đơn vị bỏ phiếu trước khi Khối trưởng kết thúc bỏ phiếu.', at: opts.at });
    await this.audit.record(em, actor, {
      action: 'ballot.open', entityType: 'ballot', entityId: id, blockId: y.blockId,
      after: {
        conferenceId: conf.id, awardCode: dto.awardCode, mode, round: 1, quota, candidates: candidates.map((c) => c.unitId), presentUnitIds: att.present,
        members: att.members, thresholdPercent: rules.voteThresholdPercent, thresholdBase: rules.voteThresholdBase,
      },
    });
    return id;
  }

  /**
   * Bỏ phiếu: one paper per present unit, cast by its head or checked-in delegate, encrypted in the browser.
   * The proofs are checked before anything is written (a 400 naming the field otherwise); then the voter
   * row and the paper row, in one transaction. The audit says only that the unit voted; the receipt goes
   * back to the voter in the response and is stored only with the paper.
   */
  async castBallot(actor: Actor, id: string, dto: CastVoteDto): Promise<BallotDto> {
    const receipt = await this.ds.transaction((em) => this.castBallotTx(em, actor, id, dto));
    return { ...(await this.ballots.getBallot(actor, id)), receipt };
  }

  /** The same cast, in the caller's transaction; the paper's receipt. `at` only for demo history (a past year's ballot), now otherwise. */
  async castBallotTx(em: EntityManager, actor: Actor, id: string, dto: CastVoteDto, opts: { at?: Date } = {}): Promise<string> {
    const b = await this.lockBallot(em, id);
    const y = await loadYearContext(em, b.blockYearId, actor);
    if (dto.unitId && actor.unitId && dto.unitId !== actor.unitId) throw forbidden('Bạn chỉ được bỏ phiếu cho đơn vị mình.', 'other_unit');
    const refusal = await voterRefusal(em, actor, b, y);
    if (refusal) throw refusal;
    const paper = canonicalPaper(dto.paper as EncryptedPaper);
    const problem = paperProblem({ ballotId: b.id, publicKey: b.publicKey!, candidates: b.candidates.length, quota: b.quota }, paper);
    if (problem) throw invalidField(problem.field, paperProblemMessage(problem, b.candidates, b.quota), problem.code);
    const receipt = paperReceipt(paper);
    if (await paperWithReceipt(em, b.id, receipt)) throw invalidField('paper', 'trùng với một phiếu đã có trong hòm phiếu; mỗi phiếu phải được mã hóa riêng', 'paper_replayed');

    await insertVoter(em, b.id, actor.unitId, actor.id, opts.at);
    await insertPaper(em, randomUUID(), b.id, paper, receipt);
    // Who voted, never what (nor the receipt).
    await this.audit.record(em, actor, { action: 'ballot.vote', entityType: 'ballot', entityId: b.id, blockId: y.blockId, after: { unitId: actor.unitId } });
    return receipt;
  }

  /** Kết thúc bỏ phiếu điện tử: counts the box with the pure tally. */
  async closeBallot(actor: Actor, id: string): Promise<BallotDto> {
    await this.ds.transaction((em) => this.closeBallotTx(em, actor, id));
    return this.ballots.getBallot(actor, id);
  }

  /** The same close and count, in the caller's transaction. `at` only for demo history (a past year's ballot), now otherwise. */
  async closeBallotTx(em: EntityManager, actor: Actor, id: string, opts: { at?: Date } = {}): Promise<void> {
    const b = await this.lockBallot(em, id);
    const y = await yearToRun(em, actor, b);
    assertOpen(b);
    if (b.mode === 'paper') throw conflict('paper_ballot', 'Cuộc bỏ phiếu dùng phiếu giấy: hãy nhập kết quả kiểm phiếu để kết thúc.');
    const wrapKey = this.wrapKey();
    const wrapped = await wrappedBallotKey(em, b.id);
    if (wrapped === undefined) throw conflict('ballot_key_missing', 'Không tìm thấy khóa giải mã của cuộc bỏ phiếu nên không kiểm phiếu được.');
    let secretKey: string;
    try {
      secretKey = unwrapBallotKey(wrapped, wrapKey, b.id);
    } catch {
      throw conflict('ballot_key_mismatch', 'Khóa bảo vệ phiếu bầu của máy chủ không mở được khóa giải mã của cuộc bỏ phiếu này (máy chủ đã đổi khóa?). Chưa kiểm phiếu.');
    }
    const papers = await ballotPapers(em, b.id);
    const ctx = { ballotId: b.id, publicKey: b.publicKey! };
    const sums = sumPapers(papers, b.candidates.length).map((sum) => decryptSum(ctx, secretKey, sum, papers.length));
    let result: StoredResult;
    try {
      result = countedTally({ ...setupOf(b), ballotsCast: papers.length, approvals: sums.map((x) => x.count) });
    } catch (e) {
      if (e instanceof RuleInputError) throw conflict('invalid_ballot', `Không kiểm phiếu được: ${e.message}.`);
      throw e;
    }
    result.decryption = { publicKey: b.publicKey!, sums: sums.map((x, i) => ({ unitId: b.candidates[i].unitId, ...x })) };
    await this.closeRow(em, actor, b, result, null, opts.at);
    // Counted: the key is destroyed; nobody can open a paper any more, the server included.
    await deleteBallotKey(em, b.id);
    await this.recordOutcome(em, actor, b);
    await this.audit.record(em, actor, {
      action: 'ballot.close', entityType: 'ballot', entityId: b.id, blockId: y.blockId, before: { status: 'open' },
      after: { status: 'closed', ...resultSummary(result) },
    });
  }

  /** Kiểm phiếu giấy: the leader enters the counted totals; they must add up (400 naming the field). */
  async enterPaperTally(actor: Actor, id: string, dto: PaperTallyDto): Promise<BallotDto> {
    await this.ds.transaction(async (em) => {
      const b = await this.lockBallot(em, id);
      const y = await yearToRun(em, actor, b);
      assertOpen(b);
      if (b.mode !== 'paper') throw conflict('electronic_ballot', 'Cuộc bỏ phiếu dùng phiếu điện tử: kết quả được kiểm tự động khi kết thúc, không nhập tay.');
      const names = Object.fromEntries(b.candidates.map((c) => [c.unitId, c.name]));
      const entered = Object.fromEntries(Object.entries(dto.approvals).map(([id, n]) => [id.toLowerCase(), n]));
      const outcome = paperTally({ ...setupOf(b), names, issued: dto.issued, valid: dto.valid, invalid: dto.invalid, approvals: entered });
      if (!outcome.ok) {
        const fields = Object.fromEntries(outcome.errors.map((e) => [e.field, e.message]));
        throw new AppError(400, 'paper_tally_mismatch', `Kết quả kiểm phiếu không khớp: ${outcome.errors.map((e) => e.message).join('; ')}.`, fields);
      }
      const counts: PaperCounts = { issued: dto.issued, valid: dto.valid, invalid: dto.invalid, approvals: Object.fromEntries(b.candidates.map((c) => [c.unitId, entered[c.unitId] ?? 0])) };
      await this.closeRow(em, actor, b, outcome.result, counts);
      await this.recordOutcome(em, actor, b);
      await this.audit.record(em, actor, {
        action: 'ballot.paper_tally', entityType: 'ballot', entityId: b.id, blockId: y.blockId, before: { status: 'open' },
        after: { status: 'closed', counts, ...resultSummary(outcome.result) },
      });
    });
    return this.ballots.getBallot(actor, id);
  }

  /** Bầu lại: a new round of the same series among the candidates tied at the quota line, for the seats left. */
  async openRevote(actor: Actor, id: string, dto: RevoteDto): Promise<BallotDto> {
    const newId = await this.ds.transaction(async (em) => {
      const b = await this.lockBallot(em, id);
      const y = await yearToRun(em, actor, b);
      if (await laterRoundExists(em, b.seriesId, b.round)) throw conflict('revote_exists', 'Vòng bầu lại của cuộc bỏ phiếu này đã được mở.');
      if (b.status !== 'closed' || !b.result) throw conflict('ballot_open', 'Cuộc bỏ phiếu chưa kết thúc, chưa thể bầu lại.');
      const revote = b.result.revote;
      if (!revote) throw conflict('no_revote', 'Kết quả không có đơn vị bằng phiếu tại ngưỡng số lượng được bầu nên không cần bầu lại.');
      const conf = (await this.conference(em, b.conferenceId))!;
      assertYearEndInSession(conf, 'mở vòng bầu lại');
      const att = await this.attendance(em, conf.id, y.blockYearId);
      const q = quorumState(att.present.length, att.members, rulesOf(y));
      if (!q.met) throw conflict('no_quorum', `${noQuorumMessage(q)}. Chưa thể mở vòng bầu lại.`);
      const mode = dto.mode ?? b.mode;
      const candidates = revote.candidates.map((u) => b.candidates.find((c) => c.unitId === u)!);
      const newId = randomUUID();
      const key = this.ballotKey(mode, newId);
      await insertBallot(em, {
        id: newId, seriesId: b.seriesId, round: b.round + 1, conferenceId: conf.id, blockYearId: y.blockYearId, awardCode: b.awardCode, awardName: b.awardName, mode, candidates,
        quota: revote.seats, memberCount: att.members, presentUnitIds: att.present, thresholdPercent: b.thresholdPercent, thresholdBase: b.thresholdBase, openedBy: actor.id,
        publicKey: key?.publicKey ?? null,
      });
      if (key) await insertBallotKey(em, newId, key.wrapped);
      await this.audit.record(em, actor, {
        action: 'ballot.revote', entityType: 'ballot', entityId: newId, blockId: y.blockId,
        after: { seriesId: b.seriesId, previousBallotId: b.id, round: b.round + 1, mode, quota: revote.seats, candidates: revote.candidates, presentUnitIds: att.present },
      });
      return newId;
    });
    return this.ballots.getBallot(actor, newId);
  }

  // ---------------------------------------------------------------- internals

  /** The server's key that wraps ballot keys; electronic ballots cannot run without it. */
  private wrapKey(): Buffer {
    if (!this.config?.ballotWrapKey) {
      throw conflict('ballot_key_missing', 'Máy chủ chưa được cấu hình khóa bảo vệ phiếu bầu (BALLOT_KEY_FILE hoặc BALLOT_WRAP_KEY) nên không mở hay kiểm được phiếu điện tử; có thể dùng phiếu giấy.');
    }
    return this.config.ballotWrapKey;
  }

  /** A new electronic ballot's key pair: the public key for the ballot row, the secret key only wrapped. */
  private ballotKey(mode: BallotMode, ballotId: string): { publicKey: string; wrapped: string } | null {
    if (mode !== 'electronic') return null;
    const wrapKey = this.wrapKey();
    const pair = generateKeyPair();
    return { publicKey: pair.publicKey, wrapped: wrapBallotKey(pair.secretKey, wrapKey, ballotId) };
  }

  private async conference(em: EntityManager, id: string): Promise<BallotConference | null> {
    return (await conferenceForBallot(em, id)) ?? null;
  }

  /** Member units of the year and those checked in as present at the conference. */
  private async attendance(em: EntityManager, conferenceId: string, blockYearId: string): Promise<{ members: number; present: string[] }> {
    const rows = await memberPresence(em, conferenceId, blockYearId);
    return { members: rows.length, present: rows.filter((r) => r.presence === 'present').map((r) => r.unitId).sort() };
  }

  /** One series per award at a time; a signed result is final. */
  private async assertNoOtherSeries(em: EntityManager, y: YearContext, awardCode: string): Promise<void> {
    const rows = await awardBallots(em, y.blockYearId, awardCode);
    const bySeries = new Map<string, BallotRow[]>();
    for (const r of rows) bySeries.set(r.seriesId, [...(bySeries.get(r.seriesId) ?? []), r]);
    for (const [seriesId, rounds] of bySeries) {
      const state = seriesState(rounds.map(roundRecord));
      const name = rounds[0].awardName;
      if (state.last.status === 'open') throw conflict('ballot_open', `Đang có cuộc bỏ phiếu bầu chọn ${name} chưa kết thúc.`);
      if (state.revotePending) throw conflict('revote_pending', `Cuộc bỏ phiếu bầu chọn ${name} đang chờ bầu lại giữa các đơn vị bằng phiếu; hãy mở vòng bầu lại.`);
      const record = await tallyRecordOf(em, seriesId);
      if (record) throw conflict('already_decided', `Kết quả bầu chọn ${name} năm ${y.year} đã có biên bản kiểm phiếu số ${record.docNumber} được ký; không bỏ phiếu lại.`);
    }
  }

  /** Locks the ballot row: casts, closing and tallies of one ballot run one at a time. */
  private lockBallot(em: EntityManager, id: string): Promise<BallotRow> {
    return loadBallot(em, id, true);
  }

  private async closeRow(em: EntityManager, actor: Actor, b: BallotRow, result: StoredResult, counts: PaperCounts | null, at?: Date): Promise<void> {
    await closeBallotRow(em, b.id, result, counts, actor.id, at);
  }

  /** Once the series has its final result, the conference's record states it (the minutes draw on it). */
  private async recordOutcome(em: EntityManager, actor: Actor, b: BallotRow): Promise<void> {
    const state = seriesState((await seriesRows(em, b.seriesId)).map(roundRecord));
    if (!state.complete) return;
    const r = state.last.result!;
    const who = state.elected.length
      ? state.elected.map((u) => `${u.name} (${u.approvals} phiếu đồng ý, đạt ${percentText(u.percent)})`).join('; ')
      : 'không có đơn vị nào đạt ngưỡng trúng cử';
    await recordSessionOutcome(em, {
      conferenceId: b.conferenceId, kind: 'ballot_result', refId: b.seriesId, present: r.present, members: r.members, actorId: actor.id,
      text: `Kết quả bỏ phiếu kín đề nghị tặng ${b.awardName}: có mặt ${r.present}/${r.members} đơn vị, thu về ${r.ballotsCast} phiếu (${r.valid} phiếu hợp lệ); đơn vị được đề nghị: ${who}.`,
    });
  }
}

// ------------------------------------------------------------------ helpers

function assertYearEndInSession(conf: BallotConference, what: string): void {
  if (conf.kind !== 'year_end') throw conflict('not_year_end', `Chỉ bỏ phiếu bầu chọn tại hội nghị tổng kết năm; không thể ${what} tại hội nghị này.`);
  if (conf.status === 'planned') throw conflict('not_in_session', `Hội nghị chưa khai mạc, chưa thể ${what}.`);
  if (conf.status === 'concluded') throw conflict('not_in_session', `Hội nghị đã kết thúc, không thể ${what}.`);
}

function assertOpen(b: BallotRow): void {
  if (b.status === 'closed') throw conflict('ballot_closed', 'Cuộc bỏ phiếu đã kết thúc.');
}

function setupOf(b: BallotRow): VoteSetup {
  return {
    members: b.memberCount, present: b.presentUnitIds.length, candidates: b.candidates.map((c) => c.unitId), quota: b.quota,
    thresholdPercent: Number(b.thresholdPercent), thresholdBase: b.thresholdBase, names: Object.fromEntries(b.candidates.map((c) => [c.unitId, c.name])),
  };
}


function resultSummary(r: StoredResult) {
  return {
    ballotsCast: r.ballotsCast, valid: r.valid, invalid: r.invalid, approvals: Object.fromEntries(r.candidates.map((c) => [c.unitId, c.approvals])),
    elected: r.elected, revote: r.revote,
  };
}
