/**
 * The final score of one criterion from its sources, divergence highlighting and the reason rule
 * (docs/domain.md §4). Pure: no NestJS or TypeORM here.
 *
 * Glossary: tự chấm = self-assessment score; chấm chéo = peer (cross-review) score; thẩm định = the
 * leader unit's appraisal; giải trình = a unit's explanation; điểm cuối cùng = final score.
 */
import type { RuleSet } from '../rule-set';
import { round2 } from './round';

export type FinalScoreRule = RuleSet['finalScoreRule'];

/** All scores recorded for one criterion of one unit; null where a source has not scored. */
export interface ScoreSources {
  self: number | null;
  /** One score per peer reviewer that has scored. */
  peers: readonly number[];
  leader: number | null;
  /** A final score the leader set explicitly in final review. */
  final?: number | null;
}

export interface FinalScore {
  score: number | null;
  /** Where the score came from. */
  source: 'final' | 'leader' | 'peer_median' | 'self' | null;
}

/** Median at 2 decimals: the middle value, or the mean of the two middle values; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('median: not a finite number');
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return round2(sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
}

/**
 * The final score under the rule set's rule:
 * - `leader_appraisal` (default): the leader's appraisal if present, else the self score;
 * - `peer_median`: the median of peer scores, else the leader's appraisal, else the self score.
 * An explicit final score (set by the leader in final review) wins under both rules: it is the recorded
 * decision, made with the other sources in view. With no source at all the result is null.
 */
export function finalScore(sources: ScoreSources, rule: FinalScoreRule = 'leader_appraisal'): FinalScore {
  if (sources.final !== undefined && sources.final !== null) return { score: sources.final, source: 'final' };
  if (rule === 'peer_median') {
    const m = median(sources.peers);
    if (m !== null) return { score: m, source: 'peer_median' };
  }
  if (sources.leader !== null) return { score: sources.leader, source: 'leader' };
  if (sources.self !== null) return { score: sources.self, source: 'self' };
  return { score: null, source: null };
}

/**
 * True when a source's score differs from the final score by strictly more than `percent`% of the
 * criterion's max (e.g. 20% of 10 = 2: a gap of 2 is not divergent, 2.01 is). False when either is missing.
 */
export function divergence(sourceScore: number | null, finalScore: number | null, max: number, percent: number): boolean {
  if (sourceScore === null || finalScore === null) return false;
  const gap = Math.abs(sourceScore - finalScore);
  const limit = (max * percent) / 100;
  return gap - limit > 1e-9 * Math.max(1, limit);
}

/**
 * True when a reviewer's or the leader's score needs a written reason: it differs from the unit's self
 * score (compared at 2 decimals). A score where the unit gave none also needs one. No score, no reason.
 */
export function needsReason(score: number | null, selfScore: number | null): boolean {
  if (score === null) return false;
  if (selfScore === null) return true;
  return round2(score) !== round2(selfScore);
}
