/** The kinds of pending action the "Việc cần làm" list derives from a year's state (issue 12). */
export const TASK_KINDS = [
  // officer / unit head of a member unit
  'self_assessment', 'self_assessment_confirm', 'peer_review', 'explanation', 'draft_comment', 'nominee_report', 'invitation',
  // unit head
  'covenant_sign', 'ballot_vote', 'dossier_send',
  // leader or deputy seat
  'minutes_approve', 'units_late', 'round_advance', 'round_finalise', 'comments_resolve', 'tally_record_sign', 'dossier_build',
  // board and admin
  'block_year_setup', 'dossier_take', 'dossier_appraise', 'decision_record',
  // admin: the last scheduled backup failed
  'backup_failed',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
