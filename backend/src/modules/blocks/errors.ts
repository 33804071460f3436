/** The error codes the blocks module returns besides the common ones (`common/error-codes.ts`). */
export const BLOCKS_ERROR_CODES = [
  'archived', 'duplicate_code',
] as const;
export type BlocksErrorCode = (typeof BLOCKS_ERROR_CODES)[number];

declare module '../../common/error-codes' {
  interface ErrorCodeRegistry extends Record<BlocksErrorCode, true> {}
}
