import type { EntityManager } from 'typeorm';
import type { Role } from '../../common/actor';

/** A demo account with an already hashed password. */
export async function insertDemoAccount(em: EntityManager, a: { fullName: string; email: string; role: Role; unitId: string | null; title: string; passwordHash: string }): Promise<void> {
  await em.query(`INSERT INTO accounts (full_name, email, role, unit_id, title, password_hash, version) VALUES ($1,$2,$3,$4,$5,$6,1)`,
    [a.fullName, a.email, a.role, a.unitId, a.title, a.passwordHash]);
}
