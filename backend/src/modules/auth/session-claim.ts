import { createHash, timingSafeEqual } from 'node:crypto';
import type { Actor, Role, SessionClaim } from '../../common/actor';
import { AppError, forbidden, unauthorized } from '../../common/app-error';


/** A live session with its account, as `SESSION_CTES`' `ses` gives it. */
export interface SessionRow {
  sid: string;
  csrf_token: string;
  id: string;
  role: Role;
  unit_id: string | null;
  full_name: string;
  email: string;
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The session part of a statement (`WITH ${sessionCtes('$1')} …`): `touched` notes the use once a minute,
 * `ses` is the live session of the token hash `param` with its (not archived) account, or no row.
 * A use case may put it in its own first statement (see `SessionInUseCase`) to save a round trip.
 */
export const sessionCtes = (param: string) => `
  touched AS (UPDATE sessions SET last_seen_at = now() WHERE id = ${param} AND last_seen_at < now() - interval '1 minute' RETURNING id),
  ses AS (SELECT s.id AS sid, s.csrf_token, a.id, a.role, a.unit_id, a.full_name, a.email
          FROM sessions s JOIN accounts a ON a.id = s.account_id
          WHERE s.id = ${param} AND s.expires_at > now() AND a.archived_at IS NULL)`;

/** The live session of a token hash with its account (noting its use), or null. */
export async function readSession(q: { query: (sql: string, params: unknown[]) => Promise<any[]> }, hash: string): Promise<SessionRow | null> {
  const [row] = await q.query(`WITH ${sessionCtes('$1')} SELECT * FROM ses`, [hash]);
  return row ?? null;
}

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
