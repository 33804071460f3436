import type { EntityManager } from 'typeorm';
import type { EncryptedPaper } from './crypto/paper-crypto';
import type { BallotCandidate, BallotMode, BallotStatus, PaperCounts } from './entities/ballot.entity';
import type { StoredResult } from './series';

/**
 * The ballots module's SQL for the ballots themselves: the rounds (ballots), their keys (ballot_keys), who voted
 * (ballot_voters) and the papers (ballot_papers); and what a ballot reads of its conference, its units and the
 * accounts. The tally records: tally-data.ts; next year's seats: seat-data.ts.
 */

type Sql = Pick<EntityManager, 'query'>;

/** One round of a ballot series as stored. */
export interface BallotRow {
  id: string;
  seriesId: string;
  round: number;
  conferenceId: string;
  blockYearId: string;
  awardCode: string;
  awardName: string;
  mode: BallotMode;
  status: BallotStatus;
  candidates: BallotCandidate[];
  quota: number;
  memberCount: number;
  presentUnitIds: string[];
  thresholdPercent: number;
  thresholdBase: 'members' | 'present';
  publicKey: string | null;
  paperCounts: PaperCounts | null;
  result: StoredResult | null;
  openedBy: string | null;
  openedAt: Date;
  closedBy: string | null;
  closedAt: Date | null;
  version: number;
}

const SELECT_BALLOT = `
  SELECT id, series_id, round, conference_id, block_year_id, award_code, award_name, mode, status, candidates, quota, member_count,
         present_unit_ids::text[] AS present_unit_ids, threshold_percent::float8 AS threshold_percent, threshold_base, public_key, paper_counts, result,
         opened_by, opened_at, closed_by, closed_at, version
  FROM ballots`;

interface RawBallot {
  id: string;
  series_id: string;
  round: number;
  conference_id: string;
  block_year_id: string;
  award_code: string;
  award_name: string;
  mode: BallotMode;
  status: BallotStatus;
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

const toBallot = (b: RawBallot): BallotRow => ({
  id: b.id, seriesId: b.series_id, round: b.round, conferenceId: b.conference_id, blockYearId: b.block_year_id, awardCode: b.award_code, awardName: b.award_name,
  mode: b.mode, status: b.status, candidates: b.candidates, quota: b.quota, memberCount: b.member_count, presentUnitIds: b.present_unit_ids,
  thresholdPercent: b.threshold_percent, thresholdBase: b.threshold_base, publicKey: b.public_key, paperCounts: b.paper_counts, result: b.result,
  openedBy: b.opened_by, openedAt: b.opened_at, closedBy: b.closed_by, closedAt: b.closed_at, version: b.version,
});

// ─── Reading ballots ─────────────────────────────────────────────────────────────────────────────────

/** A ballot round, `FOR UPDATE` when `lock`; undefined when there is none. */
export async function findBallot(em: Sql, id: string, lock = false): Promise<BallotRow | undefined> {
  const [b]: RawBallot[] = await em.query(`${SELECT_BALLOT} WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return b ? toBallot(b) : undefined;
}

/** The rounds of a series in order. */
export async function seriesRows(em: Sql, seriesId: string): Promise<BallotRow[]> {
  const rows: RawBallot[] = await em.query(`${SELECT_BALLOT} WHERE series_id = $1 ORDER BY round`, [seriesId]);
  return rows.map(toBallot);
}

/** Every round of the block year, in the order they were opened. */
export async function yearBallots(em: Sql, blockYearId: string): Promise<BallotRow[]> {
  const rows: RawBallot[] = await em.query(`${SELECT_BALLOT} WHERE block_year_id = $1 ORDER BY opened_at, round`, [blockYearId]);
  return rows.map(toBallot);
}

/** Every round of the block year for one award, by round. */
export async function awardBallots(em: Sql, blockYearId: string, awardCode: string): Promise<BallotRow[]> {
  const rows: RawBallot[] = await em.query(`${SELECT_BALLOT} WHERE block_year_id = $1 AND award_code = $2 ORDER BY round`, [blockYearId, awardCode]);
  return rows.map(toBallot);
}

/** The rounds of the block year (optionally of one conference) with how many units voted, in the order they were opened. */
export async function ballotList(em: Sql, blockYearId: string, conferenceId: string | null): Promise<(BallotRow & { voters: number })[]> {
  const rows: (RawBallot & { voters: number })[] = await em.query(
    `SELECT b.*, (SELECT count(*)::int FROM ballot_voters v WHERE v.ballot_id = b.id) AS voters FROM (${SELECT_BALLOT}) b
       WHERE b.block_year_id = $1 AND ($2::uuid IS NULL OR b.conference_id = $2) ORDER BY b.opened_at, b.round`, [blockYearId, conferenceId]);
  return rows.map((r) => ({ ...toBallot(r), voters: r.voters }));
}

/** Whether the series has a round after this one. */
export async function laterRoundExists(em: Sql, seriesId: string, round: number): Promise<boolean> {
  const [later]: unknown[] = await em.query('SELECT id FROM ballots WHERE series_id = $1 AND round > $2', [seriesId, round]);
  return !!later;
}

// ─── Writing ballots ─────────────────────────────────────────────────────────────────────────────────

export interface NewBallot {
  id: string;
  seriesId: string;
  round: number;
  conferenceId: string;
  blockYearId: string;
  awardCode: string;
  awardName: string;
  mode: BallotMode;
  candidates: BallotCandidate[];
  quota: number;
  memberCount: number;
  presentUnitIds: string[];
  thresholdPercent: number;
  thresholdBase: 'members' | 'present';
  openedBy: string;
  publicKey: string | null;
  /** Demo history only: when a past year's ballot opened (now otherwise). */
  openedAt?: Date;
}

/** Opens a round (a new series when `seriesId` is its own id and `round` 1). */
export async function insertBallot(em: Sql, b: NewBallot): Promise<void> {
  await em.query(
    `INSERT INTO ballots (id, series_id, round, conference_id, block_year_id, award_code, award_name, mode, status, candidates, quota, member_count,
       present_unit_ids, threshold_percent, threshold_base, opened_by, public_key, opened_at, version)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,'open',$9,$10,$11,$12::uuid[],$13,$14,$15,$16,coalesce($17::timestamptz, now()),1)`,
    [b.id, b.seriesId, b.round, b.conferenceId, b.blockYearId, b.awardCode, b.awardName, b.mode, JSON.stringify(b.candidates), b.quota, b.memberCount, b.presentUnitIds,
      b.thresholdPercent, b.thresholdBase, b.openedBy, b.publicKey, b.openedAt ?? null]);
}

/** Closes a round with its result; `closedAt` only for demo history (a past year's ballot), now otherwise. */
export async function closeBallotRow(em: Sql, id: string, result: StoredResult, counts: PaperCounts | null, closedBy: string, closedAt?: Date): Promise<void> {
  await em.query(
    `UPDATE ballots SET status = 'closed', result = $2, paper_counts = $3, closed_by = $4, closed_at = coalesce($5::timestamptz, now()), version = version + 1 WHERE id = $1`,
    [id, JSON.stringify(result), counts ? JSON.stringify(counts) : null, closedBy, closedAt ?? null]);
}

// ─── Keys, voters and papers ─────────────────────────────────────────────────────────────────────────

export async function insertBallotKey(em: Sql, ballotId: string, wrapped: string): Promise<void> {
  await em.query('INSERT INTO ballot_keys (ballot_id, wrapped) VALUES ($1,$2)', [ballotId, wrapped]);
}

/** The ballot's secret key as the server's key wraps it; undefined once destroyed. */
export async function wrappedBallotKey(em: Sql, ballotId: string): Promise<string | undefined> {
  const [key]: { wrapped: string }[] = await em.query('SELECT wrapped FROM ballot_keys WHERE ballot_id = $1', [ballotId]);
  return key?.wrapped;
}

export async function deleteBallotKey(em: Sql, ballotId: string): Promise<void> {
  await em.query('DELETE FROM ballot_keys WHERE ballot_id = $1', [ballotId]);
}

/** The units that voted, by name. */
export async function ballotVoters(em: Sql, ballotId: string): Promise<{ unitId: string; name: string; votedAt: Date }[]> {
  return em.query(
    `SELECT v.unit_id AS "unitId", u.name, v.voted_at AS "votedAt" FROM ballot_voters v JOIN units u ON u.id = v.unit_id WHERE v.ballot_id = $1 ORDER BY u.name`, [ballotId]);
}

export async function hasVoted(em: Sql, ballotId: string, unitId: string): Promise<boolean> {
  const [voted]: unknown[] = await em.query('SELECT 1 FROM ballot_voters WHERE ballot_id = $1 AND unit_id = $2', [ballotId, unitId]);
  return !!voted;
}

/** Records that the unit voted; `votedAt` only for demo history (a past year's ballot), now otherwise. */
export async function insertVoter(em: Sql, ballotId: string, unitId: string | null, votedBy: string, votedAt?: Date): Promise<void> {
  await em.query('INSERT INTO ballot_voters (ballot_id, unit_id, voted_by, voted_at) VALUES ($1,$2,$3,coalesce($4::timestamptz, now()))', [ballotId, unitId, votedBy, votedAt ?? null]);
}

/** The receipts of a ballot's papers, in alphabetical order (the order says nothing about who cast which). */
export async function paperReceipts(em: Sql, ballotId: string): Promise<string[]> {
  const rows: { receipt: string }[] = await em.query('SELECT receipt FROM ballot_papers WHERE ballot_id = $1 ORDER BY receipt', [ballotId]);
  return rows.map((r) => r.receipt);
}

export async function paperWithReceipt(em: Sql, ballotId: string, receipt: string): Promise<boolean> {
  const [copy]: unknown[] = await em.query('SELECT 1 FROM ballot_papers WHERE ballot_id = $1 AND receipt = $2', [ballotId, receipt]);
  return !!copy;
}

export async function insertPaper(em: Sql, id: string, ballotId: string, paper: EncryptedPaper, receipt: string): Promise<void> {
  await em.query('INSERT INTO ballot_papers (id, ballot_id, paper, receipt) VALUES ($1,$2,$3,$4)', [id, ballotId, JSON.stringify(paper), receipt]);
}

export async function ballotPapers(em: Sql, ballotId: string): Promise<EncryptedPaper[]> {
  const rows: { paper: EncryptedPaper }[] = await em.query('SELECT paper FROM ballot_papers WHERE ballot_id = $1', [ballotId]);
  return rows.map((r) => r.paper);
}

// ─── What a ballot reads elsewhere ───────────────────────────────────────────────────────────────────

/** A conference as a ballot needs it, locked `FOR SHARE`; undefined when there is none. */
export interface BallotConference {
  id: string;
  blockYearId: string;
  kind: string;
  status: string;
  title: string;
  place: string;
}

export async function conferenceForBallot(em: Sql, id: string): Promise<BallotConference | undefined> {
  const [c]: BallotConference[] = await em.query(
    'SELECT id, block_year_id AS "blockYearId", kind, status, title, place FROM conferences WHERE id = $1 FOR SHARE', [id]);
  return c;
}

/** The block year of a conference; undefined when there is none. */
export async function conferenceBlockYearId(em: Sql, id: string): Promise<string | undefined> {
  const [c]: { block_year_id: string }[] = await em.query('SELECT block_year_id FROM conferences WHERE id = $1', [id]);
  return c?.block_year_id;
}

export async function conferenceTitle(em: Sql, id: string): Promise<string | undefined> {
  const [c]: { title: string }[] = await em.query('SELECT title FROM conferences WHERE id = $1', [id]);
  return c?.title;
}

export async function conferenceStatus(em: Sql, id: string): Promise<string | undefined> {
  const [c]: { status: string }[] = await em.query('SELECT status FROM conferences WHERE id = $1', [id]);
  return c?.status;
}

/** The delegate a unit checked in at the conference; undefined without an attendance row. */
export async function checkedInDelegate(em: Sql, conferenceId: string, unitId: string): Promise<{ delegateName: string | null } | undefined> {
  const [a]: { delegateName: string | null }[] = await em.query(
    'SELECT delegate_name AS "delegateName" FROM conference_attendance WHERE conference_id = $1 AND unit_id = $2', [conferenceId, unitId]);
  return a;
}

/** Each member unit of the year with its presence at the conference (null: not checked in). */
export async function memberPresence(em: Sql, conferenceId: string, blockYearId: string): Promise<{ unitId: string; presence: string | null }[]> {
  return em.query(
    `SELECT m.unit_id AS "unitId", a.presence FROM block_year_members m LEFT JOIN conference_attendance a ON a.conference_id = $1 AND a.unit_id = m.unit_id
       WHERE m.block_year_id = $2`, [conferenceId, blockYearId]);
}

/** Names of units by id (those that exist). */
export async function unitNames(em: Sql, ids: string[]): Promise<{ id: string; name: string }[]> {
  return em.query('SELECT id, name FROM units WHERE id = ANY($1::uuid[])', [ids]);
}

export async function accountFullName(em: Sql, id: string): Promise<string | undefined> {
  const [a]: { full_name: string }[] = await em.query('SELECT full_name FROM accounts WHERE id = $1', [id]);
  return a?.full_name;
}
