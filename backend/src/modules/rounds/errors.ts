/** The error codes the rounds module returns besides the common ones (`common/error-codes.ts`). */
export const ROUNDS_ERROR_CODES = [
  'already_assigned', 'already_recused', 'already_replaced', 'already_submitted', 'archived', 'automatic_count',
  'confirmation_required', 'deadline_passed', 'duplicate_round', 'file_too_large', 'group_not_scored', 'incomplete',
  'invalid_score', 'invalid_target', 'no_replacement', 'not_applicable', 'not_assigned', 'not_lowered', 'not_open',
  'not_recused', 'not_target', 'own_unit', 'ranking_not_published', 'reason_required', 'recused_before',
  'reviews_started', 'round_finalised', 'use_finalise', 'wrong_phase', 'wrong_status',
] as const;
export type RoundsErrorCode = (typeof ROUNDS_ERROR_CODES)[number];

declare module '../../common/error-codes' {
  interface ErrorCodeRegistry extends Record<RoundsErrorCode, true> {}
}
