import type { EntityManager } from 'typeorm';

/** The highest NN of the block year's minutes numbers ("NN/BB-<block code>"); 0 when none. */
export async function lastMinutesSequence(em: EntityManager, blockYearId: string): Promise<number> {
  const [{ last }] = await em.query(
    `SELECT coalesce(max(substring(m.doc_number from '^[0-9]+')::int), 0)::int AS last
     FROM conference_minutes m JOIN conferences c ON c.id = m.conference_id WHERE c.block_year_id = $1`, [blockYearId]);
  return last;
}
