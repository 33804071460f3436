/**
 * Who casts a unit's ballot, and why a cast paper is refused. Pure.
 *
 * Decision (docs/domain.md §5 "cast by its delegate", §6 "unit head … cast the unit's ballot"): a unit's ballot
 * is cast by its head (thủ trưởng), or by an officer of the unit who is the person checked in as the unit's
 * delegate at the conference (the attendance's delegate name, up to the first " – " or comma, equals the
 * officer's full name, ignoring case and spacing). One ballot per unit whoever casts it.
 */

import type { PaperProblem } from './crypto/paper-crypto';

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

/** Why a cast paper was refused, in Vietnamese, for the field the crypto check names. */
export function paperProblemMessage(problem: PaperProblem, candidates: readonly { name: string }[], quota: number): string {
  const who = problem.index !== undefined ? candidates[problem.index]?.name : undefined;
  switch (problem.code) {
    case 'paper_shape':
      return problem.index === undefined ? `phải có đúng ${candidates.length} lựa chọn, mỗi ứng viên một lựa chọn theo thứ tự trong phiếu bầu` : `lựa chọn cho ${who} không đúng định dạng`;
    case 'paper_point':
      return `lựa chọn cho ${who} không phải bản mã hợp lệ`;
    case 'choice_proof':
      return `chứng minh lựa chọn cho ${who} chỉ là đồng ý hoặc không đồng ý không hợp lệ (phiếu bị sửa, hoặc mã hóa cho cuộc bỏ phiếu khác)`;
    case 'quota_proof':
      return `chứng minh phiếu đồng ý không quá ${quota} đơn vị không hợp lệ`;
  }
}
