import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, isUnitMember } from '../../common/actor';
import { conflict, invalidField } from '../../common/app-error';
import { loadYearContext } from '../../common/scope/year-context';
import {
  accountFullName, ballotList, type BallotRow, ballotVoters, conferenceBlockYearId, conferenceTitle, paperReceipts, seriesRows, unitNames, yearBallots,
} from './ballot-data';
import { iso, loadBallot, roundRecord, tallyRecordView, voterRefusal } from './ballot-store';
import { yearTallyRecords } from './tally-data';
import { BallotsPolicy } from './ballots.policy';
import { BallotDto, BallotQueryDto, BallotResultDto, BallotSummaryDto } from './dto/ballot.dto';
import type { BallotMode } from './entities/ballot.entity';
import { seriesState } from './series';

/** The final outcome of a ballot series (contracts5.md). */
export interface BallotOutcome {
  ballotId: string;
  conferenceId: string;
  blockYearId: string;
  code: string;
  awardName: string;
  mode: BallotMode;
  /** The final (latest) round of the series. */
  round: number;
  /** closed: the series has its final result (last round closed, no re-vote left). */
  status: 'open' | 'closed';
  /** A round ended in a tie at the quota line and the re-vote round is not open yet. */
  revotePending: boolean;
  elected: { unitId: string; name: string; approvals: number; percent: number }[];
  tallyRecord: { signed: boolean; documentNumber: string | null };
}

/** The ballots as officials read them: the list, one ballot (its result once closed), and each series' final outcome. */
@Injectable()
export class BallotReadService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async listBallots(actor: Actor, q: BallotQueryDto): Promise<BallotSummaryDto[]> {
    const em = this.ds.manager;
    let blockYearId = q.blockYearId ?? null;
    if (q.conferenceId) {
      const conferenceYearId = await conferenceBlockYearId(em, q.conferenceId);
      if (!conferenceYearId) throw invalidField('conferenceId', 'không phải hội nghị có trong hệ thống');
      if (blockYearId && blockYearId !== conferenceYearId) return [];
      blockYearId = conferenceYearId;
    }
    if (!blockYearId) throw invalidField('blockYearId', 'là bắt buộc (hoặc chọn hội nghị)');
    const y = await loadYearContext(em, blockYearId, actor);
    BallotsPolicy.assertCanRead(actor, y);
    const rows = await ballotList(em, blockYearId, q.conferenceId ?? null);
    return rows.map((b) => summary(b, b.voters));
  }

  async getBallot(actor: Actor, id: string): Promise<BallotDto> {
    return this.read(this.ds.manager, id, actor);
  }

  /** The result; refused while the ballot is open (nobody reads the box before closing). */
  async ballotResult(actor: Actor, id: string): Promise<BallotResultDto> {
    const dto = await this.read(this.ds.manager, id, actor);
    if (!dto.result) {
      throw conflict('ballot_open', `Cuộc bỏ phiếu chưa kết thúc: chỉ xem được số phiếu đã bỏ (${dto.ballotsCast}/${dto.present}) và các đơn vị đã bỏ phiếu, chưa được xem nội dung phiếu hay kết quả.`);
    }
    return dto.result;
  }

  // ---------------------------------------------------------------- outcomes (contract)

  /** The final outcome of every ballot series of the block year, one per award code; the latest series wins. */
  async outcomes(em: EntityManager, blockYearId: string): Promise<BallotOutcome[]> {
    const rows = await yearBallots(em, blockYearId);
    const series = new Map<string, BallotRow[]>();
    for (const r of rows) series.set(r.seriesId, [...(series.get(r.seriesId) ?? []), r]);
    const latest = new Map<string, BallotRow[]>();
    for (const rounds of series.values()) {
      const first = rounds.find((r) => r.round === 1)!;
      const prev = latest.get(first.awardCode);
      if (!prev || new Date(prev.find((r) => r.round === 1)!.openedAt).getTime() <= new Date(first.openedAt).getTime()) latest.set(first.awardCode, rounds);
    }
    const records = await yearTallyRecords(em, blockYearId);
    const out: BallotOutcome[] = [];
    for (const rounds of latest.values()) {
      const state = seriesState(rounds.map(roundRecord));
      const last = rounds.find((r) => r.id === state.last.id)!;
      const record = records.find((r) => r.seriesId === last.seriesId);
      out.push({
        ballotId: last.id, conferenceId: last.conferenceId, blockYearId, code: last.awardCode, awardName: last.awardName, mode: last.mode, round: last.round,
        status: state.complete ? 'closed' : 'open', revotePending: state.revotePending,
        elected: state.elected.map((e) => ({ unitId: e.unitId, name: e.name, approvals: e.approvals, percent: e.percent })),
        tallyRecord: { signed: !!record, documentNumber: record?.docNumber ?? null },
      });
    }
    return out.sort((a, b) => a.code.localeCompare(b.code));
  }

  async outcomesFor(actor: Actor, blockYearId: string): Promise<BallotOutcome[]> {
    const y = await loadYearContext(this.ds.manager, blockYearId, actor);
    BallotsPolicy.assertCanRead(actor, y);
    return this.outcomes(this.ds.manager, blockYearId);
  }

  // ---------------------------------------------------------------- internals

  private async unitNames(em: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await unitNames(em, ids);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The full read model; content only once closed. */
  private async read(em: EntityManager, id: string, actor: Actor): Promise<BallotDto> {
    const b = await loadBallot(em, id);
    const y = await loadYearContext(em, b.blockYearId, actor);
    BallotsPolicy.assertCanRead(actor, y);
    const title = await conferenceTitle(em, b.conferenceId);
    const openerName = b.openedBy ? await accountFullName(em, b.openedBy) : undefined;
    const voters = await ballotVoters(em, b.id);
    const names = await this.unitNames(em, b.presentUnitIds);
    const rounds = await seriesRows(em, b.seriesId);
    const state = seriesState(rounds.map(roundRecord));
    const canRun = BallotsPolicy.canRun(actor, y);

    let result: BallotResultDto | null = null;
    if (b.status === 'closed' && b.result) {
      result = resultDto(b, b.mode === 'electronic' ? await paperReceipts(em, b.id) : null);
    }
    let myUnit: BallotDto['myUnit'] = null;
    if (isUnitMember(actor) && actor.unitId && y.isMember) {
      const refusal = await voterRefusal(em, actor, b, y);
      const hasVoted = voters.some((v) => v.unitId === actor.unitId);
      myUnit = { unitId: actor.unitId, present: b.presentUnitIds.includes(actor.unitId), hasVoted, canVote: !refusal, reason: refusal?.message ?? null };
    }
    const isLast = state.last.id === b.id;
    return {
      ...summary(b, voters.length),
      conferenceTitle: title ?? '', blockId: y.blockId, blockName: y.blockName, blockCode: y.blockCode, year: y.year,
      candidates: b.candidates.map((c) => ({ unitId: c.unitId, name: c.name, rank: c.rank, total: c.total })),
      quota: b.quota, members: b.memberCount,
      presentUnits: b.presentUnitIds.map((u) => ({ unitId: u, name: names.get(u) ?? u })).sort((x, z) => x.name.localeCompare(z.name, 'vi')),
      thresholdPercent: Number(b.thresholdPercent), thresholdBase: b.thresholdBase,
      voters: voters.map((v) => ({ unitId: v.unitId, name: v.name, votedAt: iso(v.votedAt)! })),
      openedByName: openerName ?? null,
      publicKey: b.status === 'open' ? b.publicKey : null,
      receipt: null,
      result,
      series: {
        seriesId: b.seriesId, rounds: state.rounds.map((r) => ({ id: r.id, round: r.round, status: r.status })), complete: state.complete, revotePending: state.revotePending,
        elected: state.elected.map((e) => ({ unitId: e.unitId, name: e.name, approvals: e.approvals, percent: e.percent, round: e.round })),
      },
      tallyRecord: await tallyRecordView(em, b.seriesId, canRun),
      myUnit,
      permissions: {
        canRun,
        canClose: canRun && b.status === 'open' && b.mode === 'electronic',
        canEnterPaperTally: canRun && b.status === 'open' && b.mode === 'paper',
        canOpenRevote: canRun && isLast && state.revotePending,
      },
    };
  }
}

// ------------------------------------------------------------------ helpers

function summary(b: BallotRow, voters: number): BallotSummaryDto {
  return {
    id: b.id, seriesId: b.seriesId, round: b.round, conferenceId: b.conferenceId, blockYearId: b.blockYearId, awardCode: b.awardCode, awardName: b.awardName,
    mode: b.mode, status: b.status, ballotsCast: b.mode === 'electronic' ? voters : (b.result?.ballotsCast ?? 0), present: b.presentUnitIds.length,
    openedAt: iso(b.openedAt)!, closedAt: iso(b.closedAt),
  };
}

function resultDto(b: BallotRow, receipts: string[] | null): BallotResultDto {
  const r = b.result!;
  const name = (u: string) => b.candidates.find((c) => c.unitId === u)?.name ?? u;
  const elected = new Set(r.elected);
  return {
    members: r.members, present: r.present, quota: r.quota, ballotsCast: r.ballotsCast, valid: r.valid, invalid: r.invalid,
    thresholdPercent: r.thresholdPercent, thresholdBase: r.thresholdBase, base: r.base, threshold: r.threshold, approvalsNeeded: r.approvalsNeeded,
    candidates: r.candidates.map((c) => ({ unitId: c.unitId, name: name(c.unitId), approvals: c.approvals, percent: c.percent, aboveThreshold: c.aboveThreshold, elected: elected.has(c.unitId) })),
    elected: r.elected.map((u) => ({ unitId: u, name: name(u) })),
    revote: r.revote ? { candidates: r.revote.candidates.map((u) => ({ unitId: u, name: name(u) })), seats: r.revote.seats } : null,
    invalidByProblem: (r.invalidByProblem as unknown as BallotResultDto['invalidByProblem']) ?? null,
    receipts,
    decryption: r.decryption ?? null,
    paperCounts: b.paperCounts,
  };
}
