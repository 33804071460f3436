/** The error codes the conferences module returns besides the common ones (`common/error-codes.ts`). */
export const CONFERENCES_ERROR_CODES = [
  'agenda_item_decided', 'already_approved', 'already_decided', 'already_in_session', 'archived',
  'conference_concluded', 'conference_started', 'invitation_closed', 'material_other_year', 'minutes_frozen',
  'minutes_not_drafted', 'no_quorum', 'not_in_session', 'not_named_approver', 'same_approver',
] as const;
export type ConferencesErrorCode = (typeof CONFERENCES_ERROR_CODES)[number];

declare module '../../common/error-codes' {
  interface ErrorCodeRegistry extends Record<ConferencesErrorCode, true> {}
}
