import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isUnitMember } from '../../common/actor';
import { conflict, notFound } from '../../common/app-error';
import { ScopeService } from '../../common/scope/scope.service';
import { assertVersion, changedFields } from '../../common/versioning';
import { AuditService } from '../audit/audit.service';
import { buildDocumentNumber, renderDocx, renderPdf } from '../documents';
import { ISSUER_PARENT, PLACE } from '../drafts/drafts.export';
import { notify } from '../notifications/notify';
import { conferenceToRun, lockConference, YearRow } from './conference-data';
import { ConferenceReadService } from './conference-read.service';
import { ConferencesPolicy } from './conferences.policy';
import { ConferenceDto } from './dto/conference.dto';
import { ApproveMinutesDto, ConferenceMinutesDto, RedraftMinutesDto, UpdateMinutesDto } from './dto/minutes.dto';
import { ConferenceMinutes } from './entities/conference-minutes.entity';
import { minutesDocument } from './minutes-document';
import { applyMinutesEdit, ConferenceSnapshot, draftMinutes, isNamedInRole, MinutesContent, minutesHash } from './minutes';
import { accountName, lastMinutesSequence, lockMinutesNumbering, minutesView, tallyRecordSequences, unitNameOf } from './minutes-data';

export interface ExportedFile {
  buffer: Buffer;
  contentType: string;
  filename: string;
}

/** Biên bản hội nghị: drafted when the session ends, edited by the leader, approved by the chair and the secretary named in it, exported. */
@Injectable()
export class ConferenceMinutesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly scope: ScopeService,
    private readonly conferences: ConferenceReadService,
  ) {}

  async getMinutes(actor: Actor, id: string): Promise<ConferenceMinutesDto> {
    const conf = await this.conferences.getConference(actor, id);
    const person = { fullName: actor.fullName, unitName: await this.unitName(this.ds.manager, actor.unitId) };
    return this.minutesDto(this.ds.manager, id, conf.permissions.canRun, (content) =>
      isUnitMember(actor) ? (['chair', 'secretary'] as const).filter((r) => isNamedInRole(content, r, person)) : []);
  }

  async editMinutes(actor: Actor, id: string, dto: UpdateMinutesDto): Promise<ConferenceMinutesDto> {
    await this.ds.transaction(async (em) => {
      const { year } = await conferenceToRun(em, this.scope, actor, id);
      const minutes = await this.lockMinutes(em, id);
      assertMinutesDraft(minutes);
      assertVersion(minutes, dto.version, 'Biên bản');
      const content = applyMinutesEdit(minutes.content, dto.content);
      const diff = changedFields(minutes.content, content);
      if (!Object.keys(diff.after).length) return;
      const approvals = clearApprovals(minutes);
      minutes.content = content;
      await em.save(minutes);
      await this.audit.record(em, actor, {
        action: 'minutes.update', entityType: 'conference', entityId: id, blockId: year.blockId, before: { ...diff.before, ...approvals }, after: diff.after,
        reason: Object.keys(approvals).length ? 'Nội dung thay đổi: các xác nhận thông qua trước đó bị hủy' : undefined,
      });
    });
    return this.getMinutes(actor, id);
  }

  /** Discards edits and drafts the minutes again from the conference. */
  async redraftMinutes(actor: Actor, id: string, dto: RedraftMinutesDto): Promise<ConferenceMinutesDto> {
    await this.ds.transaction(async (em) => {
      const { year } = await conferenceToRun(em, this.scope, actor, id);
      const minutes = await this.lockMinutes(em, id);
      assertMinutesDraft(minutes);
      assertVersion(minutes, dto.version, 'Biên bản');
      const content = draftMinutes(toSnapshot(await this.conferences.readIn(em, id, null)));
      const approvals = clearApprovals(minutes);
      const diff = changedFields(minutes.content, content);
      minutes.content = content;
      await em.save(minutes);
      await this.audit.record(em, actor, { action: 'minutes.redraft', entityType: 'conference', entityId: id, blockId: year.blockId, before: { ...diff.before, ...approvals }, after: diff.after });
    });
    return this.getMinutes(actor, id);
  }

  /**
   * The chair and the secretary each approve: only the person the minutes name in that role (the name
   * printed under its signature), two different people; with both, the minutes are approved, their
   * content hashed and frozen.
   */
  async approveMinutes(actor: Actor, id: string, dto: ApproveMinutesDto): Promise<ConferenceMinutesDto> {
    await this.ds.transaction((em) => this.approveMinutesTx(em, actor, id, dto));
    return this.getMinutes(actor, id);
  }

  /** The same approval, in the caller's transaction. */
  async approveMinutesTx(em: EntityManager, actor: Actor, id: string, dto: ApproveMinutesDto): Promise<void> {
    const { year } = await lockConference(em, this.scope, actor, id);
    ConferencesPolicy.assertWritable(year);
    const minutes = await this.lockMinutes(em, id);
    assertMinutesDraft(minutes);
    assertVersion(minutes, dto.version, 'Biên bản');
    const mine = dto.as === 'chair' ? 'chair' : 'secretary';
    const other = mine === 'chair' ? 'secretary' : 'chair';
    const label = { chair: 'chủ trì', secretary: 'thư ký' } as const;
    ConferencesPolicy.assertNamedApprover(minutes.content, mine, { fullName: actor.fullName, unitName: await this.unitName(em, actor.unitId) });
    const by = (role: 'chair' | 'secretary') => (role === 'chair' ? minutes.chairApprovedBy : minutes.secretaryApprovedBy);
    if (by(mine)) {
      const who = await accountName(em, by(mine)!);
      throw conflict('already_approved', `Biên bản đã được thông qua với tư cách ${label[mine]} (${who ?? 'không rõ'}).`);
    }
    if (by(other) === actor.id) {
      throw conflict('same_approver', `Chủ trì và thư ký phải là hai người khác nhau: bạn đã thông qua biên bản với tư cách ${label[other]}.`);
    }
    const now = new Date();
    if (mine === 'chair') Object.assign(minutes, { chairApprovedBy: actor.id, chairApprovedAt: now });
    else Object.assign(minutes, { secretaryApprovedBy: actor.id, secretaryApprovedAt: now });
    const complete = !!(minutes.chairApprovedBy && minutes.secretaryApprovedBy);
    if (complete) {
      minutes.status = 'approved';
      minutes.contentHash = minutesHash(minutes.content);
    }
    await em.save(minutes);
    await this.audit.record(em, actor, {
      action: 'minutes.approve', entityType: 'conference', entityId: id, blockId: year.blockId,
      after: { as: mine, at: now, version: dto.version, ...(complete ? { status: 'approved', contentHash: minutes.contentHash } : {}) },
    });
  }

  async exportMinutes(actor: Actor, id: string, format: 'docx' | 'pdf'): Promise<ExportedFile> {
    const conf = await this.conferences.getConference(actor, id);
    const minutes = await this.ds.getRepository(ConferenceMinutes).findOneBy({ conferenceId: id });
    if (!minutes) throw notFound('Chưa có biên bản: biên bản được lập tự động khi kết thúc hội nghị.', 'minutes_not_drafted');
    const model = minutesDocument(minutes.content, {
      blockName: conf.blockName, agencyParent: ISSUER_PARENT, number: minutes.docNumber, issuePlace: PLACE, status: minutes.status, contentHash: minutes.contentHash,
    });
    const buffer = format === 'docx' ? await renderDocx(model) : await renderPdf(model);
    const day = new Date(minutes.content.startedAt);
    const stamp = new Date(day.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
    return {
      buffer,
      contentType: format === 'docx' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf',
      filename: `bien-ban-hoi-nghi-${conf.blockCode}-${stamp}.${format}`,
    };
  }

  /**
   * Drafts the minutes row at the end of the session, numbered "NN/BB-<block code>" within the block year.
   * `notifiedAt` dates the notice for the demo's history (recorded without mail); otherwise it is sent now.
   */
  async draftMinutesIn(em: EntityManager, actor: Actor | null, conferenceId: string, year: YearRow, opts: { notifiedAt?: Date } = {}): Promise<void> {
    await lockMinutesNumbering(em, year.id);
    // Tally records (biên bản kiểm phiếu, ballots module) share the year's BB numbers: skip the ones they hold.
    const taken = new Set<number>(await tallyRecordSequences(em, year.id));
    let seq = (await lastMinutesSequence(em, year.id)) + 1;
    while (taken.has(seq)) seq += 1;
    const content = draftMinutes(toSnapshot(await this.conferences.readIn(em, conferenceId, null)));
    const docNumber = buildDocumentNumber(seq, 'BB', year.blockCode);
    await em.save(em.getRepository(ConferenceMinutes).create({ conferenceId, docNumber, content, status: 'draft' }));
    await notify(em, actor, { leadersOf: [year.id] }, { kind: 'minutes_to_approve', blockYearId: year.id, link: `/conferences/${conferenceId}`, title: `Biên bản hội nghị số ${docNumber} chờ chủ trì và thư ký thông qua`, at: opts.notifiedAt });
    await this.audit.record(em, actor, { action: 'minutes.draft', entityType: 'conference', entityId: conferenceId, blockId: year.blockId, after: { number: docNumber } });
  }

  // ---------------------------------------------------------------- internals

  private async unitName(em: EntityManager, unitId: string | null): Promise<string | null> {
    if (!unitId) return null;
    return (await unitNameOf(em, unitId)) ?? null;
  }

  private async lockMinutes(em: EntityManager, conferenceId: string): Promise<ConferenceMinutes> {
    const minutes = await em.getRepository(ConferenceMinutes).findOne({ where: { conferenceId }, lock: { mode: 'pessimistic_write' } });
    if (!minutes) throw notFound('Chưa có biên bản: biên bản được lập tự động khi kết thúc hội nghị.', 'minutes_not_drafted');
    return minutes;
  }

  private async minutesDto(em: EntityManager, conferenceId: string, canRun: boolean, rolesOf: (c: MinutesContent) => ('chair' | 'secretary')[]): Promise<ConferenceMinutesDto> {
    const m = await minutesView(em, conferenceId);
    if (!m) throw notFound('Chưa có biên bản: biên bản được lập tự động khi kết thúc hội nghị.', 'minutes_not_drafted');
    const approval = (by: string | null, name: string | null, at: Date | null) => (by ? { accountId: by, name: name ?? '', at: new Date(at!).toISOString() } : null);
    return {
      conferenceId, number: m.docNumber, status: m.status, content: m.content,
      chairApproval: approval(m.chairApprovedBy, m.chairApprover, m.chairApprovedAt),
      secretaryApproval: approval(m.secretaryApprovedBy, m.secretaryApprover, m.secretaryApprovedAt),
      contentHash: m.contentHash, version: m.version, updatedAt: new Date(m.updatedAt).toISOString(),
      canEdit: canRun && m.status === 'draft',
      canApproveAs: m.status === 'draft' && m.yearStatus !== 'archived' ? rolesOf(m.content) : [],
    };
  }
}

// ------------------------------------------------------------------ helpers

function assertMinutesDraft(m: ConferenceMinutes): void {
  if (m.status === 'approved') throw conflict('minutes_frozen', 'Biên bản đã được chủ trì và thư ký thông qua, không thể thay đổi.');
}

/** An edit after one approval voids it: the approver approved other words. Returns what was cleared, for the audit. */
function clearApprovals(m: ConferenceMinutes): Record<string, unknown> {
  const cleared: Record<string, unknown> = {};
  if (m.chairApprovedBy) cleared.chairApprovedBy = m.chairApprovedBy;
  if (m.secretaryApprovedBy) cleared.secretaryApprovedBy = m.secretaryApprovedBy;
  Object.assign(m, { chairApprovedBy: null, chairApprovedAt: null, secretaryApprovedBy: null, secretaryApprovedAt: null });
  return cleared;
}

/** The read model as the input of the pure minutes drafting. */
export function toSnapshot(c: ConferenceDto): ConferenceSnapshot {
  const seat = (unitId: string | null) => c.attendance.find((a) => a.unitId === unitId)?.seat ?? null;
  return {
    title: c.title, startsAt: new Date(c.startsAt), endsAt: c.endsAt ? new Date(c.endsAt) : null,
    openedAt: c.openedAt ? new Date(c.openedAt) : null, closedAt: c.closedAt ? new Date(c.closedAt) : null, place: c.place,
    chair: { unitName: c.chairUnitName, personName: c.chairName, seat: seat(c.chairUnitId) },
    coChair: c.coChairUnitId ? { unitName: c.coChairUnitName ?? '', personName: c.coChairName, seat: seat(c.coChairUnitId) } : null,
    secretaryName: c.secretaryName, guests: c.guests,
    attendees: c.attendance.map((a) => ({ unitName: a.unitName, seat: a.seat, presence: a.presence, delegateName: a.delegateName, rsvpDelegate: a.rsvpDelegate })),
    quorum: c.quorum,
    agenda: c.agenda.map((i) => ({
      title: i.title, presenter: i.presenter, notes: i.notes, materialTitle: i.materialTitle,
      decisions: c.decisions.filter((d) => d.agendaItemId === i.id).map((d) => ({ kind: d.kind, text: d.text, presentCount: d.presentCount, memberCount: d.memberCount })),
    })),
    conclusion: c.conclusion,
  };
}
