import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isCityWide } from '../../common/actor';
import { notFound } from '../../common/app-error';
import { ScopeService } from '../../common/scope/scope.service';
import { CovenantsService } from '../covenants/covenants.service';
import { DraftReadService } from '../drafts/draft-read.service';
import { quorumState } from './conference-rules';
import { iso } from './conference-data';
import { agendaItems } from './agenda-data';
import { attendanceList, conferenceList, type ConferenceSummaryRow, conferenceView, decisionList, upcomingConferenceList } from './conference-read-data';
import { ConferencesPolicy } from './conferences.policy';
import {
  ConferenceAgendaItemDto, ConferenceAttendanceDto, ConferenceDecisionDto, ConferenceDto, ConferenceQueryDto, ConferenceQuorumDto, ConferenceSummaryDto, UpcomingConferenceDto,
} from './dto/conference.dto';
import type { MaterialKind } from './entities/conference-agenda-item.entity';

/** Conferences as officials read them: the list, "my upcoming conferences", one conference (agenda, attendance, quorum, decisions). */
@Injectable()
export class ConferenceReadService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scope: ScopeService,
    private readonly drafts: DraftReadService,
    private readonly covenants: CovenantsService,
  ) {}

  async listConferences(actor: Actor, q: ConferenceQueryDto): Promise<ConferenceSummaryDto[]> {
    const visible = await this.scope.blockIdsOf(actor);
    const rows = await conferenceList(this.ds.manager, { unitId: actor.unitId, visibleBlockIds: visible, blockYearId: q.blockYearId ?? null, status: q.status ?? null });
    return rows.map(toSummary);
  }

  /** "My upcoming conferences": not yet concluded, of the blocks the actor's unit belongs to this year; the board sees all. */
  async upcomingConferences(actor: Actor): Promise<UpcomingConferenceDto[]> {
    const unitId = isCityWide(actor) ? null : actor.unitId;
    if (!isCityWide(actor) && !unitId) return [];
    const rows = await upcomingConferenceList(this.ds.manager, unitId);
    return rows.map((r) => ({
      ...toSummary(r), myUnitId: unitId, myRsvp: unitId ? (r.myRsvp ?? 'pending') : null, myDelegate: unitId ? (r.myDelegate ?? '') : null,
    }));
  }

  async getConference(actor: Actor, id: string): Promise<ConferenceDto> {
    return this.read(this.ds.manager, id, actor);
  }

  async conferenceQuorum(actor: Actor, id: string): Promise<ConferenceQuorumDto> {
    return (await this.read(this.ds.manager, id, actor)).quorum;
  }

  /** The read model inside the caller's transaction; `actor` null: an internal read (the minutes are drafted from it). */
  async readIn(em: EntityManager, id: string, actor: Actor | null): Promise<ConferenceDto> {
    return this.read(em, id, actor);
  }

  /** The title and block year of a plan or rules version (drafts module) or a covenant (covenants module) on the agenda. */
  async describeMaterial(em: EntityManager, kind: MaterialKind, id: string) {
    return kind === 'covenant' ? this.covenants.describe(em, id) : this.drafts.describeMaterial(em, kind, id);
  }

  /** The full read model; `actor` null means an internal read (no scope check, no permissions). */
  private async read(em: EntityManager, id: string, actor: Actor | null): Promise<ConferenceDto> {
    const c = await conferenceView(em, id);
    if (!c) throw notFound('Không tìm thấy hội nghị.');
    if (actor) await this.scope.assertCanSeeBlock(actor, c.blockId);
    const seatOf = (unitId: string | null) => (unitId && unitId === c.leaderUnitId ? 'leader' : unitId && unitId === c.deputyUnitId ? 'deputy' : null);

    const items = await agendaItems(em, id);
    const agenda: ConferenceAgendaItemDto[] = [];
    for (const i of items) {
      const material = i.materialKind ? await this.describeMaterial(em, i.materialKind, i.materialId!) : null;
      agenda.push({
        id: i.id, sort: i.sort, title: i.title, presenter: i.presenter, notes: i.notes, materialKind: i.materialKind, materialId: i.materialId,
        materialTitle: material?.title ?? null, status: i.status,
      });
    }
    const att = await attendanceList(em, id, c.blockYearId, c.leaderUnitId, c.deputyUnitId);
    const attendance: ConferenceAttendanceDto[] = att.map((a) => ({
      unitId: a.unitId, unitName: a.name, unitShortName: a.shortName, seat: seatOf(a.unitId), rsvp: a.rsvp ?? 'pending', rsvpDelegate: a.rsvpDelegate ?? '',
      rsvpByName: a.rsvpByName ?? null, rsvpAt: iso(a.rsvpAt), presence: a.presence ?? null, delegateName: a.delegateName ?? '', checkedInAt: iso(a.checkedInAt),
    }));
    const quorum = quorumState(attendance.filter((a) => a.presence === 'present').length, attendance.length, c.rules);
    const decisions: ConferenceDecisionDto[] = (await decisionList(em, id)).map((d) => ({
      id: d.id, agendaItemId: d.agendaItemId, kind: d.kind, refId: d.refId, text: d.text, presentCount: d.presentCount, memberCount: d.memberCount,
      quorumMet: d.quorumMet, createdAt: iso(d.createdAt)!, createdByName: d.createdByName ?? null,
    }));

    let canRun = false;
    let canReplyForUnitId: string | null = null;
    if (actor) {
      const writable = c.yearStatus !== 'archived';
      canRun = writable && ConferencesPolicy.canRun(actor, seatOf(actor.unitId) !== null);
      const member = !isCityWide(actor) && attendance.some((a) => a.unitId === actor.unitId);
      canReplyForUnitId = writable && member && c.status === 'planned' ? actor.unitId : null;
    }
    return {
      id: c.id, blockYearId: c.blockYearId, blockId: c.blockId, blockName: c.blockName, blockCode: c.blockCode, year: c.year, yearStatus: c.yearStatus,
      kind: c.kind, title: c.title, startsAt: iso(c.startsAt)!, endsAt: iso(c.endsAt), place: c.place,
      chairUnitId: c.chairUnitId, chairUnitName: c.chairUnitName, coChairUnitId: c.coChairUnitId, coChairUnitName: c.coChairUnitName ?? null,
      chairName: c.chairName, coChairName: c.coChairName, secretaryName: c.secretaryName, guests: c.guests, status: c.status,
      openedAt: iso(c.openedAt), closedAt: iso(c.closedAt), conclusion: c.conclusion, version: c.version,
      agenda, attendance, quorum, decisions, minutesStatus: c.minutesStatus ?? null, permissions: { canRun, canReplyForUnitId },
    };
  }
}

// ------------------------------------------------------------------ helpers

function toSummary(r: ConferenceSummaryRow): ConferenceSummaryDto {
  return {
    id: r.id, blockYearId: r.blockYearId, blockId: r.blockId, blockName: r.blockName, year: r.year, kind: r.kind, title: r.title,
    startsAt: iso(r.startsAt)!, endsAt: iso(r.endsAt), place: r.place, status: r.status, chairUnitName: r.chairUnitName,
    confirmedCount: r.confirmedCount, memberCount: r.memberCount, minutesStatus: r.minutesStatus ?? null,
  };
}
