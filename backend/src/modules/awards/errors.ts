/** The error codes the awards module returns besides the common ones (`common/error-codes.ts`). */
export const AWARDS_ERROR_CODES = [
  'already_revoked', 'award_code_taken', 'award_exists', 'award_name_taken', 'award_not_found',
  'award_record_not_found', 'discipline_flag_not_found', 'invalid_award_rules', 'title_exists', 'title_not_found',
  'unit_not_found',
] as const;
export type AwardsErrorCode = (typeof AWARDS_ERROR_CODES)[number];

declare module '../../common/error-codes' {
  interface ErrorCodeRegistry extends Record<AwardsErrorCode, true> {}
}
