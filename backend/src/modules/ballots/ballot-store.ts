/**
 * Stored ballots as the use cases need them: a round loaded (and locked) for a write, the tally record's data
 * and number, and who may vote. Shared by the services and the demo seed (which writes inside the demo
 * loader's transaction). The SQL is in ballot-data.ts and tally-data.ts.
 */
import type { EntityManager } from 'typeorm';
import { Actor, isCityWide, isUnitMember } from '../../common/actor';
import { AppError, conflict, forbidden, notFound } from '../../common/app-error';
import { loadYearContext, type YearContext } from '../../common/scope/year-context';
import { BallotsPolicy } from './ballots.policy';
import type { TallyRecordDto } from './dto/ballot.dto';
import { seriesState, type RoundRecord, type SeriesState } from './series';
import type { TallyRecordData } from './tally-record-document';
import { isDelegate } from './voting';
import { lastMinutesSequence, lockMinutesNumbering } from '../conferences/minutes-data';
import { type BallotRow, checkedInDelegate, conferenceStatus, findBallot, hasVoted, paperReceipts, seriesRows } from './ballot-data';
import { tallyHeading, tallyRecordOf, tallySequenceCounts } from './tally-data';

/** The demo seed reads a series' rounds through here. */
export { seriesRows };

export const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export function roundRecord(b: BallotRow): RoundRecord {
  return { id: b.id, round: b.round, status: b.status, mode: b.mode, candidates: b.candidates, quota: b.quota, result: b.result };
}

async function receiptsOf(em: EntityManager, r: BallotRow): Promise<{ receipts?: string[] }> {
  const receipts = r.mode === 'electronic' ? await paperReceipts(em, r.id) : [];
  return receipts.length ? { receipts } : {};
}

/** What the tally record states, from the stored rounds. */
export async function tallyData(em: EntityManager, seriesId: string, rounds: BallotRow[], state: SeriesState): Promise<TallyRecordData> {
  const first = rounds[0];
  const m = await tallyHeading(em, seriesId);
  const electedIds = new Set(state.elected.map((e) => `${e.round}:${e.unitId}`));
  return {
    blockName: m.blockName, blockCode: m.blockCode, year: m.year, awardCode: first.awardCode, awardName: first.awardName, conferenceTitle: m.title, place: m.place,
    members: first.memberCount,
    rounds: await Promise.all(rounds.filter((r) => r.status === 'closed' && r.result).map(async (r) => {
      const res = r.result!;
      const nameOf = (u: string) => r.candidates.find((c) => c.unitId === u)?.name ?? u;
      return {
        round: r.round, mode: r.mode, openedAt: iso(r.openedAt)!, closedAt: iso(r.closedAt)!, members: res.members, present: res.present,
        issued: r.mode === 'paper' ? (r.paperCounts?.issued ?? res.ballotsCast) : res.present,
        ballotsCast: res.ballotsCast, valid: res.valid, invalid: res.invalid, quota: res.quota, thresholdPercent: res.thresholdPercent, thresholdBase: res.thresholdBase,
        base: res.base, threshold: res.threshold, approvalsNeeded: res.approvalsNeeded,
        candidates: res.candidates.map((c) => ({
          name: nameOf(c.unitId), rank: r.candidates.find((x) => x.unitId === c.unitId)?.rank ?? null, approvals: c.approvals, percent: c.percent,
          aboveThreshold: c.aboveThreshold, elected: electedIds.has(`${r.round}:${c.unitId}`),
        })),
        revote: res.revote ? { names: res.revote.candidates.map(nameOf), seats: res.revote.seats } : null,
        ...(await receiptsOf(em, r)),
      };
    })),
    elected: state.elected.map((e) => ({ name: e.name, approvals: e.approvals, percent: e.percent, round: e.round })),
  };
}

/**
 * The sequence of the next tally record's "NN/BB-<block>" number. BB numbers are shared with the year's
 * conference minutes, which the conferences module numbers by counting minutes; so the minutes of the
 * record's own conference, drafted when it closes, keep the next number and the record takes the one
 * after. Serialised with the minutes numbering by the same advisory lock.
 */
export async function nextTallyRecordSequence(em: EntityManager, blockYearId: string, conferenceId: string): Promise<number> {
  await lockMinutesNumbering(em, blockYearId);
  const minutes = await lastMinutesSequence(em, blockYearId);
  const { own, records } = await tallySequenceCounts(em, blockYearId, conferenceId);
  return Math.max(minutes + (own ? 0 : 1), records) + 1;
}

export async function loadBallot(em: EntityManager, id: string, lock = false): Promise<BallotRow> {
  const b = await findBallot(em, id, lock);
  if (!b) throw notFound('Không tìm thấy cuộc bỏ phiếu.');
  return b;
}

/** The ballot's year, for the leader who runs its ballots (read and run rights checked). */
export async function yearToRun(em: EntityManager, actor: Actor, b: BallotRow): Promise<YearContext> {
  const y = await loadYearContext(em, b.blockYearId, actor);
  BallotsPolicy.assertCanRead(actor, y);
  BallotsPolicy.assertCanRun(actor, y);
  return y;
}

/** Why the actor may not cast this ballot now, or null. */
export async function voterRefusal(em: EntityManager, actor: Actor, b: BallotRow, y: YearContext): Promise<AppError | null> {
  if (isCityWide(actor)) return forbidden('Ban Thi đua – Khen thưởng Thành phố và quản trị viên không bỏ phiếu.', 'not_voter');
  if (!isUnitMember(actor) || !actor.unitId || !y.isMember) return forbidden('Đơn vị của bạn không phải thành viên của khối trong năm này nên không được bỏ phiếu.', 'not_member');
  if (y.status === 'archived') return conflict('archived', `Năm ${y.year} đã lưu trữ, chỉ được xem.`);
  if (b.mode === 'paper') return conflict('paper_ballot', 'Cuộc bỏ phiếu này dùng phiếu giấy, không bỏ phiếu trên hệ thống.');
  if (b.status === 'closed') return conflict('ballot_closed', 'Cuộc bỏ phiếu đã kết thúc, không nhận thêm phiếu.');
  if (!b.presentUnitIds.includes(actor.unitId)) {
    return forbidden('Đơn vị của bạn không có mặt tại hội nghị khi mở bỏ phiếu nên không được bỏ phiếu.', 'not_present');
  }
  if (actor.role === 'officer') {
    const a = await checkedInDelegate(em, b.conferenceId, actor.unitId);
    if (!isDelegate(a?.delegateName, actor.fullName)) {
      return forbidden(`Phiếu của đơn vị do thủ trưởng đơn vị hoặc người dự họp đã điểm danh (${a?.delegateName?.trim() || 'chưa ghi tên'}) bỏ.`, 'not_delegate');
    }
  }
  if (await hasVoted(em, b.id, actor.unitId)) return conflict('already_voted', 'Đơn vị của bạn đã bỏ phiếu. Mỗi đơn vị chỉ bỏ một phiếu; phiếu đã bỏ không sửa, không rút lại được.');
  if ((await conferenceStatus(em, b.conferenceId)) !== 'in_session') return conflict('not_in_session', 'Hội nghị không còn trong phiên họp nên không nhận phiếu.');
  return null;
}

/** The tally record of a series as officials read it (signed or not, who may sign). */
export async function tallyRecordView(em: EntityManager, seriesId: string, canRun: boolean): Promise<TallyRecordDto> {
  const state = seriesState((await seriesRows(em, seriesId)).map(roundRecord));
  const r = await tallyRecordOf(em, seriesId);
  return {
    seriesId, ballotId: state.last.id, complete: state.complete, signed: !!r, number: r?.docNumber ?? null, chairName: r?.chairName ?? null,
    memberNames: r?.memberNames ?? [], signedAt: iso(r?.signedAt), signedByName: r?.signedByName ?? null, contentHash: r?.contentHash ?? null,
    canSign: canRun && state.complete && !r,
  };
}
