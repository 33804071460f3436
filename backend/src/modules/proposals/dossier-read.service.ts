import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isCityWide, isUnitMember } from '../../common/actor';
import { AppError } from '../../common/app-error';
import type { YearContext } from '../../common/scope/year-context';
import { AWARD_CODES, DEFAULT_RULE_SET, type AwardCode, type Quota, round2 } from '@thidua/rules';
import { checkBlockQuotas, type QuotaBreach } from '../../domain/year-end';
import { AwardsService, type OverviewProposal } from '../awards/awards.service';
import { BallotReadService } from '../ballots/ballot-read.service';
import { NewsService } from '../news/news.service';
import {
  AppraisalDto, BreachDto, ChecklistDto, CitedModelDto, DecisionDto, NomineeDto, ProposalDto, ProposalEventDto, ProposalQueryDto, ProposalSummaryDto,
} from './dto/proposal.dto';
import type { ProposalEventKind } from './entities/proposal-event.entity';
import { CityQuotaService } from './city-quota.service';
import { dateOnly, dbNow, DossierRow, iso, loadDossier, Nominee, readReports, Sources, unitNamesByIds, yearEndConference, yearEndRound } from './dossier-data';
import {
  accountName, citationsOf, decisionsOf, dossierSummaries, dossierSummary, type DossierSummaryRow, eventsOf, frozenNominees, liveDossiersOf, memberCount, snapshotRanking,
} from './dossier-read-data';
import { checklist, ChecklistItem, deadlineState, EDITABLE_STATUSES, missingMessage, STATUS_LABELS, WITH_BOARD_STATUSES } from './proposal-rules';
import { ProposalsPolicy } from './proposals.policy';
import type { KnownWorkCalendar } from './rules';
import { loadWorkCalendar } from './calendar-data';

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

/** The dossiers as officials read them: the inbox, one dossier, its checklist and the board's appraisal findings. */
@Injectable()
export class DossierReadService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly awards: AwardsService,
    private readonly ballots: BallotReadService,
    private readonly news: NewsService,
    private readonly cityQuota: CityQuotaService,
  ) {}

  /** The board overview (awards module) shows each block year's live dossier. */
  onModuleInit(): void {
    this.awards.registerOverviewProposals((em, ids) => this.overview(em, ids));
  }

  async overview(em: EntityManager, blockYearIds: string[]): Promise<Map<string, OverviewProposal>> {
    if (!blockYearIds.length) return new Map();
    const rows = await liveDossiersOf(em, blockYearIds);
    return new Map(rows.map((r) => [r.blockYearId, {
      id: r.id, status: r.status, statusLabel: STATUS_LABELS[r.status], submitted: WITH_BOARD_STATUSES.includes(r.status),
      submittedAt: iso(r.submittedAt), dueAt: r.status === 'submitted' || r.status === 'under_appraisal' ? r.dueDate : null,
    }]));
  }

  // ---------------------------------------------------------------- reading

  /** The board's inbox (every block) or, for a unit, the dossiers of the blocks it belongs to. */
  async listDossiers(actor: Actor, q: ProposalQueryDto): Promise<ProposalSummaryDto[]> {
    const cityWide = isCityWide(actor);
    if (!cityWide && !actor.unitId) return [];
    // By default the board sees what was sent to it; drafts stay with the block unless asked for.
    const hidden = q.status ? [] : cityWide ? ['draft', 'cancelled'] : ['cancelled'];
    const rows = await dossierSummaries(this.ds, { memberUnitId: cityWide ? null : actor.unitId, status: q.status ?? null, year: q.year ?? null, blockYearId: q.blockYearId ?? null, hidden });
    const now = await dbNow(this.ds.manager);
    const awarded = await this.awardedCounts(this.ds.manager, rows);
    const calendar = await loadWorkCalendar(this.ds.manager);
    return rows.map((r) => toSummary(r, now, awarded.get(r.id) ?? 0, calendar));
  }

  /** Awards each dossier led to and still in force (a revoked award no longer counts), read through the awards module. */
  private async awardedCounts(em: EntityManager, rows: DossierSummaryRow[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const years = [...new Set(rows.filter((r) => r.decidedCount > 0).map((r) => r.year))];
    for (const year of years) {
      for (const a of await this.awards.activeAwards(em, { year })) if (a.proposalId) counts.set(a.proposalId, (counts.get(a.proposalId) ?? 0) + 1);
    }
    return counts;
  }

  async getDossier(actor: Actor, id: string): Promise<ProposalDto> {
    return this.read(this.ds.manager, id, actor);
  }

  async dossierChecklist(actor: Actor, id: string): Promise<ChecklistDto> {
    const d = await this.read(this.ds.manager, id, actor);
    return { proposalId: id, items: d.checklist, complete: d.complete, missingMessage: missingMessage(d.checklist) };
  }

  /** The board's view: eligibility of each nominee, the block's quotas, the city-wide quotas, every breach. */
  async appraisalFindings(actor: Actor, id: string): Promise<AppraisalDto> {
    const em = this.ds.manager;
    const { p, y } = await loadDossier(em, id, actor);
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
    const members = await memberCount(em, y.blockYearId);
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
    const city = await this.cityQuota.cityQuotaUseIn(em, y.year);
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

  /**
   * The parts of the dossier as they are now. Nominees: frozen rows once submitted (what the board
   * appraises and decides on); while the block edits, the elected units of the closed ballots.
   */
  async sources(em: EntityManager, p: DossierRow, y: YearContext): Promise<Sources> {
    const conference = await yearEndConference(em, p.blockYearId);
    const round = await yearEndRound(em, p.blockYearId);
    const ranks = new Map<string, number>();
    if (round?.finalised) {
      for (const r of await snapshotRanking(em, round.id)) ranks.set(r.unitId, r.rank);
    }
    const outcomes = await this.ballots.outcomes(em, p.blockYearId);
    const catalogue = await this.awards.catalogue(em, y.year);
    const sortOf = (code: string) => catalogue.find((a) => a.code === code)?.sort ?? Number.MAX_SAFE_INTEGER;
    const ordered = [...outcomes].sort((a, b) => sortOf(a.code) - sortOf(b.code));
    const ballots = ordered.map((o) => ({ ballotId: o.ballotId, code: o.code, awardName: o.awardName, status: o.status, signed: o.tallyRecord.signed, documentNumber: o.tallyRecord.documentNumber }));
    const frozen = p.status !== 'draft' && !EDITABLE_STATUSES.includes(p.status);
    let nominees: Nominee[];
    if (frozen) {
      nominees = await frozenNominees(em, p.id);
    } else {
      const elected = ordered.filter((o) => o.status === 'closed').flatMap((o) => o.elected.map((e) => ({ o, e })));
      const ids = [...new Set(elected.map((x) => x.e.unitId))];
      const names = new Map<string, string>((ids.length ? await unitNamesByIds(em, ids) : []).map((u) => [u.id, u.name]));
      nominees = elected.map(({ o, e }) => ({
        id: null, unitId: e.unitId, unitName: names.get(e.unitId) ?? e.name, code: o.code, awardName: o.awardName, ballotId: o.ballotId, approvals: e.approvals, percent: round2(e.percent), rank: ranks.get(e.unitId) ?? null,
      }));
    }
    const reports = await readReports(em, p.id);
    const current = new Map(reports.filter((r) => !r.supersededAt).map((r) => [r.unitId, r]));
    return { conference, round, ranks, ballots, nominees, frozen, reports, current };
  }

  /** The checklist of the dossier's parts, present or missing. */
  checklistOf(p: DossierRow, src: Sources): ChecklistItem[] {
    return checklist({
      letter: { number: p.letterNumber, recipient: p.letterRecipient, paragraphs: p.letterParagraphs, signerName: p.signerName },
      minutes: src.conference?.minutesNumber ? { number: src.conference.minutesNumber, approved: src.conference.minutesApproved } : null,
      round: src.round,
      ballots: src.ballots,
      nominees: src.nominees,
      reportUnitIds: new Set(src.current.keys()),
    });
  }

  /** The read model inside the caller's transaction (the demo seed reads what it has just written). */
  async readDossierIn(em: EntityManager, id: string, actor: Actor | null): Promise<ProposalDto> {
    return this.read(em, id, actor);
  }

  /** The full read model; `actor` null: an internal read without scope check or permissions. */
  private async read(em: EntityManager, id: string, actor: Actor | null): Promise<ProposalDto> {
    const { p, y } = await loadDossier(em, id, actor);
    if (actor) ProposalsPolicy.assertCanRead(actor, y);
    const s = await dossierSummary(em, id);
    const now = await dbNow(em);
    const src = await this.sources(em, p, y);
    const items = this.checklistOf(p, src);
    const decisionRows = await decisionsOf(em, id);
    const active = decisionRows.some((d) => d.awardHistoryId) ? new Set((await this.awards.activeAwards(em, { proposalId: id })).map((a) => a.id)) : new Set<string>();
    const decisions: DecisionDto[] = decisionRows.map((d) => ({
      id: d.id, unitId: d.unitId, unitName: d.unitName, code: d.awardCode, awardName: d.awardName, outcome: d.outcome, decisionNumber: d.decisionNumber,
      decisionDate: dateOnly(d.decisionDate), signer: d.signer, reason: d.reason, awardHistoryId: d.awardHistoryId,
      revoked: d.outcome === 'awarded' && !(d.awardHistoryId && active.has(d.awardHistoryId)), recordedAt: iso(d.recordedAt)!, recordedByName: d.recordedByName ?? null,
    }));
    const citations = await citationsOf(em, id);
    const cited = new Map((await this.news.modelsByIds(em, citations.map((c) => c.modelId))).map((m) => [m.id, m]));
    const modelsOf = (unitId: string): CitedModelDto[] => citations.filter((c) => c.unitId === unitId && cited.has(c.modelId)).map((c) => {
      const m = cited.get(c.modelId)!;
      return { id: m.id, subjectKind: m.subjectKind, name: m.name, achievement: m.achievement, year: m.year, stories: m.stories };
    });
    const nominees: NomineeDto[] = src.nominees.map((n) => {
      const r = src.current.get(n.unitId) ?? null;
      return {
        unitId: n.unitId, unitName: n.unitName, code: n.code, awardName: n.awardName, ballotId: n.ballotId, approvals: n.approvals, percent: n.percent, rank: n.rank,
        note: n.rank === 1 ? LEADING_NOTE : '', report: r, decision: decisions.find((x) => x.unitId === n.unitId && x.code === n.code) ?? null, models: modelsOf(n.unitId),
      };
    });
    const history: ProposalEventDto[] = (await eventsOf(em, id)).map((e) => ({
      seq: e.seq, kind: e.kind, label: EVENT_LABELS[e.kind], at: iso(e.at)!, actorName: e.actorName || null, reason: e.reason, dueDate: dateOnly(e.dueDate), detail: e.detail,
    }));
    const editable = EDITABLE_STATUSES.includes(p.status) && y.status !== 'archived';
    const summary = toSummary(s, now, decisions.filter((d) => d.outcome === 'awarded' && !d.revoked).length, await loadWorkCalendar(em));
    const submitterName = p.submittedBy ? await accountName(em, p.submittedBy) : undefined;
    return {
      ...summary,
      nomineeCount: nominees.length,
      letter: { number: p.letterNumber, date: dateOnly(p.letterDate), recipient: p.letterRecipient, paragraphs: p.letterParagraphs, closing: p.letterClosing, signerName: p.signerName },
      nomineesFrozen: src.frozen, nominees, checklist: items, complete: items.every((i) => i.present),
      conferenceId: src.conference?.id ?? null, roundId: src.round?.id ?? null, ballotIds: src.ballots.map((b) => b.ballotId),
      reports: src.reports, decisions, history,
      appraisalWorkingDays: p.appraisalWorkingDays, submittedByName: submitterName ?? null,
      appraisalStartedAt: iso(p.appraisalStartedAt), returnedAt: iso(p.returnedAt), approvedAt: iso(p.approvedAt), decidedAt: iso(p.decidedAt),
      cancelledAt: iso(p.cancelledAt), cancelReason: p.cancelReason, version: p.version, createdAt: iso(p.createdAt)!,
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

function toSummary(r: DossierSummaryRow, now: Date, awardedCount: number, calendar: KnownWorkCalendar): ProposalSummaryDto {
  const waiting = (r.status === 'submitted' || r.status === 'under_appraisal') && r.dueDate;
  const state = waiting ? deadlineState(dateOnly(r.dueDate)!, now, calendar) : null;
  return {
    id: r.id, blockYearId: r.blockYearId, blockId: r.blockId, blockCode: r.blockCode, blockName: r.blockName, year: r.year, status: r.status,
    statusLabel: STATUS_LABELS[r.status], letterNumber: r.letterNumber, submittedAt: iso(r.submittedAt), dueDate: dateOnly(r.dueDate),
    workingDaysLeft: state?.workingDaysLeft ?? null, overdue: state?.overdue ?? false, calendarMissingYears: state?.calendarMissingYears ?? [], submissions: r.submissions, nomineeCount: r.nomineeCount,
    decidedCount: r.decidedCount, awardedCount, returnReason: r.returnReason, updatedAt: iso(r.updatedAt)!,
  };
}
