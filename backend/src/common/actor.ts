/** The signed-in person as the policies see them. */
export type Role = 'admin' | 'board' | 'officer' | 'unit_head';
export const ROLES: Role[] = ['admin', 'board', 'officer', 'unit_head'];

export interface Actor {
  id: string;
  role: Role;
  unitId: string | null;
  fullName: string;
  email: string;
  sessionId: string;
  /** The client address of the request (for the password throttle); absent outside a request. */
  address?: string;
  /** The request's id (X-Request-Id), written into the audit entries it makes; absent outside a request. */
  requestId?: string;
}

/**
 * What a request claims: its session token (as stored: SHA-256), the CSRF token it sent on a write, and the
 * roles its route admits. `admit` turns a claim and the session row it names into the actor, or refuses.
 */
export interface SessionClaim {
  tokenHash: string;
  /** The X-CSRF-Token header on a write; null on GET/HEAD/OPTIONS (nothing to check). */
  csrfSent: string | null;
  roles?: Role[];
  /** The client address (Express's req.ip: the proxy's forwarded address when the proxy is trusted). */
  address: string;
  requestId?: string;
}

/** admin and the city board (Ban Thi đua – Khen thưởng Thành phố) see every block. */
export const isCityWide = (a: Actor) => a.role === 'admin' || a.role === 'board';
/** Officers and unit heads (thủ trưởng) act for their own unit. */
export const isUnitMember = (a: Actor) => a.role === 'officer' || a.role === 'unit_head';
