/** The error codes the auth module returns besides the common ones (`common/error-codes.ts`). */
export const AUTH_ERROR_CODES = [
  'csrf_failed', 'invalid_credentials', 'invalid_password', 'too_many_attempts', 'wrong_password',
] as const;
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

declare module '../../common/error-codes' {
  interface ErrorCodeRegistry extends Record<AuthErrorCode, true> {}
}
