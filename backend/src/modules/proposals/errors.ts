/** The error codes the proposals module returns besides the common ones (`common/error-codes.ts`). */
export const PROPOSALS_ERROR_CODES = [
  'already_decided', 'archived', 'ballot_not_found', 'board_cannot_edit', 'board_only', 'decision_not_found',
  'dossier_incomplete', 'file_too_large', 'minutes_not_found', 'no_decision', 'not_leader_head', 'not_nominated',
  'not_own_unit', 'proposal_exists', 'proposal_not_found', 'round_not_found', 'wrong_status',
] as const;
export type ProposalsErrorCode = (typeof PROPOSALS_ERROR_CODES)[number];

declare module '../../common/error-codes' {
  interface ErrorCodeRegistry extends Record<ProposalsErrorCode, true> {}
}
