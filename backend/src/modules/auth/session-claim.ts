import { createHash, timingSafeEqual } from 'node:crypto';
import type { Actor, SessionClaim } from '../../common/actor';
import { AppError, forbidden, unauthorized } from '../../common/app-error';
import type { SessionRow } from './auth-data';

export { readSession, sessionCtes, type SessionRow } from './auth-data';

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The session row → the actor, after the CSRF double-submit check on writes and the route's role gate. */
export function admit(row: SessionRow | null | undefined, claim: SessionClaim): Actor {
  if (!row) throw unauthorized('unauthenticated', 'Phiên đăng nhập đã hết hạn hoặc chưa đăng nhập. Vui lòng đăng nhập lại.');
  if (claim.csrfSent !== null) {
    const sent = claim.csrfSent;
    if (sent.length !== row.csrf_token.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(row.csrf_token))) {
      throw new AppError(403, 'csrf_failed', 'Yêu cầu không hợp lệ (thiếu mã chống giả mạo). Vui lòng tải lại trang.');
    }
  }
  if (claim.roles && !claim.roles.includes(row.role)) throw forbidden();
  return { id: row.id, role: row.role, unitId: row.unit_id, fullName: row.full_name, email: row.email, sessionId: row.sid, address: claim.address, requestId: claim.requestId };
}
