/** The error codes the imports module returns besides the common ones (`common/error-codes.ts`). */
export const IMPORTS_ERROR_CODES = [
  'bad_template', 'confirmation_required', 'file_too_large', 'too_many_rows',
] as const;
export type ImportsErrorCode = (typeof IMPORTS_ERROR_CODES)[number];

declare module '../../common/error-codes' {
  interface ErrorCodeRegistry extends Record<ImportsErrorCode, true> {}
}
