import type { EntityManager } from 'typeorm';
import type { Nominee } from './dossier-data';
import type { DecisionOutcome } from './entities/proposal-decision.entity';
import type { ProposalEventKind } from './entities/proposal-event.entity';
import type { ProposalStatus } from './entities/proposal.entity';

/** The read model's SQL: the inbox rows, a dossier's nominees, decisions, citations and history, and what they name from elsewhere. */

type Sql = Pick<EntityManager, 'query'>;

/** A dossier as the inbox lists it, with its block, year and counts. */
export interface DossierSummaryRow {
  id: string;
  blockYearId: string;
  blockId: string;
  blockCode: string;
  blockName: string;
  year: number;
  status: ProposalStatus;
  letterNumber: string;
  submittedAt: Date | null;
  /** 'yyyy-mm-dd'. */
  dueDate: string | null;
  returnReason: string;
  updatedAt: Date;
  submissions: number;
  nomineeCount: number;
  decidedCount: number;
}

/** Which dossiers the inbox lists: those of a unit's blocks (null: every block), of a status, year or block year, never of the hidden statuses. */
export interface DossierFilter {
  memberUnitId: string | null;
  status: string | null;
  year: number | null;
  blockYearId: string | null;
  hidden: string[];
}

export interface DecisionRow {
  id: string;
  outcome: DecisionOutcome;
  decisionNumber: string | null;
  /** 'yyyy-mm-dd'. */
  decisionDate: string | null;
  signer: string | null;
  reason: string;
  awardHistoryId: string | null;
  recordedAt: Date;
  unitId: string;
  awardCode: string;
  awardName: string;
  unitName: string;
  recordedByName: string | null;
}

export interface EventRow {
  seq: number;
  kind: ProposalEventKind;
  at: Date;
  actorName: string;
  reason: string;
  /** 'yyyy-mm-dd'. */
  dueDate: string | null;
  detail: Record<string, unknown>;
}

const SELECT_SUMMARY = `
  SELECT p.id, p.block_year_id AS "blockYearId", y.block_id AS "blockId", b.code AS "blockCode", b.name AS "blockName", y.year, p.status, p.letter_number AS "letterNumber",
         p.submitted_at AS "submittedAt", p.due_date::text AS "dueDate", p.return_reason AS "returnReason", p.updated_at AS "updatedAt",
         (SELECT count(*)::int FROM proposal_events e WHERE e.proposal_id = p.id AND e.kind = 'submitted') AS submissions,
         (SELECT count(*)::int FROM proposal_nominees n WHERE n.proposal_id = p.id) AS "nomineeCount",
         (SELECT count(*)::int FROM proposal_decisions d WHERE d.proposal_id = p.id) AS "decidedCount"
  FROM proposals p JOIN block_years y ON y.id = p.block_year_id JOIN blocks b ON b.id = y.block_id`;

/** The inbox: the dossiers the filter lets through, the earliest due first, then the latest changed. */
export async function dossierSummaries(em: Sql, f: DossierFilter): Promise<DossierSummaryRow[]> {
  return em.query(
    `${SELECT_SUMMARY}
       WHERE ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM block_year_members m WHERE m.block_year_id = p.block_year_id AND m.unit_id = $1::uuid))
         AND ($2::text IS NULL OR p.status = $2) AND ($3::int IS NULL OR y.year = $3) AND ($4::uuid IS NULL OR p.block_year_id = $4)
         AND NOT (p.status = ANY($5::text[]))
       ORDER BY p.due_date ASC NULLS LAST, p.updated_at DESC`,
    [f.memberUnitId, f.status, f.year, f.blockYearId, f.hidden]);
}

/** One dossier's inbox row. */
export async function dossierSummary(em: Sql, id: string): Promise<DossierSummaryRow> {
  const [s]: DossierSummaryRow[] = await em.query(`${SELECT_SUMMARY} WHERE p.id = $1`, [id]);
  return s;
}

/** The live (not cancelled) dossiers of these block years. */
export async function liveDossiersOf(em: Sql, blockYearIds: string[]): Promise<{ id: string; blockYearId: string; status: ProposalStatus; submittedAt: Date | null; dueDate: string | null }[]> {
  return em.query(
    `SELECT id, block_year_id AS "blockYearId", status, submitted_at AS "submittedAt", due_date::text AS "dueDate" FROM proposals WHERE block_year_id = ANY($1::uuid[]) AND status <> 'cancelled'`,
    [blockYearIds]);
}

/** How many member units a block year has. */
export async function memberCount(em: Sql, blockYearId: string): Promise<number> {
  const [{ members }]: { members: number }[] = await em.query('SELECT count(*)::int AS members FROM block_year_members WHERE block_year_id = $1', [blockYearId]);
  return members;
}

/** The ranking of a round's current snapshot (rounds module's table); empty when it has none. */
export async function snapshotRanking(em: Sql, roundId: string): Promise<{ unitId: string; rank: number }[]> {
  const [snap]: { ranking: { unitId: string; rank: number }[] | null }[] = await em.query('SELECT ranking FROM round_snapshots WHERE round_id = $1 AND superseded_at IS NULL', [roundId]);
  return snap?.ranking ?? [];
}

/** The nominees frozen at submission, in their order. */
export async function frozenNominees(em: Sql, proposalId: string): Promise<Nominee[]> {
  return em.query(
    `SELECT n.id, n.unit_id AS "unitId", u.name AS "unitName", n.award_code AS code, n.award_name AS "awardName", n.ballot_id AS "ballotId", n.approvals,
            n.percent::float8 AS percent, n.rank
       FROM proposal_nominees n JOIN units u ON u.id = n.unit_id WHERE n.proposal_id = $1 ORDER BY n.sort`, [proposalId]);
}

/** The council's decisions recorded on a dossier, in the nominees' order. */
export async function decisionsOf(em: Sql, proposalId: string): Promise<DecisionRow[]> {
  return em.query(
    `SELECT d.id, d.outcome, d.decision_number AS "decisionNumber", d.decision_date::text AS "decisionDate", d.signer, d.reason, d.award_history_id AS "awardHistoryId",
            d.recorded_at AS "recordedAt", n.unit_id AS "unitId", n.award_code AS "awardCode", n.award_name AS "awardName", u.name AS "unitName", a.full_name AS "recordedByName"
       FROM proposal_decisions d JOIN proposal_nominees n ON n.id = d.nominee_id JOIN units u ON u.id = n.unit_id LEFT JOIN accounts a ON a.id = d.recorded_by
       WHERE d.proposal_id = $1 ORDER BY n.sort`, [proposalId]);
}

/** The exemplary models the dossier's nominees cite, by unit and in their order. */
export async function citationsOf(em: Sql, proposalId: string): Promise<{ unitId: string; modelId: string }[]> {
  return em.query('SELECT unit_id AS "unitId", model_id AS "modelId" FROM proposal_model_citations WHERE proposal_id = $1 ORDER BY unit_id, sort', [proposalId]);
}

/** The dossier's history, in order. */
export async function eventsOf(em: Sql, proposalId: string): Promise<EventRow[]> {
  return em.query(
    'SELECT seq, kind, at, actor_name AS "actorName", reason, due_date::text AS "dueDate", detail FROM proposal_events WHERE proposal_id = $1 ORDER BY seq', [proposalId]);
}

/** The full name of an account (accounts module's table); undefined when there is none. */
export async function accountName(em: Sql, accountId: string): Promise<string | undefined> {
  const [a]: { fullName: string }[] = await em.query('SELECT full_name AS "fullName" FROM accounts WHERE id = $1', [accountId]);
  return a?.fullName;
}
