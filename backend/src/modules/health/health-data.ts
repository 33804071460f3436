import type { EntityManager } from 'typeorm';

/** The health check's SQL: one trivial statement, which fails when the database cannot be reached. */
export async function pingDatabase(em: Pick<EntityManager, 'query'>): Promise<void> {
  await em.query('SELECT 1');
}
