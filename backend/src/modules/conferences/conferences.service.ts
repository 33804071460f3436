import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isCityWide, isUnitMember } from '../../common/actor';
import { conflict, invalidField, notFound } from '../../common/app-error';
import { ScopeService } from '../../common/scope/scope.service';
import { assertVersion, changedFields } from '../../common/versioning';
import { AuditService } from '../audit/audit.service';
import type { RuleSet } from '@thidua/rules';
import { CovenantsService } from '../covenants/covenants.service';
import { buildDocumentNumber, renderDocx, renderPdf } from '../documents';
import { ISSUER_PARENT, PLACE } from '../drafts/drafts.export';
import { DraftsService } from '../drafts/drafts.service';
import { markDone, noQuorumMessage, QuorumState, quorumState, reorder, setCurrent, StepChanges, timesOutOfOrder } from './conference-rules';
import { ConferencesPolicy } from './conferences.policy';
import {
  ConferenceAgendaItemDto, ConferenceAgendaItemInputDto, ConferenceAttendanceDto, ConferenceCheckInDto, CloseConferenceDto, ConferenceDto, ConferenceQueryDto, ConferenceSummaryDto,
  CreateConferenceDto, CreateConferenceDecisionDto, ConferenceDecisionDto, ConferenceQuorumDto, ReorderConferenceAgendaDto, ReplyConferenceInvitationDto, UpcomingConferenceDto, UpdateConferenceAgendaItemDto,
  UpdateConferenceDto,
} from './dto/conference.dto';
import { ApproveMinutesDto, ConferenceMinutesDto, RedraftMinutesDto, UpdateMinutesDto } from './dto/minutes.dto';
import type { MaterialKind } from './entities/conference-agenda-item.entity';
import type { ManualDecisionKind } from './entities/conference-decision.entity';
import { ConferenceMinutes } from './entities/conference-minutes.entity';
import { Conference, ConferenceGuest } from './entities/conference.entity';
import { minutesDocument } from './minutes-document';
import { applyMinutesEdit, ConferenceSnapshot, defaultDecisionText, draftMinutes, isNamedInRole, MinutesContent, minutesHash } from './minutes';
import { lastMinutesSequence } from './minutes-number';
import { notify } from '../notifications/notify';


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

interface YearRow {
  id: string;
  block_id: string;
  year: number;
  status: string;
  leader_unit_id: string | null;
  deputy_unit_id: string | null;
  rules: RuleSet;
  block_name: string;
  block_code: string;
}

/** A conference loaded for a write: the row (locked), its year, and whether the actor holds a seat. */
interface WriteContext {
  conf: Conference;
  year: YearRow;
  isLeader: boolean;
}

export interface ExportedFile {
  buffer: Buffer;
  contentType: string;
  filename: string;
}

@Injectable()
export class ConferencesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly scope: ScopeService,
    private readonly drafts: DraftsService,
    private readonly covenants: CovenantsService,
  ) {}

  // ---------------------------------------------------------------- reading

  async list(actor: Actor, q: ConferenceQueryDto): Promise<ConferenceSummaryDto[]> {
    const visible = await this.scope.blockIdsOf(actor);
    const rows = await this.ds.query(
      `${SELECT_SUMMARY}
       WHERE ($2::uuid[] IS NULL OR y.block_id = ANY($2::uuid[])) AND ($3::uuid IS NULL OR c.block_year_id = $3) AND ($4::text IS NULL OR c.status = $4)
       ORDER BY c.starts_at DESC`, [actor.unitId, visible, q.blockYearId ?? null, q.status ?? null]);
    return rows.map(toSummary);
  }

  /** "My upcoming conferences": not yet concluded, of the blocks the actor's unit belongs to this year; the board sees all. */
  async upcoming(actor: Actor): Promise<UpcomingConferenceDto[]> {
    const unitId = isCityWide(actor) ? null : actor.unitId;
    if (!isCityWide(actor) && !unitId) return [];
    const rows = await this.ds.query(
      `${SELECT_SUMMARY}
       WHERE c.status <> 'concluded' AND y.status <> 'archived'
         AND ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM block_year_members m WHERE m.block_year_id = c.block_year_id AND m.unit_id = $1::uuid))
       ORDER BY c.starts_at`, [unitId]);
    return rows.map((r: Record<string, any>) => ({
      ...toSummary(r), myUnitId: unitId, myRsvp: unitId ? (r.my_rsvp ?? 'pending') : null, myDelegate: unitId ? (r.my_delegate ?? '') : null,
    }));
  }

  async get(actor: Actor, id: string): Promise<ConferenceDto> {
    return this.read(this.ds.manager, id, actor);
  }

  async quorum(actor: Actor, id: string): Promise<ConferenceQuorumDto> {
    return (await this.read(this.ds.manager, id, actor)).quorum;
  }

  // ---------------------------------------------------------------- setting up

  async create(actor: Actor, dto: CreateConferenceDto): Promise<ConferenceDto> {
    const id = await this.ds.transaction(async (em) => {
      const year = await this.loadYear(em, dto.blockYearId);
      if (!year) throw invalidField('blockYearId', 'không phải năm thi đua có trong hệ thống');
      await this.scope.assertCanSeeBlock(actor, year.block_id);
      ConferencesPolicy.assertCanRun(actor, await this.scope.isLeaderOf(actor, year.id, em));
      ConferencesPolicy.assertWritable(year);
      const startsAt = new Date(dto.startsAt);
      const endsAt = dto.endsAt ? new Date(dto.endsAt) : null;
      assertTimes(startsAt, endsAt);
      const members = await this.memberIds(em, year.id);
      const chairUnitId = dto.chairUnitId ?? year.leader_unit_id;
      if (!chairUnitId) throw invalidField('chairUnitId', 'là bắt buộc vì năm thi đua chưa có đơn vị khối trưởng');
      let coChairUnitId = dto.coChairUnitId === undefined ? year.deputy_unit_id : dto.coChairUnitId;
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
      await em.query(
        `INSERT INTO conference_attendance (conference_id, unit_id) SELECT $1, unit_id FROM block_year_members WHERE block_year_id = $2`, [conf.id, year.id]);
      await notify(em, actor, { units: members }, { kind: 'conference_invitation', blockYearId: year.id, link: `/conferences/${conf.id}`, title: `Giấy mời: ${conf.title}`, body: `Thời gian: ${new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }).format(startsAt)}${dto.place ? `, địa điểm: ${dto.place}` : ''}. Đề nghị đơn vị xác nhận tham dự.` });
      await this.audit.record(em, actor, {
        action: 'conference.create', entityType: 'conference', entityId: conf.id, blockId: year.block_id,
        after: { ...snapshot(conf), agenda: agenda.map((a) => ({ title: a.title, materialKind: a.materialKind ?? null, materialId: a.materialId ?? null })) },
      });
      return conf.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdateConferenceDto): Promise<ConferenceDto> {
    await this.ds.transaction(async (em) => {
      const { conf, year } = await this.forRunning(em, actor, id);
      assertVersion(conf, dto.version, 'Hội nghị');
      ConferencesPolicy.assertNotConcluded(conf.status);
      const startsAt = dto.startsAt !== undefined ? new Date(dto.startsAt) : conf.startsAt;
      const endsAt = dto.endsAt !== undefined ? (dto.endsAt ? new Date(dto.endsAt) : null) : conf.endsAt;
      assertTimes(startsAt, endsAt);
      const chairUnitId = dto.chairUnitId ?? conf.chairUnitId;
      const coChairUnitId = dto.coChairUnitId === undefined ? conf.coChairUnitId : dto.coChairUnitId;
      assertChairs(await this.memberIds(em, year.id), chairUnitId, coChairUnitId);
      const patch: Partial<Conference> = {
        kind: dto.kind, title: dto.title, place: dto.place, chairName: dto.chairName, coChairName: dto.coChairName, secretaryName: dto.secretaryName,
        guests: dto.guests ? guestsOf(dto.guests) : undefined, chairUnitId, coChairUnitId,
        startsAt: dto.startsAt !== undefined ? startsAt : undefined, endsAt: dto.endsAt !== undefined ? endsAt : undefined,
      };
      const diff = changedFields(conf, patch);
      if (!Object.keys(diff.after).length) return;
      Object.assign(conf, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
      await em.save(conf);
      await this.audit.record(em, actor, { action: 'conference.update', entityType: 'conference', entityId: id, blockId: year.block_id, ...diff });
    });
    return this.get(actor, id);
  }

  /** A planned conference may be withdrawn; once the session has opened it is part of the record. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      const { conf, year } = await this.forRunning(em, actor, id);
      if (conf.status !== 'planned') throw conflict('conference_started', 'Hội nghị đã khai mạc, không thể xóa.');
      await em.query('DELETE FROM conferences WHERE id = $1', [id]);
      await this.audit.record(em, actor, { action: 'conference.delete', entityType: 'conference', entityId: id, blockId: year.block_id, before: snapshot(conf) });
    });
  }

  // ---------------------------------------------------------------- agenda

  async addAgendaItem(actor: Actor, id: string, dto: ConferenceAgendaItemInputDto): Promise<ConferenceDto> {
    await this.ds.transaction(async (em) => {
      const { conf, year } = await this.forRunning(em, actor, id);
      ConferencesPolicy.assertNotConcluded(conf.status);
      await this.assertMaterial(em, year.id, dto.materialKind ?? null, dto.materialId ?? null, '');
      const [{ next }] = await em.query('SELECT coalesce(max(sort), 0)::int + 1 AS next FROM conference_agenda_items WHERE conference_id = $1', [id]);
      const itemId = await this.insertAgendaItem(em, id, next, dto);
      await this.audit.record(em, actor, {
        action: 'conference.agenda_add', entityType: 'conference', entityId: id, blockId: year.block_id,
        after: { itemId, sort: next, title: dto.title, presenter: dto.presenter ?? '', materialKind: dto.materialKind ?? null, materialId: dto.materialId ?? null },
      });
    });
    return this.get(actor, id);
  }

  async updateAgendaItem(actor: Actor, id: string, itemId: string, dto: UpdateConferenceAgendaItemDto): Promise<ConferenceDto> {
    await this.ds.transaction(async (em) => {
      const { conf, year } = await this.forRunning(em, actor, id);
      ConferencesPolicy.assertNotConcluded(conf.status);
      const item = await this.agendaItem(em, id, itemId);
      const materialKind = dto.materialKind === undefined ? item.material_kind : dto.materialKind;
      const materialId = dto.materialId === undefined ? item.material_id : dto.materialId;
      const materialChanged = materialKind !== item.material_kind || materialId !== item.material_id;
      if (materialChanged) {
        if (await this.hasDecisions(em, itemId)) throw conflict('agenda_item_decided', 'Mục chương trình đã có quyết định, không thể đổi tài liệu gắn kèm.');
        await this.assertMaterial(em, year.id, materialKind ?? null, materialId ?? null, '');
      }
      const current = { title: item.title, presenter: item.presenter, notes: item.notes, materialKind: item.material_kind, materialId: item.material_id };
      const diff = changedFields(current, { title: dto.title, presenter: dto.presenter, notes: dto.notes, materialKind, materialId });
      if (!Object.keys(diff.after).length) return;
      await em.query(
        `UPDATE conference_agenda_items SET title = $2, presenter = $3, notes = $4, material_kind = $5, material_id = $6 WHERE id = $1`,
        [itemId, dto.title ?? item.title, dto.presenter ?? item.presenter, dto.notes ?? item.notes, materialKind ?? null, materialId ?? null]);
      await this.audit.record(em, actor, { action: 'conference.agenda_update', entityType: 'conference', entityId: id, blockId: year.block_id, before: { itemId, ...diff.before }, after: { itemId, ...diff.after } });
    });
    return this.get(actor, id);
  }

  async removeAgendaItem(actor: Actor, id: string, itemId: string): Promise<ConferenceDto> {
    await this.ds.transaction(async (em) => {
      const { conf, year } = await this.forRunning(em, actor, id);
      ConferencesPolicy.assertNotConcluded(conf.status);
      const item = await this.agendaItem(em, id, itemId);
      if (await this.hasDecisions(em, itemId)) throw conflict('agenda_item_decided', 'Mục chương trình đã có quyết định, không thể xóa.');
      await em.query('DELETE FROM conference_agenda_items WHERE id = $1', [itemId]);
      await em.query(
        `UPDATE conference_agenda_items i SET sort = o.n FROM (SELECT id, row_number() OVER (ORDER BY sort)::int AS n FROM conference_agenda_items WHERE conference_id = $1) o
         WHERE i.id = o.id AND i.sort <> o.n`, [id]);
      await this.audit.record(em, actor, { action: 'conference.agenda_remove', entityType: 'conference', entityId: id, blockId: year.block_id, before: { itemId, title: item.title, sort: item.sort } });
    });
    return this.get(actor, id);
  }

  async reorderAgenda(actor: Actor, id: string, dto: ReorderConferenceAgendaDto): Promise<ConferenceDto> {
    await this.ds.transaction(async (em) => {
      const { conf, year } = await this.forRunning(em, actor, id);
      ConferencesPolicy.assertNotConcluded(conf.status);
      const items: { id: string; sort: number }[] = await em.query('SELECT id, sort FROM conference_agenda_items WHERE conference_id = $1 ORDER BY sort', [id]);
      const order = reorder(items, dto.itemIds);
      if (!order) throw invalidField('itemIds', 'phải liệt kê đúng và đủ các mục của chương trình, mỗi mục một lần');
      if (items.every((i) => order.get(i.id) === i.sort)) return;
      for (const [itemId, sort] of order) await em.query('UPDATE conference_agenda_items SET sort = $2 WHERE id = $1', [itemId, sort]);
      await this.audit.record(em, actor, { action: 'conference.agenda_reorder', entityType: 'conference', entityId: id, blockId: year.block_id, before: { itemIds: items.map((i) => i.id) }, after: { itemIds: dto.itemIds } });
    });
    return this.get(actor, id);
  }

  // ---------------------------------------------------------------- invitations

  /** A member unit's officer or head says who will attend (or that the unit cannot). */
  async replyToInvitation(actor: Actor, id: string, unitId: string, dto: ReplyConferenceInvitationDto): Promise<ConferenceDto> {
    await this.ds.transaction(async (em) => {
      const { conf, year } = await this.lockConference(em, actor, id);
      const members = await this.memberIds(em, year.id);
      ConferencesPolicy.assertCanReply(actor, unitId, members.includes(unitId));
      ConferencesPolicy.assertWritable(year);
      if (conf.status !== 'planned') throw conflict('invitation_closed', conf.status === 'in_session'
        ? 'Hội nghị đang diễn ra: việc điểm danh do khối trưởng thực hiện, không thể đổi xác nhận tham dự.'
        : 'Hội nghị đã kết thúc, không thể đổi xác nhận tham dự.');
      const delegate = dto.delegate?.trim() ?? '';
      if (dto.response === 'confirmed' && !delegate) throw invalidField('delegate', 'là bắt buộc khi xác nhận tham dự (ghi họ tên, chức vụ người dự họp)');
      const [before] = await em.query('SELECT rsvp, rsvp_delegate FROM conference_attendance WHERE conference_id = $1 AND unit_id = $2', [id, unitId]);
      await em.query(
        `INSERT INTO conference_attendance (conference_id, unit_id, rsvp, rsvp_delegate, rsvp_by, rsvp_at) VALUES ($1,$2,$3,$4,$5,now())
         ON CONFLICT (conference_id, unit_id) DO UPDATE SET rsvp = EXCLUDED.rsvp, rsvp_delegate = EXCLUDED.rsvp_delegate, rsvp_by = EXCLUDED.rsvp_by, rsvp_at = EXCLUDED.rsvp_at`,
        [id, unitId, dto.response, delegate, actor.id]);
      await this.audit.record(em, actor, {
        action: 'conference.reply', entityType: 'conference', entityId: id, blockId: year.block_id,
        before: { unitId, rsvp: before?.rsvp ?? 'pending', delegate: before?.rsvp_delegate ?? '' }, after: { unitId, rsvp: dto.response, delegate },
      });
    });
    return this.get(actor, id);
  }

  // ---------------------------------------------------------------- conference mode

  async open(actor: Actor, id: string): Promise<ConferenceDto> {
    await this.ds.transaction(async (em) => {
      const { conf, year } = await this.forRunning(em, actor, id);
      ConferencesPolicy.assertNotConcluded(conf.status);
      if (conf.status === 'in_session') throw conflict('already_in_session', 'Hội nghị đang diễn ra.');
      conf.status = 'in_session';
      conf.openedAt = new Date();
      await em.save(conf);
      // The stepper starts on the first item.
      const items = await this.stepItems(em, id);
      const first = items.find((i) => i.status !== 'done');
      if (first && !items.some((i) => i.status === 'current')) await this.applySteps(em, setCurrent(items, first.id));
      await this.audit.record(em, actor, { action: 'conference.open', entityType: 'conference', entityId: id, blockId: year.block_id, before: { status: 'planned' }, after: { status: 'in_session', openedAt: conf.openedAt } });
    });
    return this.get(actor, id);
  }

  async setCurrentItem(actor: Actor, id: string, itemId: string): Promise<ConferenceDto> {
    return this.step(actor, id, itemId, 'current');
  }

  async markItemDone(actor: Actor, id: string, itemId: string): Promise<ConferenceDto> {
    return this.step(actor, id, itemId, 'done');
  }

  private async step(actor: Actor, id: string, itemId: string, to: 'current' | 'done'): Promise<ConferenceDto> {
    await this.ds.transaction(async (em) => {
      const { conf, year } = await this.forRunning(em, actor, id);
      ConferencesPolicy.assertInSession(conf.status, 'chuyển mục chương trình');
      await this.agendaItem(em, id, itemId);
      const items = await this.stepItems(em, id);
      const changes = to === 'current' ? setCurrent(items, itemId) : markDone(items, itemId);
      if (!changes.size) return;
      await this.applySteps(em, changes);
      await this.audit.record(em, actor, {
        action: 'conference.agenda_step', entityType: 'conference', entityId: id, blockId: year.block_id,
        before: Object.fromEntries([...changes.keys()].map((k) => [k, items.find((i) => i.id === k)!.status])), after: Object.fromEntries(changes),
      });
    });
    return this.get(actor, id);
  }

  /** Attendance on the day: present (with the delegate's name), absent or excused. The quorum follows. */
  async checkIn(actor: Actor, id: string, unitId: string, dto: ConferenceCheckInDto): Promise<ConferenceDto> {
    await this.ds.transaction(async (em) => {
      const { conf, year } = await this.forRunning(em, actor, id);
      ConferencesPolicy.assertNotConcluded(conf.status);
      if (!(await this.memberIds(em, year.id)).includes(unitId)) throw invalidField('unitId', 'không phải đơn vị thành viên của khối trong năm');
      const [before] = await em.query('SELECT rsvp_delegate, presence, delegate_name FROM conference_attendance WHERE conference_id = $1 AND unit_id = $2', [id, unitId]);
      // An absent unit sent nobody: whom it had registered is not recorded as its delegate.
      let delegate = dto.presence === 'present' ? (dto.delegateName?.trim() ?? '') : '';
      if (dto.presence === 'present' && !delegate) delegate = before?.rsvp_delegate ?? '';
      if (dto.presence === 'present' && !delegate) throw invalidField('delegateName', 'là bắt buộc khi đơn vị có mặt (đơn vị chưa đăng ký người dự họp)');
      await em.query(
        `INSERT INTO conference_attendance (conference_id, unit_id, presence, delegate_name, checked_in_at, checked_in_by) VALUES ($1,$2,$3,$4,now(),$5)
         ON CONFLICT (conference_id, unit_id) DO UPDATE SET presence = EXCLUDED.presence, delegate_name = EXCLUDED.delegate_name,
           checked_in_at = EXCLUDED.checked_in_at, checked_in_by = EXCLUDED.checked_in_by`,
        [id, unitId, dto.presence, delegate, actor.id]);
      await this.audit.record(em, actor, {
        action: 'conference.check_in', entityType: 'conference', entityId: id, blockId: year.block_id,
        before: { unitId, presence: before?.presence ?? null, delegateName: before?.delegate_name ?? '' }, after: { unitId, presence: dto.presence, delegateName: delegate },
      });
    });
    return this.get(actor, id);
  }

  /**
   * Records a decision on an agenda item. Adopting a plan or rules version and opening the covenant's
   * signing need the quorum and material of the same block year; they are carried out by the drafts and
   * covenants modules in this transaction, so the decision and its effect commit together.
   */
  async decide(actor: Actor, id: string, dto: CreateConferenceDecisionDto): Promise<ConferenceDto> {
    await this.ds.transaction(async (em) => {
      const { conf, year } = await this.forRunning(em, actor, id);
      ConferencesPolicy.assertInSession(conf.status, 'ghi nhận quyết định');
      const [item] = await em.query('SELECT id, material_kind, material_id FROM conference_agenda_items WHERE id = $1 AND conference_id = $2', [dto.agendaItemId, id]);
      if (!item) throw invalidField('agendaItemId', 'không thuộc chương trình của hội nghị này');
      const text = dto.text?.trim() ?? '';
      let refId: string | null = null;
      let materialTitle: string | null = null;
      if (dto.kind === 'conclusion') {
        if (dto.refId) throw invalidField('refId', 'không dùng cho kết luận');
        if (!text) throw invalidField('text', 'là bắt buộc với kết luận');
      } else {
        const kind = MATERIAL_FOR[dto.kind];
        refId = dto.refId ?? (item.material_kind === kind ? item.material_id : null);
        if (!refId) throw invalidField('refId', `là bắt buộc: mục chương trình chưa gắn ${MATERIAL_LABEL[kind]}`);
        materialTitle = (await this.assertMaterial(em, year.id, kind, refId, '', 'refId'))!.title;
        const [dup] = await em.query('SELECT 1 FROM conference_decisions WHERE conference_id = $1 AND kind = $2 AND ref_id = $3', [id, dto.kind, refId]);
        if (dup) throw conflict('already_decided', 'Hội nghị đã ghi nhận quyết định này.');
      }
      const q = await this.computeQuorum(em, id, year);
      if (dto.kind !== 'conclusion' && !q.met) throw conflict('no_quorum', noQuorumMessage(q));
      if (dto.kind === 'adopt_plan' || dto.kind === 'adopt_rules') await this.drafts.adoptVersion(em, actor, refId!, id, dto.reason);
      if (dto.kind === 'open_signing') await this.covenants.openSigning(em, actor, refId!, id);
      const finalText = text || (dto.kind === 'conclusion' ? text : defaultDecisionText(dto.kind, materialTitle));
      const [row] = await em.query(
        `INSERT INTO conference_decisions (conference_id, agenda_item_id, kind, ref_id, text, present_count, member_count, quorum_met, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id`,
        [id, item.id, dto.kind, refId, finalText, q.present, q.members, q.met, actor.id]);
      await this.audit.record(em, actor, {
        action: 'conference.decide', entityType: 'conference', entityId: id, blockId: year.block_id,
        after: { decisionId: row.id, agendaItemId: item.id, kind: dto.kind, refId, text: finalText, present: q.present, members: q.members, quorumMet: q.met },
      });
    });
    return this.get(actor, id);
  }

  /** Ends the session and drafts the minutes from what happened. */
  async close(actor: Actor, id: string, dto: CloseConferenceDto): Promise<ConferenceDto> {
    await this.ds.transaction(async (em) => {
      const { conf, year } = await this.forRunning(em, actor, id);
      ConferencesPolicy.assertInSession(conf.status, 'kết thúc hội nghị');
      await em.query(`UPDATE conference_agenda_items SET status = 'done' WHERE conference_id = $1 AND status = 'current'`, [id]);
      conf.status = 'concluded';
      conf.closedAt = new Date();
      if (dto.conclusion !== undefined) conf.conclusion = dto.conclusion.trim();
      await em.save(conf);
      await this.audit.record(em, actor, {
        action: 'conference.close', entityType: 'conference', entityId: id, blockId: year.block_id,
        before: { status: 'in_session' }, after: { status: 'concluded', closedAt: conf.closedAt, conclusion: conf.conclusion },
      });
      await this.draftMinutesRow(em, actor, id, year);
    });
    return this.get(actor, id);
  }

  // ---------------------------------------------------------------- minutes

  async getMinutes(actor: Actor, id: string): Promise<ConferenceMinutesDto> {
    const conf = await this.read(this.ds.manager, id, actor);
    const person = { fullName: actor.fullName, unitName: await this.unitName(this.ds.manager, actor.unitId) };
    return this.minutesDto(this.ds.manager, id, conf.permissions.canRun, (content) =>
      isUnitMember(actor) ? (['chair', 'secretary'] as const).filter((r) => isNamedInRole(content, r, person)) : []);
  }

  async editMinutes(actor: Actor, id: string, dto: UpdateMinutesDto): Promise<ConferenceMinutesDto> {
    await this.ds.transaction(async (em) => {
      const { year } = await this.forRunning(em, actor, id);
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
        action: 'minutes.update', entityType: 'conference', entityId: id, blockId: year.block_id, before: { ...diff.before, ...approvals }, after: diff.after,
        reason: Object.keys(approvals).length ? 'Nội dung thay đổi: các xác nhận thông qua trước đó bị hủy' : undefined,
      });
    });
    return this.getMinutes(actor, id);
  }

  /** Discards edits and drafts the minutes again from the conference. */
  async redraftMinutes(actor: Actor, id: string, dto: RedraftMinutesDto): Promise<ConferenceMinutesDto> {
    await this.ds.transaction(async (em) => {
      const { year } = await this.forRunning(em, actor, id);
      const minutes = await this.lockMinutes(em, id);
      assertMinutesDraft(minutes);
      assertVersion(minutes, dto.version, 'Biên bản');
      const content = draftMinutes(toSnapshot(await this.read(em, id, null)));
      const approvals = clearApprovals(minutes);
      const diff = changedFields(minutes.content, content);
      minutes.content = content;
      await em.save(minutes);
      await this.audit.record(em, actor, { action: 'minutes.redraft', entityType: 'conference', entityId: id, blockId: year.block_id, before: { ...diff.before, ...approvals }, after: diff.after });
    });
    return this.getMinutes(actor, id);
  }

  /**
   * The chair and the secretary each approve: only the person the minutes name in that role (the name
   * printed under its signature), two different people; with both, the minutes are approved, their
   * content hashed and frozen.
   */
  async approveMinutes(actor: Actor, id: string, dto: ApproveMinutesDto): Promise<ConferenceMinutesDto> {
    await this.ds.transaction(async (em) => {
      const { year } = await this.lockConference(em, actor, id);
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
        const [who] = await em.query('SELECT full_name FROM accounts WHERE id = $1', [by(mine)]);
        throw conflict('already_approved', `Biên bản đã được thông qua với tư cách ${label[mine]} (${who?.full_name ?? 'không rõ'}).`);
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
        action: 'minutes.approve', entityType: 'conference', entityId: id, blockId: year.block_id,
        after: { as: mine, at: now, version: dto.version, ...(complete ? { status: 'approved', contentHash: minutes.contentHash } : {}) },
      });
    });
    return this.getMinutes(actor, id);
  }

  private async unitName(em: EntityManager, unitId: string | null): Promise<string | null> {
    if (!unitId) return null;
    const [u] = await em.query('SELECT name FROM units WHERE id = $1', [unitId]);
    return u?.name ?? null;
  }

  async exportMinutes(actor: Actor, id: string, format: 'docx' | 'pdf'): Promise<ExportedFile> {
    const conf = await this.read(this.ds.manager, id, actor);
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

  // ---------------------------------------------------------------- internals

  private async loadYear(em: EntityManager, blockYearId: string): Promise<YearRow | null> {
    const [row] = await em.query(
      `SELECT y.id, y.block_id, y.year, y.status, y.leader_unit_id, y.deputy_unit_id, y.rules, b.name AS block_name, b.code AS block_code
       FROM block_years y JOIN blocks b ON b.id = y.block_id WHERE y.id = $1`, [blockYearId]);
    return row ?? null;
  }

  private async memberIds(em: EntityManager, blockYearId: string): Promise<string[]> {
    return (await em.query('SELECT unit_id FROM block_year_members WHERE block_year_id = $1', [blockYearId])).map((r: { unit_id: string }) => r.unit_id);
  }

  /** Locks the conference row (serialising every write to one conference) and checks the actor may see it. */
  private async lockConference(em: EntityManager, actor: Actor, id: string): Promise<WriteContext> {
    const conf = await em.getRepository(Conference).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!conf) throw notFound('Không tìm thấy hội nghị.');
    const year = (await this.loadYear(em, conf.blockYearId))!;
    await this.scope.assertCanSeeBlock(actor, year.block_id);
    return { conf, year, isLeader: await this.scope.isLeaderOf(actor, year.id, em) };
  }

  /** For the leader's writes: locked, in scope, leader or deputy seat, year not archived. */
  private async forRunning(em: EntityManager, actor: Actor, id: string): Promise<WriteContext> {
    const ctx = await this.lockConference(em, actor, id);
    ConferencesPolicy.assertCanRun(actor, ctx.isLeader);
    ConferencesPolicy.assertWritable(ctx.year);
    return ctx;
  }

  private async agendaItem(em: EntityManager, conferenceId: string, itemId: string) {
    const [item] = await em.query('SELECT * FROM conference_agenda_items WHERE id = $1 AND conference_id = $2', [itemId, conferenceId]);
    if (!item) throw notFound('Không tìm thấy mục chương trình trong hội nghị này.');
    return item as { id: string; sort: number; title: string; presenter: string; notes: string; material_kind: MaterialKind | null; material_id: string | null; status: string };
  }

  private async hasDecisions(em: EntityManager, itemId: string): Promise<boolean> {
    return (await em.query('SELECT 1 FROM conference_decisions WHERE agenda_item_id = $1 LIMIT 1', [itemId])).length > 0;
  }

  private async insertAgendaItem(em: EntityManager, conferenceId: string, sort: number, item: ConferenceAgendaItemInputDto): Promise<string> {
    const [row] = await em.query(
      `INSERT INTO conference_agenda_items (conference_id, sort, title, presenter, notes, material_kind, material_id) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
      [conferenceId, sort, item.title, item.presenter ?? '', item.notes ?? '', item.materialKind ?? null, item.materialId ?? null]);
    return row.id;
  }

  private async describeMaterial(em: EntityManager, kind: MaterialKind, id: string) {
    return kind === 'covenant' ? this.covenants.describe(em, id) : this.drafts.describeMaterial(em, kind, id);
  }

  /**
   * Linked material must exist and belong to the same block year (an agenda item never references another
   * block's documents). `prefix` names the field in the 400 (e.g. "agenda[2].").
   */
  private async assertMaterial(em: EntityManager, blockYearId: string, kind: MaterialKind | null, id: string | null, prefix: string, idField = 'materialId') {
    if (!kind && !id) return null;
    if (!kind) throw invalidField(`${prefix}materialKind`, 'là bắt buộc khi gắn tài liệu');
    if (!id) throw invalidField(`${prefix}${idField}`, 'là bắt buộc khi chọn loại tài liệu');
    const found = await this.describeMaterial(em, kind, id);
    if (!found) throw invalidField(`${prefix}${idField}`, `không phải ${MATERIAL_LABEL[kind]} có trong hệ thống`);
    if (found.blockYearId !== blockYearId) {
      throw invalidField(`${prefix}${idField}`, 'thuộc khối hoặc năm thi đua khác; chỉ được gắn tài liệu của chính năm thi đua này', 'material_other_year');
    }
    return found;
  }

  private async stepItems(em: EntityManager, conferenceId: string) {
    return em.query('SELECT id, sort, status FROM conference_agenda_items WHERE conference_id = $1 ORDER BY sort', [conferenceId]) as Promise<
      { id: string; sort: number; status: 'pending' | 'current' | 'done' }[]>;
  }

  /** Leaves `current` first, so the one-current-item index holds after every statement. */
  private async applySteps(em: EntityManager, changes: StepChanges): Promise<void> {
    const ordered = [...changes].sort(([, a], [, b]) => (a === 'current' ? 1 : 0) - (b === 'current' ? 1 : 0));
    for (const [itemId, status] of ordered) await em.query('UPDATE conference_agenda_items SET status = $2 WHERE id = $1', [itemId, status]);
  }

  private async computeQuorum(em: EntityManager, conferenceId: string, year: YearRow): Promise<QuorumState> {
    const [{ members, present }] = await em.query(
      `SELECT count(*)::int AS members, count(*) FILTER (WHERE a.presence = 'present')::int AS present
       FROM block_year_members m LEFT JOIN conference_attendance a ON a.conference_id = $1 AND a.unit_id = m.unit_id
       WHERE m.block_year_id = $2`, [conferenceId, year.id]);
    return quorumState(present, members, year.rules);
  }

  private async lockMinutes(em: EntityManager, conferenceId: string): Promise<ConferenceMinutes> {
    const minutes = await em.getRepository(ConferenceMinutes).findOne({ where: { conferenceId }, lock: { mode: 'pessimistic_write' } });
    if (!minutes) throw notFound('Chưa có biên bản: biên bản được lập tự động khi kết thúc hội nghị.', 'minutes_not_drafted');
    return minutes;
  }

  /** Drafts the minutes row at the end of the session, numbered "NN/BB-<block code>" within the block year. */
  private async draftMinutesRow(em: EntityManager, actor: Actor | null, conferenceId: string, year: YearRow): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('conference_minutes:' || $1::text))`, [year.id]);
    // Tally records (biên bản kiểm phiếu, ballots module) share the year's BB numbers: skip the ones they hold.
    const taken = new Set<number>((await em.query('SELECT sequence FROM ballot_tally_records WHERE block_year_id = $1', [year.id])).map((r: { sequence: number }) => r.sequence));
    let seq = (await lastMinutesSequence(em, year.id)) + 1;
    while (taken.has(seq)) seq += 1;
    const content = draftMinutes(toSnapshot(await this.read(em, conferenceId, null)));
    const docNumber = buildDocumentNumber(seq, 'BB', year.block_code);
    await em.save(em.getRepository(ConferenceMinutes).create({ conferenceId, docNumber, content, status: 'draft' }));
    await notify(em, actor, { leadersOf: [year.id] }, { kind: 'minutes_to_approve', blockYearId: year.id, link: `/conferences/${conferenceId}`, title: `Biên bản hội nghị số ${docNumber} chờ chủ trì và thư ký thông qua` });
    await this.audit.record(em, actor, { action: 'minutes.draft', entityType: 'conference', entityId: conferenceId, blockId: year.block_id, after: { number: docNumber } });
  }

  private async minutesDto(em: EntityManager, conferenceId: string, canRun: boolean, rolesOf: (c: MinutesContent) => ('chair' | 'secretary')[]): Promise<ConferenceMinutesDto> {
    const [m] = await em.query(
      `SELECT m.*, ca.full_name AS chair_approver, sa.full_name AS secretary_approver, y.status AS year_status
       FROM conference_minutes m LEFT JOIN accounts ca ON ca.id = m.chair_approved_by LEFT JOIN accounts sa ON sa.id = m.secretary_approved_by
       JOIN conferences c ON c.id = m.conference_id JOIN block_years y ON y.id = c.block_year_id
       WHERE m.conference_id = $1`, [conferenceId]);
    if (!m) throw notFound('Chưa có biên bản: biên bản được lập tự động khi kết thúc hội nghị.', 'minutes_not_drafted');
    const approval = (by: string | null, name: string | null, at: Date | null) => (by ? { accountId: by, name: name ?? '', at: new Date(at!).toISOString() } : null);
    return {
      conferenceId, number: m.doc_number, status: m.status, content: m.content,
      chairApproval: approval(m.chair_approved_by, m.chair_approver, m.chair_approved_at),
      secretaryApproval: approval(m.secretary_approved_by, m.secretary_approver, m.secretary_approved_at),
      contentHash: m.content_hash, version: m.version, updatedAt: new Date(m.updated_at).toISOString(),
      canEdit: canRun && m.status === 'draft',
      canApproveAs: m.status === 'draft' && m.year_status !== 'archived' ? rolesOf(m.content) : [],
    };
  }

  /** The full read model; `actor` null means an internal read (no scope check, no permissions). */
  private async read(em: EntityManager, id: string, actor: Actor | null): Promise<ConferenceDto> {
    const [c] = await em.query(
      `SELECT c.*, y.block_id, y.year, y.status AS year_status, y.rules, y.leader_unit_id, y.deputy_unit_id, b.name AS block_name, b.code AS block_code,
              cu.name AS chair_unit_name, ccu.name AS co_chair_unit_name, mn.status AS minutes_status
       FROM conferences c JOIN block_years y ON y.id = c.block_year_id JOIN blocks b ON b.id = y.block_id
       JOIN units cu ON cu.id = c.chair_unit_id LEFT JOIN units ccu ON ccu.id = c.co_chair_unit_id
       LEFT JOIN conference_minutes mn ON mn.conference_id = c.id
       WHERE c.id = $1`, [id]);
    if (!c) throw notFound('Không tìm thấy hội nghị.');
    if (actor) await this.scope.assertCanSeeBlock(actor, c.block_id);
    const seatOf = (unitId: string | null) => (unitId && unitId === c.leader_unit_id ? 'leader' : unitId && unitId === c.deputy_unit_id ? 'deputy' : null);

    const items: Record<string, any>[] = await em.query('SELECT * FROM conference_agenda_items WHERE conference_id = $1 ORDER BY sort', [id]);
    const agenda: ConferenceAgendaItemDto[] = [];
    for (const i of items) {
      const material = i.material_kind ? await this.describeMaterial(em, i.material_kind, i.material_id) : null;
      agenda.push({
        id: i.id, sort: i.sort, title: i.title, presenter: i.presenter, notes: i.notes, materialKind: i.material_kind, materialId: i.material_id,
        materialTitle: material?.title ?? null, status: i.status,
      });
    }
    const att: Record<string, any>[] = await em.query(
      `SELECT u.id AS unit_id, u.name, u.short_name, a.rsvp, a.rsvp_delegate, a.rsvp_at, ra.full_name AS rsvp_by_name, a.presence, a.delegate_name, a.checked_in_at
       FROM block_year_members m JOIN units u ON u.id = m.unit_id
       LEFT JOIN conference_attendance a ON a.conference_id = $1 AND a.unit_id = m.unit_id
       LEFT JOIN accounts ra ON ra.id = a.rsvp_by
       WHERE m.block_year_id = $2
       ORDER BY (u.id = $3) DESC, (u.id = $4) DESC, u.name`, [id, c.block_year_id, c.leader_unit_id, c.deputy_unit_id]);
    const attendance: ConferenceAttendanceDto[] = att.map((a) => ({
      unitId: a.unit_id, unitName: a.name, unitShortName: a.short_name, seat: seatOf(a.unit_id), rsvp: a.rsvp ?? 'pending', rsvpDelegate: a.rsvp_delegate ?? '',
      rsvpByName: a.rsvp_by_name ?? null, rsvpAt: iso(a.rsvp_at), presence: a.presence ?? null, delegateName: a.delegate_name ?? '', checkedInAt: iso(a.checked_in_at),
    }));
    const quorum = quorumState(attendance.filter((a) => a.presence === 'present').length, attendance.length, c.rules);
    const decisions: ConferenceDecisionDto[] = (await em.query(
      `SELECT d.*, ac.full_name AS created_by_name FROM conference_decisions d LEFT JOIN accounts ac ON ac.id = d.created_by
       WHERE d.conference_id = $1 ORDER BY d.created_at, d.id`, [id])).map((d: Record<string, any>) => ({
      id: d.id, agendaItemId: d.agenda_item_id, kind: d.kind, refId: d.ref_id, text: d.text, presentCount: d.present_count, memberCount: d.member_count,
      quorumMet: d.quorum_met, createdAt: iso(d.created_at)!, createdByName: d.created_by_name ?? null,
    }));

    let canRun = false;
    let canReplyForUnitId: string | null = null;
    if (actor) {
      const writable = c.year_status !== 'archived';
      canRun = writable && ConferencesPolicy.canRun(actor, seatOf(actor.unitId) !== null);
      const member = !isCityWide(actor) && attendance.some((a) => a.unitId === actor.unitId);
      canReplyForUnitId = writable && member && c.status === 'planned' ? actor.unitId : null;
    }
    return {
      id: c.id, blockYearId: c.block_year_id, blockId: c.block_id, blockName: c.block_name, blockCode: c.block_code, year: c.year, yearStatus: c.year_status,
      kind: c.kind, title: c.title, startsAt: iso(c.starts_at)!, endsAt: iso(c.ends_at), place: c.place,
      chairUnitId: c.chair_unit_id, chairUnitName: c.chair_unit_name, coChairUnitId: c.co_chair_unit_id, coChairUnitName: c.co_chair_unit_name ?? null,
      chairName: c.chair_name, coChairName: c.co_chair_name, secretaryName: c.secretary_name, guests: c.guests, status: c.status,
      openedAt: iso(c.opened_at), closedAt: iso(c.closed_at), conclusion: c.conclusion, version: c.version,
      agenda, attendance, quorum, decisions, minutesStatus: c.minutes_status ?? null, permissions: { canRun, canReplyForUnitId },
    };
  }
}

// ------------------------------------------------------------------ helpers

/** Summary columns; `$1` is the actor's unit (or null), whose invitation is joined as `my_rsvp`. */
const SELECT_SUMMARY = `
  SELECT c.id, c.block_year_id, y.block_id, b.name AS block_name, y.year, c.kind, c.title, c.starts_at, c.ends_at, c.place, c.status,
         cu.name AS chair_unit_name, mn.status AS minutes_status,
         (SELECT count(*)::int FROM block_year_members m WHERE m.block_year_id = c.block_year_id) AS member_count,
         (SELECT count(*)::int FROM conference_attendance a JOIN block_year_members m ON m.block_year_id = c.block_year_id AND m.unit_id = a.unit_id
           WHERE a.conference_id = c.id AND a.rsvp = 'confirmed') AS confirmed_count
         , ma.rsvp AS my_rsvp, ma.rsvp_delegate AS my_delegate
  FROM conferences c JOIN block_years y ON y.id = c.block_year_id JOIN blocks b ON b.id = y.block_id
  JOIN units cu ON cu.id = c.chair_unit_id LEFT JOIN conference_minutes mn ON mn.conference_id = c.id
  LEFT JOIN conference_attendance ma ON ma.conference_id = c.id AND ma.unit_id = $1::uuid`;

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

function toSummary(r: Record<string, any>): ConferenceSummaryDto {
  return {
    id: r.id, blockYearId: r.block_year_id, blockId: r.block_id, blockName: r.block_name, year: r.year, kind: r.kind, title: r.title,
    startsAt: iso(r.starts_at)!, endsAt: iso(r.ends_at), place: r.place, status: r.status, chairUnitName: r.chair_unit_name,
    confirmedCount: r.confirmed_count, memberCount: r.member_count, minutesStatus: r.minutes_status ?? null,
  };
}

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

const snapshot = (c: Conference) => ({
  kind: c.kind, title: c.title, startsAt: c.startsAt, endsAt: c.endsAt, place: c.place, chairUnitId: c.chairUnitId, coChairUnitId: c.coChairUnitId,
  chairName: c.chairName, coChairName: c.coChairName, secretaryName: c.secretaryName, guests: c.guests,
});

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

export type { MinutesContent };
