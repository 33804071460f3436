import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/actor';
import { AppError, badRequest, conflict, invalidField } from '../../common/app-error';
import { loadYearContext } from '../../common/scope/year-context';
import { assertVersion, changedFields } from '../../common/versioning';
import { AuditService } from '../audit/audit.service';
import { AwardsService } from '../awards/awards.service';
import { BallotReadService } from '../ballots/ballot-read.service';
import { advanceYearStatus } from '../block-years/year-status';
import { buildDocumentNumber, parseDocumentNumber } from '../documents';
import { NewsService } from '../news/news.service';
import { notify } from '../notifications/notify';
import { detectEvidenceType, MAX_EVIDENCE_BYTES, storedFileName } from '../rounds/evidence-type';
import { CiteModelsDto, CreateProposalDto, ProposalDto, RecordDecisionDto, ReportDto, UpdateLetterDto } from './dto/proposal.dto';
import { DossierReadService } from './dossier-read.service';
import { dateOnly, dbNow, loadDossier, readReports, recordEvent, sha256, yearEndConference } from './dossier-data';
import {
  blockYearExists, bumpVersion, citedModelIds, dossierCountOf, insertDecision, insertDossier, insertReport, liveDossierStatus, markApproved, markCancelled, markDecided,
  markReturned, markSubmitted, markUnderAppraisal, nextSubmissionNumber, nomineesToDecide, replaceCitations, replaceNominees, supersedeReport, touchDossier, unitHeadName,
  unitName, updateLetter,
} from './dossier-workflow-data';
import { draftLetter } from './proposal-documents';
import { deadline, missingMessage, STATUS_LABELS, vietnamDate } from './proposal-rules';
import { ProposalsPolicy } from './proposals.policy';
import { DEFAULT_APPRAISAL_WORKING_DAYS } from './rules';
import { appraisalWorkingDaysOf, loadWorkCalendar } from './calendar-data';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Achievement reports are documents: PDF, Word (also 97–2003) or OpenDocument text, typed by content. */
const REPORT_MIMES = new Set(['application/pdf', DOCX, 'application/x-ole-storage', 'application/vnd.oasis.opendocument.text']);
const REPORT_TYPES_LABEL = 'PDF, Word (.docx, .doc) hoặc OpenDocument (.odt)';

/**
 * What officials do with a dossier: the block creates it, edits the letter, collects the achievement reports and
 * cited models, submits or cancels it; the board starts the appraisal, returns or approves it and records the
 * council's decisions. Each use case in one transaction, audited.
 */
@Injectable()
export class DossierWorkflowService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly awards: AwardsService,
    private readonly ballots: BallotReadService,
    private readonly news: NewsService,
    private readonly dossiers: DossierReadService,
  ) {}

  // ---------------------------------------------------------------- the block assembles

  async createDossier(actor: Actor, dto: CreateProposalDto): Promise<ProposalDto> {
    const id = await this.ds.transaction((em) => this.createDossierIn(em, actor, dto.blockYearId));
    return this.dossiers.getDossier(actor, id);
  }

  /** Lập hồ sơ: the letter drafted from the data; one live dossier per block year. */
  async createDossierIn(em: EntityManager, actor: Actor, blockYearId: string, at?: Date): Promise<string> {
    if (!(await blockYearExists(em, blockYearId))) throw invalidField('blockYearId', 'không phải năm thi đua có trong hệ thống');
    const y = await loadYearContext(em, blockYearId, actor, { lock: true });
    ProposalsPolicy.assertCanAssemble(actor, y);
    const live = await liveDossierStatus(em, blockYearId);
    if (live) {
      throw conflict('proposal_exists', `${y.blockName} đã có hồ sơ đề nghị khen thưởng năm ${y.year} (trạng thái "${STATUS_LABELS[live]}"); mỗi năm chỉ có một hồ sơ đang xử lý. Muốn lập lại, hãy hủy hồ sơ đang lập hoặc bị trả lại.`);
    }
    const n = await dossierCountOf(em, blockYearId);
    const conference = await yearEndConference(em, blockYearId);
    const draft = draftLetter({ blockName: y.blockName, year: y.year, legalBasis: y.legalBasis, conferenceDate: conference?.heldAt ? vietnamDate(conference.heldAt) : null });
    const signer = await this.leaderHeadName(em, y.leaderUnitId);
    const number = buildDocumentNumber(n + 1, 'TTr', y.blockCode);
    const now = at ?? (await dbNow(em));
    const id = await insertDossier(em, { blockYearId, number, recipient: draft.recipient, paragraphs: draft.paragraphs, closing: draft.closing, signerName: signer, createdBy: actor.id, at: now });
    await recordEvent(em, id, 'created', actor, { at: now, detail: { number } });
    await notify(em, actor, { units: [...new Set((await this.ballots.outcomes(em, blockYearId)).filter((o) => o.status === 'closed').flatMap((o) => o.elected.map((e) => e.unitId)))] }, { kind: 'nominee_report', blockYearId, link: `/proposals/${id}`, title: `Đơn vị được đề nghị khen thưởng năm ${y.year}: đề nghị gửi báo cáo thành tích`, body: `Khối trưởng đang lập hồ sơ đề nghị khen thưởng của ${y.blockName}; báo cáo thành tích của đơn vị là thành phần bắt buộc.`, at });
    await this.audit.record(em, actor, { action: 'proposal.create', entityType: 'proposal', entityId: id, blockId: y.blockId, after: { blockYearId, year: y.year, number } });
    return id;
  }

  async editLetter(actor: Actor, id: string, dto: UpdateLetterDto): Promise<ProposalDto> {
    await this.ds.transaction((em) => this.editLetterIn(em, actor, id, dto));
    return this.dossiers.getDossier(actor, id);
  }

  async editLetterIn(em: EntityManager, actor: Actor, id: string, dto: UpdateLetterDto): Promise<void> {
    const { p, y } = await loadDossier(em, id, actor, true);
    ProposalsPolicy.assertCanAssemble(actor, y);
    ProposalsPolicy.assertTransition(p.status, 'edit');
    assertVersion(p, dto.version, 'Hồ sơ đề nghị khen thưởng');
    if (dto.number !== undefined) {
      const parsed = parseDocumentNumber(dto.number);
      if (!parsed || parsed.code !== 'TTr') throw invalidField('number', 'phải là số, ký hiệu tờ trình dạng "05/TTr-KTĐ4"');
    }
    const current = { number: p.letterNumber, date: dateOnly(p.letterDate), recipient: p.letterRecipient, paragraphs: p.letterParagraphs, closing: p.letterClosing, signerName: p.signerName };
    const patch = {
      number: dto.number, date: dto.date, recipient: dto.recipient, paragraphs: dto.paragraphs?.map((s) => s.trim()).filter(Boolean), closing: dto.closing?.trim(), signerName: dto.signerName,
    };
    if (patch.paragraphs && !patch.paragraphs.length) throw invalidField('paragraphs', 'phải có ít nhất một đoạn nội dung');
    const diff = changedFields(current, patch);
    if (!Object.keys(diff.after).length) return;
    const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    await updateLetter(em, id, next);
    await this.audit.record(em, actor, { action: 'proposal.letter_update', entityType: 'proposal', entityId: id, blockId: y.blockId, ...diff });
  }

  /** Báo cáo thành tích: only the nominee unit's officers and head upload it; a new upload replaces (and keeps) the previous one. */
  async uploadAchievementReport(actor: Actor, id: string, unitId: string, file: Express.Multer.File | undefined, at?: Date): Promise<ReportDto> {
    const reportId = await this.ds.transaction((em) => this.uploadAchievementReportIn(em, actor, id, unitId, file ? { buffer: file.buffer, originalname: file.originalname } : undefined, at));
    const src = await readReports(this.ds.manager, id);
    return src.find((r) => r.id === reportId)!;
  }

  async uploadAchievementReportIn(em: EntityManager, actor: Actor, id: string, unitId: string, file: { buffer: Buffer; originalname: string } | undefined, at?: Date): Promise<string> {
    const { p, y } = await loadDossier(em, id, actor, true);
    ProposalsPolicy.assertCanUploadFor(actor, y, unitId);
    ProposalsPolicy.assertTransition(p.status, 'edit');
    const src = await this.dossiers.sources(em, p, y);
    const nominee = src.nominees.find((n) => n.unitId === unitId);
    const unitLabel = await unitName(em, unitId);
    if (!nominee) {
      throw conflict('not_nominated', `${unitLabel ?? 'Đơn vị'} không có trong danh sách đề nghị khen thưởng của hồ sơ nên không nộp báo cáo thành tích.`);
    }
    if (!file?.buffer?.length) throw badRequest('validation_failed', 'Chưa chọn tệp báo cáo thành tích.', { file: 'là bắt buộc' });
    const name = (file.originalname ?? '').normalize('NFC');
    if (file.buffer.length > MAX_EVIDENCE_BYTES) {
      throw new AppError(413, 'file_too_large', `Tệp "${name}" nặng ${(file.buffer.length / 1024 / 1024).toFixed(1).replace('.', ',')} MB, vượt quá giới hạn ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB.`, { file: 'quá lớn' });
    }
    const type = await detectEvidenceType(file.buffer);
    if (!type || !REPORT_MIMES.has(type.mime)) {
      throw badRequest('bad_file_type', `Tệp "${name}" không phải báo cáo thành tích hợp lệ: chỉ nhận ${REPORT_TYPES_LABEL}; loại tệp được xác định theo nội dung, không theo đuôi tên tệp.`, { file: 'loại tệp không được phép' });
    }
    const filename = storedFileName(name || 'bao-cao-thanh-tich', type);
    const hash = sha256(file.buffer);
    const now = at ?? (await dbNow(em));
    const replacedRow = await supersedeReport(em, id, unitId, now);
    const reportId = await insertReport(em, { proposalId: id, unitId, filename, mimeType: type.mime, sizeBytes: file.buffer.length, sha256: hash, content: file.buffer, uploadedBy: actor.id, uploadedAt: now });
    await touchDossier(em, id);
    await this.audit.record(em, actor, {
      action: 'proposal.report_upload', entityType: 'proposal', entityId: id, blockId: y.blockId,
      before: replacedRow ? { reportId: replacedRow.id, sha256: replacedRow.sha256 } : undefined,
      after: { reportId, unitId, filename, mimeType: type.mime, sizeBytes: file.buffer.length, sha256: hash },
    });
    return reportId;
  }

  /**
   * Trích dẫn gương điển hình: a nominee cites entries of its own unit's exemplary-model register (news module,
   * up to the dossier's year). The leader or deputy seat (assembling) or the nominee unit itself, while the
   * dossier can be edited; the list given replaces the previous one.
   */
  async citeExemplaryModels(actor: Actor, id: string, unitId: string, dto: CiteModelsDto): Promise<ProposalDto> {
    await this.ds.transaction(async (em) => {
      const { p, y } = await loadDossier(em, id, actor, true);
      if (!ProposalsPolicy.canUploadFor(actor, y, unitId)) ProposalsPolicy.assertCanAssemble(actor, y);
      ProposalsPolicy.assertWritable(y);
      ProposalsPolicy.assertTransition(p.status, 'edit');
      const src = await this.dossiers.sources(em, p, y);
      if (!src.nominees.some((n) => n.unitId === unitId)) throw conflict('not_nominated', 'Đơn vị không có trong danh sách đề nghị khen thưởng của hồ sơ nên không trích dẫn gương điển hình.');
      const found = await this.news.modelsOfUnit(em, unitId, y.year, dto.modelIds);
      if (found.length !== dto.modelIds.length) throw invalidField('modelIds', `chỉ gồm gương điển hình trong sổ của chính đơn vị được đề nghị, từ năm ${y.year} trở về trước`);
      const before = await citedModelIds(em, id, unitId);
      if (before.join() === dto.modelIds.join()) return;
      await replaceCitations(em, id, unitId, dto.modelIds, actor.id);
      await bumpVersion(em, id);
      await this.audit.record(em, actor, { action: 'proposal.models_cite', entityType: 'proposal', entityId: id, blockId: y.blockId, before: { unitId, modelIds: before }, after: { unitId, modelIds: dto.modelIds } });
    });
    return this.dossiers.getDossier(actor, id);
  }

  /** Trình: the leader unit's head, when every part is present; the nominees are frozen and the appraisal deadline starts. */
  async submitDossier(actor: Actor, id: string): Promise<ProposalDto> {
    await this.ds.transaction((em) => this.submitDossierIn(em, actor, id));
    return this.dossiers.getDossier(actor, id);
  }

  async submitDossierIn(em: EntityManager, actor: Actor, id: string, at?: Date): Promise<void> {
    const { p, y } = await loadDossier(em, id, actor, true);
    ProposalsPolicy.assertCanSubmit(actor, y);
    ProposalsPolicy.assertTransition(p.status, 'submit');
    const src = await this.dossiers.sources(em, p, y);
    const items = this.dossiers.checklistOf(p, src);
    const missing = missingMessage(items);
    if (missing) throw conflict('dossier_incomplete', missing, Object.fromEntries(items.filter((i) => !i.present).map((i) => [i.key, i.detail])));
    const now = at ?? (await dbNow(em));
    const days = await this.appraisalDays(em, y.year);
    const { dueDate } = deadline(now, days, now, await loadWorkCalendar(em));
    await replaceNominees(em, id, src.nominees);
    const letterDate = dateOnly(p.letterDate) ?? vietnamDate(now);
    await markSubmitted(em, id, { at: now, by: actor.id, dueDate, appraisalWorkingDays: days, letterDate });
    const k = await nextSubmissionNumber(em, id);
    const detail = {
      submission: k, letterNumber: p.letterNumber, appraisalWorkingDays: days,
      nominees: src.nominees.map((n) => ({ unitId: n.unitId, code: n.code })), reports: [...src.current.values()].map((r) => ({ unitId: r.unitId, sha256: r.sha256 })),
    };
    await recordEvent(em, id, 'submitted', actor, { at: now, dueDate, detail });
    await notify(em, actor, { board: true }, { kind: 'dossier_submitted', blockYearId: y.blockYearId, link: `/proposals/${id}`, title: `${y.blockName} trình hồ sơ đề nghị khen thưởng năm ${y.year} (${p.letterNumber})`, body: `Hạn thẩm định: ${dueDate.split('-').reverse().join('/')} (${days} ngày làm việc).`, at });
    await this.audit.record(em, actor, { action: 'proposal.submit', entityType: 'proposal', entityId: id, blockId: y.blockId, before: { status: p.status }, after: { status: 'submitted', dueDate, ...detail } });
    await advanceYearStatus(em, this.audit, actor, y, 'submitted', 'Đã trình hồ sơ đề nghị khen thưởng');
  }

  async cancelDossier(actor: Actor, id: string, reason: string): Promise<ProposalDto> {
    await this.ds.transaction(async (em) => {
      const { p, y } = await loadDossier(em, id, actor, true);
      ProposalsPolicy.assertCanAssemble(actor, y);
      ProposalsPolicy.assertTransition(p.status, 'cancel');
      await markCancelled(em, id, reason);
      await recordEvent(em, id, 'cancelled', actor, { reason });
      await this.audit.record(em, actor, { action: 'proposal.cancel', entityType: 'proposal', entityId: id, blockId: y.blockId, before: { status: p.status }, after: { status: 'cancelled' }, reason });
    });
    return this.dossiers.getDossier(actor, id);
  }

  // ---------------------------------------------------------------- the board

  /** Tiếp nhận thẩm định. */
  async startAppraisal(actor: Actor, id: string, at?: Date): Promise<ProposalDto> {
    await this.ds.transaction((em) => this.startAppraisalIn(em, actor, id, at));
    return this.dossiers.getDossier(actor, id);
  }

  async startAppraisalIn(em: EntityManager, actor: Actor, id: string, at?: Date): Promise<void> {
    ProposalsPolicy.assertBoard(actor);
    const { p, y } = await loadDossier(em, id, actor, true);
    ProposalsPolicy.assertTransition(p.status, 'take');
    const now = at ?? (await dbNow(em));
    await markUnderAppraisal(em, id, now);
    await recordEvent(em, id, 'appraisal_started', actor, { at: now, dueDate: dateOnly(p.dueDate) });
    await this.audit.record(em, actor, { action: 'proposal.take', entityType: 'proposal', entityId: id, blockId: y.blockId, before: { status: p.status }, after: { status: 'under_appraisal' } });
  }

  /** Trả lại: with a reason; the block fixes the dossier and submits it again. */
  async returnDossier(actor: Actor, id: string, reason: string, at?: Date): Promise<ProposalDto> {
    await this.ds.transaction((em) => this.returnDossierIn(em, actor, id, reason, at));
    return this.dossiers.getDossier(actor, id);
  }

  async returnDossierIn(em: EntityManager, actor: Actor, id: string, reason: string, at?: Date): Promise<void> {
    ProposalsPolicy.assertBoard(actor);
    const { p, y } = await loadDossier(em, id, actor, true);
    ProposalsPolicy.assertTransition(p.status, 'return');
    const now = at ?? (await dbNow(em));
    await markReturned(em, id, now, reason);
    await recordEvent(em, id, 'returned', actor, { at: now, reason });
    await notify(em, actor, { leadersOf: [y.blockYearId] }, { kind: 'dossier_returned', blockYearId: y.blockYearId, link: `/proposals/${id}`, title: `Hồ sơ đề nghị khen thưởng năm ${y.year} bị trả lại để hoàn thiện`, body: reason, at });
    await this.audit.record(em, actor, { action: 'proposal.return', entityType: 'proposal', entityId: id, blockId: y.blockId, before: { status: p.status }, after: { status: 'returned' }, reason });
  }

  /** Thông qua: the board approves what it appraised (breaches are shown, and recorded with the approval). */
  async approveDossier(actor: Actor, id: string, note?: string, at?: Date): Promise<ProposalDto> {
    await this.ds.transaction((em) => this.approveDossierIn(em, actor, id, note, at));
    return this.dossiers.getDossier(actor, id);
  }

  async approveDossierIn(em: EntityManager, actor: Actor, id: string, note?: string, at?: Date): Promise<void> {
    ProposalsPolicy.assertBoard(actor);
    const { p, y } = await loadDossier(em, id, actor, true);
    ProposalsPolicy.assertTransition(p.status, 'approve');
    const now = at ?? (await dbNow(em));
    await markApproved(em, id, now);
    await recordEvent(em, id, 'approved', actor, { at: now, reason: note ?? '' });
    await notify(em, actor, { leadersOf: [y.blockYearId] }, { kind: 'dossier_approved', blockYearId: y.blockYearId, link: `/proposals/${id}`, title: `Hồ sơ đề nghị khen thưởng năm ${y.year} đã được Ban Thi đua – Khen thưởng thẩm định, thông qua`, body: note ?? '', at });
    await this.audit.record(em, actor, { action: 'proposal.approve', entityType: 'proposal', entityId: id, blockId: y.blockId, before: { status: p.status }, after: { status: 'approved' }, reason: note });
  }

  /**
   * The council's decision for nominees of an approved dossier: "awarded" writes the award history through
   * the awards module; "not awarded" needs a reason. When every nominee has a decision, the dossier is decided.
   */
  async recordDecision(actor: Actor, id: string, dto: RecordDecisionDto, at?: Date): Promise<ProposalDto> {
    await this.ds.transaction((em) => this.recordDecisionIn(em, actor, id, dto, at));
    return this.dossiers.getDossier(actor, id);
  }

  async recordDecisionIn(em: EntityManager, actor: Actor, id: string, dto: RecordDecisionDto, at?: Date): Promise<void> {
    ProposalsPolicy.assertBoard(actor);
    const { p, y } = await loadDossier(em, id, actor, true);
    ProposalsPolicy.assertTransition(p.status, 'decide');
    const now = at ?? (await dbNow(em));
    if (dto.outcome === 'awarded' && dto.decisionDate! > vietnamDate(now)) throw invalidField('decisionDate', 'không được sau ngày hôm nay');
    const nominees = await nomineesToDecide(em, id);
    const seen = new Set<string>();
    const targets = dto.nominees.map((ref, i) => {
      const key = `${ref.code}:${ref.unitId}`;
      if (seen.has(key)) throw invalidField(`nominees[${i}]`, 'bị lặp lại');
      seen.add(key);
      const n = nominees.find((x) => x.unitId === ref.unitId && x.awardCode === ref.code);
      if (!n) {
        const other = nominees.find((x) => x.unitId === ref.unitId);
        throw new AppError(400, 'not_nominated', other
          ? `Đơn vị ${other.unitName} không được đề nghị hình thức khen thưởng "${ref.code}" trong hồ sơ này (được đề nghị: ${nominees.filter((x) => x.unitId === ref.unitId).map((x) => x.awardName).join(', ')}).`
          : 'Đơn vị không có trong danh sách đề nghị khen thưởng của hồ sơ nên không thể ghi nhận quyết định.', { [`nominees[${i}]`]: 'không có trong danh sách đề nghị' });
      }
      if (n.decided) throw conflict('already_decided', `${n.unitName} đã có quyết định về ${n.awardName}; quyết định đã ghi không sửa được (thu hồi khen thưởng thực hiện trong lịch sử khen thưởng).`);
      return n;
    });
    const entries = [];
    for (const n of targets) {
      let historyId: string | null = null;
      if (dto.outcome === 'awarded') {
        const record = await this.awards.recordAward(em, actor, {
          unitId: n.unitId, year: y.year, code: n.awardCode, decisionNumber: dto.decisionNumber!, decisionDate: dto.decisionDate!, signer: dto.signer!, source: 'decision', proposalId: id,
        });
        historyId = record.id;
      }
      const awarded = dto.outcome === 'awarded';
      await insertDecision(em, {
        proposalId: id, nomineeId: n.id, outcome: dto.outcome, decisionNumber: awarded ? dto.decisionNumber! : null, decisionDate: awarded ? dto.decisionDate! : null,
        signer: awarded ? dto.signer! : null, reason: dto.reason ?? '', awardHistoryId: historyId, recordedBy: actor.id, recordedAt: now,
      });
      entries.push({ unitId: n.unitId, code: n.awardCode, awardHistoryId: historyId });
    }
    const detail = { outcome: dto.outcome, decisionNumber: dto.decisionNumber ?? null, decisionDate: dto.decisionDate ?? null, signer: dto.signer ?? null, entries };
    await recordEvent(em, id, 'decision', actor, { at: now, reason: dto.reason ?? '', detail });
    const undecided = nominees.filter((n) => !n.decided && !targets.includes(n)).length;
    if (undecided === 0) {
      await markDecided(em, id, now);
      await recordEvent(em, id, 'decided', actor, { at: now });
      await advanceYearStatus(em, this.audit, actor, y, 'decided', 'Đã có quyết định khen thưởng cho mọi đơn vị được đề nghị');
    } else {
      await bumpVersion(em, id);
    }
    await notify(em, actor, { leadersOf: [y.blockYearId], units: targets.map((n) => n.unitId) }, { kind: 'decision_recorded', blockYearId: y.blockYearId, link: `/proposals/${id}`, title: dto.outcome === 'awarded' ? `Đã có quyết định khen thưởng số ${dto.decisionNumber}: ${targets.map((n) => `${n.awardName} – ${n.unitName}`).join('; ')}` : `Hội đồng không đề nghị khen thưởng: ${targets.map((n) => `${n.awardName} – ${n.unitName}`).join('; ')}`, body: dto.reason ?? '', at });
    await this.audit.record(em, actor, {
      action: 'proposal.decision', entityType: 'proposal', entityId: id, blockId: y.blockId,
      before: { status: p.status }, after: { status: undecided === 0 ? 'decided' : p.status, ...detail }, reason: dto.reason,
    });
  }

  private async appraisalDays(em: EntityManager, year: number): Promise<number> {
    return (await appraisalWorkingDaysOf(em, year)) ?? DEFAULT_APPRAISAL_WORKING_DAYS;
  }

  private async leaderHeadName(em: EntityManager, unitId: string | null): Promise<string> {
    if (!unitId) return '';
    return (await unitHeadName(em, unitId)) ?? '';
  }
}
