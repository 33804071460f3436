import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { asciiSlug } from '../../common/file-name';
import type { Actor } from '../../common/actor';
import { AppError, conflict, invalidField, notFound } from '../../common/app-error';
import { DocumentEntry, LedgerService } from '../audit/audit.service';
import { DocumentProofDto } from '../audit/dto/audit.dto';
import { ledgerSealLine } from '../audit/ledger-seal-line';
import { BallotReadService } from '../ballots/ballot-read.service';
import { TallyRecordService } from '../ballots/tally-record.service';
import { ConferenceMinutesService } from '../conferences/conference-minutes.service';
import { renderDocx, renderPdf, type DocumentModel } from '../documents';
import { ResultsService } from '../rounds/results.service';
import { NomineeDto } from './dto/proposal.dto';
import { DossierReadService } from './dossier-read.service';
import { loadDossier, reportContent, sha256, yearEndConference, yearEndRound } from './dossier-data';
import { decisionListDocument, letterDocument, NomineeLine, nomineeListDocument } from './proposal-documents';
import { WITH_BOARD_STATUSES } from './proposal-rules';
import { ProposalsPolicy } from './proposals.policy';

/** A file produced for download. */
export interface ProposalFile {
  buffer: Buffer;
  contentType: string;
  filename: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const CONTENT_TYPES = { docx: DOCX, pdf: 'application/pdf' } as const;

/** The dossier's files: its parts rendered as .docx/.pdf/.xlsx, the achievement reports, the bundle and its ledger proof. */
@Injectable()
export class DossierFilesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly dossiers: DossierReadService,
    private readonly ballots: BallotReadService,
    private readonly tallyRecords: TallyRecordService,
    private readonly results: ResultsService,
    private readonly minutes: ConferenceMinutesService,
    private readonly ledger: LedgerService,
  ) {}

  // ---------------------------------------------------------------- documents

  /** The dossier's ledger proof: its latest proposal.submit entry (what was submitted), the checkpoint it was sealed under and the inclusion proof. */
  async ledgerProof(actor: Actor, id: string): Promise<DocumentProofDto> {
    const { y } = await loadDossier(this.ds.manager, id, actor);
    ProposalsPolicy.assertCanRead(actor, y);
    return this.ledger.documentProof(submitEntry(id));
  }

  async letterFile(actor: Actor, id: string, format: 'docx' | 'pdf'): Promise<ProposalFile> {
    const { model, d } = await this.letterModel(actor, id);
    return this.render(model, format, `To-trinh-${d.blockCode}-${d.year}`);
  }

  async nomineeListFile(actor: Actor, id: string, format: 'docx' | 'pdf'): Promise<ProposalFile> {
    const d = await this.dossiers.getDossier(actor, id);
    const model = nomineeListDocument({
      blockName: d.blockName, year: d.year, letterNumber: d.letter.number, letterDate: d.letter.date, signerName: d.letter.signerName,
      nominees: nomineeLines(d.nominees), draft: !WITH_BOARD_STATUSES.includes(d.status),
    });
    return this.render(model, format, `Danh-sach-de-nghi-khen-thuong-${d.blockCode}-${d.year}`);
  }

  /** The list attached to one council decision of this dossier (the awards it granted, not revoked ones marked as such). */
  async decisionListFile(actor: Actor, id: string, format: 'docx' | 'pdf', decisionNumber?: string): Promise<ProposalFile> {
    const d = await this.dossiers.getDossier(actor, id);
    const awarded = d.decisions.filter((x) => x.outcome === 'awarded');
    const numbers = [...new Set(awarded.map((x) => x.decisionNumber!))];
    if (!numbers.length) throw conflict('no_decision', 'Hồ sơ chưa có quyết định khen thưởng nào được ghi nhận.');
    const number = decisionNumber?.trim() || (numbers.length === 1 ? numbers[0] : null);
    if (!number) throw invalidField('decisionNumber', `là bắt buộc vì hồ sơ có nhiều quyết định (${numbers.join(', ')})`);
    const lines = awarded.filter((x) => x.decisionNumber === number);
    if (!lines.length) throw notFound(`Hồ sơ không có quyết định số ${number}.`, 'decision_not_found');
    const model = decisionListDocument({
      decisionNumber: number, decisionDate: lines[0].decisionDate!, signer: lines[0].signer!, year: d.year, blockName: d.blockName,
      lines: lines.map((x) => ({ unitName: x.unitName, awardName: x.awardName, note: x.revoked ? 'Đã thu hồi' : '' })),
    });
    return this.render(model, format, `Danh-sach-kem-theo-QD-${number.replace(/[^\p{L}\p{N}]+/gu, '-')}`);
  }

  async minutesFile(actor: Actor, id: string, format: 'docx' | 'pdf'): Promise<ProposalFile> {
    const { p, y } = await loadDossier(this.ds.manager, id, actor);
    ProposalsPolicy.assertCanRead(actor, y);
    const conf = await yearEndConference(this.ds.manager, p.blockYearId);
    if (!conf?.minutesNumber) throw notFound('Chưa có biên bản Hội nghị tổng kết năm của Khối.', 'minutes_not_found');
    return this.minutes.exportMinutes(actor, conf.id, format);
  }

  async scoreAnnexFile(actor: Actor, id: string, format: 'xlsx' | 'pdf'): Promise<ProposalFile> {
    const { p, y } = await loadDossier(this.ds.manager, id, actor);
    ProposalsPolicy.assertCanRead(actor, y);
    const round = await yearEndRound(this.ds.manager, p.blockYearId);
    if (!round) throw notFound('Khối chưa có đợt chấm điểm cuối năm.', 'round_not_found');
    // "Đề nghị": the awards the dossier proposes for each nominated unit.
    const proposed = new Map<string, string>();
    for (const n of (await this.dossiers.sources(this.ds.manager, p, y)).nominees) proposed.set(n.unitId, [proposed.get(n.unitId), n.awardName].filter(Boolean).join('; '));
    return this.results.export(actor, round.id, format, proposed);
  }

  async tallyRecordFile(actor: Actor, id: string, ballotId: string, format: 'docx' | 'pdf'): Promise<ProposalFile> {
    const { p, y } = await loadDossier(this.ds.manager, id, actor);
    ProposalsPolicy.assertCanRead(actor, y);
    const outcomes = await this.ballots.outcomes(this.ds.manager, p.blockYearId);
    if (!outcomes.some((o) => o.ballotId === ballotId)) throw notFound('Cuộc bỏ phiếu không thuộc hồ sơ này.', 'ballot_not_found');
    const f = await this.tallyRecords.tallyRecordFile(this.ds.manager, ballotId, format);
    return { buffer: f.content, contentType: f.mimeType, filename: f.filename };
  }

  /** Every part of the dossier in one .zip (PDF where there is a choice), with a table of contents and SHA-256 of each file. */
  async dossierBundle(actor: Actor, id: string): Promise<ProposalFile> {
    const { default: JSZip } = await import('jszip');
    const d = await this.dossiers.getDossier(actor, id);
    const zip = new JSZip();
    const lines: string[] = [`Hồ sơ đề nghị khen thưởng năm ${d.year} – ${d.blockName}`, `Tờ trình số ${d.letter.number}; trạng thái: ${d.statusLabel}`, ''];
    let n = 0;
    const add = (name: string, f: ProposalFile | null, label: string) => {
      if (!f) {
        lines.push(`(thiếu) ${label}`);
        return;
      }
      const entry = `${String(++n).padStart(2, '0')}-${name}`;
      zip.file(entry, f.buffer);
      lines.push(`${entry}  ${label}  SHA-256 ${sha256(f.buffer)}`);
    };
    const tryFile = async (f: () => Promise<ProposalFile>) => {
      try {
        return await f();
      } catch (e) {
        if (e instanceof AppError && e.statusCode < 500) return null;
        throw e;
      }
    };
    add('To-trinh.pdf', await this.letterFile(actor, id, 'pdf'), 'Tờ trình');
    add('To-trinh.docx', await this.letterFile(actor, id, 'docx'), 'Tờ trình (Word)');
    add('Bien-ban-hoi-nghi-tong-ket.pdf', d.conferenceId ? await tryFile(() => this.minutesFile(actor, id, 'pdf')) : null, 'Biên bản Hội nghị tổng kết');
    add('Bang-tong-hop-diem.pdf', d.roundId ? await tryFile(() => this.scoreAnnexFile(actor, id, 'pdf')) : null, 'Bảng tổng hợp kết quả chấm điểm');
    for (const ballotId of d.ballotIds) add(`Bien-ban-kiem-phieu-${ballotId.slice(0, 8)}.pdf`, await tryFile(() => this.tallyRecordFile(actor, id, ballotId, 'pdf')), 'Biên bản kiểm phiếu');
    add('Danh-sach-de-nghi.pdf', await this.nomineeListFile(actor, id, 'pdf'), 'Danh sách đề nghị khen thưởng');
    const current = d.reports.filter((r) => !r.supersededAt);
    for (const r of current) add(`Bao-cao-thanh-tich-${asciiSlug(r.unitName)}.${r.filename.split('.').pop()}`, await this.achievementReportFile(actor, id, r.id), `Báo cáo thành tích của ${r.unitName}`);
    if (d.decisions.some((x) => x.outcome === 'awarded')) {
      for (const num of [...new Set(d.decisions.filter((x) => x.outcome === 'awarded').map((x) => x.decisionNumber!))]) {
        add(`Danh-sach-kem-theo-QD-${asciiSlug(num)}.pdf`, await this.decisionListFile(actor, id, 'pdf', num), `Danh sách kèm theo Quyết định số ${num}`);
      }
    }
    zip.file('00-Muc-luc.txt', lines.join('\n') + '\n');
    const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    return { buffer, contentType: 'application/zip', filename: `Ho-so-de-nghi-khen-thuong-${d.blockCode}-${d.year}.zip` };
  }

  async achievementReportFile(actor: Actor, id: string, reportId: string): Promise<ProposalFile> {
    const { y } = await loadDossier(this.ds.manager, id, actor);
    ProposalsPolicy.assertCanRead(actor, y);
    const r = await reportContent(this.ds, id, reportId);
    if (!r) throw notFound('Không tìm thấy báo cáo thành tích trong hồ sơ này.');
    return { buffer: r.content, filename: r.filename, contentType: r.mimeType === 'application/x-ole-storage' ? 'application/msword' : r.mimeType };
  }

  // ---------------------------------------------------------------- internals

  private async render(model: DocumentModel, format: 'docx' | 'pdf', base: string): Promise<ProposalFile> {
    const buffer = format === 'docx' ? await renderDocx(model) : await renderPdf(model);
    return { buffer, contentType: CONTENT_TYPES[format], filename: `${base}.${format}` };
  }

  private async letterModel(actor: Actor, id: string) {
    const d = await this.dossiers.getDossier(actor, id);
    const enclosures: string[] = [];
    const minutes = d.checklist.find((i) => i.kind === 'minutes');
    if (minutes?.present) enclosures.push(`Biên bản Hội nghị tổng kết (${minutes.detail.replace(/ đã được thông qua$/, '').replace(/^Biên bản /, '')})`);
    if (d.checklist.find((i) => i.kind === 'score_annex')?.present) enclosures.push(`Bảng tổng hợp kết quả chấm điểm thi đua năm ${d.year}`);
    const tallies = d.checklist.filter((i) => i.kind === 'tally_record' && i.present);
    if (tallies.length) enclosures.push(`Biên bản kiểm phiếu (${String(tallies.length).padStart(2, '0')} bản)`);
    enclosures.push(`Danh sách các tập thể được đề nghị khen thưởng`);
    const reports = new Set(d.reports.filter((r) => !r.supersededAt).map((r) => r.unitId)).size;
    if (reports) enclosures.push(`Báo cáo thành tích của các tập thể được đề nghị (${String(reports).padStart(2, '0')} bản)`);
    const model = letterDocument({
      blockName: d.blockName, blockCode: d.blockCode, year: d.year, number: d.letter.number, date: d.letter.date, recipient: d.letter.recipient,
      paragraphs: d.letter.paragraphs, closing: d.letter.closing, signerName: d.letter.signerName, nominees: nomineeLines(d.nominees), enclosures,
      draft: !WITH_BOARD_STATUSES.includes(d.status),
      seal: WITH_BOARD_STATUSES.includes(d.status) ? ledgerSealLine(await this.ledger.documentProof(submitEntry(id))) : undefined,
    });
    return { model, d };
  }
}

function nomineeLines(nominees: NomineeDto[]): NomineeLine[] {
  return nominees.map((n) => ({
    unitId: n.unitId, unitName: n.unitName, code: n.code, awardName: n.awardName, approvals: n.approvals, percent: n.percent, rank: n.rank, note: n.note,
    models: n.models.map((m) => `${m.name} (${m.year}): ${m.achievement.length > 200 ? `${m.achievement.slice(0, 199)}…` : m.achievement}`),
  }));
}

/** The entry that fixes a dossier: its latest proposal.submit (the letter, nominees and parts as submitted). */
const submitEntry = (id: string): DocumentEntry => ({ action: 'proposal.submit', entityType: 'proposal', entityId: id });

