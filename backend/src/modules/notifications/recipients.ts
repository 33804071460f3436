/**
 * Who a notification goes to, named by role and scope rather than by account: each part is resolved to
 * the active accounts holding it when the notification is written.
 */
export interface Recipients {
  /** Every officer and the head of each unit. */
  units?: readonly string[];
  /** Only the officers of each unit. */
  unitOfficers?: readonly string[];
  /** Only the head (thủ trưởng) of each unit. */
  unitHeads?: readonly string[];
  /** The officers and head of the leader unit (Khối trưởng) of these block years. */
  leadersOf?: readonly string[];
  /** Every officer and head of the member units of these block years. */
  membersOf?: readonly string[];
  /** The heads of the member units of these block years. */
  memberHeadsOf?: readonly string[];
  /** The city board (Ban Thi đua – Khen thưởng). */
  board?: boolean;
  /** The system administrators. */
  admins?: boolean;
  accounts?: readonly string[];
}

/** The WHERE clause over `accounts a` and its parameters, starting at $`first`. */
export function recipientsFilter(to: Recipients, first: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown) => { params.push(v); return `$${first + params.length - 1}`; };
  const parts: string[] = [];
  if (to.units?.length) parts.push(`(a.role IN ('officer','unit_head') AND a.unit_id = ANY(${p(to.units)}::uuid[]))`);
  if (to.unitOfficers?.length) parts.push(`(a.role = 'officer' AND a.unit_id = ANY(${p(to.unitOfficers)}::uuid[]))`);
  if (to.unitHeads?.length) parts.push(`(a.role = 'unit_head' AND a.unit_id = ANY(${p(to.unitHeads)}::uuid[]))`);
  if (to.leadersOf?.length) parts.push(`(a.role IN ('officer','unit_head') AND a.unit_id IN (SELECT y.leader_unit_id FROM block_years y WHERE y.id = ANY(${p(to.leadersOf)}::uuid[])))`);
  if (to.membersOf?.length) parts.push(`(a.role IN ('officer','unit_head') AND a.unit_id IN (SELECT m.unit_id FROM block_year_members m WHERE m.block_year_id = ANY(${p(to.membersOf)}::uuid[])))`);
  if (to.memberHeadsOf?.length) parts.push(`(a.role = 'unit_head' AND a.unit_id IN (SELECT m.unit_id FROM block_year_members m WHERE m.block_year_id = ANY(${p(to.memberHeadsOf)}::uuid[])))`);
  if (to.board) parts.push(`a.role = 'board'`);
  if (to.admins) parts.push(`a.role = 'admin'`);
  if (to.accounts?.length) parts.push(`a.id = ANY(${p(to.accounts)}::uuid[])`);
  return { sql: parts.length ? `a.archived_at IS NULL AND (${parts.join(' OR ')})` : 'false', params };
}
