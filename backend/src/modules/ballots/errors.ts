/** The error codes the ballots module returns besides the common ones (`common/error-codes.ts`). */
export const BALLOTS_ERROR_CODES = [
  'already_decided', 'already_signed', 'already_voted', 'archived', 'award_not_found', 'ballot_closed',
  'ballot_key_mismatch', 'ballot_key_missing', 'ballot_open', 'choice_proof', 'electronic_ballot', 'invalid_ballot',
  'next_year_exists', 'no_candidates', 'no_quorum', 'no_quota', 'no_revote', 'not_delegate', 'not_in_session',
  'not_member', 'not_present', 'not_voter', 'not_year_end', 'other_unit', 'paper_ballot', 'paper_point',
  'paper_replayed', 'paper_shape', 'paper_tally_mismatch', 'quota_proof', 'revote_exists', 'revote_pending',
  'tally_incomplete',
] as const;
export type BallotsErrorCode = (typeof BALLOTS_ERROR_CODES)[number];

declare module '../../common/error-codes' {
  interface ErrorCodeRegistry extends Record<BallotsErrorCode, true> {}
}
