import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { asciiSlug } from '../../common/file-name';
import { Actor, isCityWide, isUnitMember } from '../../common/actor';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../common/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { loadYearContext, type YearContext } from '../../common/scope/year-context';
import { AuditService, DocumentEntry, LedgerService } from '../audit/audit.service';
import { DocumentProofDto } from '../audit/dto/audit.dto';
import { ledgerSealLine } from '../audit/ledger-seal-line';
import { AwardsService } from '../awards/awards.service';
import { defaultRuleSet, type RuleSet } from '@thidua/rules';
import { noQuorumMessage, quorumState } from '../conferences/conference-rules';
import { buildDocumentNumber, renderDocx, renderPdf } from '../documents';
import { ISSUER_PARENT, PLACE } from '../drafts/drafts.export';
import { unwrapBallotKey, wrapBallotKey } from './ballot-keys';
import { BallotRow, nextTallyRecordSequence, paperReceipts, roundRecord, SELECT_BALLOT, seriesRows, tallyData } from './ballot-store';
import { BallotsPolicy } from './ballots.policy';
import {
  BallotDto, BallotQueryDto, BallotResultDto, BallotSummaryDto, CastVoteDto, OpenBallotDto, PaperTallyDto, RevoteDto, SignTallyRecordDto, TallyRecordDto,
} from './dto/ballot.dto';
import type { BallotCandidate, BallotMode, PaperCounts } from './entities/ballot.entity';
import { countedTally, paperTally, RuleInputError, type VoteSetup } from '../../domain/year-end';
import { canonicalPaper, decryptSum, generateKeyPair, paperProblem, paperReceipt, sumPapers, type EncryptedPaper } from './crypto/paper-crypto';
import { seriesState, StoredResult } from './series';
import { recordSessionOutcome } from '../conferences/session-outcomes';
import { percentText, tallyRecordDocument, tallyRecordHash } from './tally-record-document';
import { isDelegate, paperProblemMessage } from './voting';
import { notify } from '../notifications/notify';

/** The final outcome of a ballot series (contracts5.md). */
export interface BallotOutcome {
  ballotId: string;
  conferenceId: string;
  blockYearId: string;
  code: string;
  awardName: string;
  mode: BallotMode;
  /** The final (latest) round of the series. */
  round: number;
  /** closed: the series has its final result (last round closed, no re-vote left). */
  status: 'open' | 'closed';
  /** A round ended in a tie at the quota line and the re-vote round is not open yet. */
  revotePending: boolean;
  elected: { unitId: string; name: string; approvals: number; percent: number }[];
  tallyRecord: { signed: boolean; documentNumber: string | null };
}

export interface ExportedFile {
  buffer: Buffer;
  contentType: string;
  filename: string;
}

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

interface ConferenceRow {
  id: string;
  block_year_id: string;
  kind: string;
  status: string;
  title: string;
  place: string;
}

interface TallyRecordRow {
  series_id: string;
  doc_number: string;
  sequence: number;
  chair_name: string;
  member_names: string[];
  content_hash: string;
  signed_by: string;
  signed_by_name: string | null;
  signed_at: Date;
}

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);
const rulesOf = (y: YearContext): RuleSet => ({ ...defaultRuleSet(), ...(y.rules ?? {}) });

/**
 * Secret ballots at the year-end conference (docs/domain.md §5), their tally and tally record, and the outcomes
 * the proposals module reads.
 *
 * Secrecy (docs/ballot-secrecy.md): the browser encrypts the paper to the ballot's public key and proves
 * it valid (crypto/paper-crypto.ts); the server checks the proofs and stores the voter row and the paper
 * row (ciphertexts only, random id, no time) in one transaction. The ballot's secret key rests only wrapped
 * by the server's key, which is not in the database, and is deleted once counted. Closing adds up the
 * encryptions per candidate and decrypts only the sums. The audit entry says only which unit voted.
 */
@Injectable()
export class BallotsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly awards: AwardsService,
    /** Absent only when built by hand outside Nest (demo loaders read outcomes, never run a ballot). */
    @Optional() @Inject(APP_CONFIG) private readonly config?: AppConfig,
  ) {}

  /** Injected as a property: the demo builds this service by hand and never asks for a proof. */
  @Inject(LedgerService) private readonly ledger!: LedgerService;

  // ---------------------------------------------------------------- reading

  async list(actor: Actor, q: BallotQueryDto): Promise<BallotSummaryDto[]> {
    const em = this.ds.manager;
    let blockYearId = q.blockYearId ?? null;
    if (q.conferenceId) {
      const [c] = await em.query('SELECT block_year_id FROM conferences WHERE id = $1', [q.conferenceId]);
      if (!c) throw invalidField('conferenceId', 'không phải hội nghị có trong hệ thống');
      if (blockYearId && blockYearId !== c.block_year_id) return [];
      blockYearId = c.block_year_id;
    }
    if (!blockYearId) throw invalidField('blockYearId', 'là bắt buộc (hoặc chọn hội nghị)');
    const y = await loadYearContext(em, blockYearId, actor);
    BallotsPolicy.assertCanRead(actor, y);
    const rows: (BallotRow & { voters: number })[] = await em.query(
      `SELECT b.*, (SELECT count(*)::int FROM ballot_voters v WHERE v.ballot_id = b.id) AS voters FROM (${SELECT_BALLOT}) b
       WHERE b.block_year_id = $1 AND ($2::uuid IS NULL OR b.conference_id = $2) ORDER BY b.opened_at, b.round`, [blockYearId, q.conferenceId ?? null]);
    return rows.map((b) => summary(b, b.voters));
  }

  async get(actor: Actor, id: string): Promise<BallotDto> {
    return this.read(this.ds.manager, id, actor);
  }

  /** The result; refused while the ballot is open (nobody reads the box before closing). */
  async result(actor: Actor, id: string): Promise<BallotResultDto> {
    const dto = await this.read(this.ds.manager, id, actor);
    if (!dto.result) {
      throw conflict('ballot_open', `Cuộc bỏ phiếu chưa kết thúc: chỉ xem được số phiếu đã bỏ (${dto.ballotsCast}/${dto.present}) và các đơn vị đã bỏ phiếu, chưa được xem nội dung phiếu hay kết quả.`);
    }
    return dto.result;
  }

  // ---------------------------------------------------------------- running the ballot

  /**
   * Mở bỏ phiếu: the leader, during an in-session year-end conference with its quorum, opens a ballot for
   * an award. Candidates are the eligible units (awards module), the quota the effective per-block limit;
   * the units present now receive one ballot each.
   */
  async open(actor: Actor, dto: OpenBallotDto): Promise<BallotDto> {
    const id = await this.ds.transaction(async (em) => {
      const conf = await this.conference(em, dto.conferenceId);
      if (!conf) throw invalidField('conferenceId', 'không phải hội nghị có trong hệ thống');
      const y = await loadYearContext(em, conf.block_year_id, actor);
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
      await em.query(
        `INSERT INTO ballots (id, series_id, round, conference_id, block_year_id, award_code, award_name, mode, status, candidates, quota, member_count,
           present_unit_ids, threshold_percent, threshold_base, opened_by, public_key, version)
         VALUES ($1,$1,1,$2,$3,$4,$5,$6,'open',$7,$8,$9,$10::uuid[],$11,$12,$13,$14,1)`,
        [id, conf.id, y.blockYearId, dto.awardCode, report.award.name, mode, JSON.stringify(candidates), quota, att.members, att.present,
          rules.voteThresholdPercent, rules.voteThresholdBase, actor.id, key?.publicKey ?? null]);
      if (key) await em.query('INSERT INTO ballot_keys (ballot_id, wrapped) VALUES ($1,$2)', [id, key.wrapped]);
      if (mode === 'electronic') await notify(em, actor, { unitHeads: att.present }, { kind: 'ballot_opened', blockYearId: y.blockYearId, link: `/ballots/${id}`, title: `Đã mở bỏ phiếu đề nghị tặng ${report.award.name} (${y.blockName} năm ${y.year})`, body: 'Đề nghị thủ trưởng đơn vị bỏ phiếu trước khi Khối trưởng kết thúc bỏ phiếu.' });
      await this.audit.record(em, actor, {
        action: 'ballot.open', entityType: 'ballot', entityId: id, blockId: y.blockId,
        after: {
          conferenceId: conf.id, awardCode: dto.awardCode, mode, round: 1, quota, candidates: candidates.map((c) => c.unitId), presentUnitIds: att.present,
          members: att.members, thresholdPercent: rules.voteThresholdPercent, thresholdBase: rules.voteThresholdBase,
        },
      });
      return id;
    });
    return this.get(actor, id);
  }

  /**
   * Bỏ phiếu: one paper per present unit, cast by its head or checked-in delegate, encrypted in the browser.
   * The proofs are checked before anything is written (a 400 naming the field otherwise); then the voter
   * row and the paper row, in one transaction. The audit says only that the unit voted; the receipt goes
   * back to the voter in the response and is stored only with the paper.
   */
  async cast(actor: Actor, id: string, dto: CastVoteDto): Promise<BallotDto> {
    const receipt = await this.ds.transaction(async (em) => {
      const b = await this.lockBallot(em, id);
      const y = await loadYearContext(em, b.block_year_id, actor);
      if (dto.unitId && actor.unitId && dto.unitId !== actor.unitId) throw forbidden('Bạn chỉ được bỏ phiếu cho đơn vị mình.', 'other_unit');
      const refusal = await this.voterRefusal(em, actor, b, y);
      if (refusal) throw refusal;
      const paper = canonicalPaper(dto.paper as EncryptedPaper);
      const problem = paperProblem({ ballotId: b.id, publicKey: b.public_key!, candidates: b.candidates.length, quota: b.quota }, paper);
      if (problem) throw invalidField(problem.field, paperProblemMessage(problem, b.candidates, b.quota), problem.code);
      const receipt = paperReceipt(paper);
      const [copy] = await em.query('SELECT 1 FROM ballot_papers WHERE ballot_id = $1 AND receipt = $2', [b.id, receipt]);
      if (copy) throw invalidField('paper', 'trùng với một phiếu đã có trong hòm phiếu; mỗi phiếu phải được mã hóa riêng', 'paper_replayed');

      await em.query('INSERT INTO ballot_voters (ballot_id, unit_id, voted_by) VALUES ($1,$2,$3)', [b.id, actor.unitId, actor.id]);
      await em.query('INSERT INTO ballot_papers (id, ballot_id, paper, receipt) VALUES ($1,$2,$3,$4)', [randomUUID(), b.id, JSON.stringify(paper), receipt]);
      // Who voted, never what (nor the receipt).
      await this.audit.record(em, actor, { action: 'ballot.vote', entityType: 'ballot', entityId: b.id, blockId: y.blockId, after: { unitId: actor.unitId } });
      return receipt;
    });
    return { ...(await this.get(actor, id)), receipt };
  }

  /** Kết thúc bỏ phiếu điện tử: counts the box with the pure tally. */
  async close(actor: Actor, id: string): Promise<BallotDto> {
    await this.ds.transaction(async (em) => {
      const b = await this.lockBallot(em, id);
      const y = await this.forRunning(em, actor, b);
      assertOpen(b);
      if (b.mode === 'paper') throw conflict('paper_ballot', 'Cuộc bỏ phiếu dùng phiếu giấy: hãy nhập kết quả kiểm phiếu để kết thúc.');
      const wrapKey = this.wrapKey();
      const [key] = await em.query('SELECT wrapped FROM ballot_keys WHERE ballot_id = $1', [b.id]);
      if (!key) throw conflict('ballot_key_missing', 'Không tìm thấy khóa giải mã của cuộc bỏ phiếu nên không kiểm phiếu được.');
      let secretKey: string;
      try {
        secretKey = unwrapBallotKey(key.wrapped, wrapKey, b.id);
      } catch {
        throw conflict('ballot_key_mismatch', 'Khóa bảo vệ phiếu bầu của máy chủ không mở được khóa giải mã của cuộc bỏ phiếu này (máy chủ đã đổi khóa?). Chưa kiểm phiếu.');
      }
      const papers: EncryptedPaper[] = (await em.query('SELECT paper FROM ballot_papers WHERE ballot_id = $1', [b.id])).map((r: { paper: EncryptedPaper }) => r.paper);
      const ctx = { ballotId: b.id, publicKey: b.public_key! };
      const sums = sumPapers(papers, b.candidates.length).map((sum) => decryptSum(ctx, secretKey, sum, papers.length));
      let result: StoredResult;
      try {
        result = countedTally({ ...setupOf(b), ballotsCast: papers.length, approvals: sums.map((x) => x.count) });
      } catch (e) {
        if (e instanceof RuleInputError) throw conflict('invalid_ballot', `Không kiểm phiếu được: ${e.message}.`);
        throw e;
      }
      result.decryption = { publicKey: b.public_key!, sums: sums.map((x, i) => ({ unitId: b.candidates[i].unitId, ...x })) };
      await this.closeRow(em, actor, b, result, null);
      // Counted: the key is destroyed; nobody can open a paper any more, the server included.
      await em.query('DELETE FROM ballot_keys WHERE ballot_id = $1', [b.id]);
      await this.recordOutcome(em, actor, b);
      await this.audit.record(em, actor, {
        action: 'ballot.close', entityType: 'ballot', entityId: b.id, blockId: y.blockId, before: { status: 'open' },
        after: { status: 'closed', ...resultSummary(result) },
      });
    });
    return this.get(actor, id);
  }

  /** Kiểm phiếu giấy: the leader enters the counted totals; they must add up (400 naming the field). */
  async enterPaperTally(actor: Actor, id: string, dto: PaperTallyDto): Promise<BallotDto> {
    await this.ds.transaction(async (em) => {
      const b = await this.lockBallot(em, id);
      const y = await this.forRunning(em, actor, b);
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
    return this.get(actor, id);
  }

  /** Bầu lại: a new round of the same series among the candidates tied at the quota line, for the seats left. */
  async openRevote(actor: Actor, id: string, dto: RevoteDto): Promise<BallotDto> {
    const newId = await this.ds.transaction(async (em) => {
      const b = await this.lockBallot(em, id);
      const y = await this.forRunning(em, actor, b);
      const [later] = await em.query('SELECT id FROM ballots WHERE series_id = $1 AND round > $2', [b.series_id, b.round]);
      if (later) throw conflict('revote_exists', 'Vòng bầu lại của cuộc bỏ phiếu này đã được mở.');
      if (b.status !== 'closed' || !b.result) throw conflict('ballot_open', 'Cuộc bỏ phiếu chưa kết thúc, chưa thể bầu lại.');
      const revote = b.result.revote;
      if (!revote) throw conflict('no_revote', 'Kết quả không có đơn vị bằng phiếu tại ngưỡng số lượng được bầu nên không cần bầu lại.');
      const conf = (await this.conference(em, b.conference_id))!;
      assertYearEndInSession(conf, 'mở vòng bầu lại');
      const att = await this.attendance(em, conf.id, y.blockYearId);
      const q = quorumState(att.present.length, att.members, rulesOf(y));
      if (!q.met) throw conflict('no_quorum', `${noQuorumMessage(q)}. Chưa thể mở vòng bầu lại.`);
      const mode = dto.mode ?? b.mode;
      const candidates = revote.candidates.map((u) => b.candidates.find((c) => c.unitId === u)!);
      const newId = randomUUID();
      const key = this.ballotKey(mode, newId);
      await em.query(
        `INSERT INTO ballots (id, series_id, round, conference_id, block_year_id, award_code, award_name, mode, status, candidates, quota, member_count,
           present_unit_ids, threshold_percent, threshold_base, opened_by, public_key, version)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'open',$9,$10,$11,$12::uuid[],$13,$14,$15,$16,1)`,
        [newId, b.series_id, b.round + 1, conf.id, y.blockYearId, b.award_code, b.award_name, mode, JSON.stringify(candidates), revote.seats, att.members, att.present,
          b.threshold_percent, b.threshold_base, actor.id, key?.publicKey ?? null]);
      if (key) await em.query('INSERT INTO ballot_keys (ballot_id, wrapped) VALUES ($1,$2)', [newId, key.wrapped]);
      await this.audit.record(em, actor, {
        action: 'ballot.revote', entityType: 'ballot', entityId: newId, blockId: y.blockId,
        after: { seriesId: b.series_id, previousBallotId: b.id, round: b.round + 1, mode, quota: revote.seats, candidates: revote.candidates, presentUnitIds: att.present },
      });
      return newId;
    });
    return this.get(actor, newId);
  }

  // ---------------------------------------------------------------- tally record

  async tallyRecord(actor: Actor, id: string): Promise<TallyRecordDto> {
    const b = await this.ballotRow(this.ds.manager, id);
    const y = await loadYearContext(this.ds.manager, b.block_year_id, actor);
    BallotsPolicy.assertCanRead(actor, y);
    return this.tallyRecordDto(this.ds.manager, b.series_id, BallotsPolicy.canRun(actor, y));
  }

  /**
   * The tally committee signs the record: names entered, numbered "NN/BB-<block>" within the block year,
   * the SHA-256 of the tally data kept; final afterwards.
   */
  async signTallyRecord(actor: Actor, id: string, dto: SignTallyRecordDto): Promise<TallyRecordDto> {
    const seriesId = await this.ds.transaction(async (em) => {
      const b = await this.ballotRow(em, id);
      const y = await this.forRunning(em, actor, b);
      await em.query('SELECT id FROM ballots WHERE id = $1 FOR UPDATE', [b.series_id]);
      const rounds = await seriesRows(em, b.series_id);
      const state = seriesState(rounds.map(roundRecord));
      if (!state.complete) {
        throw conflict('tally_incomplete', state.revotePending
          ? 'Còn phải bầu lại giữa các đơn vị bằng phiếu nên chưa lập được biên bản kiểm phiếu.'
          : 'Cuộc bỏ phiếu chưa kết thúc nên chưa lập được biên bản kiểm phiếu.');
      }
      const [signed] = await em.query('SELECT doc_number FROM ballot_tally_records WHERE series_id = $1', [b.series_id]);
      if (signed) throw conflict('already_signed', `Biên bản kiểm phiếu số ${signed.doc_number} đã được ký, không thay đổi được.`);
      const members = dto.memberNames.map((n) => n.trim()).filter(Boolean);
      const everyone = [dto.chairName.trim(), ...members].map((n) => n.toLocaleLowerCase('vi'));
      if (new Set(everyone).size !== everyone.length) throw invalidField('memberNames', 'mỗi người chỉ ghi một lần; trưởng ban không ghi lại trong danh sách thành viên');
      const data = await tallyData(em, b.series_id, rounds, state);
      const sequence = await nextTallyRecordSequence(em, y.blockYearId, b.conference_id);
      const number = buildDocumentNumber(sequence, 'BB', y.blockCode);
      const hash = tallyRecordHash(data);
      await em.query(
        `INSERT INTO ballot_tally_records (series_id, block_year_id, doc_number, sequence, chair_name, member_names, content_hash, signed_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
        [b.series_id, y.blockYearId, number, sequence, dto.chairName.trim(), JSON.stringify(members), hash, actor.id]);
      await this.audit.record(em, actor, {
        action: 'ballot.tally_record_sign', entityType: 'ballot', entityId: b.series_id, blockId: y.blockId,
        after: { number, chairName: dto.chairName.trim(), memberNames: members, contentHash: hash, elected: state.elected.map((e) => e.unitId) },
      });
      return b.series_id;
    });
    return this.tallyRecord(actor, seriesId);
  }

  /** The signed tally record's ledger proof: the ballot.tally_record_sign entry of the series, its checkpoint and inclusion proof. */
  async tallyRecordProof(actor: Actor, id: string): Promise<DocumentProofDto> {
    const b = await this.ballotRow(this.ds.manager, id);
    const y = await loadYearContext(this.ds.manager, b.block_year_id, actor);
    BallotsPolicy.assertCanRead(actor, y);
    return this.ledger.documentProof(tallySignEntry(b.series_id));
  }

  async exportTallyRecord(actor: Actor, id: string, format: 'docx' | 'pdf'): Promise<ExportedFile> {
    const b = await this.ballotRow(this.ds.manager, id);
    const y = await loadYearContext(this.ds.manager, b.block_year_id, actor);
    BallotsPolicy.assertCanRead(actor, y);
    const file = await this.tallyRecordFile(this.ds.manager, id, format);
    return { buffer: file.content, contentType: file.mimeType, filename: file.filename };
  }

  /** The tally record as a file, for the dossier (contracts5.md); a draft (no number) until signed. */
  async tallyRecordFile(em: EntityManager, ballotId: string, format: 'docx' | 'pdf'): Promise<{ filename: string; mimeType: string; content: Buffer }> {
    const b = await this.ballotRow(em, ballotId);
    const rounds = await seriesRows(em, b.series_id);
    const state = seriesState(rounds.map(roundRecord));
    if (!state.last.result) throw conflict('ballot_open', 'Cuộc bỏ phiếu chưa kết thúc nên chưa có biên bản kiểm phiếu.');
    const data = await tallyData(em, b.series_id, rounds, state);
    const record = await this.recordRow(em, b.series_id);
    const model = tallyRecordDocument(data, {
      agencyParent: ISSUER_PARENT, issuePlace: PLACE, draftNumber: buildDocumentNumber(null, 'BB', data.blockCode),
      signature: record ? {
        number: record.doc_number, chairName: record.chair_name, memberNames: record.member_names, signedAt: iso(record.signed_at)!, contentHash: record.content_hash,
      } : null,
      seal: record ? ledgerSealLine(await this.ledger.documentProof(tallySignEntry(b.series_id), em)) : undefined,
    });
    const content = format === 'docx' ? await renderDocx(model) : await renderPdf(model);
    // Named by the award, never its code: "Bien-ban-kiem-phieu-KTD4-2024-Co-thi-dua-cua-UBND-Thanh-pho.pdf".
    return { filename: `Bien-ban-kiem-phieu-${asciiSlug(data.blockCode)}-${data.year}-${asciiSlug(data.awardName)}.${format}`, mimeType: MIME[format], content };
  }

  // ---------------------------------------------------------------- outcomes (contract)

  /** The final outcome of every ballot series of the block year, one per award code; the latest series wins. */
  async outcomes(em: EntityManager, blockYearId: string): Promise<BallotOutcome[]> {
    const rows: BallotRow[] = await em.query(`${SELECT_BALLOT} WHERE block_year_id = $1 ORDER BY opened_at, round`, [blockYearId]);
    const series = new Map<string, BallotRow[]>();
    for (const r of rows) series.set(r.series_id, [...(series.get(r.series_id) ?? []), r]);
    const latest = new Map<string, BallotRow[]>();
    for (const rounds of series.values()) {
      const first = rounds.find((r) => r.round === 1)!;
      const prev = latest.get(first.award_code);
      if (!prev || new Date(prev.find((r) => r.round === 1)!.opened_at).getTime() <= new Date(first.opened_at).getTime()) latest.set(first.award_code, rounds);
    }
    const records: { series_id: string; doc_number: string }[] = await em.query('SELECT series_id, doc_number FROM ballot_tally_records WHERE block_year_id = $1', [blockYearId]);
    const out: BallotOutcome[] = [];
    for (const rounds of latest.values()) {
      const state = seriesState(rounds.map(roundRecord));
      const last = rounds.find((r) => r.id === state.last.id)!;
      const record = records.find((r) => r.series_id === last.series_id);
      out.push({
        ballotId: last.id, conferenceId: last.conference_id, blockYearId, code: last.award_code, awardName: last.award_name, mode: last.mode, round: last.round,
        status: state.complete ? 'closed' : 'open', revotePending: state.revotePending,
        elected: state.elected.map((e) => ({ unitId: e.unitId, name: e.name, approvals: e.approvals, percent: e.percent })),
        tallyRecord: { signed: !!record, documentNumber: record?.doc_number ?? null },
      });
    }
    return out.sort((a, b) => a.code.localeCompare(b.code));
  }

  async outcomesFor(actor: Actor, blockYearId: string): Promise<BallotOutcome[]> {
    const y = await loadYearContext(this.ds.manager, blockYearId, actor);
    BallotsPolicy.assertCanRead(actor, y);
    return this.outcomes(this.ds.manager, blockYearId);
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

  private async conference(em: EntityManager, id: string): Promise<ConferenceRow | null> {
    const [c] = await em.query('SELECT id, block_year_id, kind, status, title, place FROM conferences WHERE id = $1 FOR SHARE', [id]);
    return c ?? null;
  }

  /** Member units of the year and those checked in as present at the conference. */
  private async attendance(em: EntityManager, conferenceId: string, blockYearId: string): Promise<{ members: number; present: string[] }> {
    const rows: { unit_id: string; presence: string | null }[] = await em.query(
      `SELECT m.unit_id, a.presence FROM block_year_members m LEFT JOIN conference_attendance a ON a.conference_id = $1 AND a.unit_id = m.unit_id
       WHERE m.block_year_id = $2`, [conferenceId, blockYearId]);
    return { members: rows.length, present: rows.filter((r) => r.presence === 'present').map((r) => r.unit_id).sort() };
  }

  /** One series per award at a time; a signed result is final. */
  private async assertNoOtherSeries(em: EntityManager, y: YearContext, awardCode: string): Promise<void> {
    const rows: BallotRow[] = await em.query(`${SELECT_BALLOT} WHERE block_year_id = $1 AND award_code = $2 ORDER BY round`, [y.blockYearId, awardCode]);
    const bySeries = new Map<string, BallotRow[]>();
    for (const r of rows) bySeries.set(r.series_id, [...(bySeries.get(r.series_id) ?? []), r]);
    for (const [seriesId, rounds] of bySeries) {
      const state = seriesState(rounds.map(roundRecord));
      const name = rounds[0].award_name;
      if (state.last.status === 'open') throw conflict('ballot_open', `Đang có cuộc bỏ phiếu bầu chọn ${name} chưa kết thúc.`);
      if (state.revotePending) throw conflict('revote_pending', `Cuộc bỏ phiếu bầu chọn ${name} đang chờ bầu lại giữa các đơn vị bằng phiếu; hãy mở vòng bầu lại.`);
      const record = await this.recordRow(em, seriesId);
      if (record) throw conflict('already_decided', `Kết quả bầu chọn ${name} năm ${y.year} đã có biên bản kiểm phiếu số ${record.doc_number} được ký; không bỏ phiếu lại.`);
    }
  }

  private async ballotRow(em: EntityManager, id: string, lock = false): Promise<BallotRow> {
    const [b] = await em.query(`${SELECT_BALLOT} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    if (!b) throw notFound('Không tìm thấy cuộc bỏ phiếu.');
    return b;
  }

  /** Locks the ballot row: casts, closing and tallies of one ballot run one at a time. */
  private lockBallot(em: EntityManager, id: string): Promise<BallotRow> {
    return this.ballotRow(em, id, true);
  }

  private async forRunning(em: EntityManager, actor: Actor, b: BallotRow): Promise<YearContext> {
    const y = await loadYearContext(em, b.block_year_id, actor);
    BallotsPolicy.assertCanRead(actor, y);
    BallotsPolicy.assertCanRun(actor, y);
    return y;
  }

  private async closeRow(em: EntityManager, actor: Actor, b: BallotRow, result: StoredResult, counts: PaperCounts | null): Promise<void> {
    await em.query(
      `UPDATE ballots SET status = 'closed', result = $2, paper_counts = $3, closed_by = $4, closed_at = now(), version = version + 1 WHERE id = $1`,
      [b.id, JSON.stringify(result), counts ? JSON.stringify(counts) : null, actor.id]);
  }

  /** Once the series has its final result, the conference's record states it (the minutes draw on it). */
  private async recordOutcome(em: EntityManager, actor: Actor, b: BallotRow): Promise<void> {
    const state = seriesState((await seriesRows(em, b.series_id)).map(roundRecord));
    if (!state.complete) return;
    const r = state.last.result!;
    const who = state.elected.length
      ? state.elected.map((u) => `${u.name} (${u.approvals} phiếu đồng ý, đạt ${percentText(u.percent)})`).join('; ')
      : 'không có đơn vị nào đạt ngưỡng trúng cử';
    await recordSessionOutcome(em, {
      conferenceId: b.conference_id, kind: 'ballot_result', refId: b.series_id, present: r.present, members: r.members, actorId: actor.id,
      text: `Kết quả bỏ phiếu kín đề nghị tặng ${b.award_name}: có mặt ${r.present}/${r.members} đơn vị, thu về ${r.ballotsCast} phiếu (${r.valid} phiếu hợp lệ); đơn vị được đề nghị: ${who}.`,
    });
  }

  /** Why the actor may not cast this ballot now, or null. */
  private async voterRefusal(em: EntityManager, actor: Actor, b: BallotRow, y: YearContext): Promise<AppError | null> {
    if (isCityWide(actor)) return forbidden('Ban Thi đua – Khen thưởng Thành phố và quản trị viên không bỏ phiếu.', 'not_voter');
    if (!isUnitMember(actor) || !actor.unitId || !y.isMember) return forbidden('Đơn vị của bạn không phải thành viên của khối trong năm này nên không được bỏ phiếu.', 'not_member');
    if (y.status === 'archived') return conflict('archived', `Năm ${y.year} đã lưu trữ, chỉ được xem.`);
    if (b.mode === 'paper') return conflict('paper_ballot', 'Cuộc bỏ phiếu này dùng phiếu giấy, không bỏ phiếu trên hệ thống.');
    if (b.status === 'closed') return conflict('ballot_closed', 'Cuộc bỏ phiếu đã kết thúc, không nhận thêm phiếu.');
    if (!b.present_unit_ids.includes(actor.unitId)) {
      return forbidden('Đơn vị của bạn không có mặt tại hội nghị khi mở bỏ phiếu nên không được bỏ phiếu.', 'not_present');
    }
    if (actor.role === 'officer') {
      const [a] = await em.query('SELECT delegate_name FROM conference_attendance WHERE conference_id = $1 AND unit_id = $2', [b.conference_id, actor.unitId]);
      if (!isDelegate(a?.delegate_name, actor.fullName)) {
        return forbidden(`Phiếu của đơn vị do thủ trưởng đơn vị hoặc người dự họp đã điểm danh (${a?.delegate_name?.trim() || 'chưa ghi tên'}) bỏ.`, 'not_delegate');
      }
    }
    const [voted] = await em.query('SELECT 1 FROM ballot_voters WHERE ballot_id = $1 AND unit_id = $2', [b.id, actor.unitId]);
    if (voted) return conflict('already_voted', 'Đơn vị của bạn đã bỏ phiếu. Mỗi đơn vị chỉ bỏ một phiếu; phiếu đã bỏ không sửa, không rút lại được.');
    const [c] = await em.query('SELECT status FROM conferences WHERE id = $1', [b.conference_id]);
    if (c.status !== 'in_session') return conflict('not_in_session', 'Hội nghị không còn trong phiên họp nên không nhận phiếu.');
    return null;
  }

  private async unitNames(em: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await em.query('SELECT id, name FROM units WHERE id = ANY($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  private async recordRow(em: EntityManager, seriesId: string): Promise<TallyRecordRow | null> {
    const [r] = await em.query(
      `SELECT t.*, a.full_name AS signed_by_name FROM ballot_tally_records t LEFT JOIN accounts a ON a.id = t.signed_by WHERE t.series_id = $1`, [seriesId]);
    return r ?? null;
  }

  private async tallyRecordDto(em: EntityManager, seriesId: string, canRun: boolean): Promise<TallyRecordDto> {
    const state = seriesState((await seriesRows(em, seriesId)).map(roundRecord));
    const r = await this.recordRow(em, seriesId);
    return {
      seriesId, ballotId: state.last.id, complete: state.complete, signed: !!r, number: r?.doc_number ?? null, chairName: r?.chair_name ?? null,
      memberNames: r?.member_names ?? [], signedAt: iso(r?.signed_at), signedByName: r?.signed_by_name ?? null, contentHash: r?.content_hash ?? null,
      canSign: canRun && state.complete && !r,
    };
  }

  /** The full read model; content only once closed. */
  private async read(em: EntityManager, id: string, actor: Actor): Promise<BallotDto> {
    const b = await this.ballotRow(em, id);
    const y = await loadYearContext(em, b.block_year_id, actor);
    BallotsPolicy.assertCanRead(actor, y);
    const [conf] = await em.query('SELECT title FROM conferences WHERE id = $1', [b.conference_id]);
    const [opener] = b.opened_by ? await em.query('SELECT full_name FROM accounts WHERE id = $1', [b.opened_by]) : [];
    const voters: { unit_id: string; name: string; voted_at: Date }[] = await em.query(
      `SELECT v.unit_id, u.name, v.voted_at FROM ballot_voters v JOIN units u ON u.id = v.unit_id WHERE v.ballot_id = $1 ORDER BY u.name`, [b.id]);
    const names = await this.unitNames(em, b.present_unit_ids);
    const rounds = await seriesRows(em, b.series_id);
    const state = seriesState(rounds.map(roundRecord));
    const canRun = BallotsPolicy.canRun(actor, y);

    let result: BallotResultDto | null = null;
    if (b.status === 'closed' && b.result) {
      result = resultDto(b, b.mode === 'electronic' ? await paperReceipts(em, b.id) : null);
    }
    let myUnit: BallotDto['myUnit'] = null;
    if (isUnitMember(actor) && actor.unitId && y.isMember) {
      const refusal = await this.voterRefusal(em, actor, b, y);
      const hasVoted = voters.some((v) => v.unit_id === actor.unitId);
      myUnit = { unitId: actor.unitId, present: b.present_unit_ids.includes(actor.unitId), hasVoted, canVote: !refusal, reason: refusal?.message ?? null };
    }
    const isLast = state.last.id === b.id;
    return {
      ...summary(b, voters.length),
      conferenceTitle: conf?.title ?? '', blockId: y.blockId, blockName: y.blockName, blockCode: y.blockCode, year: y.year,
      candidates: b.candidates.map((c) => ({ unitId: c.unitId, name: c.name, rank: c.rank, total: c.total })),
      quota: b.quota, members: b.member_count,
      presentUnits: b.present_unit_ids.map((u) => ({ unitId: u, name: names.get(u) ?? u })).sort((x, z) => x.name.localeCompare(z.name, 'vi')),
      thresholdPercent: Number(b.threshold_percent), thresholdBase: b.threshold_base,
      voters: voters.map((v) => ({ unitId: v.unit_id, name: v.name, votedAt: iso(v.voted_at)! })),
      openedByName: opener?.full_name ?? null,
      publicKey: b.status === 'open' ? b.public_key : null,
      receipt: null,
      result,
      series: {
        seriesId: b.series_id, rounds: state.rounds.map((r) => ({ id: r.id, round: r.round, status: r.status })), complete: state.complete, revotePending: state.revotePending,
        elected: state.elected.map((e) => ({ unitId: e.unitId, name: e.name, approvals: e.approvals, percent: e.percent, round: e.round })),
      },
      tallyRecord: await this.tallyRecordDto(em, b.series_id, canRun),
      myUnit,
      permissions: {
        canRun,
        canClose: canRun && b.status === 'open' && b.mode === 'electronic',
        canEnterPaperTally: canRun && b.status === 'open' && b.mode === 'paper',
        canOpenRevote: canRun && isLast && state.revotePending,
      },
    };
  }
}

// ------------------------------------------------------------------ helpers

function assertYearEndInSession(conf: ConferenceRow, what: string): void {
  if (conf.kind !== 'year_end') throw conflict('not_year_end', `Chỉ bỏ phiếu bầu chọn tại hội nghị tổng kết năm; không thể ${what} tại hội nghị này.`);
  if (conf.status === 'planned') throw conflict('not_in_session', `Hội nghị chưa khai mạc, chưa thể ${what}.`);
  if (conf.status === 'concluded') throw conflict('not_in_session', `Hội nghị đã kết thúc, không thể ${what}.`);
}

function assertOpen(b: BallotRow): void {
  if (b.status === 'closed') throw conflict('ballot_closed', 'Cuộc bỏ phiếu đã kết thúc.');
}

function setupOf(b: BallotRow): VoteSetup {
  return {
    members: b.member_count, present: b.present_unit_ids.length, candidates: b.candidates.map((c) => c.unitId), quota: b.quota,
    thresholdPercent: Number(b.threshold_percent), thresholdBase: b.threshold_base, names: Object.fromEntries(b.candidates.map((c) => [c.unitId, c.name])),
  };
}


function resultSummary(r: StoredResult) {
  return {
    ballotsCast: r.ballotsCast, valid: r.valid, invalid: r.invalid, approvals: Object.fromEntries(r.candidates.map((c) => [c.unitId, c.approvals])),
    elected: r.elected, revote: r.revote,
  };
}

function summary(b: BallotRow, voters: number): BallotSummaryDto {
  return {
    id: b.id, seriesId: b.series_id, round: b.round, conferenceId: b.conference_id, blockYearId: b.block_year_id, awardCode: b.award_code, awardName: b.award_name,
    mode: b.mode, status: b.status, ballotsCast: b.mode === 'electronic' ? voters : (b.result?.ballotsCast ?? 0), present: b.present_unit_ids.length,
    openedAt: iso(b.opened_at)!, closedAt: iso(b.closed_at),
  };
}

function resultDto(b: BallotRow, receipts: string[] | null): BallotResultDto {
  const r = b.result!;
  const name = (u: string) => b.candidates.find((c) => c.unitId === u)?.name ?? u;
  const elected = new Set(r.elected);
  return {
    members: r.members, present: r.present, quota: r.quota, ballotsCast: r.ballotsCast, valid: r.valid, invalid: r.invalid,
    thresholdPercent: r.thresholdPercent, thresholdBase: r.thresholdBase, base: r.base, threshold: r.threshold, approvalsNeeded: r.approvalsNeeded,
    candidates: r.candidates.map((c) => ({ unitId: c.unitId, name: name(c.unitId), approvals: c.approvals, percent: c.percent, aboveThreshold: c.aboveThreshold, elected: elected.has(c.unitId) })),
    elected: r.elected.map((u) => ({ unitId: u, name: name(u) })),
    revote: r.revote ? { candidates: r.revote.candidates.map((u) => ({ unitId: u, name: name(u) })), seats: r.revote.seats } : null,
    invalidByProblem: (r.invalidByProblem as unknown as BallotResultDto['invalidByProblem']) ?? null,
    receipts,
    decryption: r.decryption ?? null,
    paperCounts: b.paper_counts,
  };
}

/** The entry that fixes a tally record: ballot.tally_record_sign, with its number, the committee and the content hash. */
const tallySignEntry = (seriesId: string): DocumentEntry => ({ action: 'ballot.tally_record_sign', entityType: 'ballot', entityId: seriesId });
