import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { asciiSlug } from '../../common/file-name';
import { Actor } from '../../common/actor';
import { conflict, invalidField } from '../../common/app-error';
import { loadYearContext } from '../../common/scope/year-context';
import { AuditService, DocumentEntry, LedgerService } from '../audit/audit.service';
import { DocumentProofDto } from '../audit/dto/audit.dto';
import { ledgerSealLine } from '../audit/ledger-seal-line';
import { buildDocumentNumber, renderDocx, renderPdf } from '../documents';
import { ISSUER_PARENT, PLACE } from '../drafts/drafts.export';
import { seriesRows } from './ballot-data';
import { iso, loadBallot, nextTallyRecordSequence, roundRecord, tallyData, tallyRecordView, yearToRun } from './ballot-store';
import { insertTallyRecord, lockSeries, signedRecordNumber, tallyRecordOf } from './tally-data';
import { BallotsPolicy } from './ballots.policy';
import { SignTallyRecordDto, TallyRecordDto } from './dto/ballot.dto';
import { seriesState } from './series';
import { tallyRecordDocument, tallyRecordHash } from './tally-record-document';

export interface ExportedFile {
  buffer: Buffer;
  contentType: string;
  filename: string;
}

const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** Biên bản kiểm phiếu: the tally record of a ballot series, signed by the tally committee, its file and its ledger proof. */
@Injectable()
export class TallyRecordService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly ledger: LedgerService,
  ) {}

  async tallyRecord(actor: Actor, id: string): Promise<TallyRecordDto> {
    const b = await loadBallot(this.ds.manager, id);
    const y = await loadYearContext(this.ds.manager, b.blockYearId, actor);
    BallotsPolicy.assertCanRead(actor, y);
    return tallyRecordView(this.ds.manager, b.seriesId, BallotsPolicy.canRun(actor, y));
  }

  /**
   * The tally committee signs the record: names entered, numbered "NN/BB-<block>" within the block year,
   * the SHA-256 of the tally data kept; final afterwards.
   */
  async signTallyRecord(actor: Actor, id: string, dto: SignTallyRecordDto): Promise<TallyRecordDto> {
    const seriesId = await this.ds.transaction((em) => this.signTallyRecordTx(em, actor, id, dto));
    return this.tallyRecord(actor, seriesId);
  }

  /**
   * Signs the record in the caller's transaction and returns the series id; `signedAt` only for demo history
   * (a past year's record), now otherwise.
   */
  async signTallyRecordTx(em: EntityManager, actor: Actor, id: string, dto: SignTallyRecordDto, signedAt?: Date): Promise<string> {
    const b = await loadBallot(em, id);
    const y = await yearToRun(em, actor, b);
    await lockSeries(em, b.seriesId);
    const rounds = await seriesRows(em, b.seriesId);
    const state = seriesState(rounds.map(roundRecord));
    if (!state.complete) {
      throw conflict('tally_incomplete', state.revotePending
        ? 'Còn phải bầu lại giữa các đơn vị bằng phiếu nên chưa lập được biên bản kiểm phiếu.'
        : 'Cuộc bỏ phiếu chưa kết thúc nên chưa lập được biên bản kiểm phiếu.');
    }
    const signed = await signedRecordNumber(em, b.seriesId);
    if (signed !== undefined) throw conflict('already_signed', `Biên bản kiểm phiếu số ${signed} đã được ký, không thay đổi được.`);
    const members = dto.memberNames.map((n) => n.trim()).filter(Boolean);
    const everyone = [dto.chairName.trim(), ...members].map((n) => n.toLocaleLowerCase('vi'));
    if (new Set(everyone).size !== everyone.length) throw invalidField('memberNames', 'mỗi người chỉ ghi một lần; trưởng ban không ghi lại trong danh sách thành viên');
    const data = await tallyData(em, b.seriesId, rounds, state);
    const sequence = await nextTallyRecordSequence(em, y.blockYearId, b.conferenceId);
    const number = buildDocumentNumber(sequence, 'BB', y.blockCode);
    const hash = tallyRecordHash(data);
    await insertTallyRecord(em, {
      seriesId: b.seriesId, blockYearId: y.blockYearId, docNumber: number, sequence, chairName: dto.chairName.trim(), memberNames: members, contentHash: hash, signedBy: actor.id,
      signedAt,
    });
    await this.audit.record(em, actor, {
      action: 'ballot.tally_record_sign', entityType: 'ballot', entityId: b.seriesId, blockId: y.blockId,
      after: { number, chairName: dto.chairName.trim(), memberNames: members, contentHash: hash, elected: state.elected.map((e) => e.unitId) },
    });
    return b.seriesId;
  }

  /** The signed tally record's ledger proof: the ballot.tally_record_sign entry of the series, its checkpoint and inclusion proof. */
  async tallyRecordProof(actor: Actor, id: string): Promise<DocumentProofDto> {
    const b = await loadBallot(this.ds.manager, id);
    const y = await loadYearContext(this.ds.manager, b.blockYearId, actor);
    BallotsPolicy.assertCanRead(actor, y);
    return this.ledger.documentProof(tallySignEntry(b.seriesId));
  }

  async exportTallyRecord(actor: Actor, id: string, format: 'docx' | 'pdf'): Promise<ExportedFile> {
    const b = await loadBallot(this.ds.manager, id);
    const y = await loadYearContext(this.ds.manager, b.blockYearId, actor);
    BallotsPolicy.assertCanRead(actor, y);
    const file = await this.tallyRecordFile(this.ds.manager, id, format);
    return { buffer: file.content, contentType: file.mimeType, filename: file.filename };
  }

  /** The tally record as a file, for the dossier (contracts5.md); a draft (no number) until signed. */
  async tallyRecordFile(em: EntityManager, ballotId: string, format: 'docx' | 'pdf'): Promise<{ filename: string; mimeType: string; content: Buffer }> {
    const b = await loadBallot(em, ballotId);
    const rounds = await seriesRows(em, b.seriesId);
    const state = seriesState(rounds.map(roundRecord));
    if (!state.last.result) throw conflict('ballot_open', 'Cuộc bỏ phiếu chưa kết thúc nên chưa có biên bản kiểm phiếu.');
    const data = await tallyData(em, b.seriesId, rounds, state);
    const record = await tallyRecordOf(em, b.seriesId);
    const model = tallyRecordDocument(data, {
      agencyParent: ISSUER_PARENT, issuePlace: PLACE, draftNumber: buildDocumentNumber(null, 'BB', data.blockCode),
      signature: record ? {
        number: record.docNumber, chairName: record.chairName, memberNames: record.memberNames, signedAt: iso(record.signedAt)!, contentHash: record.contentHash,
      } : null,
      seal: record ? ledgerSealLine(await this.ledger.documentProof(tallySignEntry(b.seriesId), em)) : undefined,
    });
    const content = format === 'docx' ? await renderDocx(model) : await renderPdf(model);
    // Named by the award, never its code: "Bien-ban-kiem-phieu-KTD4-2024-Co-thi-dua-cua-UBND-Thanh-pho.pdf".
    return { filename: `Bien-ban-kiem-phieu-${asciiSlug(data.blockCode)}-${data.year}-${asciiSlug(data.awardName)}.${format}`, mimeType: MIME[format], content };
  }
}

/** The entry that fixes a tally record: ballot.tally_record_sign, with its number, the committee and the content hash. */
const tallySignEntry = (seriesId: string): DocumentEntry => ({ action: 'ballot.tally_record_sign', entityType: 'ballot', entityId: seriesId });
