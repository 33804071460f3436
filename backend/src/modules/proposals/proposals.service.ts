import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { asciiSlug } from '../../common/file-name';
import { Actor, isCityWide, isUnitMember } from '../../common/actor';
import { AppError, badRequest, conflict, invalidField, notFound } from '../../common/app-error';
import { loadYearContext, YearContext } from '../../common/scope/year-context';
import { assertVersion, changedFields } from '../../common/versioning';
import { AuditService, DocumentEntry, LedgerService } from '../audit/audit.service';
import { DocumentProofDto } from '../audit/dto/audit.dto';
import { ledgerSealLine } from '../audit/ledger-seal-line';
import { advanceYearStatus } from '../block-years/year-status';
import { AwardsService, type OverviewProposal } from '../awards/awards.service';
import { BallotsService } from '../ballots/ballots.service';
import { checkBlockQuotas, type QuotaBreach } from '../../domain/year-end';
import { AWARD_CODES, DEFAULT_RULE_SET, type AwardCode, type Quota, round2 } from '@thidua/rules';
import { ConferencesService } from '../conferences/conferences.service';
import { buildDocumentNumber, parseDocumentNumber, renderDocx, renderPdf, type DocumentModel } from '../documents';
import { ResultsService } from '../rounds/results.service';
import { NewsService } from '../news/news.service';
import { detectEvidenceType, MAX_EVIDENCE_BYTES, storedFileName } from '../rounds/evidence-type';
import {
  AppraisalDto, BreachDto, ChecklistDto, CitedModelDto, CiteModelsDto, CityQuotaDto, CreateProposalDto, DecisionDto, NomineeDto, ProposalDto, ProposalEventDto, ProposalQueryDto, ProposalSummaryDto,
  RecordDecisionDto, ReportDto, SettingDto, UpdateLetterDto, UpdateSettingDto, UpdateWorkCalendarDto, WorkCalendarYearDto,
} from './dto/proposal.dto';
import type { ProposalEventKind } from './entities/proposal-event.entity';
import type { ProposalStatus } from './entities/proposal.entity';
import {
  decisionListDocument, draftLetter, letterDocument, NomineeLine, nomineeListDocument,
} from './proposal-documents';
import {
  checklist, ChecklistItem, cityQuotaUse, CityCount, deadline, deadlineState, EDITABLE_STATUSES, missingMessage, STATUS_LABELS, vietnamDate, WITH_BOARD_STATUSES,
} from './proposal-rules';
import { ProposalsPolicy } from './proposals.policy';
import { calendarYearProblems, DEFAULT_APPRAISAL_WORKING_DAYS, type KnownWorkCalendar } from './rules';
import { notify } from '../notifications/notify';
import { loadWorkCalendar } from './work-calendar';

/** A file produced for download. */
export interface ProposalFile {
  buffer: Buffer;
  contentType: string;
  filename: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const CONTENT_TYPES = { docx: DOCX, pdf: 'application/pdf' } as const;

/** Achievement reports are documents: PDF, Word (also 97–2003) or OpenDocument text, typed by content. */
const REPORT_MIMES = new Set(['application/pdf', DOCX, 'application/x-ole-storage', 'application/vnd.oasis.opendocument.text']);
const REPORT_TYPES_LABEL = 'PDF, Word (.docx, .doc) hoặc OpenDocument (.odt)';

export const LEADING_NOTE = 'Đơn vị dẫn đầu Khối';

const EVENT_LABELS: Record<ProposalEventKind, string> = {
  created: 'Lập hồ sơ',
  submitted: 'Trình hồ sơ',
  appraisal_started: 'Ban TĐKT tiếp nhận, thẩm định',
  returned: 'Ban TĐKT trả lại hồ sơ',
  approved: 'Ban TĐKT thông qua hồ sơ',
  decision: 'Ghi nhận quyết định khen thưởng',
  decided: 'Hoàn tất: mọi đơn vị đề nghị đã có quyết định',
  cancelled: 'Hủy hồ sơ',
};

/** A proposals row as selected (snake case). */
interface Row {
  id: string;
  block_year_id: string;
  status: ProposalStatus;
  letter_number: string;
  letter_date: string | null;
  letter_recipient: string;
  letter_paragraphs: string[];
  letter_closing: string;
  signer_name: string;
  submitted_at: Date | null;
  submitted_by: string | null;
  due_date: string | null;
  appraisal_working_days: number | null;
  appraisal_started_at: Date | null;
  returned_at: Date | null;
  return_reason: string;
  approved_at: Date | null;
  decided_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

interface Loaded {
  p: Row;
  y: YearContext;
}

interface Nominee {
  id: string | null;
  unitId: string;
  unitName: string;
  code: string;
  awardName: string;
  ballotId: string | null;
  approvals: number;
  percent: number;
  rank: number | null;
}

interface ReportRow {
  id: string;
  unitId: string;
  unitName: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  uploadedByName: string | null;
  supersededAt: string | null;
}

/** What the dossier is assembled from, read at the moment of the request. */
interface Sources {
  /** heldAt: when it was actually held, as its minutes record it (null: not held yet, so no date is cited). */
  conference: { id: string; heldAt: Date | null; minutesNumber: string | null; minutesApproved: boolean } | null;
  round: { id: string; title: string; finalised: boolean } | null;
  ranks: Map<string, number>;
  ballots: { ballotId: string; code: string; awardName: string; status: 'open' | 'closed'; signed: boolean; documentNumber: string | null }[];
  nominees: Nominee[];
  frozen: boolean;
  reports: ReportRow[];
  current: Map<string, ReportRow>;
}

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);
const dateOnly = (d: string | null): string | null => (d ? d.slice(0, 10) : null);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

@Injectable()
export class ProposalsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly awards: AwardsService,
    private readonly ballots: BallotsService,
    private readonly results: ResultsService,
    private readonly conferences: ConferencesService,
    private readonly news: NewsService,
  ) {}

  /** Injected as a property: the demo builds this service by hand and never asks for a proof. */
  @Inject(LedgerService) private readonly ledger!: LedgerService;

  /** The board overview (awards module) shows each block year's live dossier. */
  onModuleInit(): void {
    this.awards.registerOverviewProposals((em, ids) => this.overview(em, ids));
  }

  async overview(em: EntityManager, blockYearIds: string[]): Promise<Map<string, OverviewProposal>> {
    if (!blockYearIds.length) return new Map();
    const rows = await em.query(
      `SELECT id, block_year_id, status, submitted_at, due_date::text AS due_date FROM proposals WHERE block_year_id = ANY($1::uuid[]) AND status <> 'cancelled'`, [blockYearIds]);
    return new Map(rows.map((r: Record<string, any>) => [r.block_year_id, {
      id: r.id, status: r.status, statusLabel: STATUS_LABELS[r.status as ProposalStatus], submitted: WITH_BOARD_STATUSES.includes(r.status),
      submittedAt: iso(r.submitted_at), dueAt: r.status === 'submitted' || r.status === 'under_appraisal' ? r.due_date : null,
    }]));
  }

  // ---------------------------------------------------------------- reading

  /** The board's inbox (every block) or, for a unit, the dossiers of the blocks it belongs to. */
  async list(actor: Actor, q: ProposalQueryDto): Promise<ProposalSummaryDto[]> {
    const cityWide = isCityWide(actor);
    if (!cityWide && !actor.unitId) return [];
    // By default the board sees what was sent to it; drafts stay with the block unless asked for.
    const hidden = q.status ? [] : cityWide ? ['draft', 'cancelled'] : ['cancelled'];
    const rows = await this.ds.query(
      `${SELECT_SUMMARY}
       WHERE ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM block_year_members m WHERE m.block_year_id = p.block_year_id AND m.unit_id = $1::uuid))
         AND ($2::text IS NULL OR p.status = $2) AND ($3::int IS NULL OR y.year = $3) AND ($4::uuid IS NULL OR p.block_year_id = $4)
         AND NOT (p.status = ANY($5::text[]))
       ORDER BY p.due_date ASC NULLS LAST, p.updated_at DESC`,
      [cityWide ? null : actor.unitId, q.status ?? null, q.year ?? null, q.blockYearId ?? null, hidden]);
    const now = await this.now(this.ds.manager);
    const awarded = await this.awardedCounts(this.ds.manager, rows);
    const calendar = await loadWorkCalendar(this.ds.manager);
    return rows.map((r: Record<string, any>) => toSummary(r, now, awarded.get(r.id) ?? 0, calendar));
  }

  /** Awards each dossier led to and still in force (a revoked award no longer counts), read through the awards module. */
  private async awardedCounts(em: EntityManager, rows: { id: string; year: number; decided_count: number }[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const years = [...new Set(rows.filter((r) => r.decided_count > 0).map((r) => r.year))];
    for (const year of years) {
      for (const a of await this.awards.activeAwards(em, { year })) if (a.proposalId) counts.set(a.proposalId, (counts.get(a.proposalId) ?? 0) + 1);
    }
    return counts;
  }

  async get(actor: Actor, id: string): Promise<ProposalDto> {
    return this.read(this.ds.manager, id, actor);
  }

  async checklist(actor: Actor, id: string): Promise<ChecklistDto> {
    const d = await this.read(this.ds.manager, id, actor);
    return { proposalId: id, items: d.checklist, complete: d.complete, missingMessage: missingMessage(d.checklist) };
  }

  /** The board's view: eligibility of each nominee, the block's quotas, the city-wide quotas, every breach. */
  async appraisal(actor: Actor, id: string): Promise<AppraisalDto> {
    const em = this.ds.manager;
    const { p, y } = await this.load(em, id, actor);
    ProposalsPolicy.assertCanRead(actor, y);
    const src = await this.sources(em, p, y);
    const breaches: BreachDto[] = [];
    const nominees = [];
    const reports = new Map<string, Awaited<ReturnType<AwardsService['eligibility']>> | null>();
    for (const n of src.nominees) {
      if (!reports.has(n.code)) {
        try {
          reports.set(n.code, await this.awards.eligibility(em, y.blockYearId, n.code));
        } catch (e) {
          if (!(e instanceof AppError) || e.statusCode >= 500) throw e;
          reports.set(n.code, null);
        }
      }
      const report = reports.get(n.code);
      const unit = report?.units.find((u) => u.unitId === n.unitId);
      const eligible = unit?.eligible ?? false;
      const reasons = unit ? unit.reasons : report ? ['Đơn vị không phải thành viên của khối trong năm'] : [`Không xét được điều kiện: hình thức "${n.awardName}" không có trong danh mục khen thưởng năm ${y.year}`];
      nominees.push({ unitId: n.unitId, unitName: n.unitName, code: n.code, awardName: n.awardName, rank: unit?.rank ?? n.rank, eligible, reasons });
      if (!eligible) {
        breaches.push({ scope: 'eligibility', code: n.code, kind: 'not_eligible', unitIds: [n.unitId], message: `${n.unitName} chưa đủ điều kiện đề nghị ${n.awardName}: ${reasons.join('; ')}` });
      }
    }
    const catalogue = await this.awards.catalogue(em, y.year);
    const [{ members }] = await em.query('SELECT count(*)::int AS members FROM block_year_members WHERE block_year_id = $1', [y.blockYearId]);
    const limits = new Map<string, number>();
    for (const a of catalogue) limits.set(a.code, await this.awards.blockQuotaLimit(em, y.blockYearId, a.code));
    const proposed = (code: string) => [...new Set(src.nominees.filter((n) => n.code === code).map((n) => n.unitId))];
    const quotas = Object.fromEntries(AWARD_CODES.map((c) => [c, limits.has(c) ? { kind: 'count', value: limits.get(c)! } : (y.rules?.quotas ?? DEFAULT_RULE_SET.quotas)[c]])) as Record<AwardCode, Quota>;
    const names = Object.fromEntries(src.nominees.map((n) => [n.unitId, n.unitName]));
    const block: QuotaBreach[] = checkBlockQuotas({
      members, quotas, leadingUnitIds: [...src.ranks].filter(([, r]) => r === 1).map(([u]) => u),
      proposed: Object.fromEntries(AWARD_CODES.map((c) => [c, src.nominees.filter((n) => n.code === c).map((n) => n.unitId)])), names,
    });
    for (const b of block) breaches.push({ scope: 'block_quota', code: b.award, kind: b.kind, unitIds: b.unitIds, message: b.message });
    for (const a of catalogue.filter((x) => !(AWARD_CODES as string[]).includes(x.code))) {
      const list = proposed(a.code);
      if (list.length > limits.get(a.code)!) {
        breaches.push({ scope: 'block_quota', code: a.code, kind: 'over_quota', unitIds: list, message: `Khối đề nghị ${list.length} đơn vị cho ${a.name}, vượt số lượng tối đa ${limits.get(a.code)} đơn vị` });
      }
    }
    // City-wide breaches that concern this dossier: an award it proposes over the city quota, or one of its units proposed elsewhere too.
    const city = await this.cityQuotaIn(em, y.year);
    const codes = new Set(src.nominees.map((n) => n.code));
    const units = new Set(src.nominees.map((n) => n.unitId));
    breaches.push(...city.breaches.filter((b) => codes.has(b.code) && (b.kind !== 'several_blocks' || b.unitIds.some((u) => units.has(u)))));
    const items = this.checklistOf(p, src);
    return {
      proposalId: id, status: p.status, members, nominees,
      blockQuotas: catalogue.map((a) => ({ code: a.code, name: a.name, limit: limits.get(a.code)!, proposed: proposed(a.code).length })),
      city, breaches, checklist: items,
    };
  }

  /** City-wide quota use per award of the year's catalogue (every block's dossiers with the board, and decided awards not revoked). */
  async cityQuota(year: number): Promise<CityQuotaDto> {
    return this.cityQuotaIn(this.ds.manager, year);
  }

  async setting(year: number): Promise<SettingDto> {
    const [s] = await this.ds.query('SELECT year, appraisal_working_days, version, updated_at FROM proposal_settings WHERE year = $1', [year]);
    return s
      ? { year, appraisalWorkingDays: s.appraisal_working_days, isDefault: false, version: s.version, updatedAt: iso(s.updated_at) }
      : { year, appraisalWorkingDays: DEFAULT_APPRAISAL_WORKING_DAYS, isDefault: true, version: 0, updatedAt: null };
  }

  // ---------------------------------------------------------------- the board's settings

  async updateSetting(actor: Actor, year: number, dto: UpdateSettingDto): Promise<SettingDto> {
    ProposalsPolicy.assertBoard(actor);
    await this.ds.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('proposal_settings:' || $1::text))`, [year]);
      const [s] = await em.query('SELECT appraisal_working_days, version FROM proposal_settings WHERE year = $1 FOR UPDATE', [year]);
      if (s) {
        if (dto.version !== undefined) assertVersion(s, dto.version, `Thời hạn thẩm định năm ${year}`);
        if (s.appraisal_working_days === dto.appraisalWorkingDays) return;
        await em.query('UPDATE proposal_settings SET appraisal_working_days = $2, updated_by = $3, updated_at = now(), version = version + 1 WHERE year = $1', [year, dto.appraisalWorkingDays, actor.id]);
      } else {
        await em.query('INSERT INTO proposal_settings (year, appraisal_working_days, updated_by, version) VALUES ($1,$2,$3,1)', [year, dto.appraisalWorkingDays, actor.id]);
      }
      await this.audit.record(em, actor, {
        action: 'proposal.setting', entityType: 'proposal_setting', entityId: null,
        before: { year, appraisalWorkingDays: s?.appraisal_working_days ?? DEFAULT_APPRAISAL_WORKING_DAYS }, after: { year, appraisalWorkingDays: dto.appraisalWorkingDays },
      });
    });
    return this.setting(year);
  }

  // ---------------------------------------------------------------- the board's work calendar

  async workCalendarYear(year: number): Promise<WorkCalendarYearDto> {
    const rows: { day: string; kind: 'holiday' | 'make_up'; name: string }[] = await this.ds.query(
      `SELECT day::text AS day, kind, name FROM work_calendar_days WHERE extract(year FROM day) = $1 ORDER BY day`, [year]);
    const known: { y: number }[] = await this.ds.query(`SELECT DISTINCT extract(year FROM day)::int AS y FROM work_calendar_days ORDER BY 1`);
    return { year, known: rows.length > 0, days: rows.map((r) => ({ date: r.day, kind: r.kind, name: r.name })), knownYears: known.map((k) => k.y) };
  }

  /** The board enters (or corrects) a year's days off and weekend days worked, as the official schedule is announced. */
  async updateWorkCalendarYear(actor: Actor, year: number, dto: UpdateWorkCalendarDto): Promise<WorkCalendarYearDto> {
    ProposalsPolicy.assertBoard(actor);
    const problems = calendarYearProblems(year, dto.days);
    if (Object.keys(problems).length) throw badRequest('validation_failed', `Lịch nghỉ năm ${year} không hợp lệ: ${Object.values(problems).join('; ')}.`, problems);
    await this.ds.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('work_calendar:' || $1::text))`, [year]);
      const before: { day: string; kind: string; name: string }[] = await em.query(
        `SELECT day::text AS day, kind, name FROM work_calendar_days WHERE extract(year FROM day) = $1 ORDER BY day`, [year]);
      const after = [...dto.days].sort((a, b) => a.date.localeCompare(b.date));
      if (JSON.stringify(before.map((b) => [b.day, b.kind, b.name])) === JSON.stringify(after.map((a) => [a.date, a.kind, a.name]))) return;
      await em.query('DELETE FROM work_calendar_days WHERE extract(year FROM day) = $1', [year]);
      for (const d of after) await em.query('INSERT INTO work_calendar_days (day, kind, name, updated_by) VALUES ($1,$2,$3,$4)', [d.date, d.kind, d.name, actor.id]);
      await this.audit.record(em, actor, {
        action: 'work_calendar.update', entityType: 'work_calendar', entityId: null,
        before: { year, days: before.map((b) => ({ date: b.day, kind: b.kind, name: b.name })) }, after: { year, days: after },
      });
    });
    return this.workCalendarYear(year);
  }

  // ---------------------------------------------------------------- the block assembles

  async create(actor: Actor, dto: CreateProposalDto): Promise<ProposalDto> {
    const id = await this.ds.transaction((em) => this.createIn(em, actor, dto.blockYearId));
    return this.get(actor, id);
  }

  /** Lập hồ sơ: the letter drafted from the data; one live dossier per block year. */
  async createIn(em: EntityManager, actor: Actor, blockYearId: string, at?: Date): Promise<string> {
    const [exists] = await em.query('SELECT 1 FROM block_years WHERE id = $1', [blockYearId]);
    if (!exists) throw invalidField('blockYearId', 'không phải năm thi đua có trong hệ thống');
    const y = await loadYearContext(em, blockYearId, actor, { lock: true });
    ProposalsPolicy.assertCanAssemble(actor, y);
    const [live] = await em.query(`SELECT status FROM proposals WHERE block_year_id = $1 AND status <> 'cancelled'`, [blockYearId]);
    if (live) {
      throw conflict('proposal_exists', `${y.blockName} đã có hồ sơ đề nghị khen thưởng năm ${y.year} (trạng thái "${STATUS_LABELS[live.status as ProposalStatus]}"); mỗi năm chỉ có một hồ sơ đang xử lý. Muốn lập lại, hãy hủy hồ sơ đang lập hoặc bị trả lại.`);
    }
    const [{ n }] = await em.query('SELECT count(*)::int AS n FROM proposals WHERE block_year_id = $1', [blockYearId]);
    const conference = await this.yearEndConference(em, blockYearId);
    const draft = draftLetter({ blockName: y.blockName, year: y.year, legalBasis: y.legalBasis, conferenceDate: conference?.heldAt ? vietnamDate(conference.heldAt) : null });
    const signer = await this.leaderHeadName(em, y.leaderUnitId);
    const number = buildDocumentNumber(n + 1, 'TTr', y.blockCode);
    const now = at ?? (await this.now(em));
    const [row] = await em.query(
      `INSERT INTO proposals (block_year_id, status, letter_number, letter_recipient, letter_paragraphs, letter_closing, signer_name, created_by, created_at, updated_at, version)
       VALUES ($1,'draft',$2,$3,$4,$5,$6,$7,$8,$8,1) RETURNING id`,
      [blockYearId, number, draft.recipient, JSON.stringify(draft.paragraphs), draft.closing, signer, actor.id, now]);
    await this.event(em, row.id, 'created', actor, { at: now, detail: { number } });
    await notify(em, actor, { units: [...new Set((await this.ballots.outcomes(em, blockYearId)).filter((o) => o.status === 'closed').flatMap((o) => o.elected.map((e) => e.unitId)))] }, { kind: 'nominee_report', blockYearId, link: `/proposals/${row.id}`, title: `Đơn vị được đề nghị khen thưởng năm ${y.year}: đề nghị gửi báo cáo thành tích`, body: `Khối trưởng đang lập hồ sơ đề nghị khen thưởng của ${y.blockName}; báo cáo thành tích của đơn vị là thành phần bắt buộc.`, at });
    await this.audit.record(em, actor, { action: 'proposal.create', entityType: 'proposal', entityId: row.id, blockId: y.blockId, after: { blockYearId, year: y.year, number } });
    return row.id;
  }

  async updateLetter(actor: Actor, id: string, dto: UpdateLetterDto): Promise<ProposalDto> {
    await this.ds.transaction((em) => this.updateLetterIn(em, actor, id, dto));
    return this.get(actor, id);
  }

  async updateLetterIn(em: EntityManager, actor: Actor, id: string, dto: UpdateLetterDto): Promise<void> {
    const { p, y } = await this.load(em, id, actor, true);
    ProposalsPolicy.assertCanAssemble(actor, y);
    ProposalsPolicy.assertTransition(p.status, 'edit');
    assertVersion(p, dto.version, 'Hồ sơ đề nghị khen thưởng');
    if (dto.number !== undefined) {
      const parsed = parseDocumentNumber(dto.number);
      if (!parsed || parsed.code !== 'TTr') throw invalidField('number', 'phải là số, ký hiệu tờ trình dạng "05/TTr-KTĐ4"');
    }
    const current = { number: p.letter_number, date: dateOnly(p.letter_date), recipient: p.letter_recipient, paragraphs: p.letter_paragraphs, closing: p.letter_closing, signerName: p.signer_name };
    const patch = {
      number: dto.number, date: dto.date, recipient: dto.recipient, paragraphs: dto.paragraphs?.map((s) => s.trim()).filter(Boolean), closing: dto.closing?.trim(), signerName: dto.signerName,
    };
    if (patch.paragraphs && !patch.paragraphs.length) throw invalidField('paragraphs', 'phải có ít nhất một đoạn nội dung');
    const diff = changedFields(current, patch);
    if (!Object.keys(diff.after).length) return;
    const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    await em.query(
      `UPDATE proposals SET letter_number = $2, letter_date = $3, letter_recipient = $4, letter_paragraphs = $5, letter_closing = $6, signer_name = $7, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, next.number, next.date, next.recipient, JSON.stringify(next.paragraphs), next.closing, next.signerName]);
    await this.audit.record(em, actor, { action: 'proposal.letter_update', entityType: 'proposal', entityId: id, blockId: y.blockId, ...diff });
  }


  /** Báo cáo thành tích: only the nominee unit's officers and head upload it; a new upload replaces (and keeps) the previous one. */
  async uploadReport(actor: Actor, id: string, unitId: string, file: Express.Multer.File | undefined, at?: Date): Promise<ReportDto> {
    const reportId = await this.ds.transaction((em) => this.uploadReportIn(em, actor, id, unitId, file ? { buffer: file.buffer, originalname: file.originalname } : undefined, at));
    const src = await this.readReports(this.ds.manager, id);
    return src.find((r) => r.id === reportId)!;
  }

  async uploadReportIn(em: EntityManager, actor: Actor, id: string, unitId: string, file: { buffer: Buffer; originalname: string } | undefined, at?: Date): Promise<string> {
    const { p, y } = await this.load(em, id, actor, true);
    ProposalsPolicy.assertCanUploadFor(actor, y, unitId);
    ProposalsPolicy.assertTransition(p.status, 'edit');
    const src = await this.sources(em, p, y);
    const nominee = src.nominees.find((n) => n.unitId === unitId);
    const [unit] = await em.query('SELECT name FROM units WHERE id = $1', [unitId]);
    if (!nominee) {
      throw conflict('not_nominated', `${unit?.name ?? 'Đơn vị'} không có trong danh sách đề nghị khen thưởng của hồ sơ nên không nộp báo cáo thành tích.`);
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
    const now = at ?? (await this.now(em));
    const [replaced] = await em.query('UPDATE proposal_reports SET superseded_at = $3 WHERE proposal_id = $1 AND unit_id = $2 AND superseded_at IS NULL RETURNING id, sha256', [id, unitId, now]);
    const [row] = await em.query(
      `INSERT INTO proposal_reports (proposal_id, unit_id, filename, mime_type, size_bytes, sha256, content, uploaded_by, uploaded_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
      [id, unitId, filename, type.mime, file.buffer.length, hash, file.buffer, actor.id, now]);
    await em.query('UPDATE proposals SET updated_at = now() WHERE id = $1', [id]);
    const replacedRow: { id: string; sha256: string } | null = replaced[0] ?? null; // UPDATE … RETURNING gives [rows, count]
    await this.audit.record(em, actor, {
      action: 'proposal.report_upload', entityType: 'proposal', entityId: id, blockId: y.blockId,
      before: replacedRow ? { reportId: replacedRow.id, sha256: replacedRow.sha256 } : undefined,
      after: { reportId: row.id, unitId, filename, mimeType: type.mime, sizeBytes: file.buffer.length, sha256: hash },
    });
    return row.id;
  }

  /**
   * Trích dẫn gương điển hình: a nominee cites entries of its own unit's exemplary-model register (news module,
   * up to the dossier's year). The leader or deputy seat (assembling) or the nominee unit itself, while the
   * dossier can be edited; the list given replaces the previous one.
   */
  async citeModels(actor: Actor, id: string, unitId: string, dto: CiteModelsDto): Promise<ProposalDto> {
    await this.ds.transaction(async (em) => {
      const { p, y } = await this.load(em, id, actor, true);
      if (!ProposalsPolicy.canUploadFor(actor, y, unitId)) ProposalsPolicy.assertCanAssemble(actor, y);
      ProposalsPolicy.assertWritable(y);
      ProposalsPolicy.assertTransition(p.status, 'edit');
      const src = await this.sources(em, p, y);
      if (!src.nominees.some((n) => n.unitId === unitId)) throw conflict('not_nominated', 'Đơn vị không có trong danh sách đề nghị khen thưởng của hồ sơ nên không trích dẫn gương điển hình.');
      const found = await this.news.modelsOfUnit(em, unitId, y.year, dto.modelIds);
      if (found.length !== dto.modelIds.length) throw invalidField('modelIds', `chỉ gồm gương điển hình trong sổ của chính đơn vị được đề nghị, từ năm ${y.year} trở về trước`);
      const before: string[] = (await em.query('SELECT model_id FROM proposal_model_citations WHERE proposal_id = $1 AND unit_id = $2 ORDER BY sort', [id, unitId])).map((r: { model_id: string }) => r.model_id);
      if (before.join() === dto.modelIds.join()) return;
      await em.query('DELETE FROM proposal_model_citations WHERE proposal_id = $1 AND unit_id = $2', [id, unitId]);
      for (const [i, modelId] of dto.modelIds.entries()) {
        await em.query('INSERT INTO proposal_model_citations (proposal_id, unit_id, model_id, sort, cited_by) VALUES ($1,$2,$3,$4,$5)', [id, unitId, modelId, i, actor.id]);
      }
      await em.query('UPDATE proposals SET version = version + 1, updated_at = now() WHERE id = $1', [id]);
      await this.audit.record(em, actor, { action: 'proposal.models_cite', entityType: 'proposal', entityId: id, blockId: y.blockId, before: { unitId, modelIds: before }, after: { unitId, modelIds: dto.modelIds } });
    });
    return this.get(actor, id);
  }

  async reportFile(actor: Actor, id: string, reportId: string): Promise<ProposalFile> {
    const { y } = await this.load(this.ds.manager, id, actor);
    ProposalsPolicy.assertCanRead(actor, y);
    const [r] = await this.ds.query('SELECT filename, mime_type, content FROM proposal_reports WHERE id = $1 AND proposal_id = $2', [reportId, id]);
    if (!r) throw notFound('Không tìm thấy báo cáo thành tích trong hồ sơ này.');
    return { buffer: r.content, filename: r.filename, contentType: r.mime_type === 'application/x-ole-storage' ? 'application/msword' : r.mime_type };
  }

  /** Trình: the leader unit's head, when every part is present; the nominees are frozen and the appraisal deadline starts. */
  async submit(actor: Actor, id: string): Promise<ProposalDto> {
    await this.ds.transaction((em) => this.submitIn(em, actor, id));
    return this.get(actor, id);
  }

  async submitIn(em: EntityManager, actor: Actor, id: string, at?: Date): Promise<void> {
    const { p, y } = await this.load(em, id, actor, true);
    ProposalsPolicy.assertCanSubmit(actor, y);
    ProposalsPolicy.assertTransition(p.status, 'submit');
    const src = await this.sources(em, p, y);
    const items = this.checklistOf(p, src);
    const missing = missingMessage(items);
    if (missing) throw conflict('dossier_incomplete', missing, Object.fromEntries(items.filter((i) => !i.present).map((i) => [i.key, i.detail])));
    const now = at ?? (await this.now(em));
    const days = await this.appraisalDays(em, y.year);
    const { dueDate } = deadline(now, days, now, await loadWorkCalendar(em));
    await em.query('DELETE FROM proposal_nominees WHERE proposal_id = $1', [id]);
    for (const [i, n] of src.nominees.entries()) {
      await em.query(
        `INSERT INTO proposal_nominees (proposal_id, unit_id, award_code, award_name, ballot_id, approvals, percent, rank, sort) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
        [id, n.unitId, n.code, n.awardName, n.ballotId, n.approvals, n.percent, n.rank, i + 1]);
    }
    const letterDate = dateOnly(p.letter_date) ?? vietnamDate(now);
    await em.query(
      `UPDATE proposals SET status = 'submitted', submitted_at = $2, submitted_by = $3, due_date = $4, appraisal_working_days = $5, letter_date = $6,
              appraisal_started_at = NULL, version = version + 1, updated_at = now() WHERE id = $1`,
      [id, now, actor.id, dueDate, days, letterDate]);
    const [{ k }] = await em.query(`SELECT count(*)::int + 1 AS k FROM proposal_events WHERE proposal_id = $1 AND kind = 'submitted'`, [id]);
    const detail = {
      submission: k, letterNumber: p.letter_number, appraisalWorkingDays: days,
      nominees: src.nominees.map((n) => ({ unitId: n.unitId, code: n.code })), reports: [...src.current.values()].map((r) => ({ unitId: r.unitId, sha256: r.sha256 })),
    };
    await this.event(em, id, 'submitted', actor, { at: now, dueDate, detail });
    await notify(em, actor, { board: true }, { kind: 'dossier_submitted', blockYearId: y.blockYearId, link: `/proposals/${id}`, title: `${y.blockName} trình hồ sơ đề nghị khen thưởng năm ${y.year} (${p.letter_number})`, body: `Hạn thẩm định: ${dueDate.split('-').reverse().join('/')} (${days} ngày làm việc).`, at });
    await this.audit.record(em, actor, { action: 'proposal.submit', entityType: 'proposal', entityId: id, blockId: y.blockId, before: { status: p.status }, after: { status: 'submitted', dueDate, ...detail } });
    await advanceYearStatus(em, this.audit, actor, y, 'submitted', 'Đã trình hồ sơ đề nghị khen thưởng');
  }

  async cancel(actor: Actor, id: string, reason: string): Promise<ProposalDto> {
    await this.ds.transaction(async (em) => {
      const { p, y } = await this.load(em, id, actor, true);
      ProposalsPolicy.assertCanAssemble(actor, y);
      ProposalsPolicy.assertTransition(p.status, 'cancel');
      await em.query(`UPDATE proposals SET status = 'cancelled', cancelled_at = now(), cancel_reason = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, reason]);
      await this.event(em, id, 'cancelled', actor, { reason });
      await this.audit.record(em, actor, { action: 'proposal.cancel', entityType: 'proposal', entityId: id, blockId: y.blockId, before: { status: p.status }, after: { status: 'cancelled' }, reason });
    });
    return this.get(actor, id);
  }

  // ---------------------------------------------------------------- the board

  /** Tiếp nhận thẩm định. */
  async takeIntoAppraisal(actor: Actor, id: string, at?: Date): Promise<ProposalDto> {
    await this.ds.transaction((em) => this.takeIn(em, actor, id, at));
    return this.get(actor, id);
  }

  async takeIn(em: EntityManager, actor: Actor, id: string, at?: Date): Promise<void> {
    ProposalsPolicy.assertBoard(actor);
    const { p, y } = await this.load(em, id, actor, true);
    ProposalsPolicy.assertTransition(p.status, 'take');
    const now = at ?? (await this.now(em));
    await em.query(`UPDATE proposals SET status = 'under_appraisal', appraisal_started_at = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, now]);
    await this.event(em, id, 'appraisal_started', actor, { at: now, dueDate: dateOnly(p.due_date) });
    await this.audit.record(em, actor, { action: 'proposal.take', entityType: 'proposal', entityId: id, blockId: y.blockId, before: { status: p.status }, after: { status: 'under_appraisal' } });
  }

  /** Trả lại: with a reason; the block fixes the dossier and submits it again. */
  async returnToBlock(actor: Actor, id: string, reason: string, at?: Date): Promise<ProposalDto> {
    await this.ds.transaction((em) => this.returnIn(em, actor, id, reason, at));
    return this.get(actor, id);
  }

  async returnIn(em: EntityManager, actor: Actor, id: string, reason: string, at?: Date): Promise<void> {
    ProposalsPolicy.assertBoard(actor);
    const { p, y } = await this.load(em, id, actor, true);
    ProposalsPolicy.assertTransition(p.status, 'return');
    const now = at ?? (await this.now(em));
    await em.query(`UPDATE proposals SET status = 'returned', returned_at = $2, return_reason = $3, version = version + 1, updated_at = now() WHERE id = $1`, [id, now, reason]);
    await this.event(em, id, 'returned', actor, { at: now, reason });
    await notify(em, actor, { leadersOf: [y.blockYearId] }, { kind: 'dossier_returned', blockYearId: y.blockYearId, link: `/proposals/${id}`, title: `Hồ sơ đề nghị khen thưởng năm ${y.year} bị trả lại để hoàn thiện`, body: reason, at });
    await this.audit.record(em, actor, { action: 'proposal.return', entityType: 'proposal', entityId: id, blockId: y.blockId, before: { status: p.status }, after: { status: 'returned' }, reason });
  }

  /** Thông qua: the board approves what it appraised (breaches are shown, and recorded with the approval). */
  async approve(actor: Actor, id: string, note?: string, at?: Date): Promise<ProposalDto> {
    await this.ds.transaction((em) => this.approveIn(em, actor, id, note, at));
    return this.get(actor, id);
  }

  async approveIn(em: EntityManager, actor: Actor, id: string, note?: string, at?: Date): Promise<void> {
    ProposalsPolicy.assertBoard(actor);
    const { p, y } = await this.load(em, id, actor, true);
    ProposalsPolicy.assertTransition(p.status, 'approve');
    const now = at ?? (await this.now(em));
    await em.query(`UPDATE proposals SET status = 'approved', approved_at = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, now]);
    await this.event(em, id, 'approved', actor, { at: now, reason: note ?? '' });
    await notify(em, actor, { leadersOf: [y.blockYearId] }, { kind: 'dossier_approved', blockYearId: y.blockYearId, link: `/proposals/${id}`, title: `Hồ sơ đề nghị khen thưởng năm ${y.year} đã được Ban Thi đua – Khen thưởng thẩm định, thông qua`, body: note ?? '', at });
    await this.audit.record(em, actor, { action: 'proposal.approve', entityType: 'proposal', entityId: id, blockId: y.blockId, before: { status: p.status }, after: { status: 'approved' }, reason: note });
  }

  /**
   * The council's decision for nominees of an approved dossier: "awarded" writes the award history through
   * the awards module; "not awarded" needs a reason. When every nominee has a decision, the dossier is decided.
   */
  async recordDecision(actor: Actor, id: string, dto: RecordDecisionDto, at?: Date): Promise<ProposalDto> {
    await this.ds.transaction((em) => this.recordDecisionIn(em, actor, id, dto, at));
    return this.get(actor, id);
  }

  async recordDecisionIn(em: EntityManager, actor: Actor, id: string, dto: RecordDecisionDto, at?: Date): Promise<void> {
    ProposalsPolicy.assertBoard(actor);
    const { p, y } = await this.load(em, id, actor, true);
    ProposalsPolicy.assertTransition(p.status, 'decide');
    const now = at ?? (await this.now(em));
    if (dto.outcome === 'awarded' && dto.decisionDate! > vietnamDate(now)) throw invalidField('decisionDate', 'không được sau ngày hôm nay');
    const nominees: { id: string; unit_id: string; award_code: string; award_name: string; unit_name: string; decided: boolean }[] = await em.query(
      `SELECT n.id, n.unit_id, n.award_code, n.award_name, u.name AS unit_name, EXISTS (SELECT 1 FROM proposal_decisions d WHERE d.nominee_id = n.id) AS decided
       FROM proposal_nominees n JOIN units u ON u.id = n.unit_id WHERE n.proposal_id = $1`, [id]);
    const seen = new Set<string>();
    const targets = dto.nominees.map((ref, i) => {
      const key = `${ref.code}:${ref.unitId}`;
      if (seen.has(key)) throw invalidField(`nominees[${i}]`, 'bị lặp lại');
      seen.add(key);
      const n = nominees.find((x) => x.unit_id === ref.unitId && x.award_code === ref.code);
      if (!n) {
        const other = nominees.find((x) => x.unit_id === ref.unitId);
        throw new AppError(400, 'not_nominated', other
          ? `Đơn vị ${other.unit_name} không được đề nghị hình thức khen thưởng "${ref.code}" trong hồ sơ này (được đề nghị: ${nominees.filter((x) => x.unit_id === ref.unitId).map((x) => x.award_name).join(', ')}).`
          : 'Đơn vị không có trong danh sách đề nghị khen thưởng của hồ sơ nên không thể ghi nhận quyết định.', { [`nominees[${i}]`]: 'không có trong danh sách đề nghị' });
      }
      if (n.decided) throw conflict('already_decided', `${n.unit_name} đã có quyết định về ${n.award_name}; quyết định đã ghi không sửa được (thu hồi khen thưởng thực hiện trong lịch sử khen thưởng).`);
      return n;
    });
    const entries = [];
    for (const n of targets) {
      let historyId: string | null = null;
      if (dto.outcome === 'awarded') {
        const record = await this.awards.recordAward(em, actor, {
          unitId: n.unit_id, year: y.year, code: n.award_code, decisionNumber: dto.decisionNumber!, decisionDate: dto.decisionDate!, signer: dto.signer!, source: 'decision', proposalId: id,
        });
        historyId = record.id;
      }
      await em.query(
        `INSERT INTO proposal_decisions (proposal_id, nominee_id, outcome, decision_number, decision_date, signer, reason, award_history_id, recorded_by, recorded_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
        [id, n.id, dto.outcome, dto.outcome === 'awarded' ? dto.decisionNumber : null, dto.outcome === 'awarded' ? dto.decisionDate : null,
          dto.outcome === 'awarded' ? dto.signer : null, dto.reason ?? '', historyId, actor.id, now]);
      entries.push({ unitId: n.unit_id, code: n.award_code, awardHistoryId: historyId });
    }
    const detail = { outcome: dto.outcome, decisionNumber: dto.decisionNumber ?? null, decisionDate: dto.decisionDate ?? null, signer: dto.signer ?? null, entries };
    await this.event(em, id, 'decision', actor, { at: now, reason: dto.reason ?? '', detail });
    const undecided = nominees.filter((n) => !n.decided && !targets.includes(n)).length;
    if (undecided === 0) {
      await em.query(`UPDATE proposals SET status = 'decided', decided_at = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, now]);
      await this.event(em, id, 'decided', actor, { at: now });
      await advanceYearStatus(em, this.audit, actor, y, 'decided', 'Đã có quyết định khen thưởng cho mọi đơn vị được đề nghị');
    } else {
      await em.query('UPDATE proposals SET version = version + 1, updated_at = now() WHERE id = $1', [id]);
    }
    await notify(em, actor, { leadersOf: [y.blockYearId], units: targets.map((n) => n.unit_id) }, { kind: 'decision_recorded', blockYearId: y.blockYearId, link: `/proposals/${id}`, title: dto.outcome === 'awarded' ? `Đã có quyết định khen thưởng số ${dto.decisionNumber}: ${targets.map((n) => `${n.award_name} – ${n.unit_name}`).join('; ')}` : `Hội đồng không đề nghị khen thưởng: ${targets.map((n) => `${n.award_name} – ${n.unit_name}`).join('; ')}`, body: dto.reason ?? '', at });
    await this.audit.record(em, actor, {
      action: 'proposal.decision', entityType: 'proposal', entityId: id, blockId: y.blockId,
      before: { status: p.status }, after: { status: undecided === 0 ? 'decided' : p.status, ...detail }, reason: dto.reason,
    });
  }

  // ---------------------------------------------------------------- documents

  /** The dossier's ledger proof: its latest proposal.submit entry (what was submitted), the checkpoint it was sealed under and the inclusion proof. */
  async ledgerProof(actor: Actor, id: string): Promise<DocumentProofDto> {
    const { y } = await this.load(this.ds.manager, id, actor);
    ProposalsPolicy.assertCanRead(actor, y);
    return this.ledger.documentProof(submitEntry(id));
  }

  async letterFile(actor: Actor, id: string, format: 'docx' | 'pdf'): Promise<ProposalFile> {
    const { model, d } = await this.letterModel(actor, id);
    return this.render(model, format, `To-trinh-${d.blockCode}-${d.year}`);
  }

  async nomineeListFile(actor: Actor, id: string, format: 'docx' | 'pdf'): Promise<ProposalFile> {
    const d = await this.get(actor, id);
    const model = nomineeListDocument({
      blockName: d.blockName, year: d.year, letterNumber: d.letter.number, letterDate: d.letter.date, signerName: d.letter.signerName,
      nominees: nomineeLines(d.nominees), draft: !WITH_BOARD_STATUSES.includes(d.status),
    });
    return this.render(model, format, `Danh-sach-de-nghi-khen-thuong-${d.blockCode}-${d.year}`);
  }

  /** The list attached to one council decision of this dossier (the awards it granted, not revoked ones marked as such). */
  async decisionListFile(actor: Actor, id: string, format: 'docx' | 'pdf', decisionNumber?: string): Promise<ProposalFile> {
    const d = await this.get(actor, id);
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
    const { p, y } = await this.load(this.ds.manager, id, actor);
    ProposalsPolicy.assertCanRead(actor, y);
    const conf = await this.yearEndConference(this.ds.manager, p.block_year_id);
    if (!conf?.minutesNumber) throw notFound('Chưa có biên bản Hội nghị tổng kết năm của Khối.', 'minutes_not_found');
    return this.conferences.exportMinutes(actor, conf.id, format);
  }

  async annexFile(actor: Actor, id: string, format: 'xlsx' | 'pdf'): Promise<ProposalFile> {
    const { p, y } = await this.load(this.ds.manager, id, actor);
    ProposalsPolicy.assertCanRead(actor, y);
    const round = await this.yearEndRound(this.ds.manager, p.block_year_id);
    if (!round) throw notFound('Khối chưa có đợt chấm điểm cuối năm.', 'round_not_found');
    // "Đề nghị": the awards the dossier proposes for each nominated unit.
    const proposed = new Map<string, string>();
    for (const n of (await this.sources(this.ds.manager, p, y)).nominees) proposed.set(n.unitId, [proposed.get(n.unitId), n.awardName].filter(Boolean).join('; '));
    return this.results.export(actor, round.id, format, proposed);
  }

  async tallyRecordFile(actor: Actor, id: string, ballotId: string, format: 'docx' | 'pdf'): Promise<ProposalFile> {
    const { p, y } = await this.load(this.ds.manager, id, actor);
    ProposalsPolicy.assertCanRead(actor, y);
    const outcomes = await this.ballots.outcomes(this.ds.manager, p.block_year_id);
    if (!outcomes.some((o) => o.ballotId === ballotId)) throw notFound('Cuộc bỏ phiếu không thuộc hồ sơ này.', 'ballot_not_found');
    const f = await this.ballots.tallyRecordFile(this.ds.manager, ballotId, format);
    return { buffer: f.content, contentType: f.mimeType, filename: f.filename };
  }

  /** Every part of the dossier in one .zip (PDF where there is a choice), with a table of contents and SHA-256 of each file. */
  async bundle(actor: Actor, id: string): Promise<ProposalFile> {
    const { default: JSZip } = await import('jszip');
    const d = await this.get(actor, id);
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
    add('Bang-tong-hop-diem.pdf', d.roundId ? await tryFile(() => this.annexFile(actor, id, 'pdf')) : null, 'Bảng tổng hợp kết quả chấm điểm');
    for (const ballotId of d.ballotIds) add(`Bien-ban-kiem-phieu-${ballotId.slice(0, 8)}.pdf`, await tryFile(() => this.tallyRecordFile(actor, id, ballotId, 'pdf')), 'Biên bản kiểm phiếu');
    add('Danh-sach-de-nghi.pdf', await this.nomineeListFile(actor, id, 'pdf'), 'Danh sách đề nghị khen thưởng');
    const current = d.reports.filter((r) => !r.supersededAt);
    for (const r of current) add(`Bao-cao-thanh-tich-${asciiSlug(r.unitName)}.${r.filename.split('.').pop()}`, await this.reportFile(actor, id, r.id), `Báo cáo thành tích của ${r.unitName}`);
    if (d.decisions.some((x) => x.outcome === 'awarded')) {
      for (const num of [...new Set(d.decisions.filter((x) => x.outcome === 'awarded').map((x) => x.decisionNumber!))]) {
        add(`Danh-sach-kem-theo-QD-${asciiSlug(num)}.pdf`, await this.decisionListFile(actor, id, 'pdf', num), `Danh sách kèm theo Quyết định số ${num}`);
      }
    }
    zip.file('00-Muc-luc.txt', lines.join('\n') + '\n');
    const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    return { buffer, contentType: 'application/zip', filename: `Ho-so-de-nghi-khen-thuong-${d.blockCode}-${d.year}.zip` };
  }

  // ---------------------------------------------------------------- internals

  private async render(model: DocumentModel, format: 'docx' | 'pdf', base: string): Promise<ProposalFile> {
    const buffer = format === 'docx' ? await renderDocx(model) : await renderPdf(model);
    return { buffer, contentType: CONTENT_TYPES[format], filename: `${base}.${format}` };
  }

  private async letterModel(actor: Actor, id: string) {
    const d = await this.get(actor, id);
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

  private async now(em: EntityManager): Promise<Date> {
    const [{ now }] = await em.query('SELECT now() AS now');
    return now;
  }

  private async load(em: EntityManager, id: string, actor: Actor | null, lock = false): Promise<Loaded> {
    const [p] = await em.query(`SELECT ${ROW_COLUMNS} FROM proposals WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    if (!p) throw notFound('Không tìm thấy hồ sơ đề nghị khen thưởng.', 'proposal_not_found');
    const y = await loadYearContext(em, p.block_year_id, actor);
    return { p, y };
  }

  private async appraisalDays(em: EntityManager, year: number): Promise<number> {
    const [s] = await em.query('SELECT appraisal_working_days FROM proposal_settings WHERE year = $1', [year]);
    return s?.appraisal_working_days ?? DEFAULT_APPRAISAL_WORKING_DAYS;
  }

  private async leaderHeadName(em: EntityManager, unitId: string | null): Promise<string> {
    if (!unitId) return '';
    const [head] = await em.query(`SELECT full_name FROM accounts WHERE unit_id = $1 AND role = 'unit_head' AND archived_at IS NULL ORDER BY created_at LIMIT 1`, [unitId]);
    return head?.full_name ?? '';
  }

  /** The year-end conference whose minutes go into the dossier: the one with approved minutes first, then the latest. */
  private async yearEndConference(em: EntityManager, blockYearId: string): Promise<Sources['conference']> {
    const [c] = await em.query(
      `SELECT c.id, COALESCE((m.content->>'startedAt')::timestamptz, c.opened_at) AS held_at, m.doc_number, m.status
       FROM conferences c LEFT JOIN conference_minutes m ON m.conference_id = c.id
       WHERE c.block_year_id = $1 AND c.kind = 'year_end'
       ORDER BY (m.status = 'approved') DESC NULLS LAST, c.starts_at DESC LIMIT 1`, [blockYearId]);
    return c ? { id: c.id, heldAt: c.held_at ?? null, minutesNumber: c.doc_number ?? null, minutesApproved: c.status === 'approved' } : null;
  }

  private async yearEndRound(em: EntityManager, blockYearId: string): Promise<Sources['round']> {
    const [r] = await em.query(`SELECT id, title, phase FROM scoring_rounds WHERE block_year_id = $1 AND kind = 'year_end'`, [blockYearId]);
    return r ? { id: r.id, title: r.title, finalised: r.phase === 'finalised' } : null;
  }

  private async readReports(em: EntityManager, id: string): Promise<ReportRow[]> {
    const rows = await em.query(
      `SELECT r.id, r.unit_id, u.name AS unit_name, r.filename, r.mime_type, r.size_bytes, r.sha256, r.uploaded_at, a.full_name AS uploaded_by_name, r.superseded_at
       FROM proposal_reports r JOIN units u ON u.id = r.unit_id LEFT JOIN accounts a ON a.id = r.uploaded_by
       WHERE r.proposal_id = $1 ORDER BY r.uploaded_at DESC, r.id`, [id]);
    return rows.map((r: Record<string, any>) => ({
      id: r.id, unitId: r.unit_id, unitName: r.unit_name, filename: r.filename, mimeType: r.mime_type, sizeBytes: r.size_bytes, sha256: r.sha256,
      uploadedAt: iso(r.uploaded_at)!, uploadedByName: r.uploaded_by_name ?? null, supersededAt: iso(r.superseded_at),
    }));
  }

  /**
   * The parts of the dossier as they are now. Nominees: frozen rows once submitted (what the board
   * appraises and decides on); while the block edits, the elected units of the closed ballots.
   */
  private async sources(em: EntityManager, p: Row, y: YearContext): Promise<Sources> {
    const conference = await this.yearEndConference(em, p.block_year_id);
    const round = await this.yearEndRound(em, p.block_year_id);
    const ranks = new Map<string, number>();
    if (round?.finalised) {
      const [snap] = await em.query('SELECT ranking FROM round_snapshots WHERE round_id = $1 AND superseded_at IS NULL', [round.id]);
      for (const r of (snap?.ranking ?? []) as { unitId: string; rank: number }[]) ranks.set(r.unitId, r.rank);
    }
    const outcomes = await this.ballots.outcomes(em, p.block_year_id);
    const catalogue = await this.awards.catalogue(em, y.year);
    const sortOf = (code: string) => catalogue.find((a) => a.code === code)?.sort ?? Number.MAX_SAFE_INTEGER;
    const ordered = [...outcomes].sort((a, b) => sortOf(a.code) - sortOf(b.code));
    const ballots = ordered.map((o) => ({ ballotId: o.ballotId, code: o.code, awardName: o.awardName, status: o.status, signed: o.tallyRecord.signed, documentNumber: o.tallyRecord.documentNumber }));
    const frozen = p.status !== 'draft' && !EDITABLE_STATUSES.includes(p.status);
    let nominees: Nominee[];
    if (frozen) {
      nominees = (await em.query(
        `SELECT n.id, n.unit_id, u.name AS unit_name, n.award_code, n.award_name, n.ballot_id, n.approvals, n.percent::float8 AS percent, n.rank
         FROM proposal_nominees n JOIN units u ON u.id = n.unit_id WHERE n.proposal_id = $1 ORDER BY n.sort`, [p.id])).map((r: Record<string, any>) => ({
        id: r.id, unitId: r.unit_id, unitName: r.unit_name, code: r.award_code, awardName: r.award_name, ballotId: r.ballot_id, approvals: r.approvals, percent: r.percent, rank: r.rank,
      }));
    } else {
      const elected = ordered.filter((o) => o.status === 'closed').flatMap((o) => o.elected.map((e) => ({ o, e })));
      const ids = [...new Set(elected.map((x) => x.e.unitId))];
      const names = new Map<string, string>((ids.length ? await em.query('SELECT id, name FROM units WHERE id = ANY($1::uuid[])', [ids]) : []).map((u: { id: string; name: string }) => [u.id, u.name]));
      nominees = elected.map(({ o, e }) => ({
        id: null, unitId: e.unitId, unitName: names.get(e.unitId) ?? e.name, code: o.code, awardName: o.awardName, ballotId: o.ballotId, approvals: e.approvals, percent: round2(e.percent), rank: ranks.get(e.unitId) ?? null,
      }));
    }
    const reports = await this.readReports(em, p.id);
    const current = new Map(reports.filter((r) => !r.supersededAt).map((r) => [r.unitId, r]));
    return { conference, round, ranks, ballots, nominees, frozen, reports, current };
  }

  private checklistOf(p: Row, src: Sources): ChecklistItem[] {
    return checklist({
      letter: { number: p.letter_number, recipient: p.letter_recipient, paragraphs: p.letter_paragraphs, signerName: p.signer_name },
      minutes: src.conference?.minutesNumber ? { number: src.conference.minutesNumber, approved: src.conference.minutesApproved } : null,
      round: src.round,
      ballots: src.ballots,
      nominees: src.nominees,
      reportUnitIds: new Set(src.current.keys()),
    });
  }

  private async event(em: EntityManager, proposalId: string, kind: ProposalEventKind, actor: Actor, o: { at?: Date; reason?: string; dueDate?: string | null; detail?: object } = {}): Promise<void> {
    const [{ seq }] = await em.query('SELECT coalesce(max(seq), 0)::int + 1 AS seq FROM proposal_events WHERE proposal_id = $1', [proposalId]);
    await em.query(
      `INSERT INTO proposal_events (proposal_id, seq, kind, at, actor_id, actor_name, reason, due_date, detail) VALUES ($1,$2,$3,coalesce($4, now()),$5,$6,$7,$8,$9)`,
      [proposalId, seq, kind, o.at ?? null, actor.id, actor.fullName, o.reason ?? '', o.dueDate ?? null, JSON.stringify(o.detail ?? {})]);
  }

  private async cityQuotaIn(em: EntityManager, year: number): Promise<CityQuotaDto> {
    const catalogue = await this.awards.catalogue(em, year);
    const pending: CityCount[] = (await em.query(
      `SELECT n.unit_id, n.award_code, y.block_id, b.name AS block_name
       FROM proposal_nominees n JOIN proposals p ON p.id = n.proposal_id JOIN block_years y ON y.id = p.block_year_id JOIN blocks b ON b.id = y.block_id
       WHERE y.year = $1 AND p.status IN ('submitted','under_appraisal','approved')
         AND NOT EXISTS (SELECT 1 FROM proposal_decisions d WHERE d.nominee_id = n.id)`, [year])).map((r: Record<string, string>) => ({
      blockId: r.block_id, blockName: r.block_name, unitId: r.unit_id, code: r.award_code,
    }));
    const active = await this.awards.activeAwards(em, { year });
    const blockOf = new Map<string, { blockId: string; blockName: string }>();
    if (active.length) {
      const rows = await em.query(
        `SELECT m.unit_id, m.block_id, b.name FROM block_year_members m JOIN blocks b ON b.id = m.block_id WHERE m.year = $1 AND m.unit_id = ANY($2::uuid[])`,
        [year, [...new Set(active.map((a) => a.unitId))]]);
      for (const r of rows) blockOf.set(r.unit_id, { blockId: r.block_id, blockName: r.name });
    }
    const decided: CityCount[] = active.map((a) => ({ ...(blockOf.get(a.unitId) ?? { blockId: 'none', blockName: 'Ngoài khối' }), unitId: a.unitId, code: a.code }));
    const unitIds = [...new Set([...pending, ...decided].map((c) => c.unitId))];
    const names = Object.fromEntries((unitIds.length ? await em.query('SELECT id, name FROM units WHERE id = ANY($1::uuid[])', [unitIds]) : []).map((u: { id: string; name: string }) => [u.id, u.name]));
    const r = cityQuotaUse(catalogue.map((a) => ({ code: a.code, name: a.name, cityQuota: a.cityQuota })), pending, decided, names);
    return {
      year, usage: r.usage,
      breaches: r.breaches.map((b) => ({ scope: 'city_quota' as const, code: b.award, kind: b.kind, unitIds: b.unitIds, message: b.message })),
    };
  }

  /** The read model inside the caller's transaction (the demo seed reads what it has just written). */
  async readIn(em: EntityManager, id: string, actor: Actor | null): Promise<ProposalDto> {
    return this.read(em, id, actor);
  }

  /** The full read model; `actor` null: an internal read without scope check or permissions. */
  private async read(em: EntityManager, id: string, actor: Actor | null): Promise<ProposalDto> {
    const { p, y } = await this.load(em, id, actor);
    if (actor) ProposalsPolicy.assertCanRead(actor, y);
    const [s] = await em.query(`${SELECT_SUMMARY} WHERE p.id = $1`, [id]);
    const now = await this.now(em);
    const src = await this.sources(em, p, y);
    const items = this.checklistOf(p, src);
    const decisionRows: Record<string, any>[] = await em.query(
      `SELECT d.id, d.outcome, d.decision_number, d.decision_date::text AS decision_date, d.signer, d.reason, d.award_history_id, d.recorded_at, n.unit_id, n.award_code, n.award_name, u.name AS unit_name, a.full_name AS recorded_by_name
       FROM proposal_decisions d JOIN proposal_nominees n ON n.id = d.nominee_id JOIN units u ON u.id = n.unit_id LEFT JOIN accounts a ON a.id = d.recorded_by
       WHERE d.proposal_id = $1 ORDER BY n.sort`, [id]);
    const active = decisionRows.some((d) => d.award_history_id) ? new Set((await this.awards.activeAwards(em, { proposalId: id })).map((a) => a.id)) : new Set<string>();
    const decisions: DecisionDto[] = decisionRows.map((d) => ({
      id: d.id, unitId: d.unit_id, unitName: d.unit_name, code: d.award_code, awardName: d.award_name, outcome: d.outcome, decisionNumber: d.decision_number,
      decisionDate: dateOnly(d.decision_date), signer: d.signer, reason: d.reason, awardHistoryId: d.award_history_id,
      revoked: d.outcome === 'awarded' && !active.has(d.award_history_id), recordedAt: iso(d.recorded_at)!, recordedByName: d.recorded_by_name ?? null,
    }));
    const citations: { unit_id: string; model_id: string }[] = await em.query('SELECT unit_id, model_id FROM proposal_model_citations WHERE proposal_id = $1 ORDER BY unit_id, sort', [id]);
    const cited = new Map((await this.news.modelsByIds(em, citations.map((c) => c.model_id))).map((m) => [m.id, m]));
    const modelsOf = (unitId: string): CitedModelDto[] => citations.filter((c) => c.unit_id === unitId && cited.has(c.model_id)).map((c) => {
      const m = cited.get(c.model_id)!;
      return { id: m.id, subjectKind: m.subjectKind, name: m.name, achievement: m.achievement, year: m.year, stories: m.stories };
    });
    const nominees: NomineeDto[] = src.nominees.map((n) => {
      const r = src.current.get(n.unitId) ?? null;
      return {
        unitId: n.unitId, unitName: n.unitName, code: n.code, awardName: n.awardName, ballotId: n.ballotId, approvals: n.approvals, percent: n.percent, rank: n.rank,
        note: n.rank === 1 ? LEADING_NOTE : '', report: r, decision: decisions.find((x) => x.unitId === n.unitId && x.code === n.code) ?? null, models: modelsOf(n.unitId),
      };
    });
    const history: ProposalEventDto[] = (await em.query('SELECT seq, kind, at, actor_name, reason, due_date::text AS due_date, detail FROM proposal_events WHERE proposal_id = $1 ORDER BY seq', [id])).map((e: Record<string, any>) => ({
      seq: e.seq, kind: e.kind, label: EVENT_LABELS[e.kind as ProposalEventKind], at: iso(e.at)!, actorName: e.actor_name || null, reason: e.reason, dueDate: dateOnly(e.due_date), detail: e.detail,
    }));
    const editable = EDITABLE_STATUSES.includes(p.status) && y.status !== 'archived';
    const summary = toSummary(s, now, decisions.filter((d) => d.outcome === 'awarded' && !d.revoked).length, await loadWorkCalendar(em));
    const [submitter] = p.submitted_by ? await em.query('SELECT full_name FROM accounts WHERE id = $1', [p.submitted_by]) : [];
    return {
      ...summary,
      nomineeCount: nominees.length,
      letter: { number: p.letter_number, date: dateOnly(p.letter_date), recipient: p.letter_recipient, paragraphs: p.letter_paragraphs, closing: p.letter_closing, signerName: p.signer_name },
      nomineesFrozen: src.frozen, nominees, checklist: items, complete: items.every((i) => i.present),
      conferenceId: src.conference?.id ?? null, roundId: src.round?.id ?? null, ballotIds: src.ballots.map((b) => b.ballotId),
      reports: src.reports, decisions, history,
      appraisalWorkingDays: p.appraisal_working_days, submittedByName: submitter?.full_name ?? null,
      appraisalStartedAt: iso(p.appraisal_started_at), returnedAt: iso(p.returned_at), approvedAt: iso(p.approved_at), decidedAt: iso(p.decided_at),
      cancelledAt: iso(p.cancelled_at), cancelReason: p.cancel_reason, version: p.version, createdAt: iso(p.created_at)!,
      permissions: {
        canEdit: !!actor && editable && ProposalsPolicy.canAssemble(actor, y),
        canSubmit: !!actor && editable && ProposalsPolicy.canSubmit(actor, y),
        canUploadReportForUnitId: actor && editable && isUnitMember(actor) && y.isMember && nominees.some((n) => n.unitId === actor.unitId) ? actor.unitId : null,
        canAppraise: !!actor && isCityWide(actor) && (p.status === 'submitted' || p.status === 'under_appraisal'),
        canDecide: !!actor && isCityWide(actor) && p.status === 'approved',
      },
    };
  }
}

// ------------------------------------------------------------------ helpers

/** The proposals columns, dates as 'yyyy-mm-dd' text (never shifted by the server's time zone). */
const ROW_COLUMNS = `id, block_year_id, status, letter_number, letter_date::text AS letter_date, letter_recipient, letter_paragraphs, letter_closing, signer_name,
  submitted_at, submitted_by, due_date::text AS due_date, appraisal_working_days, appraisal_started_at, returned_at, return_reason, approved_at, decided_at,
  cancelled_at, cancel_reason, created_at, updated_at, version`;

const SELECT_SUMMARY = `
  SELECT p.id, p.block_year_id, y.block_id, b.code AS block_code, b.name AS block_name, y.year, p.status, p.letter_number, p.submitted_at, p.due_date::text AS due_date,
         p.return_reason, p.updated_at,
         (SELECT count(*)::int FROM proposal_events e WHERE e.proposal_id = p.id AND e.kind = 'submitted') AS submissions,
         (SELECT count(*)::int FROM proposal_nominees n WHERE n.proposal_id = p.id) AS nominee_count,
         (SELECT count(*)::int FROM proposal_decisions d WHERE d.proposal_id = p.id) AS decided_count
  FROM proposals p JOIN block_years y ON y.id = p.block_year_id JOIN blocks b ON b.id = y.block_id`;

function toSummary(r: Record<string, any>, now: Date, awardedCount: number, calendar: KnownWorkCalendar): ProposalSummaryDto {
  const waiting = (r.status === 'submitted' || r.status === 'under_appraisal') && r.due_date;
  const state = waiting ? deadlineState(dateOnly(r.due_date)!, now, calendar) : null;
  return {
    id: r.id, blockYearId: r.block_year_id, blockId: r.block_id, blockCode: r.block_code, blockName: r.block_name, year: r.year, status: r.status,
    statusLabel: STATUS_LABELS[r.status as ProposalStatus], letterNumber: r.letter_number, submittedAt: iso(r.submitted_at), dueDate: dateOnly(r.due_date),
    workingDaysLeft: state?.workingDaysLeft ?? null, overdue: state?.overdue ?? false, calendarMissingYears: state?.calendarMissingYears ?? [], submissions: r.submissions, nomineeCount: r.nominee_count,
    decidedCount: r.decided_count, awardedCount, returnReason: r.return_reason, updatedAt: iso(r.updated_at)!,
  };
}


function nomineeLines(nominees: NomineeDto[]): NomineeLine[] {
  return nominees.map((n) => ({
    unitId: n.unitId, unitName: n.unitName, code: n.code, awardName: n.awardName, approvals: n.approvals, percent: n.percent, rank: n.rank, note: n.note,
    models: n.models.map((m) => `${m.name} (${m.year}): ${m.achievement.length > 200 ? `${m.achievement.slice(0, 199)}…` : m.achievement}`),
  }));
}

/** The entry that fixes a dossier: its latest proposal.submit (the letter, nominees and parts as submitted). */
const submitEntry = (id: string): DocumentEntry => ({ action: 'proposal.submit', entityType: 'proposal', entityId: id });
