import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/actor';
import { conflict, invalidField, notFound } from '../../common/app-error';
import { ScopeService } from '../../common/scope/scope.service';
import { assertVersion, changedFields } from '../../common/versioning';
import { AuditService } from '../audit/audit.service';
import { CovenantsService } from '../covenants/covenants.service';
import { DraftWorkflowService } from '../drafts/draft-workflow.service';
import { notify } from '../notifications/notify';
import {
  type AgendaItemRow, agendaItem, agendaItemMaterial, agendaSteps, decisionExists, deleteAgendaItem, finishCurrentItem, insertAgendaItem, insertDecision, itemHasDecisions, nextAgendaSort,
  renumberAgenda, setAgendaSort, setAgendaStatus, updateAgendaItem,
} from './agenda-data';
import {
  checkInOf, conferenceToRun, deleteConference, invitationReply, inviteMembers, loadYear, lockConference, memberIds, quorumCounts, saveCheckIn, saveInvitationReply, YearRow,
} from './conference-data';
import { ConferenceMinutesService } from './conference-minutes.service';
import { ConferenceReadService } from './conference-read.service';
import { markDone, noQuorumMessage, QuorumState, quorumState, reorder, setCurrent, StepChanges, timesOutOfOrder } from './conference-rules';
import { ConferencesPolicy } from './conferences.policy';
import {
  ConferenceAgendaItemInputDto, ConferenceCheckInDto, CloseConferenceDto, ConferenceDto, CreateConferenceDto, CreateConferenceDecisionDto, ReorderConferenceAgendaDto,
  ReplyConferenceInvitationDto, UpdateConferenceAgendaItemDto, UpdateConferenceDto,
} from './dto/conference.dto';
import type { MaterialKind } from './entities/conference-agenda-item.entity';
import type { ManualDecisionKind } from './entities/conference-decision.entity';
import { Conference, ConferenceGuest } from './entities/conference.entity';
import { defaultDecisionText } from './minutes';

const MATERIAL_FOR: Record<Exclude<ManualDecisionKind, 'conclusion'>, MaterialKind> = {
  adopt_plan: 'plan_version',
  adopt_rules: 'rules_version',
  open_signing: 'covenant',
};
const MATERIAL_LABEL: Record<MaterialKind, string> = {
  plan_version: 'một phiên bản kế hoạch hoạt động',
  rules_version: 'một phiên bản quy chế',
  covenant: 'một giao ước thi đua',
};

/**
 * What officials do with a conference: the leader sets it up and its agenda, units reply to the invitation; on the day
 * the leader opens it, steps through the agenda, checks units in, records decisions and closes it (the minutes are drafted).
 * Each use case in one transaction, audited.
 */
@Injectable()
export class ConferenceWorkflowService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly scope: ScopeService,
    private readonly drafts: DraftWorkflowService,
    private readonly covenants: CovenantsService,
    private readonly conferences: ConferenceReadService,
    private readonly minutes: ConferenceMinutesService,
  ) {}

  // ---------------------------------------------------------------- setting up

  async createConference(actor: Actor, dto: CreateConferenceDto): Promise<ConferenceDto> {
    const id = await this.ds.transaction((em) => this.createConferenceTx(em, actor, dto));
    return this.conferences.getConference(actor, id);
  }

  /**
   * Sets up a conference in the caller's transaction and invites every member unit; its id. `invitedAt` dates the
   * invitation notices for the demo's history (recorded without mail); otherwise they are sent now.
   */
  async createConferenceTx(em: EntityManager, actor: Actor, dto: CreateConferenceDto, opts: { invitedAt?: Date } = {}): Promise<string> {
    const year = await loadYear(em, dto.blockYearId);
    if (!year) throw invalidField('blockYearId', 'không phải năm thi đua có trong hệ thống');
    await this.scope.assertCanSeeBlock(actor, year.blockId, em);
    ConferencesPolicy.assertCanRun(actor, await this.scope.isLeaderOf(actor, year.id, em));
    ConferencesPolicy.assertWritable(year);
    const startsAt = new Date(dto.startsAt);
    const endsAt = dto.endsAt ? new Date(dto.endsAt) : null;
    assertTimes(startsAt, endsAt);
    const members = await memberIds(em, year.id);
    const chairUnitId = dto.chairUnitId ?? year.leaderUnitId;
    if (!chairUnitId) throw invalidField('chairUnitId', 'là bắt buộc vì năm thi đua chưa có đơn vị khối trưởng');
    let coChairUnitId = dto.coChairUnitId === undefined ? year.deputyUnitId : dto.coChairUnitId;
    if (dto.coChairUnitId === undefined && coChairUnitId === chairUnitId) coChairUnitId = null;
    assertChairs(members, chairUnitId, coChairUnitId);
    const agenda = dto.agenda ?? [];
    for (const [i, item] of agenda.entries()) await this.assertMaterial(em, year.id, item.materialKind ?? null, item.materialId ?? null, `agenda[${i}].`);

    const conf = await em.save(em.getRepository(Conference).create({
      blockYearId: year.id, kind: dto.kind, title: dto.title, startsAt, endsAt, place: dto.place, chairUnitId, coChairUnitId,
      chairName: dto.chairName ?? '', coChairName: dto.coChairName ?? '', secretaryName: dto.secretaryName ?? '',
      guests: guestsOf(dto.guests), status: 'planned', createdBy: actor.id,
    }));
    for (const [i, item] of agenda.entries()) await this.insertAgendaItem(em, conf.id, i + 1, item);
    // Every member unit is invited.
    await inviteMembers(em, conf.id, year.id);
    await notify(em, actor, { units: members }, { kind: 'conference_invitation', blockYearId: year.id, link: `/conferences/${conf.id}`, title: `Giấy mời: ${conf.title}`, body: `Thời gian: ${new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }).format(startsAt)}${dto.place ? `, địa điểm: ${dto.place}` : ''}. Đề nghị đơn vị xác nhận tham dự.`, at: opts.invitedAt });
    await this.audit.record(em, actor, {
      action: 'conference.create', entityType: 'conference', entityId: conf.id, blockId: year.blockId,
      after: { ...snapshot(conf), agenda: agenda.map((a) => ({ title: a.title, materialKind: a.materialKind ?? null, materialId: a.materialId ?? null })) },
    });
    return conf.id;
  }

  async updateConference(actor: Actor, id: string, dto: UpdateConferenceDto): Promise<ConferenceDto> {
    await this.ds.transaction(async (em) => {
      const { conf, year } = await conferenceToRun(em, this.scope, actor, id);
      assertVersion(conf, dto.version, 'Hội nghị');
      ConferencesPolicy.assertNotConcluded(conf.status);
      const startsAt = dto.startsAt !== undefined ? new Date(dto.startsAt) : conf.startsAt;
      const endsAt = dto.endsAt !== undefined ? (dto.endsAt ? new Date(dto.endsAt) : null) : conf.endsAt;
      assertTimes(startsAt, endsAt);
      const chairUnitId = dto.chairUnitId ?? conf.chairUnitId;
      const coChairUnitId = dto.coChairUnitId === undefined ? conf.coChairUnitId : dto.coChairUnitId;
      assertChairs(await memberIds(em, year.id), chairUnitId, coChairUnitId);
      const patch: Partial<Conference> = {
        kind: dto.kind, title: dto.title, place: dto.place, chairName: dto.chairName, coChairName: dto.coChairName, secretaryName: dto.secretaryName,
        guests: dto.guests ? guestsOf(dto.guests) : undefined, chairUnitId, coChairUnitId,
        startsAt: dto.startsAt !== undefined ? startsAt : undefined, endsAt: dto.endsAt !== undefined ? endsAt : undefined,
      };
      const diff = changedFields(conf, patch);
      if (!Object.keys(diff.after).length) return;
      Object.assign(conf, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
      await em.save(conf);
      await this.audit.record(em, actor, { action: 'conference.update', entityType: 'conference', entityId: id, blockId: year.blockId, ...diff });
    });
    return this.conferences.getConference(actor, id);
  }

  /** A planned conference may be withdrawn; once the session has opened it is part of the record. */
  async withdrawConference(actor: Actor, id: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      const { conf, year } = await conferenceToRun(em, this.scope, actor, id);
      if (conf.status !== 'planned') throw conflict('conference_started', 'Hội nghị đã khai mạc, không thể xóa.');
      await deleteConference(em, id);
      await this.audit.record(em, actor, { action: 'conference.delete', entityType: 'conference', entityId: id, blockId: year.blockId, before: snapshot(conf) });
    });
  }

  // ---------------------------------------------------------------- agenda

  async addAgendaItem(actor: Actor, id: string, dto: ConferenceAgendaItemInputDto): Promise<ConferenceDto> {
    await this.ds.transaction(async (em) => {
      const { conf, year } = await conferenceToRun(em, this.scope, actor, id);
      ConferencesPolicy.assertNotConcluded(conf.status);
      await this.assertMaterial(em, year.id, dto.materialKind ?? null, dto.materialId ?? null, '');
      const next = await nextAgendaSort(em, id);
      const itemId = await this.insertAgendaItem(em, id, next, dto);
      await this.audit.record(em, actor, {
        action: 'conference.agenda_add', entityType: 'conference', entityId: id, blockId: year.blockId,
        after: { itemId, sort: next, title: dto.title, presenter: dto.presenter ?? '', materialKind: dto.materialKind ?? null, materialId: dto.materialId ?? null },
      });
    });
    return this.conferences.getConference(actor, id);
  }

  async updateAgendaItem(actor: Actor, id: string, itemId: string, dto: UpdateConferenceAgendaItemDto): Promise<ConferenceDto> {
    await this.ds.transaction(async (em) => {
      const { conf, year } = await conferenceToRun(em, this.scope, actor, id);
      ConferencesPolicy.assertNotConcluded(conf.status);
      const item = await this.agendaItem(em, id, itemId);
      const materialKind = dto.materialKind === undefined ? item.materialKind : dto.materialKind;
      const materialId = dto.materialId === undefined ? item.materialId : dto.materialId;
      const materialChanged = materialKind !== item.materialKind || materialId !== item.materialId;
      if (materialChanged) {
        if (await itemHasDecisions(em, itemId)) throw conflict('agenda_item_decided', 'Mục chương trình đã có quyết định, không thể đổi tài liệu gắn kèm.');
        await this.assertMaterial(em, year.id, materialKind ?? null, materialId ?? null, '');
      }
      const current = { title: item.title, presenter: item.presenter, notes: item.notes, materialKind: item.materialKind, materialId: item.materialId };
      const diff = changedFields(current, { title: dto.title, presenter: dto.presenter, notes: dto.notes, materialKind, materialId });
      if (!Object.keys(diff.after).length) return;
      await updateAgendaItem(em, itemId, {
        title: dto.title ?? item.title, presenter: dto.presenter ?? item.presenter, notes: dto.notes ?? item.notes, materialKind: materialKind ?? null, materialId: materialId ?? null,
      });
      await this.audit.record(em, actor, { action: 'conference.agenda_update', entityType: 'conference', entityId: id, blockId: year.blockId, before: { itemId, ...diff.before }, after: { itemId, ...diff.after } });
    });
    return this.conferences.getConference(actor, id);
  }

  async removeAgendaItem(actor: Actor, id: string, itemId: string): Promise<ConferenceDto> {
    await this.ds.transaction(async (em) => {
      const { conf, year } = await conferenceToRun(em, this.scope, actor, id);
      ConferencesPolicy.assertNotConcluded(conf.status);
      const item = await this.agendaItem(em, id, itemId);
      if (await itemHasDecisions(em, itemId)) throw conflict('agenda_item_decided', 'Mục chương trình đã có quyết định, không thể xóa.');
      await deleteAgendaItem(em, itemId);
      await renumberAgenda(em, id);
      await this.audit.record(em, actor, { action: 'conference.agenda_remove', entityType: 'conference', entityId: id, blockId: year.blockId, before: { itemId, title: item.title, sort: item.sort } });
    });
    return this.conferences.getConference(actor, id);
  }

  async reorderAgenda(actor: Actor, id: string, dto: ReorderConferenceAgendaDto): Promise<ConferenceDto> {
    await this.ds.transaction(async (em) => {
      const { conf, year } = await conferenceToRun(em, this.scope, actor, id);
      ConferencesPolicy.assertNotConcluded(conf.status);
      const items = await agendaSteps(em, id);
      const order = reorder(items, dto.itemIds);
      if (!order) throw invalidField('itemIds', 'phải liệt kê đúng và đủ các mục của chương trình, mỗi mục một lần');
      if (items.every((i) => order.get(i.id) === i.sort)) return;
      for (const [itemId, sort] of order) await setAgendaSort(em, itemId, sort);
      await this.audit.record(em, actor, { action: 'conference.agenda_reorder', entityType: 'conference', entityId: id, blockId: year.blockId, before: { itemIds: items.map((i) => i.id) }, after: { itemIds: dto.itemIds } });
    });
    return this.conferences.getConference(actor, id);
  }

  // ---------------------------------------------------------------- invitations

  /** A member unit's officer or head says who will attend (or that the unit cannot). */
  async replyToInvitation(actor: Actor, id: string, unitId: string, dto: ReplyConferenceInvitationDto): Promise<ConferenceDto> {
    await this.ds.transaction((em) => this.replyToInvitationTx(em, actor, id, unitId, dto));
    return this.conferences.getConference(actor, id);
  }

  /** The same reply, in the caller's transaction. */
  async replyToInvitationTx(em: EntityManager, actor: Actor, id: string, unitId: string, dto: ReplyConferenceInvitationDto): Promise<void> {
    const { conf, year } = await lockConference(em, this.scope, actor, id);
    const members = await memberIds(em, year.id);
    ConferencesPolicy.assertCanReply(actor, unitId, members.includes(unitId));
    ConferencesPolicy.assertWritable(year);
    if (conf.status !== 'planned') throw conflict('invitation_closed', conf.status === 'in_session'
      ? 'Hội nghị đang diễn ra: việc điểm danh do khối trưởng thực hiện, không thể đổi xác nhận tham dự.'
      : 'Hội nghị đã kết thúc, không thể đổi xác nhận tham dự.');
    const delegate = dto.delegate?.trim() ?? '';
    if (dto.response === 'confirmed' && !delegate) throw invalidField('delegate', 'là bắt buộc khi xác nhận tham dự (ghi họ tên, chức vụ người dự họp)');
    const before = await invitationReply(em, id, unitId);
    await saveInvitationReply(em, { conferenceId: id, unitId, rsvp: dto.response, delegate, by: actor.id });
    await this.audit.record(em, actor, {
      action: 'conference.reply', entityType: 'conference', entityId: id, blockId: year.blockId,
      before: { unitId, rsvp: before?.rsvp ?? 'pending', delegate: before?.rsvpDelegate ?? '' }, after: { unitId, rsvp: dto.response, delegate },
    });
  }

  // ---------------------------------------------------------------- conference mode

  async openConference(actor: Actor, id: string): Promise<ConferenceDto> {
    await this.ds.transaction((em) => this.openConferenceTx(em, actor, id));
    return this.conferences.getConference(actor, id);
  }

  /** The same opening, in the caller's transaction; `at` only for demo history (a past year's session), now otherwise. */
  async openConferenceTx(em: EntityManager, actor: Actor, id: string, opts: { at?: Date } = {}): Promise<void> {
    const { conf, year } = await conferenceToRun(em, this.scope, actor, id);
    ConferencesPolicy.assertNotConcluded(conf.status);
    if (conf.status === 'in_session') throw conflict('already_in_session', 'Hội nghị đang diễn ra.');
    conf.status = 'in_session';
    conf.openedAt = opts.at ?? new Date();
    await em.save(conf);
    // The stepper starts on the first item.
    const items = await agendaSteps(em, id);
    const first = items.find((i) => i.status !== 'done');
    if (first && !items.some((i) => i.status === 'current')) await this.applySteps(em, setCurrent(items, first.id));
    await this.audit.record(em, actor, { action: 'conference.open', entityType: 'conference', entityId: id, blockId: year.blockId, before: { status: 'planned' }, after: { status: 'in_session', openedAt: conf.openedAt } });
  }

  async setCurrentItem(actor: Actor, id: string, itemId: string): Promise<ConferenceDto> {
    return this.step(actor, id, itemId, 'current');
  }

  async markItemDone(actor: Actor, id: string, itemId: string): Promise<ConferenceDto> {
    return this.step(actor, id, itemId, 'done');
  }

  private async step(actor: Actor, id: string, itemId: string, to: 'current' | 'done'): Promise<ConferenceDto> {
    await this.ds.transaction((em) => this.stepTx(em, actor, id, itemId, to));
    return this.conferences.getConference(actor, id);
  }

  /** Marks an item dealt with (the next pending one becomes current), in the caller's transaction. */
  async markItemDoneTx(em: EntityManager, actor: Actor, id: string, itemId: string): Promise<void> {
    await this.stepTx(em, actor, id, itemId, 'done');
  }

  private async stepTx(em: EntityManager, actor: Actor, id: string, itemId: string, to: 'current' | 'done'): Promise<void> {
    const { conf, year } = await conferenceToRun(em, this.scope, actor, id);
    ConferencesPolicy.assertInSession(conf.status, 'chuyển mục chương trình');
    await this.agendaItem(em, id, itemId);
    const items = await agendaSteps(em, id);
    const changes = to === 'current' ? setCurrent(items, itemId) : markDone(items, itemId);
    if (!changes.size) return;
    await this.applySteps(em, changes);
    await this.audit.record(em, actor, {
      action: 'conference.agenda_step', entityType: 'conference', entityId: id, blockId: year.blockId,
      before: Object.fromEntries([...changes.keys()].map((k) => [k, items.find((i) => i.id === k)!.status])), after: Object.fromEntries(changes),
    });
  }

  /** Attendance on the day: present (with the delegate's name), absent or excused. The quorum follows. */
  async checkIn(actor: Actor, id: string, unitId: string, dto: ConferenceCheckInDto): Promise<ConferenceDto> {
    await this.ds.transaction((em) => this.checkInTx(em, actor, id, unitId, dto));
    return this.conferences.getConference(actor, id);
  }

  /** The same check-in, in the caller's transaction. */
  async checkInTx(em: EntityManager, actor: Actor, id: string, unitId: string, dto: ConferenceCheckInDto): Promise<void> {
    const { conf, year } = await conferenceToRun(em, this.scope, actor, id);
    ConferencesPolicy.assertNotConcluded(conf.status);
    if (!(await memberIds(em, year.id)).includes(unitId)) throw invalidField('unitId', 'không phải đơn vị thành viên của khối trong năm');
    const before = await checkInOf(em, id, unitId);
    // An absent unit sent nobody: whom it had registered is not recorded as its delegate.
    let delegate = dto.presence === 'present' ? (dto.delegateName?.trim() ?? '') : '';
    if (dto.presence === 'present' && !delegate) delegate = before?.rsvpDelegate ?? '';
    if (dto.presence === 'present' && !delegate) throw invalidField('delegateName', 'là bắt buộc khi đơn vị có mặt (đơn vị chưa đăng ký người dự họp)');
    await saveCheckIn(em, { conferenceId: id, unitId, presence: dto.presence, delegate, by: actor.id });
    await this.audit.record(em, actor, {
      action: 'conference.check_in', entityType: 'conference', entityId: id, blockId: year.blockId,
      before: { unitId, presence: before?.presence ?? null, delegateName: before?.delegateName ?? '' }, after: { unitId, presence: dto.presence, delegateName: delegate },
    });
  }

  /**
   * Records a decision on an agenda item. Adopting a plan or rules version and opening the covenant's
   * signing need the quorum and material of the same block year; they are carried out by the drafts and
   * covenants modules in this transaction, so the decision and its effect commit together.
   */
  async recordDecision(actor: Actor, id: string, dto: CreateConferenceDecisionDto): Promise<ConferenceDto> {
    await this.ds.transaction((em) => this.recordDecisionTx(em, actor, id, dto));
    return this.conferences.getConference(actor, id);
  }

  /** The same decision, in the caller's transaction; its id. */
  async recordDecisionTx(em: EntityManager, actor: Actor, id: string, dto: CreateConferenceDecisionDto): Promise<string> {
    const { conf, year } = await conferenceToRun(em, this.scope, actor, id);
    ConferencesPolicy.assertInSession(conf.status, 'ghi nhận quyết định');
    const item = await agendaItemMaterial(em, id, dto.agendaItemId);
    if (!item) throw invalidField('agendaItemId', 'không thuộc chương trình của hội nghị này');
    const text = dto.text?.trim() ?? '';
    let refId: string | null = null;
    let materialTitle: string | null = null;
    if (dto.kind === 'conclusion') {
      if (dto.refId) throw invalidField('refId', 'không dùng cho kết luận');
      if (!text) throw invalidField('text', 'là bắt buộc với kết luận');
    } else {
      const kind = MATERIAL_FOR[dto.kind];
      refId = dto.refId ?? (item.materialKind === kind ? item.materialId : null);
      if (!refId) throw invalidField('refId', `là bắt buộc: mục chương trình chưa gắn ${MATERIAL_LABEL[kind]}`);
      materialTitle = (await this.assertMaterial(em, year.id, kind, refId, '', 'refId'))!.title;
      if (await decisionExists(em, id, dto.kind, refId)) throw conflict('already_decided', 'Hội nghị đã ghi nhận quyết định này.');
    }
    const q = await this.computeQuorum(em, id, year);
    if (dto.kind !== 'conclusion' && !q.met) throw conflict('no_quorum', noQuorumMessage(q));
    if (dto.kind === 'adopt_plan' || dto.kind === 'adopt_rules') await this.drafts.adoptVersion(em, actor, refId!, id, dto.reason);
    if (dto.kind === 'open_signing') await this.covenants.openSigning(em, actor, refId!, id);
    const finalText = text || (dto.kind === 'conclusion' ? text : defaultDecisionText(dto.kind, materialTitle));
    const decisionId = await insertDecision(em, {
      conferenceId: id, agendaItemId: item.id, kind: dto.kind, refId, text: finalText, present: q.present, members: q.members, quorumMet: q.met, createdBy: actor.id,
    });
    await this.audit.record(em, actor, {
      action: 'conference.decide', entityType: 'conference', entityId: id, blockId: year.blockId,
      after: { decisionId, agendaItemId: item.id, kind: dto.kind, refId, text: finalText, present: q.present, members: q.members, quorumMet: q.met },
    });
    return decisionId;
  }

  /** Ends the session and drafts the minutes from what happened. */
  async closeConference(actor: Actor, id: string, dto: CloseConferenceDto): Promise<ConferenceDto> {
    await this.ds.transaction((em) => this.closeConferenceTx(em, actor, id, dto));
    return this.conferences.getConference(actor, id);
  }

  /**
   * The same close, in the caller's transaction. `at` only for demo history (a past year's session, the minutes'
   * notice recorded without mail), now otherwise.
   */
  async closeConferenceTx(em: EntityManager, actor: Actor, id: string, dto: CloseConferenceDto, opts: { at?: Date } = {}): Promise<void> {
    const { conf, year } = await conferenceToRun(em, this.scope, actor, id);
    ConferencesPolicy.assertInSession(conf.status, 'kết thúc hội nghị');
    await finishCurrentItem(em, id);
    conf.status = 'concluded';
    conf.closedAt = opts.at ?? new Date();
    if (dto.conclusion !== undefined) conf.conclusion = dto.conclusion.trim();
    await em.save(conf);
    await this.audit.record(em, actor, {
      action: 'conference.close', entityType: 'conference', entityId: id, blockId: year.blockId,
      before: { status: 'in_session' }, after: { status: 'concluded', closedAt: conf.closedAt, conclusion: conf.conclusion },
    });
    await this.minutes.draftMinutesIn(em, actor, id, year, { notifiedAt: opts.at });
  }

  // ---------------------------------------------------------------- internals

  private async agendaItem(em: EntityManager, conferenceId: string, itemId: string): Promise<AgendaItemRow> {
    const item = await agendaItem(em, conferenceId, itemId);
    if (!item) throw notFound('Không tìm thấy mục chương trình trong hội nghị này.');
    return item;
  }

  private async insertAgendaItem(em: EntityManager, conferenceId: string, sort: number, item: ConferenceAgendaItemInputDto): Promise<string> {
    return insertAgendaItem(em, conferenceId, sort, {
      title: item.title, presenter: item.presenter ?? '', notes: item.notes ?? '', materialKind: item.materialKind ?? null, materialId: item.materialId ?? null,
    });
  }

  /**
   * Linked material must exist and belong to the same block year (an agenda item never references another
   * block's documents). `prefix` names the field in the 400 (e.g. "agenda[2].").
   */
  private async assertMaterial(em: EntityManager, blockYearId: string, kind: MaterialKind | null, id: string | null, prefix: string, idField = 'materialId') {
    if (!kind && !id) return null;
    if (!kind) throw invalidField(`${prefix}materialKind`, 'là bắt buộc khi gắn tài liệu');
    if (!id) throw invalidField(`${prefix}${idField}`, 'là bắt buộc khi chọn loại tài liệu');
    const found = await this.conferences.describeMaterial(em, kind, id);
    if (!found) throw invalidField(`${prefix}${idField}`, `không phải ${MATERIAL_LABEL[kind]} có trong hệ thống`);
    if (found.blockYearId !== blockYearId) {
      throw invalidField(`${prefix}${idField}`, 'thuộc khối hoặc năm thi đua khác; chỉ được gắn tài liệu của chính năm thi đua này', 'material_other_year');
    }
    return found;
  }

  /** Leaves `current` first, so the one-current-item index holds after every statement. */
  private async applySteps(em: EntityManager, changes: StepChanges): Promise<void> {
    const ordered = [...changes].sort(([, a], [, b]) => (a === 'current' ? 1 : 0) - (b === 'current' ? 1 : 0));
    for (const [itemId, status] of ordered) await setAgendaStatus(em, itemId, status);
  }

  private async computeQuorum(em: EntityManager, conferenceId: string, year: YearRow): Promise<QuorumState> {
    const { members, present } = await quorumCounts(em, conferenceId, year.id);
    return quorumState(present, members, year.rules);
  }
}

// ------------------------------------------------------------------ helpers

function assertTimes(startsAt: Date, endsAt: Date | null): void {
  if (timesOutOfOrder(startsAt, endsAt)) throw invalidField('endsAt', 'phải sau thời điểm bắt đầu (startsAt)');
}

function assertChairs(members: string[], chair: string, coChair: string | null): void {
  if (!members.includes(chair)) throw invalidField('chairUnitId', 'phải là đơn vị thành viên của khối trong năm');
  if (coChair && !members.includes(coChair)) throw invalidField('coChairUnitId', 'phải là đơn vị thành viên của khối trong năm');
  if (coChair && coChair === chair) throw invalidField('coChairUnitId', 'phải khác đơn vị chủ trì');
}

function guestsOf(guests: { name: string; title?: string; organization?: string }[] | undefined): ConferenceGuest[] {
  return (guests ?? []).map((g) => ({ name: g.name, title: g.title ?? '', organization: g.organization ?? '' }));
}

const snapshot = (c: Conference) => ({
  kind: c.kind, title: c.title, startsAt: c.startsAt, endsAt: c.endsAt, place: c.place, chairUnitId: c.chairUnitId, coChairUnitId: c.coChairUnitId,
  chairName: c.chairName, coChairName: c.coChairName, secretaryName: c.secretaryName, guests: c.guests,
});
