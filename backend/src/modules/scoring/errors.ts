/** The error codes the scoring module returns besides the common ones (`common/error-codes.ts`). */
export const SCORING_ERROR_CODES = [
  'archived', 'bad_template', 'duplicate_code', 'file_too_large', 'invalid_import', 'invalid_scheme',
  'scale_mismatch', 'scheme_frozen', 'scheme_in_use', 'scheme_invalid', 'too_many_rows',
] as const;
export type ScoringErrorCode = (typeof SCORING_ERROR_CODES)[number];

declare module '../../common/error-codes' {
  interface ErrorCodeRegistry extends Record<ScoringErrorCode, true> {}
}
