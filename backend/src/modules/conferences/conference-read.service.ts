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
    const rows = await this.ds.query(
      `${SELECT_SUMMARY}
       WHERE ($2::uuid[] IS NULL OR y.block_id = ANY($2::uuid[])) AND ($3::uuid IS NULL OR c.block_year_id = $3) AND ($4::text IS NULL OR c.status = $4)
       ORDER BY c.starts_at DESC`, [actor.unitId, visible, q.blockYearId ?? null, q.status ?? null]);
    return rows.map(toSummary);
  }

  /** "My upcoming conferences": not yet concluded, of the blocks the actor's unit belongs to this year; the board sees all. */
  async upcomingConferences(actor: Actor): Promise<UpcomingConferenceDto[]> {
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

function toSummary(r: Record<string, any>): ConferenceSummaryDto {
  return {
    id: r.id, blockYearId: r.block_year_id, blockId: r.block_id, blockName: r.block_name, year: r.year, kind: r.kind, title: r.title,
    startsAt: iso(r.starts_at)!, endsAt: iso(r.ends_at), place: r.place, status: r.status, chairUnitName: r.chair_unit_name,
    confirmedCount: r.confirmed_count, memberCount: r.member_count, minutesStatus: r.minutes_status ?? null,
  };
}
