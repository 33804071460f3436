/** The error codes the block-years module returns besides the common ones (`common/error-codes.ts`). */
export const BLOCK_YEARS_ERROR_CODES = [
  'archived', 'duplicate_year', 'next_year_exists', 'round_open', 'rules_adopted', 'seats_not_elected',
  'unit_in_other_block',
] as const;
export type BlockYearsErrorCode = (typeof BLOCK_YEARS_ERROR_CODES)[number];

declare module '../../common/error-codes' {
  interface ErrorCodeRegistry extends Record<BlockYearsErrorCode, true> {}
}
