import { canonicalJson } from './canonical-json';
import { conflict } from './app-error';

/** Optimistic concurrency: the client sends the version it edited; a newer one in the database wins. */
export function assertVersion(current: { version: number }, sent: number, what: string): void {
  if (current.version !== sent) {
    throw conflict('stale_version', `${what} vừa được người khác cập nhật (phiên bản ${current.version}, bạn sửa phiên bản ${sent}). Vui lòng tải lại để xem thay đổi mới nhất.`);
  }
}

/** The fields that change, as { before, after } for the audit log. */
export function changedFields<T extends object>(current: T, patch: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const before: Partial<T> = {};
  const after: Partial<T> = {};
  for (const key of Object.keys(patch) as (keyof T)[]) {
    if (patch[key] === undefined) continue;
    // Key order does not count: jsonb reorders keys, and a form sends them in its own order.
    if (canonicalJson(current[key]) !== canonicalJson(patch[key])) {
      before[key] = current[key];
      after[key] = patch[key];
    }
  }
  return { before, after };
}
