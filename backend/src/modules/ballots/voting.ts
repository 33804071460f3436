/**
 * Who casts a unit's ballot and what a ballot may approve. Pure.
 *
 * Decision (domain.md §5 "cast by its delegate", §6 "unit head … cast the unit's ballot"): a unit's ballot
 * is cast by its head (thủ trưởng), or by an officer of the unit who is the person checked in as the unit's
 * delegate at the conference (the attendance's delegate name, up to the first " – " or comma, equals the
 * officer's full name, ignoring case and spacing). One ballot per unit whoever casts it.
 */

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');

/** "Trịnh Văn Khải – Phó Bí thư Thường trực" → "trịnh văn khải". */
export function personName(delegate: string): string {
  return norm(delegate.split(/\s+[–-]\s+|,/)[0] ?? '');
}

/** The officer is the person checked in as the unit's delegate. */
export function isDelegate(delegateName: string | null | undefined, fullName: string): boolean {
  const d = personName(delegateName ?? '');
  return d.length > 0 && d === norm(fullName);
}

export interface ApprovalProblem {
  code: 'not_candidate' | 'over_quota';
  message: string;
}

/**
 * Why a ballot's approvals are refused, or null: every approved unit must be a candidate of this ballot
 * (never another unit), and at most `quota` of them (approving none is a valid ballot).
 */
export function approvalProblem(approvals: readonly string[], candidates: readonly { unitId: string; name: string }[], quota: number, names: ReadonlyMap<string, string> = new Map()): ApprovalProblem | null {
  const ids = new Set(candidates.map((c) => c.unitId));
  const strangers = [...new Set(approvals)].filter((a) => !ids.has(a));
  if (strangers.length) {
    const label = strangers.map((s) => names.get(s) ?? s).join(', ');
    return { code: 'not_candidate', message: `chỉ được chọn các đơn vị có tên trong phiếu bầu; không có trong danh sách ứng viên: ${label}` };
  }
  if (new Set(approvals).size > quota) {
    return { code: 'over_quota', message: `chỉ được đồng ý tối đa ${quota} đơn vị (đã chọn ${new Set(approvals).size})` };
  }
  return null;
}
