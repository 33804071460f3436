import type { EntityManager } from 'typeorm';
import type { CityCount } from './proposal-rules';

/** What the city-wide quota use counts: the nominees of the dossiers with the board, and the blocks of awarded units. */

type Sql = Pick<EntityManager, 'query'>;

/** The year's nominees of every block's dossier with the board (submitted, under appraisal or approved) not decided yet. */
export async function pendingNominees(em: Sql, year: number): Promise<CityCount[]> {
  const rows: { unitId: string; code: string; blockId: string; blockName: string }[] = await em.query(
    `SELECT n.unit_id AS "unitId", n.award_code AS code, y.block_id AS "blockId", b.name AS "blockName"
       FROM proposal_nominees n JOIN proposals p ON p.id = n.proposal_id JOIN block_years y ON y.id = p.block_year_id JOIN blocks b ON b.id = y.block_id
       WHERE y.year = $1 AND p.status IN ('submitted','under_appraisal','approved')
         AND NOT EXISTS (SELECT 1 FROM proposal_decisions d WHERE d.nominee_id = n.id)`, [year]);
  return rows.map((r) => ({ blockId: r.blockId, blockName: r.blockName, unitId: r.unitId, code: r.code }));
}

/** The block each of these units belongs to in `year` (units in no block are absent). */
export async function blocksOfUnits(em: Sql, year: number, unitIds: string[]): Promise<{ unitId: string; blockId: string; blockName: string }[]> {
  return em.query(
    `SELECT m.unit_id AS "unitId", m.block_id AS "blockId", b.name AS "blockName" FROM block_year_members m JOIN blocks b ON b.id = m.block_id WHERE m.year = $1 AND m.unit_id = ANY($2::uuid[])`,
    [year, unitIds]);
}
