/** Pure year-end rules: tally, paper tally, eligibility, quotas, rotation (docs/domain.md §5). */
export { AWARD_NAMES, LEADING_UNIT_ONLY_AWARDS, RuleInputError, isCount, isValidQuota, repeatedIds, unitLabel } from './common';
export type { RuleError } from './common';
export { BALLOT_PROBLEMS, approvalsNeeded, ballotProblem, checkVoteSetup, countedTally, resultFromCounts, revoteSetup, tally, thresholdBaseCount } from './tally';
export type { BallotCounts, BallotProblem, CandidateResult, CountedTallyInput, ElectronicTallyResult, Revote, TallyInput, TallyResult, ThresholdBase, VoteSetup } from './tally';
export { checkPaperTally, paperTally } from './paper-tally';
export type { PaperTallyInput, PaperTallyOutcome } from './paper-tally';
export { DEFAULT_AWARD_GATES, EXCELLENT_COLLECTIVE_TITLE, checkEligibility, eligibleUnitIds } from './eligibility';
export type { AwardGates, EligibilityInput, UnitEligibility, UnitStanding } from './eligibility';
export { checkBlockQuotas, checkCityQuotas } from './quota';
export type { AwardUsage, BlockBreachKind, BlockProposals, BlockQuotaInput, CityQuotaBreach, CityQuotaInput, CityQuotaReport, Proposals, QuotaBreach } from './quota';
export { suggestNextSeats } from './rotation';
export type { SeatSuggestion, Seats } from './rotation';
