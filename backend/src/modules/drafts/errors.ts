/** The error codes the drafts module returns besides the common ones (`common/error-codes.ts`). */
export const DRAFTS_ERROR_CODES = [
  'already_adopted', 'already_draft', 'archived', 'draft_exists', 'duplicate_document', 'empty_draft',
  'not_circulated', 'not_latest', 'not_thread_root', 'other_block_year', 'plan_invalid', 'unresolved_comments',
  'version_adopted', 'version_circulated', 'version_closed', 'version_superseded',
] as const;
export type DraftsErrorCode = (typeof DRAFTS_ERROR_CODES)[number];

declare module '../../common/error-codes' {
  interface ErrorCodeRegistry extends Record<DraftsErrorCode, true> {}
}
