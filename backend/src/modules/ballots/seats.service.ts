import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { conflict, invalidField } from '../../common/app-error';
import { loadYearContext } from '../../common/scope/year-context';
import { AuditService } from '../audit/audit.service';
import { defaultRuleSet } from '@thidua/rules';
import { noQuorumMessage, quorumState } from '../conferences/conference-rules';
import { BallotsPolicy } from './ballots.policy';
import { ElectSeatsDto, SeatElectionDto, SeatSuggestionDto } from './dto/seats.dto';
import { RuleInputError } from '../../domain/year-end';
import { recordSessionOutcome } from '../conferences/session-outcomes';
import { ElectionRow, RotationUnit, rotationOrder, seatElection, suggestSeats } from './seat-rotation';

/**
 * Election of next year's leader (khối trưởng) and deputy (khối phó) at the year-end conference
 * (docs/domain.md §3): a suggestion by rotation, and the conference's decision, recorded by the leader seat in
 * session with the quorum. "Start next year" reads the decision.
 */
@Injectable()
export class SeatsService {
  constructor(@InjectDataSource() private readonly ds: DataSource, private readonly audit: AuditService) {}

  async suggestion(actor: Actor, blockYearId: string, override?: string[]): Promise<SeatSuggestionDto> {
    const em = this.ds.manager;
    const y = await loadYearContext(em, blockYearId, actor);
    BallotsPolicy.assertCanRead(actor, y);
    if (override) await assertPermutation(em, blockYearId, override);
    let result;
    try {
      result = await suggestSeats(em, blockYearId, override);
    } catch (e) {
      if (e instanceof RuleInputError) throw invalidField('rotationOrder', e.message);
      throw e;
    }
    const names = new Map(result.rotation.map((r) => [r.unitId, r.name]));
    const nameOf = (id: string | null) => (id ? names.get(id) ?? null : null);
    const [next] = await em.query('SELECT id FROM block_years WHERE block_id = $1 AND year = $2', [y.blockId, y.year + 1]);
    const election = await seatElection(em, blockYearId);
    return {
      blockYearId, year: y.year, nextYear: y.year + 1,
      current: { leaderUnitId: y.leaderUnitId, leaderUnitName: nameOf(y.leaderUnitId), deputyUnitId: y.deputyUnitId, deputyUnitName: nameOf(y.deputyUnitId) },
      rotationOrder: result.rotation,
      suggestion: {
        leaderUnitId: result.suggestion.leaderUnitId, leaderUnitName: nameOf(result.suggestion.leaderUnitId),
        deputyUnitId: result.suggestion.deputyUnitId, deputyUnitName: nameOf(result.suggestion.deputyUnitId), notes: result.suggestion.notes,
      },
      election: election ? await electionDto(em, election) : null,
      nextYearId: next?.id ?? null,
      canRunBallots: BallotsPolicy.canRun(actor, y),
      canElect: BallotsPolicy.canRun(actor, y) && !next,
      canStartNextYear: BallotsPolicy.canStartNextYear(actor, y, !!election) && !next,
    };
  }

  /**
   * Records the seats the conference elected: the leader seat, at the year's year-end conference in session
   * with its quorum; both units members of the block this year. Recorded again (e.g. a correction during
   * the session) until next year is started.
   */
  async elect(actor: Actor, blockYearId: string, dto: ElectSeatsDto): Promise<SeatSuggestionDto> {
    await this.ds.transaction(async (em) => {
      const y = await loadYearContext(em, blockYearId, actor, { lock: true });
      BallotsPolicy.assertCanRead(actor, y);
      BallotsPolicy.assertCanRun(actor, y);
      const [conf] = await em.query('SELECT id, block_year_id, kind, status FROM conferences WHERE id = $1 FOR SHARE', [dto.conferenceId]);
      if (!conf || conf.block_year_id !== blockYearId) throw invalidField('conferenceId', 'không phải hội nghị của năm thi đua này');
      if (conf.kind !== 'year_end') throw conflict('not_year_end', 'Khối trưởng, Khối phó năm sau được bầu tại hội nghị tổng kết năm.');
      if (conf.status !== 'in_session') throw conflict('not_in_session', conf.status === 'planned' ? 'Hội nghị chưa khai mạc, chưa thể ghi nhận kết quả bầu.' : 'Hội nghị đã kết thúc, không thể ghi nhận kết quả bầu.');
      const [next] = await em.query('SELECT 1 FROM block_years WHERE block_id = $1 AND year = $2', [y.blockId, y.year + 1]);
      if (next) throw conflict('next_year_exists', `Năm thi đua ${y.year + 1} của khối đã được khởi tạo; việc đổi Khối trưởng, Khối phó năm đó do Ban Thi đua – Khen thưởng Thành phố thực hiện.`);
      const members: string[] = (await em.query('SELECT unit_id FROM block_year_members WHERE block_year_id = $1', [blockYearId])).map((r: { unit_id: string }) => r.unit_id);
      if (!members.includes(dto.leaderUnitId)) throw invalidField('leaderUnitId', 'phải là đơn vị thành viên của khối');
      const deputy = dto.deputyUnitId ?? null;
      if (deputy && !members.includes(deputy)) throw invalidField('deputyUnitId', 'phải là đơn vị thành viên của khối');
      if (deputy && deputy === dto.leaderUnitId) throw invalidField('deputyUnitId', 'phải khác đơn vị Khối trưởng');
      if (dto.rotationOrder) await assertPermutation(em, blockYearId, dto.rotationOrder);
      const [att] = await em.query(
        `SELECT count(*)::int AS members, count(*) FILTER (WHERE a.presence = 'present')::int AS present
         FROM block_year_members m LEFT JOIN conference_attendance a ON a.conference_id = $1 AND a.unit_id = m.unit_id WHERE m.block_year_id = $2`, [conf.id, blockYearId]);
      const q = quorumState(att.present, att.members, { ...defaultRuleSet(), ...(y.rules ?? {}) });
      if (!q.met) throw conflict('no_quorum', `${noQuorumMessage(q)}. Chưa thể ghi nhận kết quả bầu.`);
      const rotation = (await rotationOrder(em, blockYearId, dto.rotationOrder ?? null)).map((r) => r.unitId);
      const before = await seatElection(em, blockYearId);
      await em.query(
        `INSERT INTO seat_elections (block_year_id, conference_id, leader_unit_id, deputy_unit_id, rotation_order, present_count, member_count, note, decided_by, decided_at, version)
         VALUES ($1,$2,$3,$4,$5::uuid[],$6,$7,$8,$9,now(),1)
         ON CONFLICT (block_year_id) DO UPDATE SET conference_id = EXCLUDED.conference_id, leader_unit_id = EXCLUDED.leader_unit_id, deputy_unit_id = EXCLUDED.deputy_unit_id,
           rotation_order = EXCLUDED.rotation_order, present_count = EXCLUDED.present_count, member_count = EXCLUDED.member_count, note = EXCLUDED.note,
           decided_by = EXCLUDED.decided_by, decided_at = now(), version = seat_elections.version + 1`,
        [blockYearId, conf.id, dto.leaderUnitId, deputy, rotation, q.present, q.members, dto.note ?? '', actor.id]);
      const names = new Map<string, string>((await em.query('SELECT id, name FROM units WHERE id = ANY($1::uuid[])', [[dto.leaderUnitId, deputy].filter(Boolean)]))
        .map((u: { id: string; name: string }) => [u.id, u.name]));
      await recordSessionOutcome(em, {
        conferenceId: conf.id, kind: 'seat_election', refId: blockYearId, present: q.present, members: q.members, actorId: actor.id,
        text: `Hội nghị bầu ${names.get(dto.leaderUnitId)} làm Khối trưởng${deputy ? `, ${names.get(deputy)} làm Khối phó` : ''} ${y.blockName} năm ${y.year + 1}`
          + `${dto.note?.trim() ? ` (${dto.note.trim()})` : ''}.`,
      });
      await this.audit.record(em, actor, {
        action: 'seats.elect', entityType: 'block_year', entityId: blockYearId, blockId: y.blockId,
        before: before ? { leaderUnitId: before.leader_unit_id, deputyUnitId: before.deputy_unit_id, rotationOrder: before.rotation_order } : undefined,
        after: { nextYear: y.year + 1, conferenceId: conf.id, leaderUnitId: dto.leaderUnitId, deputyUnitId: deputy, rotationOrder: rotation, present: q.present, members: q.members },
      });
    });
    return this.suggestion(actor, blockYearId);
  }
}

/** The rotation order must list every member unit of the year exactly once. */
async function assertPermutation(em: EntityManager, blockYearId: string, order: string[]): Promise<void> {
  const members: string[] = (await em.query('SELECT unit_id FROM block_year_members WHERE block_year_id = $1', [blockYearId])).map((r: { unit_id: string }) => r.unit_id);
  const ok = order.length === members.length && new Set(order).size === order.length && order.every((u) => members.includes(u));
  if (!ok) throw invalidField('rotationOrder', 'phải liệt kê đúng và đủ các đơn vị thành viên của khối trong năm, mỗi đơn vị một lần');
}

async function electionDto(em: EntityManager, e: ElectionRow): Promise<SeatElectionDto> {
  const ids = [...new Set([...e.rotation_order, e.leader_unit_id, ...(e.deputy_unit_id ? [e.deputy_unit_id] : [])])];
  const rows: { id: string; name: string }[] = await em.query('SELECT id, name FROM units WHERE id = ANY($1::uuid[])', [ids]);
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const rotation: RotationUnit[] = e.rotation_order.map((u) => ({ unitId: u, name: names.get(u) ?? u }));
  return {
    blockYearId: e.block_year_id, conferenceId: e.conference_id,
    leaderUnitId: e.leader_unit_id, leaderUnitName: names.get(e.leader_unit_id) ?? null,
    deputyUnitId: e.deputy_unit_id, deputyUnitName: e.deputy_unit_id ? names.get(e.deputy_unit_id) ?? null : null,
    rotationOrder: rotation, presentCount: e.present_count, memberCount: e.member_count, note: e.note,
    decidedAt: new Date(e.decided_at).toISOString(), decidedByName: e.decided_by_name, version: e.version,
  };
}
