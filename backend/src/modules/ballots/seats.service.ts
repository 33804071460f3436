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
import { unitNames } from './ballot-data';
import { blockHasYear, blockYearIdOf, conferenceForElection, upsertSeatElection, yearMemberIds } from './seat-data';
import { quorumCounts } from '../conferences/conference-data';

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
    const nextYearId = await blockYearIdOf(em, y.blockId, y.year + 1);
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
      nextYearId: nextYearId ?? null,
      canRunBallots: BallotsPolicy.canRun(actor, y),
      canElect: BallotsPolicy.canRun(actor, y) && !nextYearId,
      canStartNextYear: BallotsPolicy.canStartNextYear(actor, y, !!election) && !nextYearId,
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
      const conf = await conferenceForElection(em, dto.conferenceId);
      if (!conf || conf.blockYearId !== blockYearId) throw invalidField('conferenceId', 'không phải hội nghị của năm thi đua này');
      if (conf.kind !== 'year_end') throw conflict('not_year_end', 'Khối trưởng, Khối phó năm sau được bầu tại hội nghị tổng kết năm.');
      if (conf.status !== 'in_session') throw conflict('not_in_session', conf.status === 'planned' ? 'Hội nghị chưa khai mạc, chưa thể ghi nhận kết quả bầu.' : 'Hội nghị đã kết thúc, không thể ghi nhận kết quả bầu.');
      if (await blockHasYear(em, y.blockId, y.year + 1)) throw conflict('next_year_exists', `Năm thi đua ${y.year + 1} của khối đã được khởi tạo; việc đổi Khối trưởng, Khối phó năm đó do Ban Thi đua – Khen thưởng Thành phố thực hiện.`);
      const members = await yearMemberIds(em, blockYearId);
      if (!members.includes(dto.leaderUnitId)) throw invalidField('leaderUnitId', 'phải là đơn vị thành viên của khối');
      const deputy = dto.deputyUnitId ?? null;
      if (deputy && !members.includes(deputy)) throw invalidField('deputyUnitId', 'phải là đơn vị thành viên của khối');
      if (deputy && deputy === dto.leaderUnitId) throw invalidField('deputyUnitId', 'phải khác đơn vị Khối trưởng');
      if (dto.rotationOrder) await assertPermutation(em, blockYearId, dto.rotationOrder);
      const att = await quorumCounts(em, conf.id, blockYearId);
      const q = quorumState(att.present, att.members, { ...defaultRuleSet(), ...(y.rules ?? {}) });
      if (!q.met) throw conflict('no_quorum', `${noQuorumMessage(q)}. Chưa thể ghi nhận kết quả bầu.`);
      const rotation = (await rotationOrder(em, blockYearId, dto.rotationOrder ?? null)).map((r) => r.unitId);
      const before = await seatElection(em, blockYearId);
      await upsertSeatElection(em, {
        blockYearId, conferenceId: conf.id, leaderUnitId: dto.leaderUnitId, deputyUnitId: deputy, rotationOrder: rotation, presentCount: q.present, memberCount: q.members,
        note: dto.note ?? '', decidedBy: actor.id,
      });
      const names = new Map<string, string>((await unitNames(em, [dto.leaderUnitId, deputy].filter((u): u is string => !!u))).map((u) => [u.id, u.name]));
      await recordSessionOutcome(em, {
        conferenceId: conf.id, kind: 'seat_election', refId: blockYearId, present: q.present, members: q.members, actorId: actor.id,
        text: `Hội nghị bầu ${names.get(dto.leaderUnitId)} làm Khối trưởng${deputy ? `, ${names.get(deputy)} làm Khối phó` : ''} ${y.blockName} năm ${y.year + 1}`
          + `${dto.note?.trim() ? ` (${dto.note.trim()})` : ''}.`,
      });
      await this.audit.record(em, actor, {
        action: 'seats.elect', entityType: 'block_year', entityId: blockYearId, blockId: y.blockId,
        before: before ? { leaderUnitId: before.leaderUnitId, deputyUnitId: before.deputyUnitId, rotationOrder: before.rotationOrder } : undefined,
        after: { nextYear: y.year + 1, conferenceId: conf.id, leaderUnitId: dto.leaderUnitId, deputyUnitId: deputy, rotationOrder: rotation, present: q.present, members: q.members },
      });
    });
    return this.suggestion(actor, blockYearId);
  }
}

/** The rotation order must list every member unit of the year exactly once. */
async function assertPermutation(em: EntityManager, blockYearId: string, order: string[]): Promise<void> {
  const members = await yearMemberIds(em, blockYearId);
  const ok = order.length === members.length && new Set(order).size === order.length && order.every((u) => members.includes(u));
  if (!ok) throw invalidField('rotationOrder', 'phải liệt kê đúng và đủ các đơn vị thành viên của khối trong năm, mỗi đơn vị một lần');
}

async function electionDto(em: EntityManager, e: ElectionRow): Promise<SeatElectionDto> {
  const ids = [...new Set([...e.rotationOrder, e.leaderUnitId, ...(e.deputyUnitId ? [e.deputyUnitId] : [])])];
  const rows = await unitNames(em, ids);
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const rotation: RotationUnit[] = e.rotationOrder.map((u) => ({ unitId: u, name: names.get(u) ?? u }));
  return {
    blockYearId: e.blockYearId, conferenceId: e.conferenceId,
    leaderUnitId: e.leaderUnitId, leaderUnitName: names.get(e.leaderUnitId) ?? null,
    deputyUnitId: e.deputyUnitId, deputyUnitName: e.deputyUnitId ? names.get(e.deputyUnitId) ?? null : null,
    rotationOrder: rotation, presentCount: e.presentCount, memberCount: e.memberCount, note: e.note,
    decidedAt: new Date(e.decidedAt).toISOString(), decidedByName: e.decidedByName, version: e.version,
  };
}
