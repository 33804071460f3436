/**
 * Reading stored ballots: the row shape, a series' rounds, and what the tally record states. Shared by the
 * service and the demo seed (which writes inside the demo loader's transaction).
 */
import type { EntityManager } from 'typeorm';
import type { BallotCandidate, BallotMode, PaperCounts } from './entities/ballot.entity';
import type { RoundRecord, SeriesState, StoredResult } from './series';
import type { TallyRecordData } from './tally-record-document';
import { lastMinutesSequence } from '../conferences/minutes-number';

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

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

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
