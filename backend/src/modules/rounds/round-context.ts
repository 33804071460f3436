import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { notFound } from '../../common/app-error';
import type { Seat } from '../../common/scope/scope.service';
import { defaultRuleSet } from '@thidua/rules';
import type { ScoringYear } from '../scoring/year-context';
import { effectivePhase, Phase, RoundKind } from '../../domain/round-phase';

export interface RoundRow {
  id: string;
  blockYearId: string;
  schemeId: string;
  schemeTitle: string;
  schemeVersionNo: number;
  kind: RoundKind;
  title: string;
  /** As stored (last set by the leader); see `RoundContext.phase` for the phase in force. */
  storedPhase: Phase;
  opensAt: Date;
  selfAssessmentUntil: Date;
  reviewUntil: Date;
  explanationUntil: Date;
  finalReviewUntil: Date | null;
  finalisedAt: Date | null;
  assignmentSeed: number | null;
  latestExtension: Date | null;
  version: number;
}

/** A round loaded for a request: the row, its year with the actor's seat, the phase in force now. */
export interface RoundContext {
  round: RoundRow;
  year: ScoringYear;
  phase: Phase;
  now: Date;
}

/**
 * Loads a round with its year and the actor's place in it, in one query. `lock`: 'update' for acts that
 * change the round itself (phase, calendar, assignments), 'share' for acts inside it (a score saved), so a
 * phase change waits for the saves in flight and the other way round.
 */
export async function loadRound(em: EntityManager, id: string, actor: Pick<Actor, 'unitId'> | null, lock?: 'update' | 'share'): Promise<RoundContext> {
  const [r] = await em.query(`SELECT ${roundColumns('$2::uuid')} FROM ${ROUND_FROM} WHERE r.id = $1${lockClause(lock)}`, [id, actor?.unitId ?? null]);
  if (!r) throw notFound('Không tìm thấy đợt chấm điểm.');
  return toRoundContext(r, actor?.unitId ?? null);
}

/**
 * The columns `toRoundContext` reads, for a statement over `ROUND_FROM`; `unitId` is the SQL expression of
 * the actor's unit (a parameter, or a column of a session joined in the same statement).
 */
export const roundColumns = (unitId: string) => `r.id, r.block_year_id, r.scheme_id, s.title AS scheme_title, s.version_no AS scheme_version_no, r.kind, r.title, r.phase, r.opens_at,
  r.self_assessment_until, r.review_until, r.explanation_until, r.final_review_until, r.finalised_at, r.assignment_seed, r.version,
  (SELECT max(e.until) FROM round_extensions e WHERE e.round_id = r.id) AS latest_extension, now() AS now,
  y.block_id, y.year, y.status AS year_status, y.leader_unit_id, y.deputy_unit_id, y.rules, b.code AS block_code, b.name AS block_name,
  EXISTS (SELECT 1 FROM block_year_members m WHERE m.block_year_id = y.id AND m.unit_id = ${unitId}) AS is_member`;

export const ROUND_FROM = 'scoring_rounds r JOIN scoring_schemes s ON s.id = r.scheme_id JOIN block_years y ON y.id = r.block_year_id JOIN blocks b ON b.id = y.block_id';

export const lockClause = (lock?: 'update' | 'share') => (lock === 'update' ? ' FOR UPDATE OF r' : lock === 'share' ? ' FOR SHARE OF r' : '');

/** A row of `roundColumns` → the round, its year with the seat of `unitId`, the phase in force. */
export function toRoundContext(r: Record<string, any>, unitId: string | null): RoundContext {
  const round: RoundRow = {
    id: r.id, blockYearId: r.block_year_id, schemeId: r.scheme_id, schemeTitle: r.scheme_title, schemeVersionNo: r.scheme_version_no, kind: r.kind, title: r.title,
    storedPhase: r.phase, opensAt: r.opens_at, selfAssessmentUntil: r.self_assessment_until, reviewUntil: r.review_until, explanationUntil: r.explanation_until,
    finalReviewUntil: r.final_review_until, finalisedAt: r.finalised_at, assignmentSeed: r.assignment_seed, latestExtension: r.latest_extension, version: r.version,
  };
  const seat: Seat | null = unitId && r.leader_unit_id === unitId ? 'leader' : unitId && r.deputy_unit_id === unitId ? 'deputy' : null;
  const year: ScoringYear = {
    blockYearId: r.block_year_id, blockId: r.block_id, blockCode: r.block_code, blockName: r.block_name, year: r.year, status: r.year_status,
    leaderUnitId: r.leader_unit_id, deputyUnitId: r.deputy_unit_id, rules: { ...defaultRuleSet(), ...(r.rules ?? {}) }, seat, isMember: r.is_member, unitId,
  };
  // The database's clock, so every check of one transaction agrees with the rows it reads.
  const now: Date = r.now;
  return { round, year, now, phase: effectivePhase({ ...round, phase: round.storedPhase }, now) };
}
