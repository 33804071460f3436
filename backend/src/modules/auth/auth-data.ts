import type { EntityManager } from 'typeorm';
import type { Role } from '../../common/actor';

/**
 * The auth module's SQL: sessions and the wrong-password throttle, and what signing in reads of accounts,
 * units and block years (read only; their modules own those tables). Each function runs on the EntityManager
 * (or DataSource) it is given, so inside the caller's transaction when there is one.
 */
type Db = Pick<EntityManager, 'query'>;

/** What signing in and re-entering a password read of an account (the accounts module owns the table). */
export interface Credentials { id: string; email: string; passwordHash: string; archived: boolean }

/** A live session with its account, as `sessionCtes`' `ses` gives it. */
export interface SessionRow {
  sid: string;
  csrf_token: string;
  id: string;
  role: Role;
  unit_id: string | null;
  full_name: string;
  email: string;
}

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

/** A block-year seat (leader or deputy) of a unit. */
export interface SeatRow { blockYearId: string; blockId: string; blockName: string; year: number; seat: 'leader' | 'deputy' }

const CREDENTIALS_SELECT = 'SELECT id, email, password_hash AS "passwordHash", archived_at IS NOT NULL AS archived FROM accounts';

export async function credentialsByEmail(db: Db, email: string): Promise<Credentials | null> {
  const [row]: Credentials[] = await db.query(`${CREDENTIALS_SELECT} WHERE email = $1`, [email]);
  return row ?? null;
}

export async function credentialsById(db: Db, id: string): Promise<Credentials | null> {
  const [row]: Credentials[] = await db.query(`${CREDENTIALS_SELECT} WHERE id = $1`, [id]);
  return row ?? null;
}

/**
 * Ends an account's sessions (all, or all but one), inside the caller's transaction: a role, unit or password
 * changed, or the account ends its other sessions. Answers how many ended.
 */
export async function endSessionsOf(db: Db, accountId: string, exceptSessionId?: string): Promise<number> {
  // TypeORM answers a DELETE on PostgreSQL with [rows, affected].
  const [, ended]: [unknown, number] = exceptSessionId
    ? await db.query('DELETE FROM sessions WHERE account_id = $1 AND id <> $2', [accountId, exceptSessionId])
    : await db.query('DELETE FROM sessions WHERE account_id = $1', [accountId]);
  return ended;
}

/** Ends one of an account's sessions by its public id; answers how many ended (0 or 1). */
export async function endSessionByPublicId(db: Db, accountId: string, publicId: string): Promise<number> {
  const [, affected]: [unknown, number] = await db.query('DELETE FROM sessions WHERE account_id = $1 AND public_id = $2', [accountId, publicId]);
  return affected;
}

/** Keeps the account's `max` newest live sessions and drops the expired ones. */
export async function pruneSessions(db: Db, accountId: string, max: number): Promise<void> {
  await db.query(
        `DELETE FROM sessions WHERE account_id = $1 AND (expires_at <= now() OR id NOT IN (
           SELECT id FROM sessions WHERE account_id = $1 AND expires_at > now() ORDER BY created_at DESC, id DESC LIMIT $2))`,
        [accountId, max]);
}

/** The CSRF token of a session, or null when it is gone. */
export async function sessionCsrfToken(db: Db, sessionId: string): Promise<string | null> {
  const [session]: { csrf_token: string }[] = await db.query('SELECT csrf_token FROM sessions WHERE id = $1', [sessionId]);
  return session ? session.csrf_token : null;
}

export async function unitName(db: Db, unitId: string): Promise<string | null> {
  const [unit]: { name: string }[] = await db.query('SELECT name FROM units WHERE id = $1', [unitId]);
  return unit?.name ?? null;
}

/** The unit's leader and deputy seats, newest year first. */
export async function seatsOfUnit(db: Db, unitId: string): Promise<SeatRow[]> {
  return db.query(
      `SELECT y.id AS "blockYearId", b.id AS "blockId", b.name AS "blockName", y.year,
              CASE WHEN y.leader_unit_id = $1 THEN 'leader' ELSE 'deputy' END AS seat
       FROM block_years y JOIN blocks b ON b.id = y.block_id
       WHERE y.leader_unit_id = $1 OR y.deputy_unit_id = $1 ORDER BY y.year DESC`, [unitId]);
}

/** The live session of a token hash with its account (noting its use), or null. */
export async function readSession(db: Db, hash: string): Promise<SessionRow | null> {
  const [row]: SessionRow[] = await db.query(`WITH ${sessionCtes('$1')} SELECT * FROM ses`, [hash]);
  return row ?? null;
}

/** Seconds until the longest wait among the throttle keys ends, or null when none is waiting. */
export async function throttleWaitSeconds(db: Db, keys: string[]): Promise<number | null> {
  const [row]: { wait: number | null }[] = await db.query(
    `SELECT ceil(extract(epoch FROM max(blocked_until) - now()))::int AS wait FROM sign_in_throttle WHERE key = ANY($1) AND blocked_until > now()`, [keys]);
  return row?.wait ?? null;
}

/** Counts one failure against each key (restarting a count older than the window); answers each key's count. */
export async function countFailures(db: Db, keys: string[], windowSeconds: number): Promise<{ key: string; failures: number }[]> {
  return db.query(
    `INSERT INTO sign_in_throttle (key, failures, last_failure_at, blocked_until)
     SELECT k, 1, now(), now() FROM unnest($1::text[]) AS k
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN sign_in_throttle.last_failure_at < now() - make_interval(secs => $2) THEN 1 ELSE sign_in_throttle.failures + 1 END,
       last_failure_at = now(),
       blocked_until = greatest(sign_in_throttle.blocked_until, now())
     RETURNING key, failures`, [keys, windowSeconds]);
}

/** Makes each key wait its ms from now. */
export async function setThrottleWaits(db: Db, waits: { key: string; ms: number }[]): Promise<void> {
  await db.query(
      `UPDATE sign_in_throttle t SET blocked_until = now() + make_interval(secs => w.ms / 1000.0)
       FROM unnest($1::text[], $2::int[]) AS w(key, ms) WHERE t.key = w.key`, [waits.map((w) => w.key), waits.map((w) => w.ms)]);
}

/** Forgets the keys whose last failure is older than the window and that no longer wait. */
export async function pruneThrottle(db: Db, windowSeconds: number): Promise<void> {
  await db.query(`DELETE FROM sign_in_throttle WHERE last_failure_at < now() - make_interval(secs => $1) AND blocked_until < now()`, [windowSeconds]);
}

export async function deleteThrottleKey(db: Db, key: string): Promise<void> {
  await db.query('DELETE FROM sign_in_throttle WHERE key = $1', [key]);
}

/** Forgets a key and every key LIKE the pattern. */
export async function deleteThrottleKeys(db: Db, key: string, likePattern: string): Promise<void> {
  await db.query(`DELETE FROM sign_in_throttle WHERE key = $1 OR key LIKE $2`, [key, likePattern]);
}
