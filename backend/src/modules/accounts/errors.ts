/** The error codes the accounts module returns besides the common ones (`common/error-codes.ts`). */
export const ACCOUNTS_ERROR_CODES = [
  'archived', 'duplicate_email',
] as const;
export type AccountsErrorCode = (typeof ACCOUNTS_ERROR_CODES)[number];

declare module '../../common/error-codes' {
  interface ErrorCodeRegistry extends Record<AccountsErrorCode, true> {}
}
