/** The error codes the covenants module returns besides the common ones (`common/error-codes.ts`). */
export const COVENANTS_ERROR_CODES = [
  'already_in_force', 'already_open', 'already_signed', 'amendment_exists', 'archived', 'content_changed',
  'covenant_frozen', 'covenant_in_force', 'covenant_open', 'covenant_superseded', 'leader_signs_last', 'no_members',
  'not_in_force', 'not_open', 'still_draft',
] as const;
export type CovenantsErrorCode = (typeof COVENANTS_ERROR_CODES)[number];

declare module '../../common/error-codes' {
  interface ErrorCodeRegistry extends Record<CovenantsErrorCode, true> {}
}
