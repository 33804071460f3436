/** The error codes the units module returns besides the common ones (`common/error-codes.ts`). */
export const UNITS_ERROR_CODES = [
  'archived', 'duplicate_name',
] as const;
export type UnitsErrorCode = (typeof UNITS_ERROR_CODES)[number];

declare module '../../common/error-codes' {
  interface ErrorCodeRegistry extends Record<UnitsErrorCode, true> {}
}
