import type { EntityManager } from 'typeorm';
import { sqlPage, textMatches } from '../../common/pagination';
import type { Role } from '../../common/actor';

/** The accounts module's SQL: an account with its unit's name, the filtered page, the checks before a write, the first admin. */

type Sql = Pick<EntityManager, 'query'>;

export interface AccountRow {
  id: string;
  fullName: string;
  email: string;
  role: Role;
  unitId: string | null;
  unitName: string | null;
  title: string;
  archivedAt: Date | null;
  version: number;
}

export interface AccountFilter {
  /** The accounts of this unit (null: of no unit); undefined for every unit. */
  unitId?: string | null;
  role?: Role;
  includeArchived?: boolean;
  /** Already turned into a LIKE pattern (`likePattern`). */
  namePattern?: string;
  page: number;
  pageSize: number;
}

interface RawAccount {
  id: string;
  full_name: string;
  email: string;
  role: Role;
  unit_id: string | null;
  unit_name: string | null;
  title: string;
  archived_at: Date | null;
  version: number;
}

const SELECT_ACCOUNT = `SELECT a.id, a.full_name, a.email, a.role, a.unit_id, a.title, a.archived_at, a.version, u.name AS unit_name
  FROM accounts a LEFT JOIN units u ON u.id = a.unit_id`;

const toRow = (r: RawAccount): AccountRow => ({
  id: r.id, fullName: r.full_name, email: r.email, role: r.role, unitId: r.unit_id, unitName: r.unit_name ?? null, title: r.title,
  archivedAt: r.archived_at, version: r.version,
});

/** One page of accounts matching the filter, by full name, and how many match in all. */
export async function accountPage(em: Sql, q: AccountFilter): Promise<{ rows: AccountRow[]; total: number }> {
  const { rows, total } = await sqlPage<RawAccount>(em, {
    from: 'accounts a', select: SELECT_ACCOUNT, orderBy: 'a.full_name', page: q.page, pageSize: q.pageSize,
    where: (p) => [
      q.unitId !== undefined && `a.unit_id = ${p(q.unitId)}`,
      q.role && `a.role = ${p(q.role)}`,
      !q.includeArchived && 'a.archived_at IS NULL',
      q.namePattern && textMatches(['a.full_name', 'a.email'], p(q.namePattern)),
    ],
  });
  return { rows: rows.map(toRow), total };
}

export async function findAccount(em: Sql, id: string): Promise<AccountRow | undefined> {
  const [row]: RawAccount[] = await em.query(`${SELECT_ACCOUNT} WHERE a.id = $1`, [id]);
  return row && toRow(row);
}

export async function emailTaken(em: Sql, email: string): Promise<boolean> {
  const [taken] = await em.query('SELECT 1 FROM accounts WHERE email = $1', [email]);
  return !!taken;
}

/** The account's current password hash (the account must exist). */
export async function passwordHashOf(em: Sql, id: string): Promise<string> {
  const [{ password_hash: current }]: { password_hash: string }[] = await em.query('SELECT password_hash FROM accounts WHERE id = $1', [id]);
  return current;
}

/** The unit an account would belong to: undefined when there is no such unit, else whether it is archived. */
export async function unitForAccount(em: Sql, unitId: string): Promise<{ archived: boolean } | undefined> {
  const [unit]: { archived_at: Date | null }[] = await em.query('SELECT archived_at FROM units WHERE id = $1', [unitId]);
  return unit && { archived: !!unit.archived_at };
}

/** Locks the accounts table against every other writer until the transaction ends (the first admin is created once). */
export async function lockAccountsTable(em: Sql): Promise<void> {
  await em.query('LOCK TABLE accounts IN EXCLUSIVE MODE');
}

export async function accountCount(em: Sql): Promise<number> {
  const [{ count }]: { count: number }[] = await em.query('SELECT count(*)::int AS count FROM accounts');
  return count;
}

/** Creates the first admin; answers its id. */
export async function insertFirstAdmin(em: Sql, email: string, passwordHash: string): Promise<string> {
  const [row]: { id: string }[] = await em.query(
    `INSERT INTO accounts (full_name, email, role, password_hash, title, version) VALUES ('Quản trị hệ thống', $1, 'admin', $2, 'Quản trị viên', 1) RETURNING id`,
    [email, passwordHash]);
  return row.id;
}
