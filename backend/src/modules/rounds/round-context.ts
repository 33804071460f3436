import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { notFound } from '../../common/app-error';
import type { Seat } from '../../common/scope/scope.service';
import { defaultRuleSet } from '@thidua/rules';
import type { ScoringYear } from '../scoring/year-context';
import { effectivePhase, Phase, RoundKind } from '../../domain/round-phase';
import { selectRound, type StoredRound } from './round-row-data';

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
  const r = await selectRound(em, id, actor?.unitId ?? null, lock);
  if (!r) throw notFound('Không tìm thấy đợt chấm điểm.');
  return toRoundContext(r, actor?.unitId ?? null);
}

/** A stored round → the round, its year with the seat of `unitId`, the phase in force. */
export function toRoundContext(r: StoredRound, unitId: string | null): RoundContext {
  const round: RoundRow = {
    id: r.id, blockYearId: r.blockYearId, schemeId: r.schemeId, schemeTitle: r.schemeTitle, schemeVersionNo: r.schemeVersionNo, kind: r.kind, title: r.title,
    storedPhase: r.phase, opensAt: r.opensAt, selfAssessmentUntil: r.selfAssessmentUntil, reviewUntil: r.reviewUntil, explanationUntil: r.explanationUntil,
    finalReviewUntil: r.finalReviewUntil, finalisedAt: r.finalisedAt, assignmentSeed: r.assignmentSeed, latestExtension: r.latestExtension, version: r.version,
  };
  const seat: Seat | null = unitId && r.leaderUnitId === unitId ? 'leader' : unitId && r.deputyUnitId === unitId ? 'deputy' : null;
  const year: ScoringYear = {
    blockYearId: r.blockYearId, blockId: r.blockId, blockCode: r.blockCode, blockName: r.blockName, year: r.year, status: r.yearStatus,
    leaderUnitId: r.leaderUnitId, deputyUnitId: r.deputyUnitId, rules: { ...defaultRuleSet(), ...(r.rules ?? {}) }, seat, isMember: r.isMember, unitId,
  };
  // The database's clock, so every check of one transaction agrees with the rows it reads.
  const now: Date = r.now;
  return { round, year, now, phase: effectivePhase({ ...round, phase: round.storedPhase }, now) };
}
