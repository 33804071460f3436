/**
 * The machine-readable rule set of a block year (docs/domain.md §4–§5). Every number is configurable;
 * these are the defaults. Pure: no NestJS or TypeORM here.
 */
export type AwardCode = 'gov_flag' | 'city_flag' | 'city_merit';
export const AWARD_CODES: AwardCode[] = ['gov_flag', 'city_flag', 'city_merit'];

export interface Quota {
  /** `count`: at most `value` units; `percent`: at most floor(value% of member units). */
  kind: 'count' | 'percent';
  value: number;
}

export type TieBreak = 'first_group_score' | 'fewer_deductions' | 'earlier_submission';
export const TIE_BREAKS: TieBreak[] = ['first_group_score', 'fewer_deductions', 'earlier_submission'];

export interface RuleSet {
  /** Quorum: present member units ≥ numerator/denominator of all members (default 2/3). */
  quorumNumerator: number;
  quorumDenominator: number;
  /** A candidate is elected when approvals exceed this percentage of the base. */
  voteThresholdPercent: number;
  voteThresholdBase: 'members' | 'present';
  quotas: Record<AwardCode, Quota>;
  tieBreakChain: TieBreak[];
  /** Final score: the leader's appraisal after explanations, or the median of peer reviews. */
  finalScoreRule: 'leader_appraisal' | 'peer_median';
  /** How many peer units each unit reviews (k). */
  reviewsPerUnit: number;
  /** Total maximum of the scoring scheme (100 or 1,000 are usual). */
  scoringScaleMax: number;
  /** A source differing from the final by more than this % of the criterion max is highlighted. */
  divergencePercent: number;
  /**
   * Days before a unit's deadline when the reminder goes out by itself (0: only on the day it is missed).
   * Optional so rule sets stored before it existed keep working; read it through `reminderDaysBefore()`.
   */
  reminderDaysBefore?: number;
}

export const DEFAULT_RULE_SET: RuleSet = {
  quorumNumerator: 2,
  quorumDenominator: 3,
  voteThresholdPercent: 50,
  voteThresholdBase: 'members',
  quotas: {
    gov_flag: { kind: 'count', value: 1 },
    city_flag: { kind: 'count', value: 1 },
    city_merit: { kind: 'percent', value: 50 },
  },
  tieBreakChain: ['first_group_score', 'fewer_deductions', 'earlier_submission'],
  finalScoreRule: 'leader_appraisal',
  reviewsPerUnit: 2,
  scoringScaleMax: 100,
  divergencePercent: 20,
  reminderDaysBefore: 3,
};

/** The reminder lead time of a rule set, the default when it has none. */
export const reminderDaysBefore = (rules: Pick<RuleSet, 'reminderDaysBefore'>): number => rules.reminderDaysBefore ?? DEFAULT_RULE_SET.reminderDaysBefore!;

export const defaultRuleSet = (): RuleSet => structuredClone(DEFAULT_RULE_SET);

/** Căn cứ pháp lý: one legal instrument cited by the year's documents. */
export interface LegalInstrument {
  number: string;
  /** ISO date, yyyy-mm-dd. */
  date: string;
  title: string;
}

/** The instruments in force for a year's work, as a starting list the board can edit. */
export function defaultLegalBasis(year: number): LegalInstrument[] {
  const law: LegalInstrument = { number: '06/2022/QH15', date: '2022-06-15', title: 'Luật Thi đua, khen thưởng' };
  const hanoi: LegalInstrument = { number: '32/2024/QĐ-UBND', date: '2024-05-13', title: 'Quyết định ban hành Quy chế công tác thi đua, khen thưởng trên địa bàn thành phố Hà Nội' };
  if (year >= 2026) {
    return [law, { number: '152/2025/NĐ-CP', date: '2025-06-16', title: 'Nghị định quy định chi tiết một số điều của Luật Thi đua, khen thưởng' }, { number: '15/2025/TT-BNV', date: '2025-06-30', title: 'Thông tư quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng' }, hanoi];
  }
  return [law, { number: '98/2023/NĐ-CP', date: '2023-12-31', title: 'Nghị định quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng' }, { number: '01/2024/TT-BNV', date: '2024-01-29', title: 'Thông tư quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng' }, ...(year >= 2024 ? [hanoi] : [])];
}

/** Quorum (docs/domain.md §5): present ≥ ⌈members × n / d⌉. */
export function quorumNeeded(members: number, rules: Pick<RuleSet, 'quorumNumerator' | 'quorumDenominator'>): number {
  return Math.ceil((members * rules.quorumNumerator) / rules.quorumDenominator - 1e-9);
}

export function hasQuorum(present: number, members: number, rules: Pick<RuleSet, 'quorumNumerator' | 'quorumDenominator'>): boolean {
  return members > 0 && present >= quorumNeeded(members, rules);
}

/** The most units that may receive an award in one block. */
export function quotaLimit(quota: Quota, members: number): number {
  return quota.kind === 'count' ? quota.value : Math.floor((members * quota.value) / 100 + 1e-9);
}

/** What the live ranking is computed with: the tie-break chain and the final-score rule. */
const RANKING_RULES = ['tieBreakChain', 'finalScoreRule'] as const;
export const RANKING_RULE_LABELS: Record<(typeof RANKING_RULES)[number], string> = {
  tieBreakChain: 'thứ tự ưu tiên khi bằng điểm',
  finalScoreRule: 'cách xác định điểm chốt',
};

/** The ranking rules a change of rule set touches (empty when none). */
export function changedRankingRules(before: Pick<RuleSet, 'tieBreakChain' | 'finalScoreRule'>, after: Pick<RuleSet, 'tieBreakChain' | 'finalScoreRule'>): (typeof RANKING_RULES)[number][] {
  return RANKING_RULES.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}
