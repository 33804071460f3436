/**
 * Reading stored ballots: the row shape, a series' rounds, the tally record and who may vote. Shared by the
 * services and the demo seed (which writes inside the demo loader's transaction).
 */
import type { EntityManager } from 'typeorm';
import { Actor, isCityWide, isUnitMember } from '../../common/actor';
import { AppError, conflict, forbidden, notFound } from '../../common/app-error';
import { loadYearContext, type YearContext } from '../../common/scope/year-context';
import { BallotsPolicy } from './ballots.policy';
import type { TallyRecordDto } from './dto/ballot.dto';
import type { BallotCandidate, BallotMode, PaperCounts } from './entities/ballot.entity';
import { seriesState, type RoundRecord, type SeriesState, type StoredResult } from './series';
import type { TallyRecordData } from './tally-record-document';
import { isDelegate } from './voting';
import { lastMinutesSequence } from '../conferences/minutes-data';

export interface BallotRow {
  id: string;
  series_id: string;
  round: number;
  conference_id: string;
  block_year_id: string;
  award_code: string;
  award_name: string;
  mode: BallotMode;
  status: 'open' | 'closed';
  candidates: BallotCandidate[];
  quota: number;
  member_count: number;
  present_unit_ids: string[];
  threshold_percent: number;
  threshold_base: 'members' | 'present';
  public_key: string | null;
  paper_counts: PaperCounts | null;
  result: StoredResult | null;
  opened_by: string | null;
  opened_at: Date;
  closed_by: string | null;
  closed_at: Date | null;
  version: number;
}

export const SELECT_BALLOT = `
  SELECT id, series_id, round, conference_id, block_year_id, award_code, award_name, mode, status, candidates, quota, member_count,
         present_unit_ids::text[] AS present_unit_ids, threshold_percent::float8 AS threshold_percent, threshold_base, public_key, paper_counts, result,
         opened_by, opened_at, closed_by, closed_at, version
  FROM ballots`;

export const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export function seriesRows(em: EntityManager, seriesId: string): Promise<BallotRow[]> {
  return em.query(`${SELECT_BALLOT} WHERE series_id = $1 ORDER BY round`, [seriesId]);
}

export function roundRecord(b: BallotRow): RoundRecord {
  return { id: b.id, round: b.round, status: b.status, mode: b.mode, candidates: b.candidates, quota: b.quota, result: b.result };
}

/** The receipts of a ballot's papers, in alphabetical order (the order says nothing about who cast which). */
export async function paperReceipts(em: EntityManager, ballotId: string): Promise<string[]> {
  const rows: { receipt: string }[] = await em.query('SELECT receipt FROM ballot_papers WHERE ballot_id = $1 ORDER BY receipt', [ballotId]);
  return rows.map((r) => r.receipt);
}

async function receiptsOf(em: EntityManager, r: BallotRow): Promise<{ receipts?: string[] }> {
  const receipts = r.mode === 'electronic' ? await paperReceipts(em, r.id) : [];
  return receipts.length ? { receipts } : {};
}

/** What the tally record states, from the stored rounds. */
export async function tallyData(em: EntityManager, seriesId: string, rounds: BallotRow[], state: SeriesState): Promise<TallyRecordData> {
  const first = rounds[0];
  const [m] = await em.query(
    `SELECT b.name AS block_name, b.code AS block_code, y.year, c.title, c.place FROM ballots x JOIN block_years y ON y.id = x.block_year_id JOIN blocks b ON b.id = y.block_id
     JOIN conferences c ON c.id = x.conference_id WHERE x.id = $1`, [seriesId]);
  const electedIds = new Set(state.elected.map((e) => `${e.round}:${e.unitId}`));
  return {
    blockName: m.block_name, blockCode: m.block_code, year: m.year, awardCode: first.award_code, awardName: first.award_name, conferenceTitle: m.title, place: m.place,
    members: first.member_count,
    rounds: await Promise.all(rounds.filter((r) => r.status === 'closed' && r.result).map(async (r) => {
      const res = r.result!;
      const nameOf = (u: string) => r.candidates.find((c) => c.unitId === u)?.name ?? u;
      return {
        round: r.round, mode: r.mode, openedAt: iso(r.opened_at)!, closedAt: iso(r.closed_at)!, members: res.members, present: res.present,
        issued: r.mode === 'paper' ? (r.paper_counts?.issued ?? res.ballotsCast) : res.present,
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
  await em.query(`SELECT pg_advisory_xact_lock(hashtext('conference_minutes:' || $1::text))`, [blockYearId]);
  const minutes = await lastMinutesSequence(em, blockYearId);
  const [{ own, records }] = await em.query(
    `SELECT (SELECT count(*)::int FROM conference_minutes WHERE conference_id = $2) AS own,
            (SELECT coalesce(max(sequence), 0)::int FROM ballot_tally_records WHERE block_year_id = $1) AS records`, [blockYearId, conferenceId]);
  return Math.max(minutes + (own ? 0 : 1), records) + 1;
}

export interface TallyRecordRow {
  series_id: string;
  doc_number: string;
  sequence: number;
  chair_name: string;
  member_names: string[];
  content_hash: string;
  signed_by: string;
  signed_by_name: string | null;
  signed_at: Date;
}

export async function loadBallot(em: EntityManager, id: string, lock = false): Promise<BallotRow> {
  const [b] = await em.query(`${SELECT_BALLOT} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  if (!b) throw notFound('Không tìm thấy cuộc bỏ phiếu.');
  return b;
}

/** The ballot's year, for the leader who runs its ballots (read and run rights checked). */
export async function yearToRun(em: EntityManager, actor: Actor, b: BallotRow): Promise<YearContext> {
  const y = await loadYearContext(em, b.block_year_id, actor);
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
  if (!b.present_unit_ids.includes(actor.unitId)) {
    return forbidden('Đơn vị của bạn không có mặt tại hội nghị khi mở bỏ phiếu nên không được bỏ phiếu.', 'not_present');
  }
  if (actor.role === 'officer') {
    const [a] = await em.query('SELECT delegate_name FROM conference_attendance WHERE conference_id = $1 AND unit_id = $2', [b.conference_id, actor.unitId]);
    if (!isDelegate(a?.delegate_name, actor.fullName)) {
      return forbidden(`Phiếu của đơn vị do thủ trưởng đơn vị hoặc người dự họp đã điểm danh (${a?.delegate_name?.trim() || 'chưa ghi tên'}) bỏ.`, 'not_delegate');
    }
  }
  const [voted] = await em.query('SELECT 1 FROM ballot_voters WHERE ballot_id = $1 AND unit_id = $2', [b.id, actor.unitId]);
  if (voted) return conflict('already_voted', 'Đơn vị của bạn đã bỏ phiếu. Mỗi đơn vị chỉ bỏ một phiếu; phiếu đã bỏ không sửa, không rút lại được.');
  const [c] = await em.query('SELECT status FROM conferences WHERE id = $1', [b.conference_id]);
  if (c.status !== 'in_session') return conflict('not_in_session', 'Hội nghị không còn trong phiên họp nên không nhận phiếu.');
  return null;
}

/** The signed tally record of a series, or null while unsigned. */
export async function tallyRecordRow(em: EntityManager, seriesId: string): Promise<TallyRecordRow | null> {
  const [r] = await em.query(
    `SELECT t.*, a.full_name AS signed_by_name FROM ballot_tally_records t LEFT JOIN accounts a ON a.id = t.signed_by WHERE t.series_id = $1`, [seriesId]);
  return r ?? null;
}

/** The tally record of a series as officials read it (signed or not, who may sign). */
export async function tallyRecordView(em: EntityManager, seriesId: string, canRun: boolean): Promise<TallyRecordDto> {
  const state = seriesState((await seriesRows(em, seriesId)).map(roundRecord));
  const r = await tallyRecordRow(em, seriesId);
  return {
    seriesId, ballotId: state.last.id, complete: state.complete, signed: !!r, number: r?.doc_number ?? null, chairName: r?.chair_name ?? null,
    memberNames: r?.member_names ?? [], signedAt: iso(r?.signed_at), signedByName: r?.signed_by_name ?? null, contentHash: r?.content_hash ?? null,
    canSign: canRun && state.complete && !r,
  };
}
