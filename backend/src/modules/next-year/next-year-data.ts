import type { EntityManager } from 'typeorm';

/** The next-year start's SQL: reads of the block, its years and the members the new year carries over. */

type Sql = Pick<EntityManager, 'query'>;

export interface MemberUnit {
  id: string;
  name: string;
  archivedAt: Date | null;
}

/** Whether the block is archived. */
export async function blockArchived(em: Sql, blockId: string): Promise<boolean> {
  const [block]: { archived_at: Date | null }[] = await em.query('SELECT archived_at FROM blocks WHERE id = $1', [blockId]);
  return !!block.archived_at;
}

/** Whether the block already has a year `year`. */
export async function blockHasYear(em: Sql, blockId: string, year: number): Promise<boolean> {
  const [exists] = await em.query('SELECT id FROM block_years WHERE block_id = $1 AND year = $2', [blockId, year]);
  return !!exists;
}

/** The member units of a block year, by name, archived ones included. */
export async function memberUnits(em: Sql, blockYearId: string): Promise<MemberUnit[]> {
  const members: { id: string; name: string; archived_at: Date | null }[] = await em.query(
    `SELECT u.id, u.name, u.archived_at FROM block_year_members m JOIN units u ON u.id = m.unit_id WHERE m.block_year_id = $1 ORDER BY u.name`, [blockYearId]);
  return members.map((m) => ({ id: m.id, name: m.name, archivedAt: m.archived_at }));
}

/** Which of these units another block already has as members in `year`. */
export async function unitsInOtherBlock(em: Sql, unitIds: string[], year: number, blockId: string): Promise<{ name: string; blockName: string }[]> {
  const taken: { name: string; block_name: string }[] = await em.query(
    `SELECT u.name, b.name AS block_name FROM block_year_members m JOIN units u ON u.id = m.unit_id JOIN blocks b ON b.id = m.block_id
         WHERE m.unit_id = ANY($1::uuid[]) AND m.year = $2 AND m.block_id <> $3`, [unitIds, year, blockId]);
  return taken.map((t) => ({ name: t.name, blockName: t.block_name }));
}
