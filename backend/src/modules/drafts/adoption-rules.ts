/**
 * Adopting a plan or rules version while comments on it are unresolved (issue 12 "no irreversible step
 * without naming who it hits"): allowed, but only with a written reason, and the refusal names every
 * comment left open. Pure.
 */
export interface UnresolvedComment {
  id: string;
  sectionKey: string;
  body: string;
  /** The commenting unit, or the person when the comment has no unit. */
  author: string;
}

const MAX_EXCERPT = 80;
const excerpt = (s: string) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_EXCERPT ? `${flat.slice(0, MAX_EXCERPT - 1)}…` : flat;
};

/** Null when the adoption may go ahead; else the Vietnamese refusal listing the open comments. */
export function adoptionReasonProblem(unresolved: readonly UnresolvedComment[], reason: string | undefined): string | null {
  if (!unresolved.length || (reason ?? '').trim().length > 0) return null;
  const list = unresolved.map((c) => `${c.author} (mục ${c.sectionKey}): "${excerpt(c.body)}"`).join('; ');
  return `Còn ${unresolved.length} góp ý chưa xử lý: ${list}. Muốn thông qua khi chưa xử lý hết góp ý, hãy ghi lý do (được lưu vào nhật ký).`;
}
