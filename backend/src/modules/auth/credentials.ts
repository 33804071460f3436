import type { EntityManager } from 'typeorm';

/** What signing in and re-entering a password read of an account (the accounts module owns the table). */
export interface Credentials { id: string; email: string; passwordHash: string; archived: boolean }

type Queryable = Pick<EntityManager, 'query'>;

const SELECT = 'SELECT id, email, password_hash AS "passwordHash", archived_at IS NOT NULL AS archived FROM accounts';

export async function credentialsByEmail(db: Queryable, email: string): Promise<Credentials | null> {
  const [row] = await db.query(`${SELECT} WHERE email = $1`, [email]);
  return row ?? null;
}

export async function credentialsById(db: Queryable, id: string): Promise<Credentials | null> {
  const [row] = await db.query(`${SELECT} WHERE id = $1`, [id]);
  return row ?? null;
}

/** Ends an account's sessions (all, or all but one), inside the caller's transaction: a role, unit or password changed. */
export async function endSessionsOf(db: Queryable, accountId: string, exceptSessionId?: string): Promise<void> {
  if (exceptSessionId) await db.query('DELETE FROM sessions WHERE account_id = $1 AND id <> $2', [accountId, exceptSessionId]);
  else await db.query('DELETE FROM sessions WHERE account_id = $1', [accountId]);
}
